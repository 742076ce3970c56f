"""Quiz files: YAML naming a lesson, a pass mark and its questions.

Each question type has its own keys (see ``QUESTION_TYPES`` at the end); every problem found is
reported at the exact line and column of the offending key or value, and all of a file's problems
are reported together.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dprk_it_tutor.content.fields import FieldReader, describe, quoted
from dprk_it_tutor.content.fields import number as number_text
from dprk_it_tutor.content.model import ContentError, Question, Quiz
from dprk_it_tutor.content.yamlsafe import KeyPath, parse_yaml, read_text
from dprk_it_tutor.quiz.grading import format_number, normalise, parse_number

QUIZ_KEYS = ("lesson", "pass_mark", "questions")
QUIZ_OPTIONAL = ("shuffle", "shuffle_choices", "draw")
COMMON_REQUIRED = ("id", "type", "prompt", "explanation")
COMMON_OPTIONAL = ("hint", "step", "skill")
# What a question asks the learner to do; all but "recall" go beyond remembering a fact.
SKILLS = ("recall", "compare", "explain", "apply")
DEFAULT_SKILL = "recall"
PASS_MARK_RANGE = (0, 100)
DEFAULT_PASS_MARK = 70
MIN_CHOICES = 2
ORDERING_ITEMS = (3, 7)
MATCHING_PAIRS = (2, 8)
_QUOTED_BOOLEANS = {"true", "false", "yes", "no", "on", "off"}


def load_quiz(path: Path) -> Quiz:
    """Load one quiz file, or raise ContentError listing every problem found in it."""
    doc = parse_yaml(read_text(path), path)
    fields = FieldReader(doc)
    top = fields.mapping((), required=QUIZ_KEYS, optional=QUIZ_OPTIONAL, what="a quiz file")
    if top is None:
        raise ContentError(fields.problems)
    lesson_id = fields.identifier(("lesson",))
    pass_mark = fields.integer(
        ("pass_mark",),
        minimum=PASS_MARK_RANGE[0],
        maximum=PASS_MARK_RANGE[1],
        default=DEFAULT_PASS_MARK,
    )
    shuffle = _boolean(fields, ("shuffle",), default=False)
    shuffle_choices = _boolean(fields, ("shuffle_choices",), default=False)
    questions: list[Question] = []
    count = fields.entries("questions", "question")
    if count:
        seen: dict[str, int] = {}
        for index in range(count):
            question = _question(fields, ("questions", index))
            if question is None:
                continue
            if question.id in seen:
                fields.problem(
                    ("questions", index, "id"),
                    f"question id '{question.id}' is already used on line {seen[question.id]}",
                )
            seen.setdefault(question.id, question.line)
            questions.append(question)
    draw = _draw(fields, count or None)
    if fields.problems:
        raise ContentError(fields.problems, lesson_id)
    return Quiz(
        lesson_id=lesson_id,
        pass_mark=pass_mark,
        questions=tuple(questions),
        path=path,
        lesson_line=doc.position(("lesson",)).line,
        lesson_col=doc.position(("lesson",)).col,
        shuffle=shuffle,
        shuffle_choices=shuffle_choices,
        draw=draw,
    )


def _draw(fields: FieldReader, count: int | None) -> int | None:
    """``draw``: how many questions to ask, from 1 to the number of questions written."""
    if "draw" not in fields.get(()):
        return None
    value = fields.get(("draw",))
    if isinstance(value, bool) or not isinstance(value, int):
        fields.problem(("draw",), f"'draw' must be a whole number, not {describe(value)}")
        return None
    if value < 1 or (count is not None and value > count):
        upper = f" and {count} (the number of questions)" if count is not None else " or more"
        between = f"between 1{upper}" if count is not None else f"1{upper}"
        fields.problem(("draw",), f"'draw' must be {between}; got {number_text(value)}")
        return None
    return value


# -- one question ---------------------------------------------------------------------------------


class QuestionType:
    """How one question type is read from YAML: its extra keys and a reader for them."""

    def __init__(
        self,
        required: tuple[str, ...],
        optional: tuple[str, ...],
        read: Callable[[FieldReader, KeyPath], dict[str, Any] | None],
    ) -> None:
        self.keys = (required, optional)
        self.read = read

    @property
    def all_keys(self) -> tuple[str, ...]:
        return sum(self.keys, ())


def _a(qtype: str) -> str:
    return ("an " if qtype[:1] in "aeiou" else "a ") + qtype


# What to say when a key that belongs to other types is used in this one.
_NOT_HERE = {
    ("ordering", "answer"): "an ordering question has no 'answer'; "
    "list the items in their correct order under 'items'",
    ("matching", "answer"): "a matching question has no 'answer'; "
    "write the correct pairs under 'pairs'",
    ("true_false", "choices"): "a true_false question has no 'choices'; "
    "learners always pick True or False",
}


def _question(fields: FieldReader, at: KeyPath) -> Question | None:
    qtype = fields.get((*at, "type"))
    kind = QUESTION_TYPES.get(qtype) if isinstance(qtype, str) else None
    before = len(fields.problems)
    raw = _question_mapping(fields, at, qtype if kind else None)
    if raw is None:
        return None
    if kind is None and "type" in raw:
        known = list(QUESTION_TYPES)
        close = difflib.get_close_matches(str(qtype), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"supported types: {', '.join(known)}"
        fields.problem((*at, "type"), f"unknown question type {qtype!r}; {hint}")
    common = {
        "id": fields.identifier((*at, "id")),
        "type": qtype if isinstance(qtype, str) else "",
        "prompt": fields.text((*at, "prompt")),
        "explanation": fields.text((*at, "explanation")),
        "hint": fields.text((*at, "hint"), required=False),
        "step": fields.step((*at, "step")),
        "skill": _skill(fields, (*at, "skill")),
        "line": fields.doc.position(at).line,
        "col": fields.doc.position(at).col,
        "step_line": fields.doc.position((*at, "step")).line,
        "step_col": fields.doc.position((*at, "step")).col,
    }
    specific = kind.read(fields, at) if kind else None
    if specific is None or len(fields.problems) > before:
        return None
    return Question(**common, **specific)


def _skill(fields: FieldReader, keypath: KeyPath) -> str:
    value = fields.text(keypath, required=False, default=DEFAULT_SKILL)
    if value not in SKILLS:
        close = difflib.get_close_matches(value, SKILLS, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(SKILLS)}"
        fields.problem(keypath, f"unknown skill {value!r}; {hint}")
    return value


def _question_mapping(fields: FieldReader, at: KeyPath, qtype: str | None) -> dict[str, Any] | None:
    """Check a question's keys against its type: FieldReader.mapping, plus a plain word for a key
    that belongs to another type. With no known type, every type's keys are accepted, so that the
    unknown type is the only problem reported rather than correct lines flagged too."""
    what = f"question {at[-1] + 1}"
    raw = fields.get(at)
    if not isinstance(raw, dict):
        return fields.mapping(at, required=(), optional=(), what=what)  # reports the type error
    every_key = tuple(dict.fromkeys(k for t in QUESTION_TYPES.values() for k in t.all_keys))
    required = [*COMMON_REQUIRED, *(QUESTION_TYPES[qtype].keys[0] if qtype else ())]
    known = [*required, *COMMON_OPTIONAL, *(QUESTION_TYPES[qtype].keys[1] if qtype else every_key)]
    for key in raw:
        if key in known:
            continue
        owners = [name for name, other in QUESTION_TYPES.items() if key in other.all_keys]
        if owners and qtype:
            message = _NOT_HERE.get((qtype, key)) or (
                f"'{key}' is not used in {_a(qtype)} question; only {_join(owners)} questions "
                "have it"
            )
        else:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = (
                f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(known)}"
            )
            message = f"unknown key '{key}' in {what}; {hint}"
        fields.problem((*at, key), message, of_key=True)
    for key in required:
        if key not in raw:
            fields.problem(at, f"{what} is missing the required key '{key}'")
    return raw


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


# -- small typed reads this module needs beyond FieldReader ---------------------------------------


def _has(fields: FieldReader, keypath: KeyPath) -> bool:
    parent = fields.get(keypath[:-1])
    return isinstance(parent, dict) and keypath[-1] in parent


def _boolean(fields: FieldReader, keypath: KeyPath, *, default: bool) -> bool:
    if not _has(fields, keypath):
        return default
    value = fields.get(keypath)
    if isinstance(value, bool):
        return value
    name = f"'{keypath[-1]}'"
    if isinstance(value, str) and value.strip().casefold() in _QUOTED_BOOLEANS:
        message = f"{name} must be true or false written without quotes; got the text {value!r}"
    else:
        message = f"{name} must be true or false, not {describe(value)}"
    fields.problem(keypath, message)
    return default


def _number(fields: FieldReader, keypath: KeyPath) -> float | None:
    """A real number at ``keypath`` (reported if it is not one), or None."""
    value = fields.get(keypath)
    name = f"'{keypath[-1]}'"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fields.problem(keypath, f"{name} must be a number, not {describe(value)}")
        return None
    try:
        number = float(value)
    except OverflowError:  # a whole number too big for a float: 1 followed by 400 zeros
        number = math.inf
    if not math.isfinite(number):
        fields.problem(keypath, f"{name} must be a finite number; got {number_text(value)}")
        return None
    return number


def _tolerance(fields: FieldReader, keypath: KeyPath) -> float:
    if not _has(fields, keypath):
        return 0.0
    value = _number(fields, keypath)
    if value is not None and value < 0:
        fields.problem(keypath, f"'{keypath[-1]}' must be 0 or more; got {format_number(value)}")
        return 0.0
    return value or 0.0


def _distinct(fields: FieldReader, keypath: KeyPath, values: tuple[str, ...], what: str) -> None:
    """Report each value of the list at ``keypath`` that repeats an earlier one."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value and value in seen:
            fields.problem((*keypath, index), f"{what} {quoted(value)} is listed twice")
        seen.add(value)


