"""The results screen: the score against the pass mark and every question's outcome."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Header, Static

from dprk_it_tutor.progress import AttemptKind, format_score
from dprk_it_tutor.quiz.grading import describe_answer
from dprk_it_tutor.quiz.session import QuizSession
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import GoHome, OpenFinalExam, OpenQuiz, StartQuiz
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.fill_table import FILL_MIN_WIDTH, FillColumnTable, plain_cell
from dprk_it_tutor.tui.widgets.footer import Footer

MARKS = {
    "right": ("✓", "$text-success"),
    "partly right": ("◐", "$text-warning"),
    "wrong": ("✗", "$text-error"),
}


ANSWER_WIDTH = 18


def _clip(text: str, width: int) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


class AnswersTable(FillColumnTable):
    """Every question's outcome; the question column takes the width the answers leave."""

    FILL_COLUMN = "question"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_column("", key="mark", width=1)
        self.add_column("Score", key="score", width=5)
        self.add_column("Question", key="question", width=FILL_MIN_WIDTH)
        self.add_column("Your answer", key="response", width=ANSWER_WIDTH)
        self.add_column("Correct answer", key="answer", width=ANSWER_WIDTH)


class ResultsScreen(TutorScreen):
    BINDINGS = [
        Binding("escape,h", "home", "Course map"),
        Binding("m", "retry_missed", "Retry the ones I missed"),
        Binding("r", "retake", "Retake"),
    ]

    def __init__(self, session: QuizSession, kind: AttemptKind, title: str) -> None:
        super().__init__()
        self.session = session
        self.kind = kind
        self.title_text = title

    def compose(self) -> ComposeResult:
        session = self.session
        right = sum(1 for g in session.grades.values() if g.correct)
        counts = f"({right} of {len(session.questions)} fully right"
        if self.kind in ("quiz", "exam"):
            passed = session.passed
            verdict = Content.styled(
                "Passed" if passed else "Not passed yet",
                f"bold {'$text-success' if passed else '$text-error'}",
            )
            counts += f"; pass mark {session.quiz.pass_mark}%)"
        else:
            verdict = Content.styled("Done", "bold")
            counts += ")"
        yield Header()
        with Vertical(id="results"):
            yield Static(
                Content.assemble(
                    (printable(self.title_text), "bold"),
                    "\n\n",
                    verdict,
                    f"  {format_score(session.score)} {counts}",
                ),
                id="score",
            )
            yield AnswersTable(id="answers")
            with Horizontal(id="results-nav"):
                yield Button("Back to the course map", id="back-to-map", variant="primary")
                if session.missed:
                    yield Button(f"Retry the {len(session.missed)} I missed", id="retry-missed")
                if self.kind in ("quiz", "exam"):
                    yield Button("Retake", id="retake")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(AnswersTable)
        for question in self.session.questions:
            grade = self.session.grades.get(question.id)
            mark, style = MARKS[grade.verdict] if grade else MARKS["wrong"]
            response = describe_answer(question, self.session.responses.get(question.id))
            table.add_row(
                Content.styled(mark, style),
                format_score(grade.score if grade else 0.0),
                plain_cell(" ".join(question.prompt.split())),
                plain_cell(_clip(response, ANSWER_WIDTH)),
                plain_cell(_clip(describe_answer(question, question.answer), ANSWER_WIDTH)),
            )
        self.query_one("#back-to-map", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry_missed":
            return bool(self.session.missed)
        if action == "retake":
            return self.kind in ("quiz", "exam")
        return True

    @on(Button.Pressed, "#back-to-map")
    def action_home(self) -> None:
        self.post_message(GoHome())

    @on(Button.Pressed, "#retry-missed")
    def action_retry_missed(self) -> None:
        if self.session.missed:
            title = self.title_text.replace("Quiz: ", "Retry: ", 1)
            message = StartQuiz(self.session.quiz, "retry", title, only=self.session.missed)
            self.dismiss()
            self.app.post_message(message)

    @on(Button.Pressed, "#retake")
    def action_retake(self) -> None:
        self.dismiss()
        if self.kind == "exam":
            self.app.post_message(OpenFinalExam())
        elif self.kind == "quiz":
            self.app.post_message(OpenQuiz(self.session.quiz.lesson_id))
