"""A DataTable whose columns have fixed widths except one, which takes the rest of the width.

DataTable's automatic widths mis-measure styled cells, so every column gets a width, and the
widest-content column is stretched on resize instead.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from dprk_it_tutor.terminal_text import printable

FILL_MIN_WIDTH = 16


def plain_cell(text: str) -> Text:
    """A cell showing ``text`` as it is, cut with "…" when the column is narrower.

    A plain string cell would be read as markup: a title with "[/b]" in it would stop the app.
    """
    return Text(printable(text), no_wrap=True, overflow="ellipsis", end="")


class FillColumnTable(DataTable):
    FILL_COLUMN = "title"  # the key of the column that takes the remaining width

    def on_resize(self) -> None:
        fill = self.columns.get(ColumnKey(self.FILL_COLUMN))
        if fill is None:
            return
        fixed = sum(c.width for key, c in self.columns.items() if key.value != self.FILL_COLUMN)
        padding = 2 * self.cell_padding * len(self.columns)
        available = self.scrollable_content_region.width - fixed - padding
        fill.width = max(FILL_MIN_WIDTH, available)
        self.refresh()