# -- single and multiple choice -------------------------------------------------------------------


def _read_choices(fields: FieldReader, at: KeyPath) -> tuple[str, ...] | None:
    choices = fields.text_list((*at, "choices"))
    if not isinstance(fields.get((*at, "choices")), list):
        return None
    if len(choices) < MIN_CHOICES:
        fields.problem((*at, "choices"), "a choice question needs at least two choices")
    _distinct(fields, (*at, "choices"), choices, "choice")
    return choices


def _read_feedback(fields: FieldReader, at: KeyPath, choices: tuple[str, ...]) -> dict[str, str]:
    raw = fields.get((*at, "feedback"))
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        fields.problem((*at, "feedback"), "'feedback' must map choice text to a message")
        return {}
    feedback = {}
    for key in raw:
        text = fields.text((*at, "feedback", key))
        if str(key) not in choices:
            fields.problem(
                (*at, "feedback", key),
                f"feedback is given for {str(key)!r}, which is not a choice",
                of_key=True,
            )
        feedback[str(key)] = text
    return feedback


def _read_single(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    choices = _read_choices(fields, at)
    if choices is None:
        return None
    answer = fields.text((*at, "answer"))
    if answer and answer not in choices:
        fields.problem((*at, "answer"), f"the answer {quoted(answer)} is not one of the choices")
    return {"choices": choices, "answer": answer, "feedback": _read_feedback(fields, at, choices)}


def _read_multiple(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    choices = _read_choices(fields, at)
    if choices is None:
        return None
    feedback = _read_feedback(fields, at, choices)
    keypath = (*at, "answer")
    raw = fields.get(keypath)
    if not isinstance(raw, list):
        if _has(fields, keypath):
            fields.problem(
                keypath,
                "'answer' of a multiple question must be a list of every correct choice, "
                f"such as [A, C], not {describe(raw)}",
            )
        return None
    answer = fields.text_list(keypath)
    if not answer:
        fields.problem(keypath, "'answer' must list at least one correct choice")
    for index, picked in enumerate(answer):
        if picked and picked not in choices:
            fields.problem(
                (*keypath, index), f"the answer {quoted(picked)} is not one of the choices"
            )
    _distinct(fields, keypath, answer, "the answer")
    return {
        "choices": choices,
        "answer": tuple(choice for choice in choices if choice in answer),
        "feedback": feedback,
    }


# -- true or false --------------------------------------------------------------------------------

# The feedback keys of a true_false question, written in any case, and the side each names.
TRUTH_KEYS = {"true": "True", "false": "False"}


def _read_true_false(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    keypath = (*at, "answer")
    raw = fields.get(keypath)
    if not isinstance(raw, bool) and _has(fields, keypath):
        if isinstance(raw, str) and raw.strip().casefold() in _QUOTED_BOOLEANS:
            message = f"'answer' must be true or false written without quotes; got the text {raw!r}"
        else:
            message = (
                f"'answer' of a true_false question must be true or false, not {describe(raw)}"
            )
        fields.problem(keypath, message)
    feedback = _read_true_false_feedback(fields, (*at, "feedback"))
    if not isinstance(raw, bool):
        return None
    return {"answer": raw, "choices": ("True", "False"), "feedback": feedback}


def _read_true_false_feedback(fields: FieldReader, keypath: KeyPath) -> dict[str, str]:
    """Feedback keyed by true/false (as YAML booleans or as text), stored as "True"/"False"."""
    raw = fields.get(keypath)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        fields.problem(keypath, "'feedback' must map true and false to a message")
        return {}
    feedback: dict[str, str] = {}
    for key in raw:
        text = fields.text((*keypath, key))
        side = str(key) if isinstance(key, bool) else TRUTH_KEYS.get(str(key).strip().casefold())
        if side is None:
            fields.problem(
                (*keypath, key),
                f"feedback is given for {str(key)!r}; a true_false question's feedback keys "
                "are true and false",
                of_key=True,
            )
        elif side in feedback:
            fields.problem(
                (*keypath, key), f"feedback for {side.lower()} is given twice", of_key=True
            )
        else:
            feedback[side] = text
    return feedback


# -- short answer ---------------------------------------------------------------------------------


def _read_short(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    allow_typo = _boolean(fields, (*at, "allow_typo"), default=True)
    keypath = (*at, "answer")
    raw = fields.get(keypath)
    if isinstance(raw, list):
        if not raw:
            fields.problem(keypath, "'answer' must list at least one accepted answer")
        paths = [(*keypath, index) for index in range(len(raw))]
    elif isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        paths = [keypath]
    else:
        if _has(fields, keypath):
            hint = (
                "; YAML reads yes/no/true/false as true/false, so put the answer in quotes"
                if isinstance(raw, bool)
                else ""
            )
            fields.problem(
                keypath,
                "'answer' of a short question must be text or a list of accepted texts, "
                f"not {describe(raw)}{hint}",
            )
        return None
    accepted: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        if isinstance(fields.get(path), bool):
            fields.problem(
                path, "YAML reads yes/no/true/false as true/false; put this answer in quotes"
            )
            continue
        text = fields.text(path)
        if not text:
            continue
        key = normalise(text)
        if not key:
            fields.problem(
                path,
                f"the accepted answer {text!r} has nothing left to compare once spaces and "
                "punctuation around it are ignored",
            )
        elif key in seen:
            fields.problem(
                path,
                f"the accepted answer {text!r} is the same as {seen[key]!r} once case, spacing "
                "and punctuation are ignored",
            )
        else:
            seen[key] = text
        accepted.append(text)
    return {"answer": tuple(accepted), "allow_typo": allow_typo}


# -- numeric --------------------------------------------------------------------------------------


def _read_numeric(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    keypath = (*at, "answer")
    raw = fields.get(keypath)
    answer: float | None
    if isinstance(raw, str):
        answer = parse_number(raw)
        if answer is None:
            fields.problem(
                keypath,
                f"cannot read {quoted(raw)} as a number; write it like 1990, 1000, 1,000 or 2.5",
            )
    elif _has(fields, keypath):
        answer = _number(fields, keypath)
    else:
        answer = None
    tolerance = _tolerance(fields, (*at, "tolerance"))
    tolerance_percent = _tolerance(fields, (*at, "tolerance_percent"))
    if _has(fields, (*at, "tolerance")) and _has(fields, (*at, "tolerance_percent")):
        fields.problem(
            (*at, "tolerance_percent"),
            "give either 'tolerance' or 'tolerance_percent', not both",
            of_key=True,
        )
    unit = fields.text((*at, "unit"), required=False)
    if answer is None:
        return None
    return {
        "answer": answer,
        "tolerance": tolerance,
        "tolerance_percent": tolerance_percent,
        "unit": unit,
    }


# -- ordering -------------------------------------------------------------------------------------


def _read_ordering(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    keypath = (*at, "items")
    items = fields.text_list(keypath)
    if not isinstance(fields.get(keypath), list):
        return None
    low, high = ORDERING_ITEMS
    if not low <= len(items) <= high:
        fields.problem(
            keypath, f"an ordering question needs {low} to {high} items; got {len(items)}"
        )
    _distinct(fields, keypath, items, "item")
    return {"answer": items, "choices": items}


# -- matching -------------------------------------------------------------------------------------


def _read_matching(fields: FieldReader, at: KeyPath) -> dict[str, Any] | None:
    keypath = (*at, "pairs")
    raw = fields.get(keypath)
    distractors = fields.text_list((*at, "distractors"), required=False)
    _distinct(fields, (*at, "distractors"), distractors, "distractor")
    if not isinstance(raw, dict):
        if _has(fields, keypath):
            fields.problem(
                keypath,
                "'pairs' must map each left-hand item to its match, one 'item: match' line "
                f"each, not {describe(raw)}",
            )
        return None
    low, high = MATCHING_PAIRS
    if not low <= len(raw) <= high:
        fields.problem(keypath, f"a matching question needs {low} to {high} pairs; got {len(raw)}")
    pairs: list[tuple[str, str]] = []
    lefts: set[str] = set()
    for key in raw:
        right = fields.text((*keypath, key))
        if isinstance(key, bool):
            fields.problem(
                (*keypath, key),
                "YAML reads yes/no/on/off/true/false as true/false; put this item in quotes",
                of_key=True,
            )
            continue
        left = str(key).strip()
        if not left:
            fields.problem((*keypath, key), "a left-hand item must not be blank", of_key=True)
        elif left in lefts:
            fields.problem((*keypath, key), f"item {left!r} is listed twice", of_key=True)
        lefts.add(left)
        pairs.append((left, right))
    used = tuple(dict.fromkeys(right for _, right in pairs if right))
    for index, extra in enumerate(distractors):
        if extra in used:
            owner = next(left for left, right in pairs if right == extra)
            fields.problem(
                (*at, "distractors", index),
                f"distractor {extra!r} is already the match of {owner!r}; a distractor must "
                "match nothing",
            )
    choices = used + tuple(d for d in dict.fromkeys(distractors) if d and d not in used)
    readable = len(pairs) == len(raw) and all(right for _, right in pairs)
    if readable and len(raw) >= low and len(choices) < 2:
        fields.problem(
            keypath,
            "every item has the same match, so there is nothing to choose between; "
            "add a pair with another match or a 'distractors' list",
        )
    return {"answer": tuple(pairs), "choices": choices}


QUESTION_TYPES: dict[str, QuestionType] = {
    "single": QuestionType(("choices", "answer"), ("feedback",), _read_single),
    "multiple": QuestionType(("choices", "answer"), ("feedback",), _read_multiple),
    "true_false": QuestionType(("answer",), ("feedback",), _read_true_false),
    "short": QuestionType(("answer",), ("allow_typo",), _read_short),
    "numeric": QuestionType(("answer",), ("tolerance", "tolerance_percent", "unit"), _read_numeric),
    "ordering": QuestionType(("items",), (), _read_ordering),
    "matching": QuestionType(("pairs",), ("distractors",), _read_matching),
}
