"""Schema migrations keep every learner's data, and the new records behave as documented."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dprk_it_tutor.progress.migrations import MIGRATIONS
from dprk_it_tutor.progress.store import STORE_FILENAME, ProgressStore, ReviewCard


def make_v1_store(folder: Path) -> None:
    """A store exactly as schema version 1 wrote it, with some progress in it."""
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / STORE_FILENAME) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
        db.execute("INSERT INTO profile (id, name, created_at) VALUES (1, 'default', 't0')")
        db.execute(
            "INSERT INTO lesson_state VALUES (1, 'origins', 3, '2026-01-01T00:00:00', '2026-01-02T00:00:00')"
        )
        for step in (1, 2, 3):
            db.execute("INSERT INTO step_seen VALUES (1, 'origins', ?, 't')", (step,))
        db.execute(
            """INSERT INTO quiz_attempt (id, profile_id, lesson_id, started_at, finished_at, seed,
                                         question_ids, score, passed)
               VALUES (7, 1, 'origins', 't1', 't2', 42, '["q1", "q2"]', 0.5, 0)"""
        )
        db.execute(
            "INSERT INTO answer (attempt_id, question_id, response, score, answered_at) "
            "VALUES (7, 'q1', '\"1980s\"', 1.0, 't1')"
        )
        db.execute("INSERT INTO setting VALUES (1, 'resume_lesson', 'origins')")


def test_a_version_1_store_keeps_all_its_data_after_migration(tmp_path: Path) -> None:
    make_v1_store(tmp_path)
    with ProgressStore.open(tmp_path) as store:
        assert store.schema_version == len(MIGRATIONS) == 3
        record = store.lesson_records()["origins"]
        assert record.current_step == 3
        assert record.steps_seen == frozenset({1, 2, 3})
        assert (record.attempts, record.best_score, record.last_score, record.passed) == (
            1,
            0.5,
            0.5,
            False,
        )
        attempt = store.attempt(7)
        assert attempt.kind == "quiz"
        assert (attempt.seed, attempt.question_ids) == (42, ("q1", "q2"))
        answer = attempt.answers["q1"]
        assert (answer.response, answer.score, answer.hint_used, answer.seconds) == (
            "1980s",
            1.0,
            False,
            None,
        )
        assert store.get_setting("resume_lesson") == "origins"


def test_retry_and_exam_attempts_never_count_as_the_lessons_quiz(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        quiz = store.start_attempt("origins", 1, ["a", "b"])
        store.finish_attempt(quiz, 0.5, False)
        retry = store.start_attempt("origins", 2, ["b"], kind="retry")
        store.finish_attempt(retry, 1.0, True)
        exam = store.start_attempt("final-exam", 3, ["a"], kind="exam")
        store.finish_attempt(exam, 1.0, True)
        records = store.lesson_records()
        assert "final-exam" not in records
        origins = records["origins"]
        assert (origins.attempts, origins.best_score, origins.passed) == (1, 0.5, False)
        assert store.attempt(retry).kind == "retry"


def test_hint_use_and_time_taken_are_kept_with_the_answer(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        attempt = store.start_attempt("origins", 1, ["a"])
        store.record_answer(attempt, "a", ["x", "y"], 0.5, hint_used=True, seconds=12.5)
        answer = store.attempt(attempt).answers["a"]
        assert (answer.response, answer.hint_used, answer.seconds) == (["x", "y"], True, 12.5)


def card(question_id: str, due: str, lesson_id: str = "origins") -> ReviewCard:
    return ReviewCard(question_id, lesson_id, '{"state": 1}', due)


def test_due_reviews_come_oldest_first_and_only_when_due(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        store.save_review(card("late", "2026-01-03T00:00:00+00:00"), rating=3)
        store.save_review(card("early", "2026-01-01T00:00:00+00:00"), rating=1)
        store.save_review(card("future", "2030-01-01T00:00:00+00:00"), rating=3)
        now = "2026-06-01T00:00:00+00:00"
        assert [c.question_id for c in store.due_reviews(now)] == ["early", "late"]
        assert [c.question_id for c in store.due_reviews(now, limit=1)] == ["early"]
        assert store.count_due_reviews(now) == 2
        assert store.count_due_reviews("2025-01-01T00:00:00+00:00") == 0


def test_saving_a_review_replaces_the_card_and_logs_each_rating(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        store.save_review(card("q", "2026-01-01T00:00:00+00:00"), rating=1)
        store.save_review(card("q", "2026-02-01T00:00:00+00:00"), rating=3)
        assert store.review_card("q").due == "2026-02-01T00:00:00+00:00"
        assert store.review_card("missing") is None
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        assert db.execute("SELECT rating FROM review_log ORDER BY id").fetchall() == [(1,), (3,)]


def test_review_cards_belong_to_one_profile(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path, profile="alice") as alice:
        alice.save_review(card("q", "2026-01-01T00:00:00+00:00"), rating=1)
    with ProgressStore.open(tmp_path, profile="default") as default:
        assert default.count_due_reviews("2027-01-01T00:00:00+00:00") == 0
