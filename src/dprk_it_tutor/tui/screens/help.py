"""The help screen: every key, by screen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown

HELP = """\
# Keys

| Where | Key | What it does |
|---|---|---|
| Everywhere | `?` | this help |
| | `q` | quit (progress is already saved) |
| | `ctrl+p` | command palette: the high-contrast theme, other themes and more |
| Course map | `↑` `↓`, `enter` | choose and open a lesson |
| | `c` | continue where you left off |
| | `r` | review the questions that are due |
| | `e` | final exam (once every lesson is completed) |
| | `g` | glossary: type to search, `↓` to the list, `/` to search again |
| | `t` | timeline of dated events; `enter` reads the step that teaches one |
| | `u` | who is learning: switch to another learner or add one |
| | `d` | progress dashboard: streak, every lesson, quiz scores over time |
| Progress dashboard | `↑` `↓`, `enter` | see a lesson's scores charted; open it |
| | `r` | review the questions that are due |
| | `escape` | back to the course map |
| Lesson | `→` or `n`, `←` or `p` | next / previous step |
| | `g` | the glossary terms of this step (or click a term); `a` the whole glossary |
| | `t` | take the lesson's quiz |
| | `escape` or `h` | back to the course map (or to the quiz or timeline you came from) |
| Quiz | `1`-`9` | choose an answer (in "choose all", tick or untick it) |
| | `t` / `f` | true or false |
| | `space` | tick or untick in "choose all that apply" |
| | `shift+↑` `shift+↓` or `[` `]` | move an item when putting things in order |
| | `enter` | check your answer (in matching: open a list) |
| | `h` or `F2` | show the hint |
| | `l` or `F3` | read the lesson step that teaches this question |
| | `n` or `enter` | next question, once answered |
| | `escape` | leave the quiz (opening it again picks up where you stopped) |
| Results | `m` | retry only the questions you missed |
| | `r` | retake the whole quiz |
| | `escape` or `h` | back to the course map |

Everything can be done with the mouse too: click a lesson, a button, an answer or a list.

Your progress is saved as you go, after every step and every answer.
When you come back, the course opens where you left off, even in the middle of a quiz. Questions you have answered come back
for review on a spaced schedule: sooner when you got them wrong.

Press `escape` or `?`, or click Close, to close this help.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close help")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            with VerticalScroll(id="help-text"):
                yield Markdown(HELP, open_links=False)
            with Horizontal(id="help-buttons"):
                yield Button("Close", id="help-close", variant="primary")

    def on_mount(self) -> None:
        # Focused, so that the keys that scroll the text work at once.
        self.query_one("#help-text").focus()

    @on(Button.Pressed, "#help-close")
    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()
