"""Importing an export: a merge into the current learner's history, in one transaction.

Shares the store's connection; kept out of store.py only for size. Records are matched by stable
ids (attempt and study visit ``uid``, lesson, step and question ids), and every rule (listed in
docs/progress.md) is chosen so that importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, fields
from typing import Any

from dprk_it_tutor.progress.store import ProgressStore, StoreError


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each kind an import added or changed, and how many it already had."""

    attempts: int = 0
    answers: int = 0
    lessons: int = 0
    steps_seen: int = 0
    study_visits: int = 0
    review_cards: int = 0
    reviews: int = 0
    days: int = 0
    settings: int = 0
    already_present: int = 0

    def __str__(self) -> str:
        labels = {
            "attempts": "attempt(s)",
            "answers": "answer(s)",
            "lessons": "lesson(s)",
            "steps_seen": "step(s) seen",
            "study_visits": "reading visit(s)",
            "review_cards": "review card(s)",
            "reviews": "review(s)",
            "days": "day(s) of study",
            "settings": "setting(s)",
        }
        counts = ", ".join(f"{getattr(self, name)} {label}" for name, label in labels.items())
        return f"{counts}; {self.already_present} already present"


def import_history(store: ProgressStore, document: dict[str, Any]) -> ImportSummary:
    """Merge a checked export document (see ``export_format.read_export``) into the current
    learner's history, in one transaction: all of it or, on any error, none of it."""
    with store._write() as db:
        merge = _Merge(db, store._profile)
        for lesson in document.get("lessons", []):
            merge.lesson(lesson)
        for attempt in document.get("attempts", []):
            merge.attempt(attempt)
        for visit in document.get("study_time", []):
            merge.study_visit(visit)
        for card in document.get("review_cards", []):
            merge.review_card(card)
        merge.review_log(document.get("review_log", []))
        for day in document.get("activity_days", []):
            merge.count(
                "days", "INSERT OR IGNORE INTO activity_day (profile_id, day) VALUES (?, ?)", day
            )
        for key, value in document.get("settings", {}).items():
            merge.count(
                "settings",
                "INSERT OR IGNORE INTO setting (profile_id, key, value) VALUES (?, ?, ?)",
                key,
                value,
            )
    return ImportSummary(**merge.counts)


