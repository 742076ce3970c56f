"""A DataTable whose columns have fixed widths except one, which takes the rest of the width.

DataTable's automatic widths mis-measure styled cells, so every column gets a width, and the
widest-content column is stretched on resize instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from dprk_it_tutor.terminal_text import printable

FILL_MIN_WIDTH = 16


def plain_cell(text: str) -> Text:
    """A cell showing ``text`` as it is, cut with "…" when the column is narrower.

    A plain string cell would be read as markup: a title with "[/b]" in it would stop the app.
    """
    return Text(printable(text), no_wrap=True, overflow="ellipsis", end="")


class FillColumnTable(DataTable):
    FILL_COLUMN = "title"  # the key of the column that takes the remaining width

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # DataTable measures every cell of every new row, to size columns that fit their content
        # and rows that fit their height. Here every column has its width and, unless a row was
        # added with an automatic height or a label, every row is one line: nothing needs
        # measuring, and a thousand-lesson course map is filled in a fraction of the time. The
        # size set is the one DataTable's own method ends with (textual/widgets/_data_table.py).
        new_rows = list(new_rows)
        rows = [self.rows[key] for key in new_rows if key in self.rows]
        if any(c.auto_width for c in self.columns.values()) or any(
            row.auto_height or row.label is not None for row in rows
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # The layout tells a widget its new size here, before it is painted at that size; the
        # Resize event comes after that paint. Fitting the column here paints the table once at
        # its final widths instead of twice, and the first paint is already the right one.
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized:
            self._fit_fill_column()
        return resized

    def _on_resize(self, event: Resize) -> None:
        # DataTable's own handler throws every rendered cell away on any resize. The only
        # width a cell here can depend on is the fill column's, and _fit_fill_column has
        # already thrown the cells away if that changed.
        event.prevent_default()

    def _fit_fill_column(self) -> None:
        fill = self.columns.get(ColumnKey(self.FILL_COLUMN))
        if fill is None:
            return
        fixed = sum(c.width for key, c in self.columns.items() if key.value != self.FILL_COLUMN)
        padding = 2 * self.cell_padding * len(self.columns)
        available = self.scrollable_content_region.width - fixed - padding
        width = max(FILL_MIN_WIDTH, available)
        if fill.width != width:
            fill.width = width
            self._update_count += 1  # DataTable's caches are keyed by it: the cells are cut anew
            self.refresh()
