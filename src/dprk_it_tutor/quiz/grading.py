"""Grading as pure functions, one per question type: (question, response) -> Grade."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dprk_it_tutor.content.model import Question


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


def grade_single(question: Question, response: Any) -> Grade:
    """One choice is right; the response is the chosen choice's text."""
    score = 1.0 if response == question.answer else 0.0
    return Grade(score, question.feedback.get(str(response), ""))


GRADERS: dict[str, Callable[[Question, Any], Grade]] = {
    "single": grade_single,
}


def grade(question: Question, response: Any) -> Grade:
    return GRADERS[question.type](question, response)


def describe_answer(question: Question, response: Any) -> str:
    """A response as a learner would read it."""
    if response is None:
        return "(not answered)"
    return str(response)
