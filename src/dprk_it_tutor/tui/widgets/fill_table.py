"""A DataTable whose columns have fixed widths except one, which takes the rest of the width.

DataTable's automatic widths mis-measure styled cells, so every column gets a width, and the
widest-content column is stretched on resize instead.
"""

from __future__ import annotations

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

FILL_MIN_WIDTH = 16


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
