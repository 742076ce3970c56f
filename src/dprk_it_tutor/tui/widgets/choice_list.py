"""A list of answer choices: arrows and Enter, a digit key, or a click pick one."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from dprk_it_tutor.terminal_text import printable


class ChoiceList(OptionList):
    """Shows numbered choices; after answering, marks the right one and the learner's pick."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: tuple[str, ...] = ()

    def show_choices(self, choices: tuple[str, ...]) -> None:
        self.choices = choices
        self.disabled = False
        self.set_options(
            Option(Content(printable(f"{number}. {choice}")), id=str(number - 1))
            for number, choice in enumerate(choices, start=1)
        )
        self.highlighted = 0 if choices else None

    def mark(self, picked: str, correct: str) -> None:
        """Show which choice was right and which the learner picked; no further picks."""
        options = []
        for number, choice in enumerate(self.choices, start=1):
            text = printable(f"{number}. {choice}")
            if choice == correct:
                options.append(Content.styled(f"✓ {text}", "bold $text-success"))
            elif choice == picked:
                options.append(Content.styled(f"✗ {text}", "$text-error"))
            else:
                options.append(Content(f"  {text}"))
        self.set_options(options)
        self.disabled = True

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.choices):
                event.stop()
                self.highlighted = index
                self.action_select()
