"""The learner's progress as one report: per lesson and in total. Shared by ``dprk-it-tutor
progress`` (table or JSON) and the dashboard screen.

The JSON shape is documented in docs/progress.md and kept stable: fields may be added, never
renamed or removed. Scores are percentages from 0 to 100, or null before any attempt.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

from dprk_it_tutor.content.model import Course
from dprk_it_tutor.progress.status import LessonOverview, LessonStatus, course_overview
from dprk_it_tutor.progress.store import ProgressStore
from dprk_it_tutor.progress.streak import Streak, streak

REPORT_VERSION = 1
RECENT_ATTEMPTS = 3  # how many of the latest scores count as "recent" for mastery
# Mastery levels, highest first: the lowest percent each needs.
MASTERY_LEVELS = (("mastered", 90.0), ("secure", 70.0), ("developing", 50.0), ("needs work", 0.0))


def mastery(scores: list[float] | tuple[float, ...]) -> float | None:
    """How well a lesson is known, in percent: the best score and the recent ones, half each.

    The best alone would hide a learner who has since forgotten; the latest alone would punish one
    bad day. None before any attempt.
    """
    if not scores:
        return None
    recent = scores[-RECENT_ATTEMPTS:]
    return round((max(scores) + sum(recent) / len(recent)) / 2, 1)


def mastery_level(percent: float | None) -> str | None:
    if percent is None:
        return None
    return next(name for name, floor in MASTERY_LEVELS if percent >= floor)


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
    time_seconds: float  # reading the lesson and answering its quiz
    scores: tuple[float, ...]  # percent, each finished quiz attempt, oldest first
    mastery: float | None  # percent, from the best and the recent scores; see mastery()
    mastery_level: str | None  # "mastered", "secure", "developing" or "needs work"
    pack: str = ""  # the content pack the lesson comes from ("built-in" for the shipped course)
    part: str = ""  # the part of its pack's course.yaml that lists it


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
    time_seconds: float


@dataclass(frozen=True)
class StreakSummary:
    current: int
    longest: int
    last_active: str | None  # YYYY-MM-DD, the learner's own calendar day

    def describe(self) -> str:
        """One line for people: "3-day streak · longest 5", or how to start one."""
        if self.current:
            return f"{self.current}-day streak · longest {self.longest}"
        if self.longest:
            return f"No current streak · longest {self.longest}"
        return "No streak yet: study today to start one"


@dataclass(frozen=True)
class ProgressReport:
    profile: str
    streak: StreakSummary
    lessons: tuple[LessonProgress, ...]
    totals: ProgressTotals
    reviews_due: int
    # Every finished quiz attempt's score in percent, oldest first, over the lessons of the course:
    # what the dashboard charts. Each lesson's share is in its ``scores``; not part of the JSON.
    all_scores: tuple[float, ...] = field(default=(), repr=False)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["all_scores"]
        data["lessons"] = [
            {**lesson, "scores": list(lesson["scores"])} for lesson in data["lessons"]
        ]
        return {"version": REPORT_VERSION, **data}


def format_duration(seconds: float, spaced: bool = False) -> str:
    """Time studied for people: "-" for none, "<1m", "12m", "1h05m" (or "1h 05m" if spaced)."""
    if seconds <= 0:
        return "-"
    minutes = int(seconds // 60)
    if minutes == 0:
        return "<1m"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes}m"
    return f"{hours}h{' ' if spaced else ''}{minutes:02d}m"


def _percent(score: float | None) -> float | None:
    return None if score is None else round(score * 100, 1)


def _streak_summary(days: Streak) -> StreakSummary:
    last = days.last_active.isoformat() if days.last_active else None
    return StreakSummary(days.current, days.longest, last)


def _lesson_progress(row: LessonOverview, seconds: float, scores: list[float]) -> LessonProgress:
    known = mastery(scores)
    return LessonProgress(
        id=row.lesson.id,
        title=row.lesson.title,
        pack=row.lesson.pack,
        part=row.lesson.part,
        status=row.status.value,
        current_step=row.current_step,
        steps_seen=row.steps_seen,
        steps_total=row.lesson.step_count,
        best_score=_percent(row.best_score),
        last_score=_percent(row.last_score),
        attempts=row.attempts,
        time_seconds=round(seconds, 1),
        scores=tuple(scores),
        mastery=known,
        mastery_level=mastery_level(known),
    )


def progress_report(course: Course, store: ProgressStore, now: str) -> ProgressReport:
    """Everything the learner has done in this course; data for lessons not in it is left out."""
    rows = course_overview(course, store.lesson_records())
    seconds = store.lesson_seconds()
    scores: dict[str, list[float]] = {row.lesson.id: [] for row in rows}
    all_scores: list[float] = []
    for point in store.score_history():
        lesson_scores = scores.get(point.lesson_id)
        if lesson_scores is not None:  # a lesson of this course
            percent = round(point.score * 100, 1)
            lesson_scores.append(percent)
            all_scores.append(percent)
    lessons = tuple(
        _lesson_progress(row, seconds.get(row.lesson.id, 0.0), scores[row.lesson.id])
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
        time_seconds=round(sum(lesson.time_seconds for lesson in lessons), 1),
    )
    return ProgressReport(
        profile=store.profile_name,
        streak=_streak_summary(streak(store.activity_days(), store.today())),
        lessons=lessons,
        totals=totals,
        reviews_due=store.count_due_reviews(now),
        all_scores=tuple(all_scores),
    )
