"""The terms of one lesson step, over the lesson: opened with ``g`` or by clicking a term."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Markdown, OptionList
from textual.widgets.option_list import Option

from dprk_it_tutor.content import Course, GlossaryTerm
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.widgets.term_view import TermView, term_id_from_link


class TermsDialog(ModalScreen[None]):
    """Lists ``term_ids`` with the highlighted one's definition; ``a`` opens the whole glossary."""

    BINDINGS = [
        Binding("escape,g", "close", "Close"),
        Binding("a", "all_terms", "Whole glossary"),
    ]

    def __init__(self, course: Course, term_ids: tuple[str, ...], selected: str | None = None):
        super().__init__()
        self.course = course
        self.terms: list[GlossaryTerm] = [
            term for term in map(course.term, term_ids) if term is not None
        ]
        self._selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(id="terms-dialog"):
            yield Label(
                "Terms in this step   ↑ ↓ choose · a whole glossary · escape close",
                id="terms-title",
            )
            with Horizontal(id="terms-body"):
                yield OptionList(
                    *(Option(printable(term.term), id=term.id) for term in self.terms),
                    id="terms-list",
                    markup=False,
                )
                with VerticalScroll(id="terms-detail"):
                    yield TermView(self.course, id="terms-term")
            with Horizontal(id="terms-buttons"):
                yield Button("Whole glossary (a)", id="terms-all")
                yield Button("Close", id="terms-close", variant="primary")

    def on_mount(self) -> None:
        terms = self.query_one("#terms-list", OptionList)
        ids = [term.id for term in self.terms]
        terms.highlighted = ids.index(self._selected) if self._selected in ids else 0
        terms.focus()
        if not self.terms:
            self.query_one("#terms-term", TermView).show(None, "No glossary terms in this step.")

    @on(OptionList.OptionHighlighted, "#terms-list")
    def term_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#terms-term", TermView).show(self.course.term(event.option.id or ""))
        self.query_one("#terms-detail").scroll_home(animate=False)

    @on(Markdown.LinkClicked)
    def see_also(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        term = self.course.term(term_id_from_link(event.href) or "")
        if term:
            self.query_one("#terms-term", TermView).show(term)

    @on(Button.Pressed, "#terms-all")
    def action_all_terms(self) -> None:
        from dprk_it_tutor.tui.screens.glossary import GlossaryScreen

        terms = self.query_one("#terms-list", OptionList)
        option = terms.highlighted_option
        self.dismiss()
        self.app.push_screen(GlossaryScreen(self.course, option.id if option else None))

    @on(Button.Pressed, "#terms-close")
    def action_close(self) -> None:
        self.dismiss()
