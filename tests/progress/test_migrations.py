"""Schema migrations keep every learner's data, and the new records behave as documented."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dprk_it_tutor.progress import store as store_module
from dprk_it_tutor.progress.migrations import MIGRATIONS
from dprk_it_tutor.progress.store import (
    LESSON_SECONDS_SQL,
    STORE_FILENAME,
    ProgressStore,
    ReviewCard,
    StoreError,
)


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
        assert store.schema_version == len(MIGRATIONS) == 6
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


# -- every row survives every migration ------------------------------------------------------------

PROFILES = {1: "default", 2: "Kim Min-ji"}
STAMP = "2025-{month:02d}-{day:02d}T23:{minute:02d}:00.000+00:00"


def stamp(n: int) -> str:
    return STAMP.format(month=n % 12 + 1, day=n % 28 + 1, minute=n % 60)


def fill_old_store(folder: Path, version: int) -> None:
    """A store exactly as schema ``version`` (1, 2 or 3) wrote it, with much varied progress in it."""
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / STORE_FILENAME) as db:
        for migration in MIGRATIONS[:version]:
            for statement in migration:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {version}")
        for pid, name in PROFILES.items():
            db.execute(
                "INSERT INTO profile (id, name, created_at) VALUES (?, ?, ?)",
                (pid, name, stamp(pid)),
            )
            for n, lesson in enumerate(["origins", "firm-types", "infrastructure", "challenges"]):
                db.execute(
                    "INSERT INTO lesson_state VALUES (?, ?, ?, ?, ?)",
                    (pid, lesson, n + 1, stamp(n), stamp(n + 7)),
                )
                for step in range(1, n + 2):
                    db.execute(
                        "INSERT INTO step_seen VALUES (?, ?, ?, ?)",
                        (pid, lesson, step, stamp(10 * pid + step + n)),
                    )
                for a in range(3):
                    attempt = db.execute(
                        "INSERT INTO quiz_attempt (profile_id, lesson_id, started_at, finished_at,"
                        " seed, question_ids, score, passed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            pid,
                            lesson,
                            stamp(a + n),
                            stamp(a + n) if a else None,
                            1000 * pid + a,
                            json.dumps([f"q{i}" for i in range(4)]),
                            a / 2 if a else None,
                            (a == 2) if a else None,
                        ),
                    ).lastrowid
                    for i in range(a + 2):
                        db.execute(
                            "INSERT INTO answer (attempt_id, question_id, response, score,"
                            " answered_at) VALUES (?, ?, ?, ?, ?)",
                            (
                                attempt,
                                f"q{i}",
                                json.dumps({"pick": [i, "한글"]}),
                                i % 2,
                                stamp(20 + a + i + pid),
                            ),
                        )
            db.execute("INSERT INTO setting VALUES (?, 'resume_lesson', 'origins')", (pid,))
            db.execute("INSERT INTO setting VALUES (?, 'theme', ?)", (pid, name))
            if version >= 2:
                db.execute(
                    "UPDATE answer SET hint_used = id % 2, seconds = id * 1.5 WHERE id % 3 = 0"
                )
                db.execute("UPDATE quiz_attempt SET kind = 'retry' WHERE id % 4 = 1")
                db.execute("UPDATE quiz_attempt SET kind = 'exam' WHERE id % 7 = 3")
                for q in range(5):
                    db.execute(
                        "INSERT INTO review_card VALUES (?, ?, 'origins', ?, ?, ?)",
                        (pid, f"q{q}", json.dumps({"state": q}), stamp(q), stamp(q + 1)),
                    )
                    db.execute(
                        "INSERT INTO review_log (profile_id, question_id, rating, reviewed_at)"
                        " VALUES (?, ?, ?, ?)",
                        (pid, f"q{q}", q % 4 + 1, stamp(40 + q)),
                    )


def table_contents(folder: Path, version: int) -> dict[str, list[tuple]]:
    """Every table's rows, for the columns schema ``version`` had (so later ones are left out)."""
    old = sqlite3.connect(":memory:")
    for migration in MIGRATIONS[:version]:
        for statement in migration:
            old.execute(statement)
    tables = [name for (name,) in old.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    contents = {}
    with sqlite3.connect(folder / STORE_FILENAME) as db:
        for table in tables:
            names = [row[1] for row in old.execute(f"PRAGMA table_info({table})")]
            order = ", ".join(str(n) for n in range(1, len(names) + 1))
            contents[table] = db.execute(
                f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}"
            ).fetchall()
    old.close()
    return contents


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_store_keeps_every_row_and_gains_the_new_records(
    tmp_path: Path, version: int
) -> None:
    fill_old_store(tmp_path, version)
    before = table_contents(tmp_path, version)
    assert sum(map(len, before.values())) > 100
    days = {}
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        for pid in PROFILES:
            days[pid] = sorted(
                {
                    row[0][:10]
                    for row in db.execute(
                        "SELECT seen_at FROM step_seen WHERE profile_id = ? UNION ALL "
                        "SELECT answered_at FROM answer n JOIN quiz_attempt a ON a.id = n.attempt_id"
                        " WHERE a.profile_id = ?",
                        (pid, pid),
                    )
                }
            )
    for pid, name in PROFILES.items():
        with ProgressStore.open(tmp_path, profile=name) as store:
            assert store.schema_version == len(MIGRATIONS)
            assert [d.isoformat() for d in store.activity_days()] == days[pid]
    after = table_contents(tmp_path, version)
    after["profile"] = [row[:3] for row in after["profile"]]  # (last_used_at came with schema 3)
    assert after == before
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        uids = [uid for (uid,) in db.execute("SELECT uid FROM quiz_attempt")]
    assert len(uids) == len(before["quiz_attempt"]) == len(set(uids)) and all(uids)
    with ProgressStore.open(tmp_path, profile="default") as store:
        attempt_ids = [row[0] for row in before["quiz_attempt"] if row[1] == 1]
        assert all(store.attempt(i).uid in uids for i in attempt_ids)


