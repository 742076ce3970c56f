"""Quiz files: YAML naming a lesson, a pass mark and its questions."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dprk_it_tutor.content.fields import FieldReader, describe
from dprk_it_tutor.content.model import ContentError, Question, Quiz
from dprk_it_tutor.content.yamlsafe import KeyPath, parse_yaml, read_text

QUIZ_KEYS = ("lesson", "pass_mark", "questions")
COMMON_REQUIRED = ("id", "type", "prompt", "answer", "explanation")
COMMON_OPTIONAL = ("hint", "step")


def load_quiz(path: Path) -> Quiz:
    """Load one quiz file, or raise ContentError listing every problem found in it."""
    doc = parse_yaml(read_text(path), path)
    fields = FieldReader(doc)
    top = fields.mapping((), required=QUIZ_KEYS, optional=(), what="a quiz file")
    if top is None:
        raise ContentError(fields.problems)
    lesson_id = fields.identifier(("lesson",))
    pass_mark = fields.integer(("pass_mark",), minimum=0, maximum=100, default=70)
    questions: list[Question] = []
    raw = top.get("questions")
    if "questions" in top and (not isinstance(raw, list) or not raw):
        problem = (
            "'questions' is empty; add at least one question"
            if raw == []
            else f"'questions' must be a list of questions, not {describe(raw)}"
        )
        fields.problem(("questions",), problem)
    elif isinstance(raw, list):
        seen: dict[str, int] = {}
        for index in range(len(raw)):
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
    if fields.problems:
        raise ContentError(fields.problems, lesson_id)
    return Quiz(
        lesson_id=lesson_id,
        pass_mark=pass_mark,
        questions=tuple(questions),
        path=path,
        lesson_line=doc.position(("lesson",)).line,
    )


def _question(fields: FieldReader, at: KeyPath) -> Question | None:
    qtype = fields.get((*at, "type"))
    parser = QUESTION_TYPES.get(qtype) if isinstance(qtype, str) else None
    if parser is not None:
        extra_required, extra_optional = parser.keys
    else:  # the type itself is the problem: accept every type's keys rather than flag them too
        extra_required = ()
        extra_optional = tuple({k for t in QUESTION_TYPES.values() for k in sum(t.keys, ())})
    before = len(fields.problems)
    if (
        fields.mapping(
            at,
            required=(*COMMON_REQUIRED, *extra_required),
            optional=(*COMMON_OPTIONAL, *extra_optional),
            what=f"question {at[-1] + 1}",
        )
        is None
    ):
        return None
    if parser is None and "type" in fields.get(at):
        known = sorted(QUESTION_TYPES)
        close = difflib.get_close_matches(str(qtype), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"supported types: {', '.join(known)}"
        fields.problem((*at, "type"), f"unknown question type {qtype!r}; {hint}")
    common = {
        "id": fields.identifier((*at, "id")),
        "type": qtype if isinstance(qtype, str) else "",
        "prompt": fields.text((*at, "prompt")),
        "explanation": fields.text((*at, "explanation")),
        "hint": fields.text((*at, "hint"), required=False),
        "step": fields.integer((*at, "step"), minimum=1, maximum=1000, default=0) or None,
        "line": fields.doc.position(at).line,
        "step_line": fields.doc.position((*at, "step")).line,
    }
    specific = parser.read(fields, at) if parser else None
    if specific is None or len(fields.problems) > before:
        return None
    return Question(**common, **specific)


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


def _read_choices(fields: FieldReader, at: KeyPath) -> tuple[str, ...] | None:
    choices = fields.text_list((*at, "choices"))
    if not isinstance(fields.get((*at, "choices")), list):
        return None
    if len(choices) < 2:
        fields.problem((*at, "choices"), "a choice question needs at least two choices")
    seen: set[str] = set()
    for index, choice in enumerate(choices):
        if choice in seen:
            fields.problem((*at, "choices", index), f"choice {choice!r} is listed twice")
        seen.add(choice)
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
        fields.problem((*at, "answer"), f"the answer {answer!r} is not one of the choices")
    return {"choices": choices, "answer": answer, "feedback": _read_feedback(fields, at, choices)}


QUESTION_TYPES: dict[str, QuestionType] = {
    "single": QuestionType(("choices",), ("feedback",), _read_single),
}
