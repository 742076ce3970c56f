"""The quiz screen: one question at a time, any type, with hints and immediate feedback.

The same screen runs a lesson's quiz, a retry of the missed questions, the final exam and a
spaced-review session; only the attempt's ``kind`` and title differ.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Label, Static

from dprk_it_tutor.content import Course, Lesson, Question, Quiz
from dprk_it_tutor.progress import Attempt, AttemptKind
from dprk_it_tutor.quiz.session import QuizSession
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import QuizFinished
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.answers import SubmitAnswer, answer_widget
from dprk_it_tutor.tui.widgets.feedback import Feedback, feedback_content
from dprk_it_tutor.tui.widgets.footer import Footer

TYPE_INSTRUCTIONS = {
    "single": "Choose one: press its number, or move with ↑ ↓ and press Enter.",
    "true_false": "True or false? Press t or f, or 1 or 2.",
    "multiple": "Choose all that apply: space or a number ticks, Enter checks.",
    "short": "Type your answer and press Enter.",
    "numeric": "Type a number and press Enter.",
    "ordering": "Put these in order: shift+↑ / shift+↓ (or [ and ]) move the highlighted item, Enter checks.",
    "matching": "Choose a match for each item (Enter opens a list), then Check answer.",
}


class QuizScreen(TutorScreen):
    BINDINGS = [
        # Letters for choice questions; F2/F3 also work while typing into a text answer.
        Binding("h,f2", "hint", "Hint"),
        Binding("l,f3", "read_step", "Read step"),
        Binding("n", "next_question", "Next"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(
        self,
        course: Course,
        quiz: Quiz,
        progress: ProgressRecorder,
        *,
        kind: AttemptKind = "quiz",
        title: str = "",
        only: Sequence[str] | None = None,
        resume: Attempt | None = None,
    ) -> None:
        super().__init__()
        self.course = course
        self.progress = progress
        self.kind = kind
        self.title_text = title or f"Quiz: {quiz.lesson_id}"
        self.index = 0
        self.attempt_id: int | None = None
        self.resumed = resume
        if resume is None:
            self.session = QuizSession.start(quiz, only=only)
        else:
            answers = {a.question_id: (a.response, a.hint_used) for a in resume.answers.values()}
            self.session = QuizSession.resume(quiz, resume.seed, resume.question_ids, answers)
            self.attempt_id = resume.id

    @property
    def question(self) -> Question:
        return self.session.questions[self.index]

    def lesson_of(self, question: Question) -> Lesson | None:
        found = self.course.question(question.id)
        return found[1] if found else None

    @property
    def answered(self) -> bool:
        return self.question.id in self.session.grades

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="quiz-bar"):
            yield Label(printable(self.title_text), id="quiz-title", markup=False)
            yield Label("", id="question-counter")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="prompt", markup=False)
            yield Static(id="instructions", markup=False)
            yield Vertical(id="answer-slot")
            yield Static(id="hint", markup=False)
            yield Feedback(id="feedback", markup=False)
        with Horizontal(id="quiz-nav"):
            yield Button("Hint", id="show-hint")
            yield Button("Check answer", id="check", variant="primary")
            yield Button("Next question ▶", id="next-question", variant="primary")
        yield Footer()

    async def on_mount(self) -> None:
        if not self.session.questions:
            self.notify("There are no questions to ask here.", severity="warning")
            self.dismiss()
            return
        if self.resumed is None:
            question_ids = [q.id for q in self.session.questions]
            self.attempt_id = self.progress.start_attempt(
                self.session.quiz.lesson_id, self.session.seed, question_ids, self.kind
            )
        # Kept until the attempt ends, so a crash or a killed terminal reopens it where it was.
        self.progress.set_resume_attempt(self.attempt_id)
        if self.resumed is not None:
            position = self.session.next_unanswered
            if position is None:  # stopped after the last answer, before the results
                self._finish()
                return
            self.index = position
            answered = len(self.session.grades)
            self.notify(
                f"Picking up where you left off: {answered} of {len(self.session.questions)} "
                "question(s) already answered.",
                title="Unfinished attempt",
            )
        await self._show_question()

    async def _show_question(self) -> None:
        question = self.question
        total = len(self.session.questions)
        self.query_one("#question-counter", Label).update(f"Question {self.index + 1} of {total}")
        self.query_one("#prompt", Static).update(printable(question.prompt))
        self.query_one("#instructions", Static).update(TYPE_INSTRUCTIONS[question.type])
        slot = self.query_one("#answer-slot")
        await slot.remove_children()
        widget = answer_widget(question, self.session.options(question))
        await slot.mount(widget)
        for hidden in ("#hint", "#feedback", "#next-question"):
            self.query_one(hidden).display = False
        self.query_one("#check").display = True
        self.query_one("#show-hint").display = bool(question.hint)
        body = self.query_one("#quiz-body")
        body.anchor(False)  # anchored while the last feedback was placed (see check_answer)
        body.scroll_home(animate=False)
        # Not scrolled to: on a short terminal that would hide the question above the answers.
        widget.focus(scroll_visible=False)
        self.session.shown(question)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.session.questions:
            return action == "leave"
        if action == "next_question":
            return self.answered or None
        if action == "hint":
            return (bool(self.question.hint) and not self.answered) or None
        if action == "read_step":
            return self.question.step is not None or None
        return True

    # -- answering ----------------------------------------------------------------------------

    @on(SubmitAnswer)
    @on(Button.Pressed, "#check")
    def check_answer(self) -> None:
        if self.answered:
            return
        question = self.question
        widget = self.query_one("#answer")
        response = widget.response()
        if response is None:
            self.notify(widget.incomplete or "Answer the question first.", severity="warning")
            return
        grade = self.session.answer(question, response)
        hint_used = question.id in self.session.hints_used
        self.progress.record_answer(
            self.attempt_id,
            question.id,
            response,
            grade.score,
            hint_used=hint_used,
            seconds=self.session.seconds.get(question.id),
        )
        lesson = self.lesson_of(question)
        self.progress.record_review(question.id, lesson.id if lesson else "", grade, hint_used)
        button = self.query_one("#next-question", Button)
        last = self.index == len(self.session.questions) - 1
        button.label = "See my results ▶" if last else "Next question ▶"
        button.display = True
        # Focused now, not later as focus() would: the answer, frozen next, is then no longer
        # focused, and freezing it does not blur it (a blur repaints the screen at once, a frame
        # ahead of the verdict's).
        self.set_focus(button, scroll_visible=False)  # the feedback scrolls into view instead
        widget.freeze(response)
        feedback = self.query_one("#feedback", Static)
        feedback.update(feedback_content(question, response, grade, lesson))
        feedback.display = True
        # The feedback is the last thing in the body: anchored to its end, the body is scrolled
        # by the very layout that places the feedback, not one frame later by Feedback.on_show
        # (which releases the anchor, and still shows the top of feedback taller than the body).
        self.query_one("#quiz-body").anchor()
        self.query_one("#check").display = False
        self.query_one("#show-hint").display = False
        self.refresh_bindings()
        # Every widget changed above tells the screen so in a message of its own, and a frame
        # can come between two of them. Laid out and painted whole, the verdict is one frame.
        self.refresh(layout=True)

    @on(Button.Pressed, "#show-hint")
    def action_hint(self) -> None:
        question = self.question
        if self.answered or not question.hint:
            return
        self.session.use_hint(question)
        hint = self.query_one("#hint", Static)
        hint.update(Content.assemble(("Hint: ", "bold"), printable(question.hint)))
        hint.display = True
        self.query_one("#show-hint").display = False
        self.refresh_bindings()

    def action_read_step(self) -> None:
        from dprk_it_tutor.tui.screens.lesson import LessonScreen

        question = self.question
        lesson = self.lesson_of(question)
        if lesson is None or question.step is None:
            return
        self.app.push_screen(
            LessonScreen(lesson, self.progress, has_quiz=False, step=question.step, peek=True)
        )

    @on(Button.Pressed, "#next-question")
    async def action_next_question(self) -> None:
        if not self.answered:
            return
        if self.index + 1 < len(self.session.questions):
            self.index += 1
            await self._show_question()
            return
        self._finish()

    def _finish(self) -> None:
        self.progress.finish_attempt(self.attempt_id, self.session.score, self.session.passed)
        self.progress.set_resume_attempt(None)
        if self.kind == "quiz":
            self.progress.set_resume_lesson(None)
        self.post_message(QuizFinished(self.session, self.kind, self.title_text))

    def action_leave(self) -> None:
        # Left on purpose: the next start opens the course map, while the lesson's quiz still
        # picks this attempt up again when the learner comes back to it.
        self.progress.set_resume_attempt(None)
        self.dismiss()