class _Merge:
    """One import's statements; every change is counted, and so is every record already there."""

    def __init__(self, db: sqlite3.Connection, profile: int) -> None:
        self.db = db
        self.profile = profile
        self.counts = dict.fromkeys((f.name for f in fields(ImportSummary)), 0)

    def count(self, kind: str, sql: str, *values: Any) -> int:
        """Run ``sql`` for the current learner; count a change under ``kind``, or none as present."""
        changed = self.db.execute(sql, (self.profile, *values)).rowcount
        self.counts[kind if changed > 0 else "already_present"] += 1
        return changed

    def lesson(self, lesson: dict[str, Any]) -> None:
        # The earliest start, and the position of whichever copy was used last.
        self.count(
            "lessons",
            """INSERT INTO lesson_state (profile_id, lesson_id, current_step, started_at, updated_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (profile_id, lesson_id) DO UPDATE SET
                 current_step = CASE WHEN excluded.updated_at > updated_at
                                THEN excluded.current_step ELSE current_step END,
                 started_at = min(started_at, excluded.started_at),
                 updated_at = max(updated_at, excluded.updated_at)
               WHERE excluded.started_at < started_at OR excluded.updated_at > updated_at""",
            lesson["lesson_id"],
            lesson["current_step"],
            lesson["started_at"],
            lesson["updated_at"],
        )
        for seen in lesson["steps_seen"]:
            self.count(
                "steps_seen",
                """INSERT INTO step_seen (profile_id, lesson_id, step, seen_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (profile_id, lesson_id, step) DO UPDATE SET seen_at = excluded.seen_at
                   WHERE excluded.seen_at < seen_at""",
                lesson["lesson_id"],
                seen["step"],
                seen["seen_at"],
            )

    def attempt(self, attempt: dict[str, Any]) -> None:
        score = None if attempt["score"] is None else float(attempt["score"])
        passed = None if attempt["passed"] is None else int(attempt["passed"])
        row = self.db.execute(
            "SELECT id, profile_id FROM quiz_attempt WHERE uid = ?", (attempt["uid"],)
        ).fetchone()
        if row is None:
            attempt_id = self.db.execute(
                """INSERT INTO quiz_attempt (profile_id, lesson_id, started_at, finished_at, seed,
                     question_ids, score, passed, kind, uid)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    self.profile,
                    attempt["lesson_id"],
                    attempt["started_at"],
                    attempt["finished_at"],
                    attempt["seed"],
                    json.dumps(attempt["question_ids"]),
                    score,
                    passed,
                    attempt["kind"],
                    attempt["uid"],
                ),
            ).lastrowid
            self.counts["attempts"] += 1
        elif row["profile_id"] != self.profile:
            # Attempt ids are unique across the whole store; moving one between learners would
            # take it from the other learner's history.
            owner = self.db.execute(
                "SELECT name FROM profile WHERE id = ?", (row["profile_id"],)
            ).fetchone()[0]
            raise StoreError(
                f"attempt {attempt['uid']} in this export belongs to learner {owner!r} of this "
                f"store; import the file as {owner!r}"
            )
        else:
            attempt_id = row["id"]
            # An attempt left unfinished here but finished in the other copy takes its result.
            finished = self.db.execute(
                """UPDATE quiz_attempt SET finished_at = ?, score = ?, passed = ?
                   WHERE id = ? AND finished_at IS NULL AND ? IS NOT NULL""",
                (attempt["finished_at"], score, passed, attempt_id, attempt["finished_at"]),
            ).rowcount
            self.counts["attempts" if finished else "already_present"] += 1
        for answer in attempt["answers"]:
            changed = self.db.execute(
                """INSERT OR IGNORE INTO answer
                     (attempt_id, question_id, response, score, answered_at, hint_used, seconds)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    attempt_id,
                    answer["question_id"],
                    json.dumps(answer["response"], ensure_ascii=False),
                    float(answer["score"]),
                    answer["answered_at"],
                    int(answer["hint_used"]),
                    None if answer["seconds"] is None else float(answer["seconds"]),
                ),
            ).rowcount
            self.counts["answers" if changed else "already_present"] += 1

    def study_visit(self, visit: dict[str, Any]) -> None:
        # A visit recorded in both copies kept growing in one of them: the longer time is the later.
        self.count(
            "study_visits",
            """INSERT INTO study_time (profile_id, uid, lesson_id, started_at, seconds)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (profile_id, uid) DO UPDATE SET seconds = excluded.seconds
               WHERE excluded.seconds > seconds""",
            visit["uid"],
            visit["lesson_id"],
            visit["started_at"],
            float(visit["seconds"]),
        )

    def review_card(self, card: dict[str, Any]) -> None:
        # A card is the scheduler's whole state after the last review: the later one replaces.
        self.count(
            "review_cards",
            """INSERT INTO review_card (profile_id, question_id, lesson_id, card, due, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (profile_id, question_id) DO UPDATE SET lesson_id = excluded.lesson_id,
                 card = excluded.card, due = excluded.due, updated_at = excluded.updated_at
               WHERE excluded.updated_at > updated_at""",
            card["question_id"],
            card["lesson_id"],
            card["card"],
            card["due"],
            card["updated_at"],
        )

    def review_log(self, reviews: list[dict[str, Any]]) -> None:
        # Log rows have no id of their own: the same question, rating and moment is the same
        # review. Counting them (rather than testing presence) keeps two identical rows, should a
        # store hold them, through a round trip.
        wanted = Counter((r["question_id"], r["rating"], r["reviewed_at"]) for r in reviews)
        for (question, rating, reviewed_at), number in wanted.items():
            have = self.db.execute(
                """SELECT count(*) FROM review_log
                   WHERE profile_id = ? AND question_id = ? AND rating = ? AND reviewed_at = ?""",
                (self.profile, question, rating, reviewed_at),
            ).fetchone()[0]
            for _ in range(number - have):
                self.db.execute(
                    """INSERT INTO review_log (profile_id, question_id, rating, reviewed_at)
                       VALUES (?, ?, ?, ?)""",
                    (self.profile, question, rating, reviewed_at),
                )
            self.counts["reviews"] += max(0, number - have)
            self.counts["already_present"] += min(number, have)
