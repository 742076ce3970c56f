"""The quiz screen: one question at a time, with immediate feedback and the explanation."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, OptionList, Static

from dprk_it_tutor.content import Lesson, Quiz
from dprk_it_tutor.quiz.grading import Grade
from dprk_it_tutor.quiz.session import QuizSession
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import QuizFinished
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.widgets.choice_list import ChoiceList


class QuizScreen(Screen):
    BINDINGS = [
        Binding("n", "next_question", "Next question"),
        Binding("escape", "leave", "Back to lesson"),
    ]

    def __init__(self, lesson: Lesson, quiz: Quiz, progress: ProgressRecorder) -> None:
        super().__init__()
        self.lesson = lesson
        self.progress = progress
        self.session = QuizSession.start(quiz)
        self.index = 0
        self.attempt_id: int | None = None

    @property
    def question(self):
        return self.session.questions[self.index]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="quiz-bar"):
            yield Label(printable(f"Quiz: {self.lesson.title}"), id="quiz-title", markup=False)
            yield Label("", id="question-counter")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="prompt", markup=False)
            yield ChoiceList(id="choices")
            yield Static(id="feedback", markup=False)
        with Horizontal(id="quiz-nav"):
            yield Button("Next question ▶", id="next-question", variant="primary", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        self.attempt_id = self.progress.start_attempt(
            self.lesson.id, self.session.seed, [q.id for q in self.session.questions]
        )
        self._show_question()

    def _show_question(self) -> None:
        question = self.question
        total = len(self.session.questions)
        self.query_one("#question-counter", Label).update(f"Question {self.index + 1} of {total}")
        self.query_one("#prompt", Static).update(printable(question.prompt))
        choices = self.query_one(ChoiceList)
        choices.show_choices(question.choices)
        feedback = self.query_one("#feedback", Static)
        feedback.update("")
        feedback.display = False
        self.query_one("#next-question", Button).disabled = True
        self.query_one("#quiz-body").scroll_home(animate=False)
        choices.focus()
        self.refresh_bindings()

    @property
    def answered(self) -> bool:
        return self.question.id in self.session.grades

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_question":
            return self.answered or None
        return True

    @on(OptionList.OptionSelected, "#choices")
    def choice_made(self, event: OptionList.OptionSelected) -> None:
        if self.answered or event.option_id is None:
            return
        question = self.question
        picked = question.choices[int(event.option_id)]
        grade = self.session.answer(question, picked)
        self.progress.record_answer(self.attempt_id, question.id, picked, grade.score)
        self.query_one(ChoiceList).mark(picked, question.answer)
        self._show_feedback(grade)
        button = self.query_one("#next-question", Button)
        button.disabled = False
        last = self.index == len(self.session.questions) - 1
        button.label = "See my results ▶" if last else "Next question ▶"
        button.focus()
        self.refresh_bindings()

    def _show_feedback(self, grade: Grade) -> None:
        question = self.question
        if grade.correct:
            verdict = Content.styled("✓ Right.", "bold $text-success")
        else:
            verdict = Content.styled(
                f"✗ Not quite. The answer is: {printable(str(question.answer))}", "bold $text-error"
            )
        parts: list[Content | str] = [verdict, "\n"]
        if grade.feedback:
            parts += ["\n", printable(grade.feedback), "\n"]
        parts += ["\n", printable(question.explanation)]
        if question.step is not None:
            step = self.lesson.steps[question.step - 1]
            parts += [
                "\n\n",
                Content.styled(printable(f"Taught in step {step.number}: {step.title}"), "italic"),
            ]
        feedback = self.query_one("#feedback", Static)
        feedback.update(Content.assemble(*parts))
        feedback.display = True

    def action_next_question(self) -> None:
        if not self.answered:
            return
        if self.index + 1 < len(self.session.questions):
            self.index += 1
            self._show_question()
            return
        self.progress.finish_attempt(self.attempt_id, self.session.score, self.session.passed)
        self.progress.set_resume_lesson(None)
        self.post_message(QuizFinished(self.session))

    @on(Button.Pressed, "#next-question")
    def next_pressed(self) -> None:
        self.action_next_question()

    def action_leave(self) -> None:
        self.dismiss()
