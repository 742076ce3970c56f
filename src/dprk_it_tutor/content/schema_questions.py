"""The question part of the quiz schema: the common keys, and one branch per question type.

A question is checked by its common keys, then by the branch its ``type`` selects: an
``if``/``then`` pair whose ``then`` lists the common keys and that type's own keys with
``additionalProperties: false``, so that an editor completes exactly the keys of that type and
flags a key that belongs to another one. ``if``/``then`` rather than ``oneOf`` keeps the errors
about the branch the author meant instead of about all seven.
"""

from __future__ import annotations

from dprk_it_tutor.content import quizzes
from dprk_it_tutor.content.fields import STEP_RANGE
from dprk_it_tutor.content.schema_blocks import (
    TEXT,
    Schema,
    flag,
    identifier,
    listing,
    mapping,
    pick,
    text,
    whole_number,
)
from dprk_it_tutor.content.schema_text import QUESTION_TEXT, TYPE_KEY_TEXT, TYPE_TEXT

QUESTION_REF = "#/$defs/question"


def branch_name(question_type: str) -> str:
    """The name of a question type's schema under ``$defs``."""
    return f"{question_type}-question"


def question_defs() -> dict[str, Schema]:
    """Everything the quiz schema keeps under ``$defs``: any question, and each type's branch."""
    common = _common_fields()
    fields = _type_fields()
    defs = {"question": {"title": "question", **_any_question(common)}}
    for name, kind in quizzes.QUESTION_TYPES.items():
        required, optional = kind.keys
        own = pick(fields.get(name, {}), required + optional, f"{name} question")
        # The branch's own 'type' is a constant, so that the skeleton an editor offers for a
        # new question (labelled with the title) comes with its type filled in.
        this_type = {"const": name, "description": QUESTION_TEXT["type"]}
        branch = mapping(
            {**common, "type": this_type, **own},
            quizzes.COMMON_REQUIRED + required,
            TYPE_TEXT[name],
        )
        defs[branch_name(name)] = {
            "title": f"{name} question",
            **branch,
            **_TYPE_RULES.get(name, {}),
        }
    return defs


def _common_fields() -> dict[str, Schema]:
    fields = {
        "id": identifier(QUESTION_TEXT["id"]),
        "type": {"enum": list(quizzes.QUESTION_TYPES), "description": QUESTION_TEXT["type"]},
        "prompt": text(QUESTION_TEXT["prompt"]),
        "explanation": text(QUESTION_TEXT["explanation"]),
        "hint": text(QUESTION_TEXT["hint"]),
        "step": whole_number(STEP_RANGE, QUESTION_TEXT["step"]),
        "skill": {
            "enum": list(quizzes.SKILLS),
            "default": quizzes.DEFAULT_SKILL,
            "description": QUESTION_TEXT["skill"],
        },
    }
    return pick(fields, quizzes.COMMON_REQUIRED + quizzes.COMMON_OPTIONAL, "question")


def _any_question(common: dict[str, Schema]) -> Schema:
    """The common keys, then the branch of the question's type. When the type is missing or
    unknown, any type's keys are allowed: the loader then reports only the type."""
    names = list(quizzes.QUESTION_TYPES)
    every_key = dict.fromkeys(
        [*common, *(key for kind in quizzes.QUESTION_TYPES.values() for key in kind.all_keys)]
    )
    branches: list[Schema] = [
        {
            "if": {"properties": {"type": {"const": name}}, "required": ["type"]},
            "then": {"$ref": f"#/$defs/{branch_name(name)}"},
        }
        for name in names
    ]
    branches.append(
        {
            "if": {"properties": {"type": {"enum": names}}, "required": ["type"]},
            "else": {"propertyNames": {"enum": list(every_key)}},
        }
    )
    return {
        "type": "object",
        "description": QUESTION_TEXT["."],
        "properties": common,
        "required": list(quizzes.COMMON_REQUIRED),
        "allOf": branches,
    }


