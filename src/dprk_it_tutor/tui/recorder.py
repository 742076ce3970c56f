"""The screens' handle on the progress store: reads pass through, failed writes become a warning.

A learner whose progress cannot be saved (read-only or full disk, a locked file) keeps learning and
is told once, clearly, instead of losing the session to a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress import (
    Attempt,
    AttemptKind,
    LessonRecord,
    ProgressStore,
    ReviewCard,
    StoreError,
)
from dprk_it_tutor.progress.report import ProgressReport, now_for_reviews, progress_report
from dprk_it_tutor.quiz.grading import Grade

T = TypeVar("T")

RESUME_LESSON = "resume_lesson"  # setting: the lesson that was open when the app last closed
RESUME_ATTEMPT = "resume_attempt"  # setting: the quiz attempt that was open when it last closed
THEME = "theme"  # setting: the learner's chosen Textual theme, by name


class ProgressRecorder:
    def __init__(self, store: ProgressStore, on_error: Callable[[StoreError], None]) -> None:
        self.store = store
        self._on_error = on_error

    def _write(self, action: Callable[[], T]) -> T | None:
        try:
            return action()
        except StoreError as exc:
            self._on_error(exc)
            return None

    # reads
    def lesson_records(self) -> dict[str, LessonRecord]:
        return self.store.lesson_records()

    def last_visited_lesson(self) -> str | None:
        return self.store.last_visited_lesson()

    def resume_lesson(self) -> str | None:
        return self.store.get_setting(RESUME_LESSON)

    def resume_attempt(self) -> Attempt | None:
        """The attempt that was open when the app stopped (quit, crash or kill), if unfinished."""
        uid = self.store.get_setting(RESUME_ATTEMPT)
        attempt = self.store.attempt_by_uid(uid) if uid else None
        return attempt if attempt is not None and attempt.finished_at is None else None

    def unfinished_attempt(self, lesson_id: str) -> Attempt | None:
        """A lesson's quiz attempt left before the end with some answers given, to pick up again."""
        attempt = self.store.unfinished_attempt(lesson_id, "quiz")
        return attempt if attempt is not None and attempt.answers else None

    def theme(self) -> str | None:
        return self.store.get_setting(THEME)

    @property
    def learner(self) -> str:
        return self.store.profile_name

    def learners(self) -> list[str]:
        return [profile.name for profile in self.store.profiles()]

    def due_reviews(self) -> list[ReviewCard]:
        return self.store.due_reviews(now_for_reviews())

    def count_due_reviews(self) -> int:
        return self.store.count_due_reviews(now_for_reviews())

    def report(self, course: Course) -> ProgressReport:
        """The whole progress report, as ``dprk-it-tutor progress`` prints it."""
        return progress_report(course, self.store, now_for_reviews())

    def report_revision(self) -> tuple[object, ...]:
        """Changes whenever the progress report may have: data written (here or by another
        process), another learner, a new day (the streak), a review come due."""
        return (self.store.revision(), self.store.today(), self.count_due_reviews())

    # writes
    def visit_step(self, lesson_id: str, step: int) -> None:
        self._write(lambda: self.store.visit_step(lesson_id, step))

    def set_resume_lesson(self, lesson_id: str | None) -> None:
        self._write(lambda: self.store.set_setting(RESUME_LESSON, lesson_id))

    def set_resume_attempt(self, attempt_id: int | None) -> None:
        """Remember the open attempt by its stable id, so that an export carries it correctly."""

        def save() -> None:
            attempt = self.store.attempt(attempt_id) if attempt_id is not None else None
            self.store.set_setting(RESUME_ATTEMPT, attempt.uid if attempt else None)

        self._write(save)

    def set_theme(self, name: str) -> None:
        self._write(lambda: self.store.set_setting(THEME, name))

    def add_study_time(self, visit_id: str, lesson_id: str, seconds: float) -> None:
        self._write(lambda: self.store.add_study_time(visit_id, lesson_id, seconds))

    def switch_learner(self, name: str) -> bool:
        """Make ``name`` the learner (created if new); False, after a warning, if it failed."""

        def switch() -> bool:
            self.store.use_profile(name)
            return True

        return self._write(switch) is True

    def start_attempt(
        self, lesson_id: str, seed: int, question_ids: list[str], kind: AttemptKind = "quiz"
    ) -> int | None:
        return self._write(lambda: self.store.start_attempt(lesson_id, seed, question_ids, kind))

    def record_answer(
        self,
        attempt_id: int | None,
        question_id: str,
        response: Any,
        score: float,
        *,
        hint_used: bool = False,
        seconds: float | None = None,
    ) -> None:
        if attempt_id is None:
            return
        self._write(
            lambda: self.store.record_answer(
                attempt_id, question_id, response, score, hint_used=hint_used, seconds=seconds
            )
        )

    def record_review(
        self, question_id: str, lesson_id: str, grade: Grade, hint_used: bool
    ) -> None:
        """Reschedule a question for spaced review after it was answered."""
        from dprk_it_tutor.quiz.review import rating_for, schedule

        def save() -> None:
            rating = rating_for(grade, hint_used)
            card = schedule(self.store.review_card(question_id), question_id, lesson_id, rating)
            self.store.save_review(card, int(rating))

        self._write(save)

    def finish_attempt(self, attempt_id: int | None, score: float, passed: bool) -> None:
        if attempt_id is not None:
            self._write(lambda: self.store.finish_attempt(attempt_id, score, passed))
