"""The help screen: every key, by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Keys

| Where | Key | What it does |
|---|---|---|
| Everywhere | `?` | this help |
| | `q` | quit (progress is already saved) |
| | `ctrl+p` | command palette: themes and more |
| Course map | `↑` `↓` | move between lessons |
| | `enter` | open the lesson |
| | `c` | continue where you left off |
| Lesson | `→` or `n` | next step |
| | `←` or `p` | previous step |
| | `t` | take the lesson's quiz |
| | `escape` or `h` | back to the course map |
| Quiz | `1`-`9` | choose an answer |
| | `↑` `↓` then `enter` | choose an answer |
| | `n` or `enter` | next question, once answered |
| | `escape` | back to the lesson |
| Results | `r` | retake the quiz |
| | `escape` or `h` | back to the course map |

Everything can be done with the mouse too: click a lesson, a button or an answer.

Your progress is saved as you go, after every step and every answer.
When you come back, the course opens where you left off.

Press `escape` or `?` to close this help.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP, open_links=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()
