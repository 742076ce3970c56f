"""Grading as pure functions, one per question type: (question, response) -> Grade.

Responses arrive in the shapes listed on :class:`~dprk_it_tutor.content.model.Question`, but they
may have made a round trip through JSON (tuples become lists) or come from an older version of the
app, so every grader treats an unexpected shape as a wrong answer rather than raising.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for annotations: the quiz reader imports this module to parse numbers
    from dprk_it_tutor.content.model import Question

EPSILON = 1e-9  # relative slack for float noise in numeric answers
TYPO_MIN_LETTERS = 6  # accepted answers at least this long (in letters) forgive one typo
MAX_NUMBER_LENGTH = 64  # longer "numbers" are not something a learner typed on purpose


@dataclass(frozen=True)
class Grade:
    score: float  # 0..1
    feedback: str = ""  # what the author wrote for this particular response, if anything

    @property
    def correct(self) -> bool:
        return self.score >= 1.0

    @property
    def verdict(self) -> str:
        if self.correct:
            return "right"
        return "partly right" if self.score > 0 else "wrong"


WRONG = Grade(0.0)


def _texts(response: Any, *, unordered: bool = False) -> list[str] | None:
    """A list or tuple of strings (or a set, where order means nothing), as it may come back from
    JSON; anything else is None."""
    shapes = (list, tuple, set, frozenset) if unordered else (list, tuple)
    if isinstance(response, shapes) and all(isinstance(item, str) for item in response):
        return list(response)
    return None


def _finite(value: Any) -> float | None:
    """A real number (not a bool) as a finite float, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


# -- single and multiple choice -------------------------------------------------------------------


def grade_single(question: Question, response: Any) -> Grade:
    """One choice is right; the response is the chosen choice's text."""
    if not isinstance(response, str):
        return WRONG
    score = 1.0 if response == question.answer else 0.0
    return Grade(score, question.feedback.get(response, ""))


def grade_multiple(question: Question, response: Any) -> Grade:
    """Partial credit: the share of right choices ticked minus the share of wrong ones ticked.

    Ticking every choice therefore scores 0 whenever at least one choice is wrong, and exactly the
    right set scores 1. The order of the picks never matters.
    """
    picks = _texts(response, unordered=True)
    if picks is None:
        return WRONG
    picked = set(picks)
    right = set(question.answer)
    wrong = set(question.choices) - right
    hits = len(picked & right) / len(right) if right else 1.0
    misses = len(picked & wrong) / len(wrong) if wrong else 0.0
    score = min(1.0, max(0.0, hits - misses))
    notes = [
        question.feedback[c] for c in question.choices if c in picked and c in question.feedback
    ]
    return Grade(score, " ".join(notes))


# -- true or false --------------------------------------------------------------------------------


def _as_bool(response: Any) -> bool | None:
    """True/False, or the text "true"/"false" (any case) that a choice list may hand back."""
    if isinstance(response, bool):
        return response
    if isinstance(response, str):
        return {"true": True, "false": False}.get(response.strip().casefold())
    return None


def grade_true_false(question: Question, response: Any) -> Grade:
    picked = _as_bool(response)
    if picked is None:
        return WRONG
    score = 1.0 if picked is bool(question.answer) else 0.0
    return Grade(score, question.feedback.get(str(picked), ""))


# -- short answer ---------------------------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset(string.punctuation)


def _is_edge_junk(char: str) -> bool:
    return (
        char.isspace() or char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith("P")
    )


