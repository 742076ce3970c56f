"""The timeline: every dated event of the course in order; enter reads the step that teaches it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from dprk_it_tutor.content import Course, TimelineEvent
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.fill_table import FILL_MIN_WIDTH, FillColumnTable, plain_cell
from dprk_it_tutor.tui.widgets.footer import Footer


class TimelineTable(FillColumnTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_column("When", key="when", width=17)
        self.add_column("Event", key="title", width=FILL_MIN_WIDTH)
        self.add_column("Lesson", key="lesson", width=6)


class TimelineScreen(TutorScreen):
    BINDINGS = [Binding("escape", "close", "Back")]

    def __init__(self, course: Course, progress: ProgressRecorder) -> None:
        super().__init__()
        self.course = course
        self.progress = progress
        self.events = course.timeline

    def compose(self) -> ComposeResult:
        yield Header()
        yield TimelineTable(id="timeline-table")
        yield Static("", id="timeline-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Timeline"
        table = self.query_one(TimelineTable)
        for index, event in enumerate(self.events):
            lesson = self.course.lesson(event.lesson_id)
            number = str(self.course.number(lesson)) if lesson else "?"
            table.add_row(plain_cell(event.when), plain_cell(event.title), number, key=str(index))
        if not self.events:
            self.query_one("#timeline-detail", Static).update("This course has no timeline.")
        table.focus()

    def _event(self, key: str | None) -> TimelineEvent | None:
        return self.events[int(key)] if key is not None else None

    @on(DataTable.RowHighlighted, "#timeline-table")
    def event_highlighted(self, message: DataTable.RowHighlighted) -> None:
        event = self._event(message.row_key.value)
        if event is not None:
            self.query_one("#timeline-detail", Static).update(self._describe(event))

    def _describe(self, event: TimelineEvent) -> str:
        lines = [f"{event.when}: {event.title}"]
        if event.detail:
            lines.append(event.detail)
        lesson = self.course.lesson(event.lesson_id)
        if lesson:
            where = f"lesson {self.course.number(lesson)}, {lesson.title}"
            if event.step:
                where += f", step {event.step}"
            lines.append(f"Taught in {where}. Press enter or click the row to read it.")
        return printable("\n".join(lines))

    @on(DataTable.RowSelected, "#timeline-table")
    def event_chosen(self, message: DataTable.RowSelected) -> None:
        from dprk_it_tutor.tui.screens.lesson import LessonScreen

        event = self._event(message.row_key.value)
        lesson = self.course.lesson(event.lesson_id) if event else None
        if event is None or lesson is None:
            return
        self.app.push_screen(
            LessonScreen(
                lesson,
                self.progress,
                has_quiz=False,
                step=event.step or 1,
                peek=True,
                came_from="the timeline",
            )
        )

    def action_close(self) -> None:
        self.dismiss()
