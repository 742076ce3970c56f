"""Quiz scores as a line of text over a sparkline, or only a line of text when there are none."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static


class ScoreChart(Vertical):
    DEFAULT_CSS = """
    ScoreChart {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", classes="score-chart-label", markup=False)
        yield Sparkline([], classes="score-chart-line")

    @property
    def text(self) -> str:
        return str(self.query_one(".score-chart-label", Static).render())

    @property
    def data(self) -> list[float]:
        return list(self.query_one(Sparkline).data or [])

    def show(self, text: str, scores: Sequence[float]) -> None:
        """Describe the scores in ``text`` and chart them; with fewer than two, only the text."""
        self.query_one(".score-chart-label", Static).update(text)
        line = self.query_one(Sparkline)
        line.data = list(scores)
        line.display = len(scores) > 1  # one score draws as a full bar, which says nothing