def normalise(text: str) -> str:
    """Text as short answers compare it: NFKC, case-folded, trimmed of surrounding punctuation
    and whitespace, with each run of inner whitespace made one space."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    start, end = 0, len(folded)
    while start < end and _is_edge_junk(folded[start]):
        start += 1
    while end > start and _is_edge_junk(folded[end - 1]):
        end -= 1
    return " ".join(folded[start:end].split())


def typo_distance(a: str, b: str) -> int:
    """The optimal-string-alignment distance between ``a`` and ``b``, capped at 2.

    0 means equal; 1 means one substitution, insertion, deletion or swap of two adjacent
    characters; 2 means "more than one edit". Bounded so it is linear in the length.
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 1:
        return 2
    if len(a) > len(b):
        a, b = b, a
    # Skip the common prefix; what is left must differ by exactly one edit.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):  # one character inserted into ``a`` at position i
        return 1 if a[i:] == b[i + 1 :] else 2
    if a[i + 1 :] == b[i + 1 :]:  # one character substituted
        return 1
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return 1 if swapped and a[i + 2 :] == b[i + 2 :] else 2


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def grade_short(question: Question, response: Any) -> Grade:
    """Typed text against the accepted answers, ignoring case, spacing and edge punctuation.

    With ``allow_typo`` an answer of six or more letters also accepts one slip (a wrong, missing,
    extra or swapped character); the feedback then shows the usual spelling.
    """
    if not isinstance(response, str):
        return WRONG
    typed = normalise(response)
    if not typed:
        return WRONG
    accepted = [(answer, normalise(answer)) for answer in question.answer]
    if any(typed == wanted for _, wanted in accepted):
        return Grade(1.0)
    if question.allow_typo:
        for answer, wanted in accepted:
            if _letters(wanted) >= TYPO_MIN_LETTERS and typo_distance(typed, wanted) == 1:
                return Grade(1.0, f"Accepted; the usual spelling is '{answer}'.")
    return WRONG


# -- numeric --------------------------------------------------------------------------------------

# After NFKC, no-break, narrow no-break and thin spaces are all plain spaces.
_PLAIN = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d*)?")
_SIGNS = {"+": 1.0, "-": -1.0, "\u2212": -1.0}  # U+2212 is the typographic minus sign


