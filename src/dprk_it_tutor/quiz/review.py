"""Spaced review: a thin adapter over the FSRS scheduler (the ``fsrs`` package).

Every answered question becomes a card. A wrong (or only partly right) answer is rated Again, a
right one Good, and a right one given after the hint Hard. The scheduler's card travels as JSON so
that the store never needs to know about ``fsrs``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from dprk_it_tutor.content.model import Course, Quiz
from dprk_it_tutor.progress.store import ReviewCard
from dprk_it_tutor.quiz.grading import Grade


@cache
def _scheduler() -> Scheduler:
    # No fuzzing: the same history always gives the same schedule, which learners and tests can trust.
    return Scheduler(enable_fuzzing=False)


def rating_for(grade: Grade, hint_used: bool) -> Rating:
    if not grade.correct:
        return Rating.Again
    return Rating.Hard if hint_used else Rating.Good


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def schedule(
    previous: ReviewCard | None,
    question_id: str,
    lesson_id: str,
    rating: Rating,
    when: datetime | None = None,
) -> ReviewCard:
    """The question's next review state after being answered with ``rating`` at ``when`` (UTC)."""
    when = when or now_utc()
    if when.tzinfo is None:  # fsrs fails on naive datetimes; ours are always UTC
        when = when.replace(tzinfo=timezone.utc)
    card = Card.from_dict(json.loads(previous.card)) if previous else Card()
    card, _log = _scheduler().review_card(card, rating, review_datetime=when)
    return ReviewCard(question_id, lesson_id, json.dumps(card.to_dict()), iso(card.due))


def iso(moment: datetime) -> str:
    """The form the store compares due times in: ISO 8601 in UTC."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


REVIEW_SIZE = 20


def review_quiz(course: Course, due_question_ids: list[str]) -> Quiz | None:
    """The due questions still in the course, as one quiz mixing lessons; None if none are due."""
    questions = []
    for question_id in due_question_ids:
        found = course.question(question_id)
        if found is not None:
            questions.append(found[0])
    if not questions:
        return None
    return Quiz(
        lesson_id="review",
        pass_mark=0,
        questions=tuple(questions[:REVIEW_SIZE]),
        path=Path("review"),
        shuffle_choices=True,
    )
