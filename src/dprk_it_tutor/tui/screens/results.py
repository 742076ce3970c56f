"""The results screen: the score against the pass mark and every question's outcome."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

from dprk_it_tutor.content import Lesson
from dprk_it_tutor.progress import format_score
from dprk_it_tutor.quiz.grading import describe_answer
from dprk_it_tutor.quiz.session import QuizSession
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import GoHome, OpenQuiz


def _clip(text: str, width: int) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


class ResultsScreen(Screen):
    BINDINGS = [
        Binding("escape,h", "home", "Course map"),
        Binding("r", "retake", "Retake quiz"),
    ]

    def __init__(self, lesson: Lesson, session: QuizSession) -> None:
        super().__init__()
        self.lesson = lesson
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        right = sum(1 for g in session.grades.values() if g.correct)
        verdict = (
            Content.styled("Passed", "bold $text-success")
            if session.passed
            else Content.styled("Not passed yet", "bold $text-error")
        )
        yield Header()
        with Vertical(id="results"):
            yield Static(
                Content.assemble(
                    (printable(f"Quiz: {self.lesson.title}"), "bold"),
                    "\n\n",
                    verdict,
                    f"  {format_score(session.score)} "
                    f"({right} of {len(session.questions)} right; pass mark {session.quiz.pass_mark}%)",
                ),
                id="score",
            )
            yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="results-nav"):
                yield Button("Back to the course map", id="back-to-map", variant="primary")
                yield Button("Retake the quiz", id="retake")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#answers", DataTable)
        table.add_columns("", "Question", "Your answer", "Correct answer")
        for question in self.session.questions:
            grade = self.session.grades.get(question.id)
            mark = (
                Content.styled("✓", "$text-success")
                if grade and grade.correct
                else Content.styled("✗", "$text-error")
            )
            table.add_row(
                mark,
                _clip(question.prompt, 48),
                _clip(describe_answer(question, self.session.responses.get(question.id)), 24),
                _clip(describe_answer(question, question.answer), 24),
            )
        self.query_one("#back-to-map", Button).focus()

    def action_home(self) -> None:
        self.post_message(GoHome())

    def action_retake(self) -> None:
        self.dismiss()
        self.app.post_message(OpenQuiz(self.lesson.id))

    @on(Button.Pressed, "#back-to-map")
    def home_pressed(self) -> None:
        self.action_home()

    @on(Button.Pressed, "#retake")
    def retake_pressed(self) -> None:
        self.action_retake()
