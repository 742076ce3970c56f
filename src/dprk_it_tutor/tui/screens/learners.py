"""Who is learning: pick another learner, or add one by name. Each has their own progress."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from dprk_it_tutor.progress import StoreError
from dprk_it_tutor.progress.store import check_profile_name
from dprk_it_tutor.terminal_text import printable


class LearnersDialog(ModalScreen[str | None]):
    """Dismisses with the chosen (or new) learner's name, or None if nothing changes."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, learners: list[str], current: str) -> None:
        super().__init__()
        self.learners = learners
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="learners-dialog"):
            yield Label(
                "Who is learning?   ↑ ↓ enter choose · tab new learner · escape close",
                id="learners-title",
            )
            yield OptionList(
                *(
                    Option(
                        printable(name) + ("   (learning now)" if name == self.current else ""),
                        id=f"learner-{index}",
                    )
                    for index, name in enumerate(self.learners)
                ),
                id="learners-list",
                markup=False,
            )
            yield Input(placeholder="New learner: type a name and press Enter", id="new-learner")
            yield Static("", id="learner-problem", markup=False)
            with Horizontal(id="learners-buttons"):
                yield Button("Close", id="learners-close")

    def on_mount(self) -> None:
        choices = self.query_one("#learners-list", OptionList)
        if self.current in self.learners:
            choices.highlighted = self.learners.index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected, "#learners-list")
    def learner_chosen(self, event: OptionList.OptionSelected) -> None:
        name = self.learners[event.option_index]
        self.dismiss(None if name == self.current else name)

    @on(Input.Submitted, "#new-learner")
    def learner_added(self, event: Input.Submitted) -> None:
        try:
            name = check_profile_name(event.value)
        except StoreError as problem:
            self.query_one("#learner-problem", Static).update(printable(str(problem)))
            return
        self.dismiss(None if name == self.current else name)

    @on(Button.Pressed, "#learners-close")
    def action_close(self) -> None:
        self.dismiss(None)
