"""One answer widget per question type, all with the same small interface.

Each widget shows a question's options, gives the learner's current ``response()`` (``None`` while
it is incomplete, with ``incomplete`` saying why), posts :class:`SubmitAnswer` when the learner
presses Enter, and is ``freeze()``-d once the answer is graded.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from dprk_it_tutor.content import Question
from dprk_it_tutor.quiz.grading import parse_number
from dprk_it_tutor.terminal_text import printable


class SubmitAnswer(Message):
    """The learner asked to check their answer (Enter in an answer widget)."""


def _numbered(number: int, text: str) -> str:
    return printable(f"{number}. {text}")


class ChoiceAnswer(OptionList):
    """single and true_false: pick one with a digit, arrows and Enter, or a click."""

    incomplete = "Choose an answer."

    def __init__(self, question: Question, options: tuple[str, ...]) -> None:
        super().__init__(
            *(Option(_numbered(n, o), id=str(n - 1)) for n, o in enumerate(options, 1)),
            markup=False,  # an option is the course's text, never markup
        )
        self.question = question
        self.choice_order = options

    def on_mount(self) -> None:
        self.highlighted = 0

    def response(self) -> Any | None:
        if self.highlighted is None:
            return None
        choice = self.choice_order[self.highlighted]
        return choice == "True" if self.question.type == "true_false" else choice

    def on_key(self, event: events.Key) -> None:
        keys = {"t": "True", "f": "False"} if self.question.type == "true_false" else {}
        index = None
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
        elif event.character in keys:
            index = self.choice_order.index(keys[event.character])
        if index is not None and 0 <= index < len(self.choice_order):
            event.stop()
            # Chosen and checked at once. Highlighted the usual way, the choice would be painted
            # in a frame of its own, and the verdict, a message later, in the frame after that.
            self.set_reactive(OptionList.highlighted, index)
            self.post_message(SubmitAnswer())

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(SubmitAnswer())

    def freeze(self, response: Any) -> None:
        correct = self.question.answer
        if self.question.type == "true_false":
            correct, response = str(correct), str(response)
        marked = []
        for number, option in enumerate(self.choice_order, start=1):
            text = _numbered(number, option)
            if option == correct:
                marked.append(Content.styled(f"✓ {text}", "bold $text-success"))
            elif option == response:
                marked.append(Content.styled(f"✗ {text}", "$text-error"))
            else:
                marked.append(Content(f"\u00a0\u00a0{text}"))  # plain spaces would be trimmed
        self.set_options(marked)
        self.disabled = True


class MultiAnswer(OptionList):
    """multiple: space, a digit or a click ticks a choice; Enter checks.

    Ticks are written as ``[x]`` / ``[ ]`` rather than shown by colour alone, so they read the same
    in a monochrome terminal or with NO_COLOR.
    """

    BINDINGS = [
        Binding("space", "toggle", "Tick", show=False),
        Binding("enter", "submit", "Check answer", show=False),
    ]
    incomplete = ""  # ticking nothing is an answer too

    def __init__(self, question: Question, options: tuple[str, ...]) -> None:
        super().__init__(markup=False)
        self.question = question
        self.choice_order = options
        self.ticked: set[str] = set()

    def on_mount(self) -> None:
        self._show(0)

    def _show(self, highlight: int | None) -> None:
        self.set_options(
            ("[x] " if option in self.ticked else "[ ] ") + _numbered(number, option)
            for number, option in enumerate(self.choice_order, start=1)
        )
        self.highlighted = highlight

    def response(self) -> Any | None:
        return [option for option in self.choice_order if option in self.ticked]

    def _toggle(self, index: int) -> None:
        option = self.choice_order[index]
        self.ticked.symmetric_difference_update({option})
        self._show(index)

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self._toggle(self.highlighted)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.choice_order):
                event.stop()
                self._toggle(index)

    @on(OptionList.OptionSelected)
    def clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter is bound to submit, so a selection here comes from a click
        self._toggle(event.option_index)

    def action_submit(self) -> None:
        self.post_message(SubmitAnswer())

    def freeze(self, response: Any) -> None:
        correct = set(self.question.answer)
        marked = []
        for number, option in enumerate(self.choice_order, start=1):
            box = "[x] " if option in self.ticked else "[ ] "
            text = box + _numbered(number, option)
            if option in correct:
                marked.append(Content.styled(f"✓ {text}", "bold $text-success"))
            elif option in self.ticked:
                marked.append(Content.styled(f"✗ {text}", "$text-error"))
            else:
                marked.append(Content(f"\u00a0\u00a0{text}"))
        self.set_options(marked)
        self.disabled = True


class TextAnswer(Input):
    """short: type the answer, Enter checks."""

    incomplete = "Type an answer first."

    def __init__(self, question: Question, options: tuple[str, ...]) -> None:
        super().__init__(placeholder="Type your answer and press Enter", max_length=200)
        self.question = question

    def response(self) -> Any | None:
        return self.value.strip() or None

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SubmitAnswer())

    def freeze(self, response: Any) -> None:
        self.disabled = True


class NumberAnswer(Horizontal):
    """numeric: type a number ("1,000", "1000" and "1 000" all work), Enter checks."""

    DEFAULT_CSS = """
    NumberAnswer { height: auto; }
    NumberAnswer Input { width: 24; }
    NumberAnswer Label { padding: 1 1; }
    """

    def __init__(self, question: Question, options: tuple[str, ...]) -> None:
        super().__init__()
        self.question = question
        self.incomplete = "Type a number first."

    def compose(self) -> ComposeResult:
        yield Input(placeholder="a number", max_length=40)
        yield Label(printable(self.question.unit), markup=False)

    def focus(self, scroll_visible: bool = True) -> NumberAnswer:
        self.query_one(Input).focus(scroll_visible)
        return self

    def response(self) -> Any | None:
        text = self.query_one(Input).value.strip()
        if not text:
            self.incomplete = "Type a number first."
            return None
        if parse_number(text) is None:
            self.incomplete = (
                f"'{printable(text)}' is not a number this quiz can read; try 1000 or 1,000."
            )
            return None
        return text

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SubmitAnswer())

    def freeze(self, response: Any) -> None:
        self.query_one(Input).disabled = True


class OrderList(OptionList):
    """The items of an ordering question; shift+↑/↓ (or [ and ]) move the highlighted one."""

    BINDINGS = [
        # Not in the footer: the instructions above the list say these keys, and the Move
        # buttons below it do the same by mouse.
        Binding("shift+up,ctrl+up,left_square_bracket", "move(-1)", "Move up", show=False),
        Binding("shift+down,ctrl+down,right_square_bracket", "move(1)", "Move down", show=False),
        Binding("enter", "submit", "Check answer", show=False),
    ]

    def __init__(self, items: tuple[str, ...]) -> None:
        super().__init__(markup=False)
        self.items = list(items)

    def on_mount(self) -> None:
        self._show(0)

    def _show(self, highlight: int) -> None:
        self.set_options(_numbered(n, item) for n, item in enumerate(self.items, 1))
        self.highlighted = highlight

    def action_move(self, delta: int) -> None:
        index = self.highlighted
        if index is None or not 0 <= index + delta < len(self.items):
            return
        self.items[index], self.items[index + delta] = self.items[index + delta], self.items[index]
        self._show(index + delta)

    def action_submit(self) -> None:
        self.post_message(SubmitAnswer())


class OrderAnswer(Vertical):
    """ordering: put the items in order with keys or the Move buttons, Enter checks."""

    DEFAULT_CSS = """
    OrderAnswer { height: auto; }
    OrderAnswer OrderList { height: auto; }
    OrderAnswer Horizontal { height: auto; }
    OrderAnswer Button { margin-right: 1; min-width: 12; }
    """
    incomplete = ""

    def __init__(self, question: Question, options: tuple[str, ...]) -> None:
        super().__init__()
        self.question = question
        self.choice_order = options

    def compose(self) -> ComposeResult:
        yield OrderList(self.choice_order)
        with Horizontal():
            yield Button("▲ Move up", id="move-up", compact=True)
            yield Button("▼ Move down", id="move-down", compact=True)

    def focus(self, scroll_visible: bool = True) -> OrderAnswer:
        self.query_one(OrderList).focus(scroll_visible)
        return self

    def response(self) -> Any | None:
        return list(self.query_one(OrderList).items)

    @on(Button.Pressed, "#move-up")
    def move_up(self) -> None:
        self.query_one(OrderList).action_move(-1)

    @on(Button.Pressed, "#move-down")
    def move_down(self) -> None:
        self.query_one(OrderList).action_move(1)

    def freeze(self, response: Any) -> None:
        self.disabled = True


class MatchAnswer(Vertical):
    """matching: choose a partner for every item from its drop-down (Enter opens it)."""

    DEFAULT_CSS = """
    MatchAnswer { height: auto; }
    MatchAnswer > Horizontal { height: auto; }
    MatchAnswer Label { width: 1fr; padding: 1 1 0 0; }
    MatchAnswer Select { width: 1fr; }
    """
    incomplete = "Choose a match for every item."

    def __init__(self, question: Question, options: tuple[str, ...]) -> None:
        super().__init__()
        self.question = question
        self.choice_order = options

    def compose(self) -> ComposeResult:
        for index, left in enumerate(self.question.left_items):
            with Horizontal():
                yield Label(printable(left), markup=False)
                yield Select(
                    [(Text(printable(option)), option) for option in self.choice_order],
                    prompt="choose…",
                    id=f"match-{index}",
                )

    def focus(self, scroll_visible: bool = True) -> MatchAnswer:
        self.query(Select).first().focus(scroll_visible)
        return self

    def response(self) -> Any | None:
        chosen = {}
        for index, left in enumerate(self.question.left_items):
            value = self.query_one(f"#match-{index}", Select).value
            if value == Select.NULL:
                return None
            chosen[left] = value
        return chosen

    def freeze(self, response: Any) -> None:
        self.disabled = True


ANSWER_WIDGETS: dict[str, type[Widget]] = {
    "single": ChoiceAnswer,
    "true_false": ChoiceAnswer,
    "multiple": MultiAnswer,
    "short": TextAnswer,
    "numeric": NumberAnswer,
    "ordering": OrderAnswer,
    "matching": MatchAnswer,
}


def answer_widget(question: Question, options: tuple[str, ...]) -> Widget:
    """The widget that takes an answer to ``question``, showing ``options`` in the given order."""
    widget = ANSWER_WIDGETS[question.type](question, options)
    widget.id = "answer"
    return widget


__all__ = ["ANSWER_WIDGETS", "SubmitAnswer", "answer_widget"]
