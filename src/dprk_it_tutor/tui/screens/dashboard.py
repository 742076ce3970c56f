"""The progress dashboard: who is learning, the streak, reviews due, every lesson and its scores."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Header, ProgressBar, Static

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress.report import LessonProgress, ProgressReport, format_duration
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import OpenLesson, OpenReview
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.fill_table import FILL_MIN_WIDTH, FillColumnTable, plain_cell
from dprk_it_tutor.tui.widgets.footer import Footer
from dprk_it_tutor.tui.widgets.score_chart import ScoreChart

SHOWN_SCORES = 8  # the latest scores written out in full; the chart shows them all


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value)}%"


def _score_trail(scores: Sequence[float]) -> str:
    shown = " → ".join(_percent(score) for score in scores[-SHOWN_SCORES:])
    return f"… {shown}" if len(scores) > SHOWN_SCORES else shown


def lesson_scores_text(lesson: LessonProgress, has_quiz: bool) -> str:
    if not has_quiz:
        return f"{printable(lesson.title)} has no quiz"
    count = len(lesson.scores)
    if not count:
        return "No quiz attempts yet"
    known = f" · mastery {_percent(lesson.mastery)} ({lesson.mastery_level})"
    if count == 1:
        return f"Score of the one attempt: {_percent(lesson.scores[0])}{known}"
    return f"Scores over {count} attempts: {_score_trail(lesson.scores)}{known}"


def all_scores_text(scores: Sequence[float]) -> str:
    if not scores:
        return "Every quiz score will be charted here, over time, after your first quiz"
    average = sum(scores) / len(scores)
    return (
        f"All quizzes over time: {len(scores)} attempt(s), average {_percent(average)}, "
        f"latest {_percent(scores[-1])}"
    )


def completion_text(report: ProgressReport) -> str:
    totals = report.totals
    text = (
        f"{totals.completed} of {totals.lessons} lessons completed · "
        f"{totals.steps_seen} of {totals.steps_total} steps seen"
    )
    if totals.time_seconds > 0:
        text += f" · {format_duration(totals.time_seconds, spaced=True)} studied"
    return text


class LessonTable(FillColumnTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_column("#", key="number", width=2)
        self.add_column("Lesson", key="title", width=FILL_MIN_WIDTH)
        self.add_column("Status", key="status", width=11)
        self.add_column("Steps", key="steps", width=5)
        self.add_column("Best", key="best", width=4)
        self.add_column("Last", key="last", width=4)
        self.add_column("Tries", key="attempts", width=5)
        self.add_column("Time", key="time", width=6)

    def show(self, lessons: Sequence[LessonProgress]) -> None:
        """Fill the table, keeping the highlighted lesson highlighted."""
        keep = self.highlighted_lesson()
        self.clear()
        for number, lesson in enumerate(lessons, start=1):
            self.add_row(
                str(number),
                plain_cell(lesson.title),
                lesson.status,
                f"{lesson.steps_seen}/{lesson.steps_total}",
                _percent(lesson.best_score),
                _percent(lesson.last_score),
                str(lesson.attempts),
                format_duration(lesson.time_seconds),
                key=lesson.id,
            )
        ids = [lesson.id for lesson in lessons]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)

    def highlighted_lesson(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


class DashboardScreen(TutorScreen):
    AUTO_FOCUS = "#dash-table"
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("r", "review", "Review"),
    ]

    def __init__(self, course: Course, progress: ProgressRecorder) -> None:
        super().__init__()
        self.course = course
        self.progress = progress
        self.report: ProgressReport | None = None
        self._read_revision: tuple[object, ...] | None = None  # of the data last read
        self._shown: ProgressReport | None = None  # the report on screen

    def compose(self) -> ComposeResult:
        # Read before building: the footer asks check_action which keys are usable as it is
        # built, and a key greyed out for want of data would be lit again a frame later.
        self._read()
        yield Header()
        with Horizontal(id="dash-top"):
            yield Static("", id="dash-learner", markup=False)
            yield Button("Review", id="dash-review", compact=True)
        with Vertical(id="dash-completion"):
            yield ProgressBar(show_eta=False, id="dash-bar")
            yield Static("", id="dash-completion-text", markup=False)
        yield LessonTable(id="dash-table")
        with Vertical(id="dash-charts"):
            yield ScoreChart(id="dash-lesson-scores")
            yield ScoreChart(id="dash-all-scores")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Progress"

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, just after mounting: the one place to fill it.
        # The screen is kept between openings; with 5,000 attempts reading the store again is a
        # third of the time to show it, so that is done only when the data may have changed.
        if self.progress.report_revision() != self._read_revision:
            self._read()
        if self._shown is not self.report:
            self.refresh_view()

    def _read(self) -> None:
        """Read everything again from the store: a lesson or review may have changed it."""
        self._read_revision = self.progress.report_revision()
        self.report = self.progress.report(self.course)

    def refresh_view(self) -> None:
        """Show the report last read."""
        report = self._shown = self.report
        assert report is not None  # read as the screen was built
        self.query_one("#dash-learner", Static).update(
            f"Learner: {printable(report.profile)} · {report.streak.describe()}"
        )
        review = self.query_one("#dash-review", Button)
        due = report.reviews_due
        review.label = f"Review: {due} due" if due else "Review: nothing due"
        review.disabled = due == 0
        self.refresh_bindings()  # check_action reads reviews_due
        self.query_one("#dash-bar", ProgressBar).update(
            total=report.totals.lessons, progress=report.totals.completed
        )
        self.query_one("#dash-completion-text", Static).update(completion_text(report))
        table = self.query_one(LessonTable)
        table.show(report.lessons)
        self._show_lesson_scores(table.highlighted_lesson())
        scores = report.all_scores
        self.query_one("#dash-all-scores", ScoreChart).show(all_scores_text(scores), scores)

    def _show_lesson_scores(self, lesson_id: str | None) -> None:
        chart = self.query_one("#dash-lesson-scores", ScoreChart)
        lessons = self.report.lessons if self.report else ()
        lesson = next((row for row in lessons if row.id == lesson_id), None)
        if lesson is None:
            chart.show("No lessons found: run 'dprk-it-tutor validate' to see why", [])
            return
        has_quiz = self.course.quiz_for(lesson.id) is not None
        chart.show(lesson_scores_text(lesson, has_quiz), lesson.scores)

    @on(DataTable.RowHighlighted, "#dash-table")
    def lesson_highlighted(self, message: DataTable.RowHighlighted) -> None:
        self._show_lesson_scores(message.row_key.value)

    @on(DataTable.RowSelected, "#dash-table")
    def lesson_chosen(self, message: DataTable.RowSelected) -> None:
        if message.row_key.value is not None:
            self.post_message(OpenLesson(message.row_key.value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return bool(self.report and self.report.reviews_due) or None
        return True

    def action_review(self) -> None:
        self.post_message(OpenReview())

    @on(Button.Pressed, "#dash-review")
    def review_pressed(self) -> None:
        self.action_review()

    def action_close(self) -> None:
        self.dismiss()
