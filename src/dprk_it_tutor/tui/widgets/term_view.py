"""A glossary term shown in full: name, other names, definition, related terms, lessons using it."""

from __future__ import annotations

from textual.widgets import Markdown

from dprk_it_tutor.content import Course, GlossaryTerm
from dprk_it_tutor.terminal_text import printable

GLOSSARY_SCHEME = "glossary:"


def term_markdown(course: Course, term: GlossaryTerm) -> str:
    parts = [f"## {term.term}"]
    if term.aliases:
        parts.append("*Also called:* " + ", ".join(term.aliases))
    parts.append(term.definition)
    related = [course.term(other) for other in term.see]
    links = [f"[{other.term}]({GLOSSARY_SCHEME}{other.id})" for other in related if other]
    if links:
        parts.append("**See also:** " + " · ".join(links))
    lessons = course.lessons_using(term.id)
    if lessons:
        parts.append(
            "**Used in:** "
            + "; ".join(f"lesson {course.number(lesson)}, *{lesson.title}*" for lesson in lessons)
        )
    return printable("\n\n".join(parts))


class TermView(Markdown):
    """Shows one term; clicking a "See also" link posts Markdown.LinkClicked for the screen."""

    def __init__(self, course: Course, *, id: str | None = None) -> None:
        super().__init__(id=id, open_links=False)
        self.course = course

    def show(self, term: GlossaryTerm | None, empty: str = "") -> None:
        self.update(term_markdown(self.course, term) if term else printable(empty))


def term_id_from_link(href: str) -> str | None:
    """The term id of a ``glossary:`` link, or None for any other link."""
    return href[len(GLOSSARY_SCHEME) :] if href.startswith(GLOSSARY_SCHEME) else None
