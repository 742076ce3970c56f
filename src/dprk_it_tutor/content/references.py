"""Checks that span the glossary, the timeline and the lessons they point into."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dprk_it_tutor.content.fields import close_match_hint
from dprk_it_tutor.content.model import Diagnostic, GlossaryTerm, Lesson, TimelineEvent


def unique_terms(terms: Iterable[GlossaryTerm]) -> tuple[list[GlossaryTerm], list[Diagnostic]]:
    """Keep the first definition of each term id or name; a second one, from another glossary
    file (a content pack, say), is an error at its own line. Within one file the loader has
    already reported repeats."""
    kept: list[GlossaryTerm] = []
    ids: dict[str, GlossaryTerm] = {}
    names: dict[str, GlossaryTerm] = {}
    problems = []
    for term in terms:
        first = ids.get(term.id) or next(
            (names[n.casefold()] for n in (term.term, *term.aliases) if n.casefold() in names), None
        )
        if first is not None and first.path != term.path:
            problems.append(
                Diagnostic(
                    str(term.path),
                    term.line,
                    term.col,
                    f"term '{term.term}' ({term.id}) is already defined in "
                    f"{first.path}:{first.line}; define each term once",
                )
            )
            continue
        ids.setdefault(term.id, term)
        for name in (term.term, *term.aliases):
            names.setdefault(name.casefold(), term)
        kept.append(term)
    return kept, problems


def check_term_links(
    lessons: Iterable[Lesson], terms: Iterable[GlossaryTerm], *, glossary_broken: bool = False
) -> list[Diagnostic]:
    """Every glossary link must name a term; every term should be linked from some lesson, and
    its ``see`` entries must name terms too."""
    terms = list(terms)
    by_id = {term.id: term for term in terms}
    problems = []
    used: set[str] = set()
    for lesson in lessons:
        for link in lesson.term_links:
            used.add(link.term_id)
            if link.term_id in by_id:
                continue
            if glossary_broken:
                why = "which is not in the glossary (the glossary has errors; see them)"
            else:
                why = "which is not in the glossary" + close_match_hint(link.term_id, by_id)
            problems.append(
                Diagnostic(
                    str(lesson.path), link.line, link.col, f"link to term '{link.term_id}', {why}"
                )
            )
    for term in terms:
        problems += [
            Diagnostic(
                str(term.path),
                term.line,
                term.col,
                f"term '{term.id}' lists '{other}' under 'see', which is not in the glossary"
                + close_match_hint(other, by_id),
            )
            for other in term.see
            if other not in by_id
        ]
        if term.id not in used:
            problems.append(
                Diagnostic(
                    str(term.path),
                    term.line,
                    term.col,
                    f"term '{term.id}' is not linked from any lesson; link it as "
                    f"[{term.term}](glossary:{term.id}) where a lesson uses it",
                    severity="warning",
                )
            )
    return problems


def check_timeline(
    events: Iterable[TimelineEvent], lessons: Mapping[str, Lesson]
) -> list[Diagnostic]:
    """Each event must point to a lesson of the course and, if it names one, to a real step."""
    problems = []
    for event in events:
        lesson = lessons.get(event.lesson_id)
        if lesson is None:
            problems.append(
                Diagnostic(
                    str(event.path),
                    event.lesson_line,
                    event.lesson_col,
                    f"event '{event.title}' is taught in lesson '{event.lesson_id}', "
                    "which is not a lesson in this course"
                    + close_match_hint(event.lesson_id, lessons),
                )
            )
        elif event.step is not None and event.step > lesson.step_count:
            problems.append(
                Diagnostic(
                    str(event.path),
                    event.step_line,
                    event.step_col,
                    f"event '{event.title}' points to step {event.step}, but lesson "
                    f"'{lesson.id}' has {lesson.step_count} step(s)",
                )
            )
    return problems
