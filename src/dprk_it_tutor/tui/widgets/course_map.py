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
BROKEN = "broken"  # the status of a file that did not load
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
        self._texts: dict[str, tuple[str, ...]] = {}  # each row's cells as text, to spot changes
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
        """Fill the table, keeping the cursor on the same lesson.

        When the same lessons are shown again (back from a lesson, say), only the cells that
        changed are rewritten: rebuilding a table of a thousand lessons would take a while.
        """
        items: dict[str, LessonOverview | BrokenFile] = {}
        texts: dict[str, tuple[str, ...]] = {}
        for number, row in enumerate(rows, start=1):
            items[row.lesson.id] = row
            quiz = format_score(row.best_score) if row.has_quiz else "none"
            texts[row.lesson.id] = self._row_texts(
                str(number), row.status.value, quiz, str(row.lesson.minutes), row.lesson.pack,
                row.lesson.title,
            )  # fmt: skip
        for item in broken:
            key = f"{BROKEN_PREFIX}{item.path}"
            items[key] = item
            title = f"{item.name} ({item.kind} file {item.path.name})"
            texts[key] = self._row_texts("!", BROKEN, "", "", "", title)
        if list(texts) == list(self._texts):
            self._update(texts)
        else:
            self._rebuild(texts)
        self._items, self._texts = items, texts

    def _row_texts(self, *texts: str) -> tuple[str, ...]:
        """The text of each column shown: the pack's (the fifth) only with a Pack column."""
        return texts if self.show_packs else texts[:4] + texts[5:]

    def _rebuild(self, texts: dict[str, tuple[str, ...]]) -> None:
        keep = self.cursor_row
        self.clear()
        columns = [column.key.value for column in self.ordered_columns]
        for key, values in texts.items():
            self.add_row(*map(_cell, columns, values), key=key)
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1))

    def _update(self, texts: dict[str, tuple[str, ...]]) -> None:
        columns = [column.key.value for column in self.ordered_columns]
        for key, values in texts.items():
            for column, new, old in zip(columns, values, self._texts[key], strict=True):
                if new != old:
                    self.update_cell(key, column, _cell(column, new))

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


def _cell(column: str | None, text: str) -> str | Content | Text:
    """What the table shows for ``text`` in ``column``."""
    if column == "status":
        if text == BROKEN:
            return Content.styled("✗ broken", "$text-error")
        label, style = STATUS_LABELS[LessonStatus(text)]
        return Content.styled(label, style)
    if column in ("title", "pack"):
        return plain_cell(text)  # author's text: never read as markup
    return text
