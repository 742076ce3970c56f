"""JSON Schemas of the content files, for editors that check YAML as it is typed.

Every key list, required key, question type, skill and limit comes from the loaders' own
constants, and a key that a loader reads without a description here stops the schema from being
built (see ``schema_blocks.pick``), so the two cannot drift apart. ``dprk-it-tutor validate``
stays the authority: a schema cannot look across files (does this lesson exist?) or compare
values (is the answer one of the choices?).

The schemas declare JSON Schema 2020-12 but use only keywords that mean the same in draft-07:
until its recent releases, the YAML language server behind most editors read every schema as
draft-07, ignoring newer keywords such as ``unevaluatedProperties``. They have no ``$id``: an
editor finds a schema by its file path or URL, every reference inside is local
(``#/$defs/...``), and an invented address would only invite a tool to try to fetch it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from dprk_it_tutor.content import glossary, lessons, packs, quizzes, timeline
from dprk_it_tutor.content.fields import STEP_RANGE
from dprk_it_tutor.content.schema_blocks import (
    IDENTIFIER,
    Schema,
    flag,
    identifier,
    listing,
    mapping,
    pick,
    text,
    whole_number,
)
from dprk_it_tutor.content.schema_questions import QUESTION_REF, question_defs
from dprk_it_tutor.content.schema_text import (
    COURSE_TEXT,
    EVENT_TEXT,
    GLOSSARY_TEXT,
    LESSON_TEXT,
    PART_TEXT,
    QUIZ_TEXT,
    SOURCE_TEXT,
    TERM_TEXT,
    TIMELINE_TEXT,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _document(kind: str, title: str, body: Schema) -> Schema:
    return {
        "$schema": DIALECT,
        "title": f"dprk-it-tutor {title}",
        "$comment": f"Written by 'dprk-it-tutor schema {kind}'. It checks one file at a time; "
        "'dprk-it-tutor validate' also checks what spans files.",
        **body,
    }


def lesson_schema() -> Schema:
    """The front matter of a lesson: the YAML between the first two ``---`` lines."""
    source_fields = {key: text(words) for key, words in SOURCE_TEXT.items() if key != "."}
    source = mapping(
        pick(source_fields, lessons.SOURCE_KEYS + lessons.SOURCE_OPTIONAL, "lesson source"),
        lessons.SOURCE_KEYS,
        SOURCE_TEXT["."],
    )
    fields = {
        "id": identifier(LESSON_TEXT["id"]),
        "title": text(LESSON_TEXT["title"]),
        "order": whole_number(lessons.ORDER_RANGE, LESSON_TEXT["order"]),
        "summary": text(LESSON_TEXT["summary"]),
        "objectives": listing(LESSON_TEXT["objectives"], minItems=1),
        "minutes": whole_number(lessons.MINUTES_RANGE, LESSON_TEXT["minutes"]),
        "prerequisites": listing(LESSON_TEXT["prerequisites"], items=IDENTIFIER, nullable=True),
        "sources": listing(LESSON_TEXT["sources"], items=source, nullable=True),
    }
    keys = lessons.REQUIRED + lessons.OPTIONAL
    body = mapping(pick(fields, keys, "lesson"), lessons.REQUIRED, LESSON_TEXT["."])
    return _document("lesson", "lesson front matter", body)


def quiz_schema() -> Schema:
    """A quiz file: its lesson, its pass mark and its questions."""
    fields = {
        "lesson": identifier(QUIZ_TEXT["lesson"]),
        "pass_mark": whole_number(
            quizzes.PASS_MARK_RANGE, QUIZ_TEXT["pass_mark"], default=quizzes.DEFAULT_PASS_MARK
        ),
        "questions": listing(QUIZ_TEXT["questions"], items={"$ref": QUESTION_REF}, minItems=1),
        "shuffle": flag(QUIZ_TEXT["shuffle"]),
        "shuffle_choices": flag(QUIZ_TEXT["shuffle_choices"]),
        # At most the number of questions, which a schema cannot count; validate checks it.
        "draw": {"type": "integer", "minimum": 1, "description": QUIZ_TEXT["draw"]},
    }
    keys = quizzes.QUIZ_KEYS + quizzes.QUIZ_OPTIONAL
    body = mapping(pick(fields, keys, "quiz"), quizzes.QUIZ_KEYS, QUIZ_TEXT["."])
    return _document("quiz", "quiz file", {**body, "$defs": question_defs()})


def glossary_schema() -> Schema:
    """The glossary file: its terms."""
    term_fields = {
        "id": identifier(TERM_TEXT["id"]),
        "term": text(TERM_TEXT["term"]),
        "definition": text(TERM_TEXT["definition"]),
        "aliases": listing(TERM_TEXT["aliases"], nullable=True),
        "see": listing(TERM_TEXT["see"], items=IDENTIFIER, nullable=True),
    }
    term_keys = glossary.TERM_KEYS + glossary.TERM_OPTIONAL
    term = mapping(
        pick(term_fields, term_keys, "glossary term"), glossary.TERM_KEYS, TERM_TEXT["."]
    )
    top = {"terms": listing(GLOSSARY_TEXT["terms"], items=term, minItems=1)}
    keys = glossary.GLOSSARY_KEYS
    body = mapping(pick(top, keys, "glossary"), keys, GLOSSARY_TEXT["."])
    return _document("glossary", "glossary", body)


def timeline_schema() -> Schema:
    """The timeline file: its dated events."""
    event_fields = {
        # A year written without quotes is a number that the loader reads as its text, so the
        # numbers allowed are those whose text is four digits.
        "when": {
            "type": ["string", "integer"],
            "pattern": timeline.WHEN_PATTERN.pattern,
            "patternErrorMessage": f"'when' must be {timeline.WHEN_RULE}.",
            "minimum": 1000,
            "maximum": 9999,
            "description": EVENT_TEXT["when"] % timeline.WHEN_RULE,
        },
        "title": text(EVENT_TEXT["title"]),
        "lesson": identifier(EVENT_TEXT["lesson"]),
        "approximate": {"type": ["boolean", "null"], "description": EVENT_TEXT["approximate"]},
        "detail": text(EVENT_TEXT["detail"]),
        "step": whole_number(STEP_RANGE, EVENT_TEXT["step"]),
    }
    event_keys = timeline.EVENT_KEYS + timeline.EVENT_OPTIONAL
    event = mapping(pick(event_fields, event_keys, "event"), timeline.EVENT_KEYS, EVENT_TEXT["."])
    top = {"events": listing(TIMELINE_TEXT["events"], items=event, minItems=1)}
    keys = timeline.TIMELINE_KEYS
    body = mapping(pick(top, keys, "timeline"), keys, TIMELINE_TEXT["."])
    return _document("timeline", "timeline", body)


def course_schema() -> Schema:
    """A pack's course.yaml: its name, title, description and parts."""
    part_fields = {
        "title": text(PART_TEXT["title"]),
        "lessons": listing(PART_TEXT["lessons"], items=IDENTIFIER, minItems=1),
    }
    part = mapping(pick(part_fields, packs.PART_KEYS, "part"), packs.PART_KEYS, PART_TEXT["."])
    top = {
        "title": text(COURSE_TEXT["title"]),
        "name": {**text(COURSE_TEXT["name"] % packs.MAX_NAME), "maxLength": packs.MAX_NAME},
        "description": text(COURSE_TEXT["description"]),
        "parts": listing(COURSE_TEXT["parts"], items=part, minItems=1),
    }
    keys = packs.MANIFEST_KEYS + packs.MANIFEST_OPTIONAL
    body = mapping(pick(top, keys, "course"), packs.MANIFEST_KEYS, COURSE_TEXT["."])
    return _document("course", "course.yaml of a content pack", body)


SCHEMAS: dict[str, Callable[[], Schema]] = {
    "lesson": lesson_schema,
    "quiz": quiz_schema,
    "glossary": glossary_schema,
    "timeline": timeline_schema,
    "course": course_schema,
}


def schema_json(kind: str) -> str:
    """The schema of ``kind`` (a key of SCHEMAS) as indented JSON, ending in a newline."""
    return json.dumps(SCHEMAS[kind](), indent=2) + "\n"