def parse_number(text: Any) -> float | None:
    """Read a number as a learner would type it, or None if it is not clearly one number.

    Accepts an optional leading + or -, digits with an optional decimal point, and thousands
    grouped by commas or by spaces (ASCII, no-break, narrow no-break or thin): "1,000", "1000",
    "1 000", "-1,000.5", "+3", "0.25", ".5". Rejects anything ambiguous or malformed, such as
    "1,00" (a comma group that is not three digits), "1.000.000", "1,000 000", "ten" or "".
    """
    if not isinstance(text, str) or len(text) > MAX_NUMBER_LENGTH:
        return None
    body = unicodedata.normalize("NFKC", text).strip()
    sign = 1.0
    if body[:1] in _SIGNS:
        sign, body = _SIGNS[body[0]], body[1:]
    if not body.isascii() or not (_PLAIN.fullmatch(body) or _GROUPED.fullmatch(body)):
        return None
    value = float(body.replace(",", "").replace(" ", ""))
    return sign * value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """A number without a trailing ".0": 1990.0 -> "1990", 2.5 -> "2.5"."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def grade_numeric(question: Question, response: Any) -> Grade:
    """Right when within the larger of the absolute and the relative tolerance."""
    value = _finite(response) if not isinstance(response, str) else parse_number(response)
    if value is None:
        shown = response.strip() if isinstance(response, str) else str(response)
        return Grade(0.0, f"Could not read '{shown}' as a number.")
    answer = float(question.answer)
    allowed = max(question.tolerance, abs(answer) * question.tolerance_percent / 100)
    slack = EPSILON * max(1.0, abs(answer))
    return Grade(1.0 if abs(value - answer) <= allowed + slack else 0.0)


# -- ordering -------------------------------------------------------------------------------------


def grade_ordering(question: Question, response: Any) -> Grade:
    """The share of item pairs that the response puts in the same relative order as the answer.

    The right order scores 1 and its exact reverse 0; a response that is not a rearrangement of
    the items scores 0.
    """
    order = _texts(response)
    items = list(question.answer)
    if order is None or sorted(order) != sorted(items):
        return WRONG
    if len(items) < 2:
        return Grade(1.0)
    place = {item: index for index, item in enumerate(order)}
    pairs = [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]
    agreeing = sum(place[a] < place[b] for a, b in pairs)
    return Grade(agreeing / len(pairs))


# -- matching -------------------------------------------------------------------------------------


def _pairs(response: Any) -> dict[str, Any] | None:
    """A matching response as {left: right}: a dict, or a list of [left, right] pairs.

    A left given twice in a list of pairs is ambiguous and maps to None, which never matches.
    """
    if isinstance(response, dict):
        return response
    if not isinstance(response, (list, tuple)):
        return None
    paired: dict[str, Any] = {}
    for pair in response:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and isinstance(pair[0], str)):
            return None
        left, right = pair
        paired[left] = None if left in paired else right
    return paired


def grade_matching(question: Question, response: Any) -> Grade:
    """The share of left-hand items paired with their right-hand side; missing ones are wrong."""
    paired = _pairs(response)
    if paired is None or not question.answer:
        return WRONG
    right = sum(
        1
        for left, wanted in question.answer
        if isinstance(paired.get(left), str) and paired[left] == wanted
    )
    return Grade(right / len(question.answer))


GRADERS: dict[str, Callable[[Question, Any], Grade]] = {
    "single": grade_single,
    "multiple": grade_multiple,
    "true_false": grade_true_false,
    "short": grade_short,
    "numeric": grade_numeric,
    "ordering": grade_ordering,
    "matching": grade_matching,
}


def grade(question: Question, response: Any) -> Grade:
    return GRADERS[question.type](question, response)


# -- showing answers ------------------------------------------------------------------------------

NOT_ANSWERED = "(not answered)"
NOTHING_CHOSEN = "(none chosen)"
BLANK = "(blank)"


def describe_answer(question: Question, response: Any) -> str:
    """A response, or the correct answer passed as ``question.answer``, as a learner reads it.

    single "1990"; multiple "A; B" (in the order of the choices); true_false "True"; short the
    typed text, or for the answer the first accepted text plus "(or: ...)" for the others; numeric
    "1000 employees"; ordering "A → B → C"; matching "KCC → specialist; Nosotek → joint venture".
    Never raises: a response of an unexpected shape is shown as plain text.
    """
    if response is None:
        return NOT_ANSWERED
    describe = _DESCRIBERS.get(question.type)
    try:
        shown = describe(question, response) if describe else None
    except (TypeError, ValueError):  # a response of a shape no describer expected
        shown = None
    return str(response) if shown is None else shown


def _describe_multiple(question: Question, response: Any) -> str | None:
    picks = _texts(response, unordered=True)
    if picks is None:
        return None
    known = [choice for choice in question.choices if choice in picks]
    others = [pick for pick in dict.fromkeys(picks) if pick not in question.choices]
    return "; ".join(known + others) or NOTHING_CHOSEN


def _describe_true_false(question: Question, response: Any) -> str | None:
    value = _as_bool(response)
    return None if value is None else str(value)


def _describe_short(question: Question, response: Any) -> str | None:
    if isinstance(response, str):
        return response.strip() or BLANK
    accepted = _texts(response)
    if not accepted:
        return None
    return accepted[0] + (f" (or: {', '.join(accepted[1:])})" if len(accepted) > 1 else "")


def _describe_numeric(question: Question, response: Any) -> str | None:
    if isinstance(response, str):
        value = parse_number(response)
        if value is None:
            return response.strip() or BLANK
    else:
        value = _finite(response)
        if value is None:
            return None
    return f"{format_number(value)} {question.unit}".rstrip()


def _describe_ordering(question: Question, response: Any) -> str | None:
    order = _texts(response)
    return None if order is None else " → ".join(order) or NOTHING_CHOSEN


def _describe_matching(question: Question, response: Any) -> str | None:
    paired = _pairs(response)
    if paired is None:
        return None
    lefts = list(question.left_items) + [left for left in paired if left not in question.left_items]
    shown = [
        f"{left} → {paired.get(left) if isinstance(paired.get(left), str) else '?'}"
        for left in lefts
    ]
    return "; ".join(shown) or NOTHING_CHOSEN


_DESCRIBERS: dict[str, Callable[[Question, Any], str | None]] = {
    "single": lambda question, response: str(response),
    "multiple": _describe_multiple,
    "true_false": _describe_true_false,
    "short": _describe_short,
    "numeric": _describe_numeric,
    "ordering": _describe_ordering,
    "matching": _describe_matching,
}
