"""Erasing a learner's progress, all of it or one lesson's, always after a backup.

The backup is the full export, written inside the same transaction that deletes: it holds exactly
what was there when the deletion happened, and if it cannot be written nothing is deleted.
Importing it (``dprk-it-tutor import FILE``) brings everything back.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dprk_it_tutor.progress.export import history_document
from dprk_it_tutor.progress.files import BACKUP_FOLDER, write_backup
from dprk_it_tutor.progress.store import ProgressStore, StoreError

# Tables whose rows belong to one lesson, and the kinds of attempt a lesson reset removes (the
# final exam and spaced reviews are not one lesson's).
_LESSON_TABLES = ("lesson_state", "step_seen", "review_card", "study_time")
_LESSON_ATTEMPT_KINDS = ("quiz", "retry")
_LEARNER_TABLES = (*_LESSON_TABLES, "review_log", "activity_day", "setting")


@dataclass(frozen=True)
class ResetResult:
    backup: Path  # the export written before anything was deleted
    lessons: int
    steps_seen: int
    attempts: int
    answers: int
    review_cards: int
    study_visits: int
    whole: bool  # the learner's review log, days of study and settings went too

    def __str__(self) -> str:
        removed = (
            f"{self.lessons} lesson(s), {self.steps_seen} step(s) seen, {self.attempts} "
            f"attempt(s) with {self.answers} answer(s), {self.review_cards} review card(s), "
            f"{self.study_visits} reading visit(s)"
        )
        if self.whole:
            removed += ", the review log, days of study and settings"
        return removed + " removed"


def lesson_ids_with_progress(store: ProgressStore) -> set[str]:
    """Every lesson id the current learner has any record of, in the course or not."""
    return {
        row[0]
        for row in store._db.execute(
            " UNION ".join(
                f"SELECT lesson_id FROM {table} WHERE profile_id = :p"
                for table in (*_LESSON_TABLES, "quiz_attempt")
            ),
            {"p": store._profile},
        )
    }


def check_lesson_to_reset(
    store: ProgressStore, lesson_id: str, course_lessons: Iterable[str]
) -> bool:
    """Whether the lesson has progress to reset; a StoreError (with the closest known ids) if
    neither the course nor the learner's history knows it."""
    stored = lesson_ids_with_progress(store)
    if lesson_id in stored:
        return True
    known = set(course_lessons)
    if lesson_id in known:
        return False
    close = difflib.get_close_matches(lesson_id, sorted(known | stored), n=3)
    hint = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
    raise StoreError(
        f"no lesson {lesson_id!r} in the course or in the progress of learner "
        f"{store.profile_name!r}{hint}"
    )


def reset_progress(store: ProgressStore, lesson_id: str | None = None) -> ResetResult:
    """Back up the learner's history to ``<data dir>/backups/``, then delete all of it (the
    learner stays) or only ``lesson_id``'s, all in one transaction."""
    profile = store._profile
    with store._write() as db:
        document = history_document(db, profile, store.profile_name)
        backup = write_backup(
            store.path.parent / BACKUP_FOLDER,
            store.profile_name,
            json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        )
        where, values = "profile_id = ?", [profile]
        if lesson_id is not None:
            where, values = "profile_id = ? AND lesson_id = ?", [profile, lesson_id]
        attempts = where
        if lesson_id is not None:
            attempts += f" AND kind IN {_LESSON_ATTEMPT_KINDS!r}"  # constant, never user input
        answers = db.execute(
            f"""SELECT count(*) FROM answer WHERE attempt_id IN
                  (SELECT id FROM quiz_attempt WHERE {attempts})""",
            values,
        ).fetchone()[0]
        # Answers go with their attempt (ON DELETE CASCADE).
        removed = {
            "quiz_attempt": db.execute(
                f"DELETE FROM quiz_attempt WHERE {attempts}", values
            ).rowcount
        }
        tables = _LESSON_TABLES if lesson_id is not None else _LEARNER_TABLES
        for table in tables:
            removed[table] = db.execute(f"DELETE FROM {table} WHERE {where}", values).rowcount
    return ResetResult(
        backup=backup,
        lessons=removed["lesson_state"],
        steps_seen=removed["step_seen"],
        attempts=removed["quiz_attempt"],
        answers=answers,
        review_cards=removed["review_card"],
        study_visits=removed["study_time"],
        whole=lesson_id is None,
    )
