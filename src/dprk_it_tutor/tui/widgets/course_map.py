"""The course map: every lesson in order with the learner's status, and broken files flagged."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable

from dprk_it_tutor.content import BrokenFile
from dprk_it_tutor.progress import LessonOverview, LessonStatus, format_score
from dprk_it_tutor.tui.widgets.fill_table import FILL_MIN_WIDTH, FillColumnTable, plain_cell

STATUS_LABELS = {
    LessonStatus.NOT_STARTED: ("○ not started", "$text-muted"),
    LessonStatus.IN_PROGRESS: ("◐ in progress", "$text-warning"),
    LessonStatus.COMPLETED: ("● completed", "$text-success"),
}
BROKEN_PREFIX = "broken:"
PACK_WIDTH = 12


class CourseMap(FillColumnTable):
    """A table of lessons; choosing a row posts :class:`CourseMap.LessonChosen`."""

    class LessonChosen(Message):
        def __init__(self, lesson_id: str) -> None:
            super().__init__()
            self.lesson_id = lesson_id

    class BrokenChosen(Message):
        def __init__(self, broken: BrokenFile) -> None:
            super().__init__()
            self.broken = broken

    class Highlighted(Message):
        def __init__(self, item: LessonOverview | BrokenFile) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, show_packs: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._items: dict[str, LessonOverview | BrokenFile] = {}
        self.show_packs = show_packs  # a Pack column, when lessons come from more than one pack

    def on_mount(self) -> None:
        # Short columns first and fixed; the title takes what is left (see FillColumnTable).
        self.add_column("#", key="number", width=3)
        self.add_column("Status", key="status", width=13)
        self.add_column("Quiz", key="quiz", width=4)
        self.add_column("Min", key="minutes", width=3)
        if self.show_packs:
            self.add_column("Pack", key="pack", width=PACK_WIDTH)
        self.add_column("Lesson", key="title", width=FILL_MIN_WIDTH)

    def show(self, rows: list[LessonOverview], broken: tuple[BrokenFile, ...]) -> None:
        """Fill the table, keeping the cursor on the same lesson."""
        keep = self.cursor_row
        self.clear()
        self._items.clear()
        for number, row in enumerate(rows, start=1):
            label, style = STATUS_LABELS[row.status]
            quiz = format_score(row.best_score) if row.has_quiz else "none"
            self._items[row.lesson.id] = row
            self.add_row(
                str(number),
                Content.styled(label, style),
                quiz,
                str(row.lesson.minutes),
                *self._pack_cell(row.lesson.pack),
                plain_cell(row.lesson.title),
                key=row.lesson.id,
            )
        for item in broken:
            key = f"{BROKEN_PREFIX}{item.path}"
            self._items[key] = item
            self.add_row(
                "!",
                Content.styled("✗ broken", "$text-error"),
                "",
                "",
                *self._pack_cell(""),
                plain_cell(f"{item.name} ({item.kind} file {item.path.name})"),
                key=key,
            )
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1))

    def _pack_cell(self, pack: str) -> tuple[Text, ...]:
        return (plain_cell(pack),) if self.show_packs else ()

    def _item_at(self, key: str | None) -> LessonOverview | BrokenFile | None:
        return self._items.get(key) if key is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self._item_at(event.row_key.value)
        if isinstance(item, LessonOverview):
            self.post_message(self.LessonChosen(item.lesson.id))
        elif isinstance(item, BrokenFile):
            self.post_message(self.BrokenChosen(item))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        item = self._item_at(event.row_key.value)
        if item is not None:
            self.post_message(self.Highlighted(item))
