"""The bottom screen of a preview: every problem in the previewed file, or what it holds.

The lesson or quiz itself opens on top of it, in the screens a learner sees; this screen shows
when the file cannot be shown (its errors, one ``path:line:col: error: message`` line each) and
when the author leaves the lesson or quiz.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static

from dprk_it_tutor.content.preview import Preview
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.footer import Footer


class PreviewScreen(TutorScreen):
    BINDINGS = [Binding("enter,o", "reopen", "Open it again")]

    class Reopen(Message):
        """Show the previewed lesson or quiz again, where the author left it."""

    def __init__(self, *, watching: bool) -> None:
        super().__init__()
        self.watching = watching
        self.preview: Preview | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="preview-body"):
            yield Static(id="preview-status", markup=False)
            yield Static(id="preview-problems", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_preview()

    def show(self, preview: Preview) -> None:
        """Say what the file holds, or why it cannot be shown, and list each problem in it."""
        self.preview = preview
        if self.query("#preview-status"):  # else it is shown once composed, by on_mount
            self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.query_one("#preview-status", Static).update(_status(preview, self.watching))
        problems = self.query_one("#preview-problems", Static)
        problems.update("\n".join(printable(str(d)) for d in preview.diagnostics))
        problems.display = bool(preview.diagnostics)
        problems.set_class(bool(preview.errors), "-errors")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            return self.preview is not None and self.preview.showable
        return True

    def action_reopen(self) -> None:
        self.post_message(self.Reopen())


def _status(preview: Preview, watching: bool) -> str:
    name = printable(preview.path.name)
    lesson = preview.lesson
    if not preview.showable or lesson is None:
        count = len(preview.errors)
        fix = (
            "Fix it and save: the preview reloads by itself."
            if watching
            else "Fix it and run the preview again (with --watch it reloads by itself)."
        )
        return f"{name} cannot be shown: {count} error(s). {fix}"
    title = printable(lesson.title)
    if preview.quiz is not None:
        count = len(preview.quiz.questions)
        what = f"the quiz of lesson '{title}' ({count} question(s))"
    else:
        what = f"lesson '{title}' ({lesson.step_count} step(s))"
    return f"Previewing {what} from {name}. Press enter to open it again, q to quit."
