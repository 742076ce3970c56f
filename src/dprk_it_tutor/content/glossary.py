"""The glossary file: ``terms:``, each with an id, a name, a definition, aliases and related terms.

Which lessons use a term is not written here: it is worked out from the lessons' glossary links,
so the two can never disagree.
"""

from __future__ import annotations

from pathlib import Path

from dprk_it_tutor.content.fields import FieldReader
from dprk_it_tutor.content.model import ContentError, GlossaryTerm
from dprk_it_tutor.content.yamlsafe import parse_yaml, read_text

GLOSSARY_KEYS = ("terms",)
TERM_KEYS = ("id", "term", "definition")
TERM_OPTIONAL = ("aliases", "see")


def load_glossary(path: Path) -> tuple[GlossaryTerm, ...]:
    """Load a glossary file, or raise ContentError listing every problem found in it."""
    doc = parse_yaml(read_text(path), path)
    fields = FieldReader(doc)
    top = fields.mapping((), required=GLOSSARY_KEYS, optional=(), what="a glossary file")
    if top is None:
        raise ContentError(fields.problems)
    terms: list[GlossaryTerm] = []
    names: dict[str, tuple[str, int]] = {}  # casefolded name or alias -> (term id, line)
    ids: dict[str, int] = {}
    for index in range(fields.entries("terms", "term")):
        at = ("terms", index)
        if fields.mapping(at, required=TERM_KEYS, optional=TERM_OPTIONAL, what="a term") is None:
            continue
        line = doc.position(at).line
        term = GlossaryTerm(
            id=fields.identifier((*at, "id")),
            term=fields.text((*at, "term")),
            definition=fields.text((*at, "definition")),
            aliases=fields.text_list((*at, "aliases"), required=False),
            see=fields.text_list((*at, "see"), required=False),
            path=path,
            line=line,
            col=doc.position(at).col,
        )
        if term.id in ids:
            fields.problem(
                (*at, "id"), f"term id '{term.id}' is already used on line {ids[term.id]}"
            )
        ids.setdefault(term.id, line)
        for key, name in [
            ("term", term.term),
            *((("aliases", i), a) for i, a in enumerate(term.aliases)),
        ]:
            folded = name.casefold()
            if folded in names and names[folded][0] != term.id:
                where = (*at, *key) if isinstance(key, tuple) else (*at, key)
                other, other_line = names[folded]
                fields.problem(
                    where,
                    f"'{name}' is already defined as term '{other}' on line {other_line}; "
                    "each name or alias may belong to only one term",
                )
            names.setdefault(folded, (term.id, line))
        terms.append(term)
    if fields.problems:
        raise ContentError(fields.problems)
    return tuple(terms)
