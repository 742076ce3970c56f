"""What the app really shows: the screen's rendered lines, with or without colour."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual._context import visible_screen_stack
from textual.color import Color
from textual.filter import NoColor
from textual.geometry import Region
from textual.strip import Strip

# What is left of a cell's look once NO_COLOR takes the colours away.
Cell = tuple[str, bool, bool, bool, bool, bool, bool]


def screen_strips(app) -> list[Strip]:
    """The screen as the terminal gets it (modal screens over the ones below them)."""
    visible_screen_stack.set(app._background_screens)
    return app.screen._compositor.render_strips()


def screen_lines(app) -> list[str]:
    return [strip.text for strip in screen_strips(app)]


def _cells(segments: list[Segment]) -> list[Cell]:
    cells: list[Cell] = []
    for text, style, _ in segments:
        style = style or Style()
        look = (
            bool(style.bold),
            bool(style.dim),
            bool(style.italic),
            bool(style.underline),
            bool(style.reverse),
            bool(style.strike),
        )
        cells.extend((char, *look) for char in text)
    return cells


def monochrome(app, region: Region) -> list[list[Cell]]:
    """The cells of ``region`` as a NO_COLOR terminal shows them: characters and text styles."""
    strips = screen_strips(app)
    region = region.intersection(app.screen.region)
    no_color = NoColor()
    return [
        _cells(no_color.apply(list(strips[y].crop(region.x, region.right)), Color(0, 0, 0)))
        for y in range(region.y, region.bottom)
    ]