def test_a_migration_that_fails_half_way_leaves_the_old_store_whole_and_is_done_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_old_store(tmp_path, 2)
    before = table_contents(tmp_path, 2)
    broken = list(MIGRATIONS)
    third = list(MIGRATIONS[2])
    third.insert(4, "INSERT INTO no_such_table VALUES (1)")  # after some changes were made
    broken[2] = tuple(third)
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    with pytest.raises(StoreError, match="no such table"):
        ProgressStore.open(tmp_path)
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        columns = [row[1] for row in db.execute("PRAGMA table_info(quiz_attempt)")]
        assert "uid" not in columns  # the half-done migration was undone, ALTER TABLE too
    assert table_contents(tmp_path, 2) == before
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with ProgressStore.open(tmp_path) as store:
        assert store.schema_version == len(MIGRATIONS)
    after = table_contents(tmp_path, 2)
    after["profile"] = [row[:3] for row in after["profile"]]
    assert after == before


# Time per lesson as every version before 6 summed it: over the answers themselves.
SECONDS_OVER_ANSWERS_SQL = """
    SELECT lesson_id, sum(seconds) FROM study_time WHERE profile_id = :profile GROUP BY lesson_id
    UNION ALL
    SELECT a.lesson_id, sum(n.seconds) FROM answer n JOIN quiz_attempt a ON a.id = n.attempt_id
    WHERE a.profile_id = :profile AND a.kind IN ('quiz', 'retry') AND n.seconds IS NOT NULL
    GROUP BY a.lesson_id"""


def seconds_over_answers(db: sqlite3.Connection, profile: int) -> dict[str, float]:
    totals: dict[str, float] = {}
    for lesson_id, seconds in db.execute(SECONDS_OVER_ANSWERS_SQL, {"profile": profile}):
        totals[lesson_id] = totals.get(lesson_id, 0.0) + (seconds or 0.0)
    return totals


def test_a_version_3_store_sums_the_same_time_per_lesson_after_migration(
    tmp_path: Path,
) -> None:
    fill_old_store(tmp_path, 3)
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        db.execute("INSERT INTO study_time VALUES (1, 'visit-1', 'origins', ?, 45.5)", (stamp(1),))
        expected = {pid: seconds_over_answers(db, pid) for pid in PROFILES}
    before = table_contents(tmp_path, 3)
    assert expected[1]["origins"] > 45.5  # reading time and answering time both count
    for name in PROFILES.values():
        with ProgressStore.open(tmp_path, name) as store:
            assert store.schema_version == len(MIGRATIONS) == 6
            assert store.lesson_seconds() == pytest.approx(expected[store._profile])
    after = table_contents(tmp_path, 3)
    for contents in (before, after):  # opening the store notes when its learner last used it
        contents["profile"] = [row[:3] for row in contents["profile"]]
    assert after == before
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        plan = " | ".join(
            row[-1]
            for row in db.execute(f"EXPLAIN QUERY PLAN {LESSON_SECONDS_SQL}", {"profile": 1})
        )
    # One figure per attempt, read from an index: no answer is read at all.
    assert "COVERING INDEX quiz_attempt_seconds" in plan, plan
    assert " answer" not in plan, plan


def test_each_attempts_answer_time_follows_every_write_to_its_answers(tmp_path: Path) -> None:
    """Whatever writes the answers (a quiz, an import, a merge, a hand-made fix), the time kept on
    each attempt is the time summed over its answers, and time per lesson is what it always was."""
    fill_old_store(tmp_path, 3)
    with ProgressStore.open(tmp_path):
        pass
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        db.execute("PRAGMA foreign_keys = ON")
        first, second = (
            row[0]
            for row in db.execute(
                "SELECT id FROM quiz_attempt WHERE profile_id = 1 ORDER BY id LIMIT 2"
            )
        )
        writes = [
            (
                "INSERT INTO answer (attempt_id, question_id, response, score, answered_at,"
                " seconds) VALUES (?, 'new', '1', 1.0, 't', 12.25)",
                (first,),
            ),
            (
                "INSERT INTO answer (attempt_id, question_id, response, score, answered_at)"
                " VALUES (?, 'untimed', '1', 1.0, 't')",
                (first,),
            ),
            (
                "UPDATE answer SET seconds = 3.5 WHERE attempt_id = ? AND question_id = 'untimed'",
                (first,),
            ),
            (
                "UPDATE answer SET seconds = NULL WHERE attempt_id = ? AND question_id = 'new'",
                (first,),
            ),
            (
                "UPDATE answer SET attempt_id = ? WHERE attempt_id = ? AND question_id = 'untimed'",
                (second, first),
            ),
            ("DELETE FROM answer WHERE attempt_id = ? AND question_id = 'q0'", (second,)),
            ("DELETE FROM quiz_attempt WHERE id = ?", (first,)),
        ]
        for sql, parameters in writes:
            db.execute(sql, parameters)
            kept = dict(db.execute("SELECT id, answer_seconds FROM quiz_attempt"))
            summed = dict(
                db.execute(
                    "SELECT a.id, total(n.seconds) FROM quiz_attempt a"
                    " LEFT JOIN answer n ON n.attempt_id = a.id GROUP BY a.id"
                )
            )
            assert kept == summed, sql
        assert first not in kept and kept[second] >= 3.5
        expected = seconds_over_answers(db, 1)
    with ProgressStore.open(tmp_path) as store:
        assert store.lesson_seconds() == pytest.approx(expected)
