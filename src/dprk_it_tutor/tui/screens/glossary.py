"""The glossary: every term of the course, searchable, with its definition beside the list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Label, Markdown, OptionList
from textual.widgets.option_list import Option

from dprk_it_tutor.content import Course, GlossaryTerm
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.footer import Footer
from dprk_it_tutor.tui.widgets.term_view import TermView, term_id_from_link


class GlossaryScreen(TutorScreen):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("down", "to_list", "Terms", show=False),
    ]

    def __init__(self, course: Course, term_id: str | None = None) -> None:
        super().__init__()
        self.course = course
        self._initial = term_id
        self._shown: list[GlossaryTerm] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="glossary-layout"):
            with Vertical(id="glossary-side"):
                yield Input(placeholder="Search terms and definitions", id="glossary-search")
                yield Label("", id="glossary-count")
                yield OptionList(id="glossary-terms", markup=False)
            with VerticalScroll(id="glossary-detail"):
                yield TermView(self.course, id="glossary-term")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Glossary"
        self._filter("")
        if self._initial:
            self.select(self._initial)
        if self.course.glossary:
            self.query_one("#glossary-search").focus()

    def select(self, term_id: str) -> None:
        """Show ``term_id`` and highlight it, clearing a search that hides it."""
        if all(term.id != term_id for term in self._shown):
            self.query_one("#glossary-search", Input).value = ""
            self._filter("")
        index = next((i for i, term in enumerate(self._shown) if term.id == term_id), None)
        if index is not None:
            self.query_one("#glossary-terms", OptionList).highlighted = index

    def _filter(self, query: str) -> None:
        ranks = {term.id: term.search_rank(query) for term in self.course.glossary}
        # Best matches first; the sort is stable, so each rank stays in alphabetical order.
        self._shown = sorted(
            (term for term in self.course.glossary if ranks[term.id] is not None),
            key=lambda term: ranks[term.id],
        )
        terms = self.query_one("#glossary-terms", OptionList)
        terms.clear_options()
        terms.add_options(Option(printable(term.term), id=term.id) for term in self._shown)
        total = len(self.course.glossary)
        count = f"{len(self._shown)} of {total} terms" if query.strip() else f"{total} terms"
        self.query_one("#glossary-count", Label).update(count)
        if self._shown:
            terms.highlighted = 0
            self._show(self._shown[0])
        elif not total:
            self._show(None, "This course has no glossary.")
        else:
            self._show(None, f"No term matches “{query.strip()}”.")

    def _show(self, term: GlossaryTerm | None, empty: str = "") -> None:
        self.query_one("#glossary-term", TermView).show(term, empty)
        self.query_one("#glossary-detail").scroll_home(animate=False)

    @on(Input.Changed, "#glossary-search")
    def search_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(Input.Submitted, "#glossary-search")
    def search_submitted(self) -> None:
        self.action_to_list()

    @on(OptionList.OptionHighlighted, "#glossary-terms")
    def term_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(self.course.term(event.option.id or ""))

    @on(Markdown.LinkClicked)
    def see_also(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        term_id = term_id_from_link(event.href)
        if term_id:
            self.select(term_id)

    def action_search(self) -> None:
        self.query_one("#glossary-search").focus()

    def action_to_list(self) -> None:
        if self._shown:
            self.query_one("#glossary-terms").focus()

    def action_close(self) -> None:
        self.dismiss()
