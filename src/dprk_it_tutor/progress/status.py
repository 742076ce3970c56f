"""A lesson's status, derived from what the store recorded and what the course holds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from dprk_it_tutor.content.model import Course, Lesson
from dprk_it_tutor.progress.store import LessonRecord, ProgressStore
from dprk_it_tutor.terminal_text import printable


class LessonStatus(str, Enum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    COMPLETED = "completed"


def lesson_status(record: LessonRecord | None, step_count: int, has_quiz: bool) -> LessonStatus:
    """Completed means every step seen and, if the lesson has a quiz, the quiz passed."""
    if record is None or (not record.steps_seen and not record.attempts):
        return LessonStatus.NOT_STARTED
    all_seen = all(step in record.steps_seen for step in range(1, step_count + 1))
    if all_seen and (record.passed or not has_quiz):
        return LessonStatus.COMPLETED
    return LessonStatus.IN_PROGRESS


@dataclass(frozen=True)
class LessonOverview:
    """One row of the course map: a lesson with the learner's standing in it."""

    lesson: Lesson
    status: LessonStatus
    current_step: int
    steps_seen: int
    best_score: float | None
    last_score: float | None
    attempts: int
    has_quiz: bool


def course_overview(course: Course, records: dict[str, LessonRecord]) -> list[LessonOverview]:
    """The course map in teaching order, for the home screen and ``dprk-it-tutor list``."""
    rows = []
    for lesson in course.lessons:
        record = records.get(lesson.id)
        has_quiz = course.quiz_for(lesson.id) is not None
        rows.append(
            LessonOverview(
                lesson=lesson,
                status=lesson_status(record, lesson.step_count, has_quiz),
                current_step=min(record.current_step, lesson.step_count) if record else 1,
                steps_seen=len([s for s in record.steps_seen if s <= lesson.step_count])
                if record
                else 0,
                best_score=record.best_score if record else None,
                last_score=record.last_score if record else None,
                attempts=record.attempts if record else 0,
                has_quiz=has_quiz,
            )
        )
    return rows


def format_score(score: float | None) -> str:
    return "-" if score is None else f"{round(score * 100)}%"


def damaged_store_notice(store: ProgressStore) -> str:
    """What to tell a learner whose progress file was damaged and moved aside at open."""
    return printable(
        f"the progress file {store.path} was damaged ({store.damage}); it was kept as "
        f"{store.moved_aside} and a new, empty progress file was started"
    )
