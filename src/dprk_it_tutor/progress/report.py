"""The learner's progress as one report: per lesson and in total. Shared by ``dprk-it-tutor
progress`` (table or JSON) and, later, the dashboard screen.

The JSON shape is documented in docs/progress.md and kept stable: fields may be added, never
renamed or removed. Scores are percentages from 0 to 100, or null before any attempt.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from dprk_it_tutor.content.model import Course
from dprk_it_tutor.progress.status import LessonStatus, course_overview
from dprk_it_tutor.progress.store import ProgressStore

REPORT_VERSION = 1


def now_for_reviews() -> str:
    """The present moment as review due times are written (ISO 8601, UTC, whole seconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class LessonProgress:
    id: str
    title: str
    status: str  # "not started", "in progress" or "completed"
    current_step: int
    steps_seen: int
    steps_total: int
    best_score: float | None  # percent
    last_score: float | None  # percent
    attempts: int


@dataclass(frozen=True)
class ProgressTotals:
    lessons: int
    completed: int
    in_progress: int
    not_started: int
    steps_seen: int
    steps_total: int
    attempts: int
    completion: float  # percent of lessons completed


@dataclass(frozen=True)
class ProgressReport:
    lessons: tuple[LessonProgress, ...]
    totals: ProgressTotals
    reviews_due: int

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["lessons"] = list(data["lessons"])
        return {"version": REPORT_VERSION, **data}


def _percent(score: float | None) -> float | None:
    return None if score is None else round(score * 100, 1)


def progress_report(course: Course, store: ProgressStore, now: str) -> ProgressReport:
    rows = course_overview(course, store.lesson_records())
    lessons = tuple(
        LessonProgress(
            id=row.lesson.id,
            title=row.lesson.title,
            status=row.status.value,
            current_step=row.current_step,
            steps_seen=row.steps_seen,
            steps_total=row.lesson.step_count,
            best_score=_percent(row.best_score),
            last_score=_percent(row.last_score),
            attempts=row.attempts,
        )
        for row in rows
    )
    statuses = [row.status for row in rows]
    completed = statuses.count(LessonStatus.COMPLETED)
    totals = ProgressTotals(
        lessons=len(rows),
        completed=completed,
        in_progress=statuses.count(LessonStatus.IN_PROGRESS),
        not_started=statuses.count(LessonStatus.NOT_STARTED),
        steps_seen=sum(lesson.steps_seen for lesson in lessons),
        steps_total=sum(lesson.steps_total for lesson in lessons),
        attempts=sum(lesson.attempts for lesson in lessons),
        completion=round(100 * completed / len(rows), 1) if rows else 0.0,
    )
    return ProgressReport(lessons, totals, store.count_due_reviews(now))
