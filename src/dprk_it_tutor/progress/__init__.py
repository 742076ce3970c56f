"""The learner's progress: a versioned SQLite store and the plain records it hands out."""

from dprk_it_tutor.progress.status import (
    LessonOverview,
    LessonStatus,
    course_overview,
    damaged_store_notice,
    format_score,
    lesson_status,
)
from dprk_it_tutor.progress.store import (
    STORE_FILENAME,
    AnswerRecord,
    Attempt,
    AttemptKind,
    LessonRecord,
    ProgressStore,
    ReviewCard,
    StoreError,
    StoreUnavailable,
)

__all__ = [
    "STORE_FILENAME",
    "AnswerRecord",
    "Attempt",
    "AttemptKind",
    "LessonOverview",
    "LessonRecord",
    "LessonStatus",
    "ProgressStore",
    "ReviewCard",
    "StoreError",
    "StoreUnavailable",
    "course_overview",
    "damaged_store_notice",
    "format_score",
    "lesson_status",
]
