"""Lesson status and the course overview, derived from stored records and the course."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content.model import Course, Lesson, Question, Quiz, Step
from dprk_it_tutor.progress.status import (
    LessonStatus,
    course_overview,
    format_score,
    lesson_status,
)
from dprk_it_tutor.progress.store import LessonRecord, ProgressStore


def make_lesson(lesson_id: str, steps: int, order: int = 1) -> Lesson:
    return Lesson(
        id=lesson_id,
        title=lesson_id.title(),
        order=order,
        summary="",
        objectives=("x",),
        prerequisites=(),
        minutes=1,
        sources=(),
        steps=tuple(Step(n, f"Step {n}", "body", n) for n in range(1, steps + 1)),
        path=Path(f"{lesson_id}.md"),
    )


def make_quiz(lesson_id: str) -> Quiz:
    question = Question(
        id=f"{lesson_id}-q", type="single", prompt="?", answer="A", choices=("A", "B")
    )
    return Quiz(lesson_id=lesson_id, pass_mark=70, questions=(question,), path=Path("q.yaml"))


# -- lesson_status ------------------------------------------------------------------------------


def test_no_record_is_not_started() -> None:
    assert lesson_status(None, step_count=3, has_quiz=True) is LessonStatus.NOT_STARTED


def test_record_with_nothing_seen_or_attempted_is_not_started() -> None:
    record = LessonRecord("origins")
    assert lesson_status(record, step_count=3, has_quiz=False) is LessonStatus.NOT_STARTED


def test_some_steps_seen_is_in_progress() -> None:
    record = LessonRecord("origins", steps_seen=frozenset({1, 2}))
    assert lesson_status(record, step_count=3, has_quiz=False) is LessonStatus.IN_PROGRESS


def test_all_steps_seen_without_a_quiz_is_completed() -> None:
    record = LessonRecord("origins", steps_seen=frozenset({1, 2, 3}))
    assert lesson_status(record, step_count=3, has_quiz=False) is LessonStatus.COMPLETED


def test_all_steps_seen_and_quiz_passed_is_completed() -> None:
    record = LessonRecord("origins", steps_seen=frozenset({1, 2, 3}), attempts=2, passed=True)
    assert lesson_status(record, step_count=3, has_quiz=True) is LessonStatus.COMPLETED


def test_all_steps_seen_but_quiz_not_passed_is_in_progress() -> None:
    record = LessonRecord("origins", steps_seen=frozenset({1, 2, 3}), attempts=1, passed=False)
    assert lesson_status(record, step_count=3, has_quiz=True) is LessonStatus.IN_PROGRESS


def test_all_steps_seen_and_no_attempt_yet_is_in_progress() -> None:
    record = LessonRecord("origins", steps_seen=frozenset({1, 2, 3}))
    assert lesson_status(record, step_count=3, has_quiz=True) is LessonStatus.IN_PROGRESS


def test_quiz_passed_but_a_step_unseen_is_in_progress() -> None:
    record = LessonRecord("origins", steps_seen=frozenset({1, 3}), attempts=1, passed=True)
    assert lesson_status(record, step_count=3, has_quiz=True) is LessonStatus.IN_PROGRESS


def test_quiz_attempted_without_seeing_steps_is_in_progress() -> None:
    record = LessonRecord("origins", attempts=1, passed=False)
    assert lesson_status(record, step_count=3, has_quiz=True) is LessonStatus.IN_PROGRESS


def test_status_values_read_as_words() -> None:
    assert [s.value for s in LessonStatus] == ["not started", "in progress", "completed"]


# -- course_overview ----------------------------------------------------------------------------


def test_overview_lists_lessons_in_course_order_with_defaults() -> None:
    course = Course(
        lessons=(make_lesson("origins", 2, order=1), make_lesson("firm-types", 3, order=2)),
        quizzes={"origins": make_quiz("origins")},
    )
    rows = course_overview(course, {})
    assert [row.lesson.id for row in rows] == ["origins", "firm-types"]
    assert [(r.status, r.current_step, r.steps_seen, r.attempts, r.has_quiz) for r in rows] == [
        (LessonStatus.NOT_STARTED, 1, 0, 0, True),
        (LessonStatus.NOT_STARTED, 1, 0, 0, False),
    ]
    assert [(r.best_score, r.last_score) for r in rows] == [(None, None), (None, None)]


def test_overview_clamps_current_step_when_the_lesson_lost_steps() -> None:
    course = Course(lessons=(make_lesson("origins", 3),), quizzes={})
    record = LessonRecord("origins", current_step=5, steps_seen=frozenset({1, 2, 3, 4, 5}))
    [row] = course_overview(course, {"origins": record})
    assert row.current_step == 3
    assert row.steps_seen == 3
    assert row.status is LessonStatus.COMPLETED


def test_overview_carries_scores_and_attempts() -> None:
    course = Course(lessons=(make_lesson("origins", 2),), quizzes={"origins": make_quiz("origins")})
    record = LessonRecord(
        "origins",
        current_step=2,
        steps_seen=frozenset({1, 2}),
        attempts=3,
        best_score=0.8,
        last_score=0.4,
        passed=True,
    )
    [row] = course_overview(course, {"origins": record})
    assert (row.status, row.current_step, row.steps_seen) == (LessonStatus.COMPLETED, 2, 2)
    assert (row.best_score, row.last_score, row.attempts) == (0.8, 0.4, 3)


def test_overview_from_a_real_store(tmp_path: Path) -> None:
    course = Course(
        lessons=(make_lesson("origins", 2, order=1), make_lesson("firm-types", 2, order=2)),
        quizzes={"origins": make_quiz("origins")},
    )
    with ProgressStore.open(tmp_path) as store:
        store.visit_step("origins", 1)
        store.visit_step("origins", 2)
        attempt = store.start_attempt("origins", seed=1, question_ids=["origins-q"])
        store.finish_attempt(attempt, score=1.0, passed=True)
        store.visit_step("firm-types", 1)
        rows = course_overview(course, store.lesson_records())
    assert [(r.lesson.id, r.status, r.current_step, r.steps_seen) for r in rows] == [
        ("origins", LessonStatus.COMPLETED, 2, 2),
        ("firm-types", LessonStatus.IN_PROGRESS, 1, 1),
    ]


# -- format_score -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "shown"),
    [(None, "-"), (0.0, "0%"), (1.0, "100%"), (0.7, "70%"), (2 / 3, "67%"), (0.123, "12%")],
)
def test_format_score(score: float | None, shown: str) -> None:
    assert format_score(score) == shown