def _either_case(word: str) -> str:
    return "".join(f"[{letter.upper()}{letter}]" for letter in word)


# Rules beyond the keys: tolerance and tolerance_percent exclude each other.
_TYPE_RULES: dict[str, Schema] = {
    "numeric": {"not": {"required": ["tolerance", "tolerance_percent"]}},
}


def _type_fields() -> dict[str, dict[str, Schema]]:
    """Each type's own keys: 'answer' in particular means something different in every type."""
    min_choices = quizzes.MIN_CHOICES
    choices = listing(
        TYPE_KEY_TEXT["choices"] % min_choices, minItems=min_choices, uniqueItems=True
    )
    choice_feedback = {
        "type": ["object", "null"],
        "additionalProperties": TEXT,
        "description": TYPE_KEY_TEXT["choice.feedback"],
    }
    truth = "|".join(_either_case(word) for word in quizzes.TRUTH_KEYS)
    true_false_feedback = {
        "type": ["object", "null"],
        "properties": {
            word: text(TYPE_KEY_TEXT[f"true_false.feedback.{word}"]) for word in quizzes.TRUTH_KEYS
        },
        "propertyNames": {
            "pattern": rf"^\s*(?:{truth})\s*$",
            "patternErrorMessage": "The feedback of a true_false question is keyed by true and false.",
        },
        "additionalProperties": TEXT,
        "description": TYPE_KEY_TEXT["true_false.feedback"],
    }
    # One accepted text, or a list of them; each keyword applies only to its own type.
    short_answer = {**TEXT, "type": ["string", "number", "array"], "minItems": 1, "items": TEXT}
    tolerance = {"type": "number", "minimum": 0}
    ordering, matching = quizzes.ORDERING_ITEMS, quizzes.MATCHING_PAIRS
    return {
        "single": {
            "choices": choices,
            "answer": text(TYPE_KEY_TEXT["single.answer"]),
            "feedback": choice_feedback,
        },
        "multiple": {
            "choices": choices,
            "answer": listing(TYPE_KEY_TEXT["multiple.answer"], minItems=1, uniqueItems=True),
            "feedback": choice_feedback,
        },
        "true_false": {
            "answer": flag(TYPE_KEY_TEXT["true_false.answer"]),
            "feedback": true_false_feedback,
        },
        "short": {
            "answer": {**short_answer, "description": TYPE_KEY_TEXT["short.answer"]},
            "allow_typo": flag(TYPE_KEY_TEXT["allow_typo"]),
        },
        "numeric": {
            # Text must at least hold a digit; validate reads it exactly as the learner's input.
            "answer": {
                "type": ["number", "string"],
                "pattern": "[0-9]",
                "patternErrorMessage": "Write a number, such as 1990, 10000 or 2.5.",
                "description": TYPE_KEY_TEXT["numeric.answer"],
            },
            "tolerance": {**tolerance, "description": TYPE_KEY_TEXT["tolerance"]},
            "tolerance_percent": {**tolerance, "description": TYPE_KEY_TEXT["tolerance_percent"]},
            "unit": text(TYPE_KEY_TEXT["unit"]),
        },
        "ordering": {
            "items": listing(
                TYPE_KEY_TEXT["items"] % ordering,
                minItems=ordering[0],
                maxItems=ordering[1],
                uniqueItems=True,
            ),
        },
        "matching": {
            "pairs": {
                "type": "object",
                "minProperties": matching[0],
                "maxProperties": matching[1],
                "propertyNames": {
                    "pattern": r"\S",
                    "patternErrorMessage": "A left-hand item must not be blank.",
                },
                "additionalProperties": TEXT,
                "description": TYPE_KEY_TEXT["pairs"] % matching,
            },
            "distractors": listing(TYPE_KEY_TEXT["distractors"], nullable=True, uniqueItems=True),
        },
    }
