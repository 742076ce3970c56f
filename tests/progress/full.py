"""A store made as full as a full disk would make it, for tests of what the learner then sees."""

from __future__ import annotations

import itertools
import sqlite3

from dprk_it_tutor.progress.store import ProgressStore


def add_step_seen(store: ProgressStore, lesson_id: str, step: int, keep: bool) -> bool:
    """Whether a row for ``step`` finds room in the file; kept only if ``keep``."""
    db = store._db
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "INSERT INTO step_seen (profile_id, lesson_id, step, seen_at) VALUES (?, ?, ?, 'x')",
            (store._profile, lesson_id, step),
        )
    except sqlite3.OperationalError as exc:
        assert "full" in str(exc)
        return False
    finally:
        if db.in_transaction:
            db.execute("COMMIT" if keep else "ROLLBACK")
    return True


def fill_up(store: ProgressStore, lesson_id: str, step: int) -> None:
    """Cap the database at its size (SQLite's max_page_count) and fill it until a visit to
    ``step`` of the lesson finds no room: a real "database or disk is full" from then on."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}").fetchone()
    for filler in itertools.count(step + 1):  # sorted right after the step: the same pages
        assert filler < 10_000, "the store never filled up"
        if not add_step_seen(store, lesson_id, step, keep=False):
            return
        add_step_seen(store, lesson_id, filler, keep=True)
