"""A learner's whole history out of the store, as the export document (docs/progress.md).

Shares the store's connection; kept out of store.py only for size. Everything is keyed by stable
ids (lesson, question, attempt ``uid``, study visit ``uid``), never by the store's row numbers, so
an export needs no course (lessons since removed export like any other) and merges into any store.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dprk_it_tutor.progress.export_format import FORMAT, VERSION
from dprk_it_tutor.progress.store import ProgressStore, utc_now


def export_history(store: ProgressStore) -> dict[str, Any]:
    """Everything the store holds about the current learner, as the export document."""
    # One read transaction: a single snapshot, even if the app is writing at the same time.
    store._db.execute("BEGIN")
    try:
        return history_document(store._db, store._profile, store.profile_name)
    finally:
        store._db.execute("COMMIT")


def history_document(db: sqlite3.Connection, profile: int, name: str) -> dict[str, Any]:
    """The export document, read through ``db`` (inside a transaction when resetting)."""
    steps: dict[str, list[dict[str, Any]]] = {}
    for row in db.execute(
        "SELECT lesson_id, step, seen_at FROM step_seen WHERE profile_id = ? ORDER BY lesson_id, step",
        (profile,),
    ):
        steps.setdefault(row["lesson_id"], []).append(
            {"step": row["step"], "seen_at": row["seen_at"]}
        )
    # Steps seen with no lesson position cannot be written by this version; should a store hold
    # some, they are exported under a lesson at step 1 rather than lost.
    lessons = [
        {**dict(row), "steps_seen": steps.get(row["lesson_id"], [])}
        for row in db.execute(
            """SELECT lesson_id, current_step, started_at, updated_at FROM lesson_state
               WHERE profile_id = ?
               UNION ALL
               SELECT lesson_id, 1, min(seen_at), max(seen_at) FROM step_seen v
               WHERE profile_id = ? AND NOT EXISTS (SELECT 1 FROM lesson_state s
                 WHERE s.profile_id = v.profile_id AND s.lesson_id = v.lesson_id)
               GROUP BY lesson_id
               ORDER BY lesson_id""",
            (profile, profile),
        )
    ]
    answers: dict[str, list[dict[str, Any]]] = {}
    for row in db.execute(
        """SELECT a.uid, n.question_id, n.response, n.score, n.answered_at, n.hint_used, n.seconds
           FROM answer n JOIN quiz_attempt a ON a.id = n.attempt_id
           WHERE a.profile_id = ? ORDER BY n.answered_at, n.question_id""",
        (profile,),
    ):
        answers.setdefault(row["uid"], []).append(
            {
                "question_id": row["question_id"],
                "response": json.loads(row["response"]),
                "score": row["score"],
                "answered_at": row["answered_at"],
                "hint_used": bool(row["hint_used"]),
                "seconds": row["seconds"],
            }
        )
    attempts = [
        {
            "uid": row["uid"],
            "lesson_id": row["lesson_id"],
            "kind": row["kind"],
            "started_at": row["started_at"],
            "finished_at": row["finished_at"],
            "seed": row["seed"],
            "question_ids": json.loads(row["question_ids"]),
            "score": row["score"],
            "passed": None if row["passed"] is None else bool(row["passed"]),
            "answers": answers.get(row["uid"], []),
        }
        for row in db.execute(
            "SELECT * FROM quiz_attempt WHERE profile_id = ? ORDER BY started_at, uid", (profile,)
        )
    ]

    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(row) for row in db.execute(sql, (profile,))]

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utc_now(),
        "profile": name,
        "lessons": lessons,
        "attempts": attempts,
        "review_cards": rows(
            """SELECT question_id, lesson_id, card, due, updated_at FROM review_card
               WHERE profile_id = ? ORDER BY question_id"""
        ),
        "review_log": rows(
            """SELECT question_id, rating, reviewed_at FROM review_log
               WHERE profile_id = ? ORDER BY reviewed_at, question_id, rating, id"""
        ),
        "study_time": rows(
            """SELECT uid, lesson_id, started_at, seconds FROM study_time
               WHERE profile_id = ? ORDER BY started_at, uid"""
        ),
        "activity_days": [
            row["day"]
            for row in rows("SELECT day FROM activity_day WHERE profile_id = ? ORDER BY day")
        ],
        "settings": {
            row["key"]: row["value"]
            for row in rows("SELECT key, value FROM setting WHERE profile_id = ? ORDER BY key")
        },
    }
