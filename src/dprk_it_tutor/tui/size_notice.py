"""Below the smallest usable terminal, every screen shows one plain notice instead of its layout.

The notice is laid over the screen on top; nothing under it is removed or rebuilt, so the screen
stack, the question on screen, a typed answer and the focus are all as they were when the
terminal grows again. Whether the terminal is too small is decided by the breakpoint classes
Textual puts on the current screen (``-too-narrow``, ``-too-short``), and terminal.tcss shows the
notice for those; this module adds the notice widget to each screen as it is shown.
"""

from __future__ import annotations

from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

# The smallest size at which every screen still shows what it is for: a question with its
# answers and the Check button, the course map with its buttons, the footer's keys.
MIN_WIDTH = 60
MIN_HEIGHT = 16
# From this width the home screen has room for the highlighted lesson's details beside the map.
WIDE_WIDTH = 100
# Below this height buttons lose their borders and margins shrink (an 80x24 terminal with a
# tmux status line is 80x23).
TALL_HEIGHT = 24

# From this width every footer has room for the command palette's key as well.
MEDIUM_WIDTH = 80

HORIZONTAL_BREAKPOINTS = [
    (0, "-too-narrow"),
    (MIN_WIDTH, "-narrow"),
    (MEDIUM_WIDTH, "-medium"),
    (WIDE_WIDTH, "-wide"),
]
VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (TALL_HEIGHT, "-tall")]


BY = "\N{MULTIPLICATION SIGN}"  # between width and height, as in the brief: 80 by 24


def size_notice_text(width: int, height: int) -> str:
    return (
        f"Make the window larger: dprk-it-tutor needs at least {MIN_WIDTH}{BY}{MIN_HEIGHT}; "
        f"it is now {width}{BY}{height}."
    )


class SizeNotice(Static):
    """Covers the screen when the terminal is too small (see terminal.tcss)."""

    def render(self) -> str:
        return size_notice_text(*self.app.size)


def fit_classes(screen: Screen, size: Size) -> None:
    """Give a new screen, before it is mounted, the breakpoint classes for a terminal of ``size``.

    Textual adds them when the screen gets its first Resize, which is after it has been styled
    and laid out once: every widget on it was then styled again and the screen laid out and
    painted twice. Set here beforehand, they are already right and that Resize changes nothing.
    Same rule as Textual's: for each direction, the largest breakpoint reached.
    """
    classes: dict[str, bool] = {}
    for dimension, breakpoints in (
        (size.width, HORIZONTAL_BREAKPOINTS),
        (size.height, VERTICAL_BREAKPOINTS),
    ):
        reached = [name for threshold, name in sorted(breakpoints) if dimension >= threshold]
        classes.update((name, reached[-1:] == [name]) for _, name in breakpoints)
    # No restyle now: the screen is styled as it is mounted.
    screen.update_classes(classes, update=False)


def _add_notice(screen: Screen) -> None:
    if not screen.query_children(SizeNotice):
        screen.mount(SizeNotice())


def show_size_notices(app: App) -> None:
    """Give every screen of ``app``, those open now and every one shown later, a SizeNotice."""
    for screen in app.screen_stack:
        _add_notice(screen)
    # Called on the app's next turn, once a newly pushed screen is mounted.
    app.screen_change_signal.subscribe(app, _add_notice)
