"""Quiz scores as a line of text over a sparkline, or only a line of text when there are none."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.renderables.sparkline import Sparkline
from textual.widget import Widget

LINE_MAX_WIDTH = 60  # wider, a handful of scores spreads into long flat bars


class ScoreChart(Widget):
    """One widget that draws both the text and the sparkline (Textual's own renderable, as its
    Sparkline widget draws it). As a container of a Static and a Sparkline, each of the
    dashboard's two charts was three widgets to mount, style and lay out: with the rest of the
    charts, a fifth of the time the dashboard took to open.

    The sparkline's colours are those of Textual's Sparkline widget, by component class.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "score-chart--label",
        "score-chart--max-color",
        "score-chart--min-color",
    }
    DEFAULT_CSS = """
    ScoreChart {
        height: auto;
    }
    ScoreChart > .score-chart--max-color {
        color: $primary;
    }
    ScoreChart > .score-chart--min-color {
        color: $primary 30%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""
        self._scores: tuple[float, ...] = ()

    @property
    def text(self) -> str:
        return self._text

    @property
    def data(self) -> list[float]:
        return list(self._scores)

    @property
    def shows_line(self) -> bool:
        """Whether the sparkline is drawn: only for two scores or more, since one score draws as
        a full bar, which says nothing."""
        return len(self._scores) > 1

    def show(self, text: str, scores: Sequence[float]) -> None:
        """Describe the scores in ``text`` and chart them; with fewer than two, only the text."""
        self._text = text
        self._scores = tuple(scores)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        label = len(Text(self._text).wrap(self.app.console, max(width, 1)))
        return label + (1 if self.shows_line else 0)

    def render(self) -> RenderableType:
        label = Text(self._text, style=self.get_component_rich_style("score-chart--label"))
        if not self.shows_line:
            return label
        _, base = self.background_colors
        line = Sparkline(
            list(self._scores),
            width=min(self.content_size.width, LINE_MAX_WIDTH),
            height=1,
            min_color=(base + self.get_component_styles("score-chart--min-color").color).rich_color,
            max_color=(base + self.get_component_styles("score-chart--max-color").color).rich_color,
            summary_function=max,
        )
        return Group(label, line)
