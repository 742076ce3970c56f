"""Structure-aware quiz strategies: valid quizzes, near-valid ones, and learners' responses.

``broken_quizzes`` starts from a valid question of each type (``TEMPLATES``) and gives a few of its
fields values of the wrong type or shape, or drops them, so that each type's own validation runs
on every kind of wrong value. ``valid_quizzes`` builds quizzes that should load, for grading.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from dprk_it_tutor.content.quizzes import (
    COMMON_OPTIONAL,
    COMMON_REQUIRED,
    QUESTION_TYPES,
    QUIZ_KEYS,
    QUIZ_OPTIONAL,
)

from .fuzz_strategies import QUESTION_KEYS, dump, mutated_mapping

COMMON = {"prompt": "Which?", "explanation": "Because.", "hint": "Think.", "step": 1}
# One valid question of each type, using each of its optional keys.
TEMPLATES: dict[str, dict[str, Any]] = {
    "single": {"choices": ["KCC", "Nosotek"], "answer": "KCC", "feedback": {"Nosotek": "No."}},
    "multiple": {"choices": ["A", "B", "C"], "answer": ["A", "C"], "feedback": {"B": "No."}},
    "true_false": {"answer": True, "feedback": {True: "Yes.", "false": "No."}},
    "short": {"answer": ["Nosotek", "KCC"], "allow_typo": False},
    "numeric": {"answer": 1990, "tolerance": 1, "unit": "years"},
    "ordering": {"items": ["first", "second", "third"]},
    "matching": {"pairs": {"KCC": "state", "Nosotek": "joint"}, "distractors": ["private"]},
}


def template(qtype: str, number: int) -> dict[str, Any]:
    return {"id": f"q{number}", "type": qtype, **COMMON, **copy.deepcopy(TEMPLATES[qtype])}


@st.composite
def broken_question(draw: st.DrawFn, number: int) -> dict[Any, Any]:
    """A valid question of some type with a few of its fields wrong; its ``type`` may change
    too, so that one type's fields meet another type's reader."""
    qtype = draw(st.sampled_from(list(QUESTION_TYPES)))
    # The type's own keys three times over: their readers hold most of the validation.
    own = (*COMMON_REQUIRED, *COMMON_OPTIONAL, *QUESTION_TYPES[qtype].all_keys * 3)
    question = draw(mutated_mapping(template(qtype, number), own, QUESTION_KEYS))
    if draw(st.integers(0, 5)) == 0:
        question["type"] = draw(st.sampled_from(list(QUESTION_TYPES)))
    return question


@st.composite
def broken_quizzes(draw: st.DrawFn) -> str:
    count = draw(st.integers(1, 3))
    questions = [draw(broken_question(number)) for number in range(1, count + 1)]
    quiz: dict[Any, Any] = {"lesson": "origins", "pass_mark": 70, "questions": questions}
    if draw(st.booleans()):
        quiz = draw(mutated_mapping(quiz, QUIZ_KEYS + QUIZ_OPTIONAL, ()))
    return dump(quiz)


# -- quizzes that load ----------------------------------------------------------------------------

# Labels as an author writes them: no spaces or controls (those are trimmed or rejected).
label = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=10
)
word = st.text(st.characters(categories=("L",)), min_size=1, max_size=10)
numbers = st.integers(-(10**15), 10**15) | st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def valid_question(draw: st.DrawFn, qtype: str, number: int) -> dict[str, Any]:
    question: dict[str, Any] = {"id": f"q{number}", "type": qtype, **COMMON}
    if qtype in ("single", "multiple"):
        choices = draw(st.lists(label, min_size=2, max_size=5, unique=True))
        if qtype == "single":
            answer: Any = draw(st.sampled_from(choices))
        else:
            answer = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
        question |= {"choices": choices, "answer": answer}
    elif qtype == "true_false":
        question["answer"] = draw(st.booleans())
    elif qtype == "short":
        accepted = draw(st.lists(word, min_size=1, max_size=3, unique_by=str.casefold))
        question |= {"answer": accepted, "allow_typo": draw(st.booleans())}
    elif qtype == "numeric":
        question |= {"answer": draw(numbers), "tolerance": draw(st.floats(0, 1e6))}
    elif qtype == "ordering":
        question["items"] = draw(st.lists(label, min_size=3, max_size=7, unique=True))
    else:
        lefts = draw(st.lists(label, min_size=2, max_size=8, unique=True))
        rights = draw(st.lists(label, min_size=2, max_size=len(lefts), unique=True))
        question["pairs"] = {left: rights[i % len(rights)] for i, left in enumerate(lefts)}
    return question


@st.composite
def valid_quizzes(draw: st.DrawFn) -> str:
    types = draw(st.lists(st.sampled_from(list(QUESTION_TYPES)), min_size=1, max_size=4))
    questions = [draw(valid_question(qtype, number)) for number, qtype in enumerate(types, 1)]
    return dump({"lesson": "origins", "pass_mark": 70, "questions": questions})


# -- what a learner could answer ------------------------------------------------------------------

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
typed_number = st.from_regex(r"\A[-+\u2212]?[0-9][0-9, .]{0,20}\Z") | st.builds(str, numbers)


def responses(question: Any) -> st.SearchStrategy[Any]:
    """What the screen for ``question`` can send, and (as stored progress) anything JSON holds."""
    choices = list(question.choices) or ["?"]
    shaped = {
        "single": st.sampled_from(choices) | st.text(),
        "multiple": st.lists(st.sampled_from(choices), unique=True) | st.lists(st.text()),
        "true_false": st.booleans() | st.sampled_from(["True", "False"]),
        "short": st.text(),
        "numeric": typed_number | st.text(),
        "ordering": st.permutations(choices),
        "matching": st.dictionaries(
            st.sampled_from(list(question.left_items) or ["?"]), st.sampled_from(choices)
        ),
    }[question.type]
    return shaped | json_like
