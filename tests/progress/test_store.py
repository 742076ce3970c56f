"""The SQLite progress store: creation, migrations, records, durability and concurrency."""

from __future__ import annotations

import errno
import hashlib
import itertools
import multiprocessing
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dprk_it_tutor.progress import store as store_module
from dprk_it_tutor.progress.migrations import MIGRATIONS
from dprk_it_tutor.progress.store import (
    STORE_FILENAME,
    AnswerRecord,
    LessonRecord,
    ProgressStore,
    StoreError,
    StoreUnavailable,
)

from .full import fill_up


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Strictly increasing timestamps, so ordering by time never depends on the real clock."""
    ticks = itertools.count(1)
    monkeypatch.setattr(
        store_module, "utc_now", lambda: f"2030-01-01T00:00:{next(ticks):06d}+00:00"
    )
    yield


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(tmp_path / "data") as opened:
        yield opened


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path / STORE_FILENAME)


# -- opening ------------------------------------------------------------------------------------


def test_open_creates_a_private_data_dir_and_store_file(tmp_path: Path) -> None:
    data = tmp_path / "deep" / "er" / "data"
    umask = os.umask(0)  # so that the modes below come from the store, not from the umask
    try:
        with ProgressStore.open(data) as opened:
            opened.visit_step("origins", 1)
            assert opened.path == data / STORE_FILENAME
            assert mode(data) == 0o700
            assert mode(data / STORE_FILENAME) == 0o600
            sidecars = sorted(data.glob(STORE_FILENAME + "-*"))  # WAL and shared-memory files
            assert [p.name for p in sidecars] == [STORE_FILENAME + "-shm", STORE_FILENAME + "-wal"]
            assert [mode(p) for p in sidecars] == [0o600, 0o600]
    finally:
        os.umask(umask)


def test_open_sets_the_latest_schema_version(store: ProgressStore) -> None:
    assert store.schema_version == len(MIGRATIONS)
    assert len(MIGRATIONS) >= 1


def test_store_uses_write_ahead_logging(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path):
        db = raw(tmp_path)
        try:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        finally:
            db.close()


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    ProgressStore.open(tmp_path).close()
    with ProgressStore.open(tmp_path) as again:
        assert again.schema_version == len(MIGRATIONS)


def test_store_written_by_a_newer_version_is_refused(tmp_path: Path) -> None:
    ProgressStore.open(tmp_path).close()
    db = raw(tmp_path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer") as caught:
        ProgressStore.open(tmp_path)
    assert f"schema {len(MIGRATIONS) + 1}" in str(caught.value)


def test_a_non_sqlite_file_is_moved_aside_unchanged_and_a_fresh_store_started(
    tmp_path: Path,
) -> None:
    damaged = b"this is not a database\n" * 200
    (tmp_path / STORE_FILENAME).write_bytes(damaged)
    with ProgressStore.open(tmp_path) as store:
        assert store.moved_aside is not None
        assert store.moved_aside.parent == tmp_path
        assert store.moved_aside.name.startswith(f"{STORE_FILENAME}.damaged-")
        assert store.moved_aside.read_bytes() == damaged
        assert store.damage == "file is not a database"
        store.visit_step("origins", 1)  # the fresh store works
        assert store.lesson_records()["origins"].steps_seen == {1}
    with ProgressStore.open(tmp_path) as again:
        assert again.moved_aside is None  # the fresh store is not moved next time


def test_a_corrupt_database_is_moved_aside_with_its_companion_files(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        store.visit_step("origins", 1)
    path = tmp_path / STORE_FILENAME
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"  # the SQLite header
    path.write_bytes(bytes(data))
    (tmp_path / f"{STORE_FILENAME}-wal").write_bytes(b"old log")
    with ProgressStore.open(tmp_path) as store:
        aside = store.moved_aside
        assert aside is not None and aside.read_bytes() == bytes(data)
        assert (tmp_path / f"{aside.name}-wal").read_bytes() == b"old log"
        assert store.lesson_records() == {}


def test_damaged_stores_moved_aside_in_the_same_second_keep_both(tmp_path: Path) -> None:
    kept = []
    for text in (b"first damaged file" * 50, b"second damaged file" * 50):
        (tmp_path / STORE_FILENAME).write_bytes(text)
        with ProgressStore.open(tmp_path) as store:
            kept.append(store.moved_aside)
        (tmp_path / STORE_FILENAME).unlink()
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"{STORE_FILENAME}{suffix}").unlink(missing_ok=True)
    assert kept[0] != kept[1]
    assert [p.read_bytes()[:5] for p in kept] == [b"first", b"secon"]


def test_a_store_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer"):
        ProgressStore.open(tmp_path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []


def test_data_dir_under_a_regular_file_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    with pytest.raises(StoreError, match="cannot create the progress store"):
        ProgressStore.open(blocker / "data")


def test_data_dir_that_is_a_regular_file_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file, not a folder")
    with pytest.raises(StoreError) as raised:
        ProgressStore.open(blocker)
    assert str(raised.value) == (
        f"cannot create the progress store at {blocker / STORE_FILENAME}: "
        f"{blocker} is a file, not a folder"
    )


# -- lessons ------------------------------------------------------------------------------------


def test_new_store_knows_no_lessons(store: ProgressStore) -> None:
    assert store.lesson_records() == {}
    assert store.last_visited_lesson() is None


def test_visit_step_records_steps_seen_and_current_step(store: ProgressStore) -> None:
    for step in (1, 2, 3, 2):
        store.visit_step("origins", step)
    record = store.lesson_records()["origins"]
    assert record.lesson_id == "origins"
    assert record.current_step == 2
    assert record.steps_seen == frozenset({1, 2, 3})
    assert (record.attempts, record.best_score, record.last_score, record.passed) == (
        0,
        None,
        None,
        False,
    )


def test_last_visited_lesson_follows_the_latest_activity(store: ProgressStore, clock: None) -> None:
    store.visit_step("origins", 1)
    store.visit_step("firm-types", 1)
    assert store.last_visited_lesson() == "firm-types"
    store.visit_step("origins", 2)
    assert store.last_visited_lesson() == "origins"
    attempt = store.start_attempt("firm-types", seed=1, question_ids=["q"])
    assert store.last_visited_lesson() == "firm-types"
    store.visit_step("origins", 3)
    store.finish_attempt(attempt, score=1.0, passed=True)
    assert store.last_visited_lesson() == "firm-types"


def test_lesson_records_summarise_finished_attempts(store: ProgressStore, clock: None) -> None:
    store.visit_step("origins", 1)
    for score, passed in ((0.5, False), (1.0, True), (0.25, False)):
        attempt = store.start_attempt("origins", seed=7, question_ids=["a", "b"])
        store.finish_attempt(attempt, score=score, passed=passed)
    record = store.lesson_records()["origins"]
    assert record.attempts == 3
    assert record.best_score == 1.0
    assert record.last_score == 0.25
    assert record.passed is True


def test_unfinished_attempt_is_not_counted(store: ProgressStore, clock: None) -> None:
    first = store.start_attempt("origins", seed=1, question_ids=["a"])
    store.finish_attempt(first, score=0.5, passed=False)
    pending = store.start_attempt("origins", seed=2, question_ids=["a"])
    store.record_answer(pending, "a", "right", 1.0)
    record = store.lesson_records()["origins"]
    assert (record.attempts, record.best_score, record.last_score, record.passed) == (
        1,
        0.5,
        0.5,
        False,
    )


def test_starting_a_quiz_alone_makes_a_lesson_record(store: ProgressStore) -> None:
    store.start_attempt("origins", seed=1, question_ids=["a"])
    record = store.lesson_records()["origins"]
    assert record.current_step == 1
    assert record.steps_seen == frozenset()
    assert record.attempts == 0


def test_failed_attempts_only_are_not_passed(store: ProgressStore) -> None:
    for score in (0.1, 0.6):
        attempt = store.start_attempt("origins", seed=1, question_ids=["a"])
        store.finish_attempt(attempt, score=score, passed=False)
    record = store.lesson_records()["origins"]
    assert (record.attempts, record.best_score, record.last_score, record.passed) == (
        2,
        0.6,
        0.6,
        False,
    )


# -- attempts and answers -----------------------------------------------------------------------


def test_attempt_keeps_its_answers_and_result(store: ProgressStore, clock: None) -> None:
    attempt_id = store.start_attempt("origins", seed=42, question_ids=["a", "b"])
    store.record_answer(attempt_id, "a", "1980s", 1.0)
    store.record_answer(attempt_id, "b", ["x", {"y": 2}], 0.0)
    store.finish_attempt(attempt_id, score=0.5, passed=False)
    attempt = store.attempt(attempt_id)
    assert attempt is not None
    assert (attempt.id, attempt.lesson_id, attempt.score, attempt.passed) == (
        attempt_id,
        "origins",
        0.5,
        False,
    )
    assert attempt.finished_at is not None
    assert attempt.started_at < attempt.finished_at
    assert list(attempt.answers) == ["a", "b"]
    assert attempt.answers["a"].response == "1980s"
    assert attempt.answers["b"].response == ["x", {"y": 2}]
    assert attempt.answers["b"].score == 0.0


def test_unfinished_attempt_has_no_result(store: ProgressStore) -> None:
    attempt = store.attempt(store.start_attempt("origins", seed=1, question_ids=["a"]))
    assert attempt is not None
    assert (attempt.finished_at, attempt.score, attempt.passed, attempt.answers) == (
        None,
        None,
        None,
        {},
    )


def test_unknown_attempt_is_none(store: ProgressStore) -> None:
    assert store.attempt(999) is None


def test_second_answer_to_a_question_replaces_the_first(store: ProgressStore, clock: None) -> None:
    attempt_id = store.start_attempt("origins", seed=1, question_ids=["a"])
    store.record_answer(attempt_id, "a", "wrong", 0.0)
    store.record_answer(attempt_id, "a", "right", 1.0)
    answers = store.attempt(attempt_id).answers
    assert list(answers) == ["a"]
    assert (answers["a"].response, answers["a"].score) == ("right", 1.0)


def test_record_answer_is_visible_to_another_open_store_at_once(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as writer, ProgressStore.open(tmp_path) as reader:
        attempt_id = writer.start_attempt("origins", seed=1, question_ids=["a"])
        writer.record_answer(attempt_id, "a", "1980s", 1.0)
        seen = reader.attempt(attempt_id)
        assert seen is not None
        assert seen.answers["a"].response == "1980s"
        # A connection that was not open when the answer was written sees it too.
        late = ProgressStore.open(tmp_path)
        try:
            assert late.attempt(attempt_id).answers["a"].score == 1.0
        finally:
            late.close()


def test_answer_is_on_disk_without_closing_the_store(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as writer:
        attempt_id = writer.start_attempt("origins", seed=1, question_ids=["a"])
        writer.record_answer(attempt_id, "a", "1980s", 1.0)
        db = raw(tmp_path)
        try:
            rows = db.execute("SELECT question_id, response FROM answer").fetchall()
        finally:
            db.close()
        assert rows == [("a", '"1980s"')]


# -- profiles and settings ----------------------------------------------------------------------


def test_profiles_are_kept_apart(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as default:
        default.visit_step("origins", 2)
        attempt_id = default.start_attempt("origins", seed=1, question_ids=["a"])
        default.set_setting("theme", "dark")
    with ProgressStore.open(tmp_path, profile="alice") as alice:
        assert alice.lesson_records() == {}
        assert alice.last_visited_lesson() is None
        assert alice.attempt(attempt_id) is None
        assert alice.get_setting("theme") is None
        alice.visit_step("firm-types", 1)
    with ProgressStore.open(tmp_path, profile="default") as default:
        assert set(default.lesson_records()) == {"origins"}


def test_settings_set_replace_get_and_delete(store: ProgressStore) -> None:
    assert store.get_setting("theme") is None
    store.set_setting("theme", "dark")
    assert store.get_setting("theme") == "dark"
    store.set_setting("theme", "light")
    assert store.get_setting("theme") == "light"
    store.set_setting("other", "x")
    store.set_setting("theme", None)
    assert store.get_setting("theme") is None
    assert store.get_setting("other") == "x"


def test_reopening_keeps_everything(tmp_path: Path, clock: None) -> None:
    with ProgressStore.open(tmp_path) as first:
        first.visit_step("origins", 1)
        first.visit_step("origins", 2)
        attempt_id = first.start_attempt("origins", seed=3, question_ids=["a"])
        first.record_answer(attempt_id, "a", "1980s", 1.0)
        first.finish_attempt(attempt_id, score=1.0, passed=True)
        first.set_setting("theme", "dark")
        records = first.lesson_records()
        attempt = first.attempt(attempt_id)
    with ProgressStore.open(tmp_path) as again:
        assert again.lesson_records() == records
        assert again.attempt(attempt_id) == attempt
        assert again.get_setting("theme") == "dark"
        assert again.last_visited_lesson() == "origins"
    assert records["origins"] == LessonRecord(
        lesson_id="origins",
        current_step=2,  # starting and finishing a quiz do not move the lesson's step
        steps_seen=frozenset({1, 2}),
        attempts=1,
        best_score=1.0,
        last_score=1.0,
        passed=True,
        updated_at=records["origins"].updated_at,
    )
    assert attempt.answers["a"] == AnswerRecord("a", "1980s", 1.0, attempt.answers["a"].answered_at)


# -- two processes at once ----------------------------------------------------------------------

ANSWERS_PER_PROCESS = 1500
EVERY = 5  # each process also visits a step and writes two settings every EVERY answers


def record_many(data_dir: str, lesson_id: str, barrier: Any, results: Any) -> None:
    """Child process: open the store, wait for the other child, then write as fast as it can."""
    try:
        with ProgressStore.open(Path(data_dir)) as opened:
            barrier.wait(timeout=60)
            attempt_id = opened.start_attempt(lesson_id, seed=0, question_ids=[])
            for n in range(ANSWERS_PER_PROCESS):
                opened.record_answer(attempt_id, f"{lesson_id}-{n}", n, 1.0)
                if n % EVERY == 0:
                    opened.visit_step(lesson_id, n // EVERY + 1)
                    opened.set_setting(f"{lesson_id}-{n}", str(n))
                    opened.set_setting("shared", f"{lesson_id}-{n}")  # both write the same row
            opened.finish_attempt(attempt_id, score=1.0, passed=True)
        results.put((lesson_id, attempt_id, None))
    except BaseException as exc:  # reported to the parent, which fails the test
        results.put((lesson_id, None, repr(exc)))


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    lessons = ("alpha", "beta")
    workers = [
        context.Process(target=record_many, args=(str(tmp_path), lesson, barrier, results))
        for lesson in lessons
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert sorted(error for _, _, error in outcomes if error) == []  # never "database is locked"
    visits = range(0, ANSWERS_PER_PROCESS, EVERY)
    with ProgressStore.open(tmp_path) as opened:
        records = opened.lesson_records()
        for lesson_id, attempt_id, _ in outcomes:
            attempt = opened.attempt(attempt_id)
            assert attempt.lesson_id == lesson_id
            assert attempt.passed is True
            assert set(attempt.answers) == {f"{lesson_id}-{n}" for n in range(ANSWERS_PER_PROCESS)}
            assert [a.response for a in attempt.answers.values()] == list(
                range(ANSWERS_PER_PROCESS)
            )
            assert records[lesson_id].steps_seen == {n // EVERY + 1 for n in visits}
            assert records[lesson_id].current_step == len(visits)
            assert [opened.get_setting(f"{lesson_id}-{n}") for n in visits] == [
                str(n) for n in visits
            ]
        last = f"-{visits[-1]}"
        assert opened.get_setting("shared") in {lesson + last for lesson in lessons}
        db = raw(tmp_path)
        try:
            assert (
                db.execute("SELECT count(*) FROM answer").fetchone()[0] == 2 * ANSWERS_PER_PROCESS
            )
            assert db.execute("SELECT count(*) FROM step_seen").fetchone()[0] == 2 * len(visits)
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            db.close()


@pytest.mark.parametrize("content", ["not a database", "newer schema"])
def test_a_store_that_cannot_be_opened_closes_its_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    path = tmp_path / STORE_FILENAME
    if content == "not a database":  # SQLite's header, then garbage: SQLite itself refuses it
        path.write_bytes(b"SQLite format 3\x00" + b"plain text, not SQLite" * 50)
    else:
        with sqlite3.connect(path) as db:
            db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    if content == "not a database":  # moved aside: the first connection closed, a second opened
        recorded: list[sqlite3.Connection] = []
        real = sqlite3.connect
        monkeypatch.setattr(
            store_module.sqlite3,
            "connect",
            lambda *a, **k: recorded.append(real(*a, **k)) or recorded[-1],
        )
        with ProgressStore.open(tmp_path) as store:
            assert store.moved_aside is not None and store.damage
            assert len(recorded) == 2
            with pytest.raises(sqlite3.ProgrammingError, match="closed"):
                recorded[0].execute("SELECT 1")
        return
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def recording_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(store_module.sqlite3, "connect", recording_connect)
    with pytest.raises(StoreError):
        ProgressStore.open(tmp_path)
    assert len(opened) == 1
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")


def test_without_a_name_the_store_opens_for_the_learner_who_used_it_last(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        assert store.profile_name == "default"
    with ProgressStore.open(tmp_path, profile="  Kim Min-ji ") as store:
        assert store.profile_name == "Kim Min-ji"
    with ProgressStore.open(tmp_path) as store:
        assert store.profile_name == "Kim Min-ji"
        assert [p.name for p in store.profiles()] == ["default", "Kim Min-ji"]
        store.use_profile("default")
    with ProgressStore.open(tmp_path) as store:
        assert store.profile_name == "default"


@pytest.mark.parametrize("name", ["", "   ", "a" * 33, "bob;drop", "tab\there", "x/y"])
def test_a_name_that_cannot_name_a_learner_is_refused_with_the_rule(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(StoreError, match="cannot name a learner: use 1 to 32 letters"):
        ProgressStore.open(tmp_path, profile=name)


def test_reading_time_adds_up_per_visit_and_joins_quiz_time(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        store.add_study_time("visit-1", "origins", 30)
        store.add_study_time("visit-1", "origins", 12.5)
        store.add_study_time("visit-2", "origins", 7.5)
        store.add_study_time("visit-3", "firm-types", -5)  # a clock going backwards adds nothing
        attempt = store.start_attempt("origins", 1, ["a", "b"])
        store.record_answer(attempt, "a", "x", 1.0, seconds=10)
        store.record_answer(attempt, "b", "y", 0.0, seconds=None)
        review = store.start_attempt("review", 1, ["a"], kind="review")
        store.record_answer(review, "a", "x", 1.0, seconds=99)  # reviews belong to no lesson
        assert store.lesson_seconds() == {"origins": 60.0, "firm-types": 0.0}


def test_each_day_of_study_is_kept_once_for_the_streak(tmp_path: Path) -> None:
    from datetime import date

    with ProgressStore.open(tmp_path) as store:
        store.today = lambda: date(2026, 11, 20)
        store.visit_step("origins", 1)
        store.visit_step("origins", 2)
        store.today = lambda: date(2026, 11, 22)
        attempt = store.start_attempt("origins", 1, ["a"])
        store.record_answer(attempt, "a", "x", 1.0)
        assert store.activity_days() == [date(2026, 11, 20), date(2026, 11, 22)]


def test_an_unfinished_attempt_can_be_found_again_with_its_answers(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        done = store.start_attempt("origins", 1, ["a"])
        store.finish_attempt(done, 1.0, True)
        assert store.unfinished_attempt("origins") is None
        open_one = store.start_attempt("origins", 5, ["a", "b"])
        store.record_answer(open_one, "a", "x", 1.0)
        found = store.unfinished_attempt("origins")
        assert (found.id, found.seed, list(found.answers)) == (open_one, 5, ["a"])
        assert store.unfinished_attempt("origins", kind="retry") is None
        assert [(p.lesson_id, p.score) for p in store.score_history()] == [("origins", 1.0)]


# -- a store that cannot be written -----------------------------------------------------------


def test_a_full_store_refuses_a_write_with_one_store_error_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    with ProgressStore.open(tmp_path) as store:
        attempt = store.start_attempt("origins", 1, ["a", "b"])
        store.record_answer(attempt, "a", "x", 1.0)
        fill_up(store, "origins", 2)
        with pytest.raises(StoreUnavailable, match=r"cannot save progress to .*: database or disk"):
            store.visit_step("origins", 2)
        assert not store._db.in_transaction  # SQLite rolled back by itself; no second error
        assert 2 not in store.lesson_records()["origins"].steps_seen
        assert list(store.attempt(attempt).answers) == ["a"]
        store._db.execute("PRAGMA max_page_count = 1000000").fetchone()  # space freed
        store.visit_step("origins", 2)
    with ProgressStore.open(tmp_path) as store:
        assert 2 in store.lesson_records()["origins"].steps_seen


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name != STORE_FILENAME + "-shm"  # shared memory, not data: readers may touch it
    }


def test_an_unsaved_store_starts_from_a_copy_and_never_writes_the_file(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path, profile="alice") as kept:  # open: its writes stay in the WAL
        kept.visit_step("origins", 3)
        attempt = kept.start_attempt("origins", 5, ["a", "b"])
        kept.record_answer(attempt, "a", "1980s", 1.0)
        before = fingerprint(tmp_path)
        unsaved = ProgressStore.open_unsaved(tmp_path, None, "the disk is read-only")
        with unsaved:
            assert (unsaved.saving, unsaved.not_saved_reason) == (False, "the disk is read-only")
            assert unsaved.profile_name == "alice"
            assert unsaved.lesson_records()["origins"].current_step == 3
            assert unsaved.attempt(attempt).answers["a"].response == "1980s"
            unsaved.record_answer(attempt, "b", "in memory", 1.0)  # writes work, in memory
            unsaved.visit_step("firm-types", 1)
            unsaved.set_setting("resume_lesson", "firm-types")
            assert unsaved.attempt(attempt).answers["b"].response == "in memory"
            assert set(unsaved.lesson_records()) == {"origins", "firm-types"}
        assert fingerprint(tmp_path) == before
        assert kept.saving and kept.not_saved_reason == ""
    with ProgressStore.open(tmp_path) as again:
        assert list(again.attempt(attempt).answers) == ["a"]
        assert set(again.lesson_records()) == {"origins"}
        assert again.get_setting("resume_lesson") is None


def test_an_unsaved_store_with_nothing_to_copy_starts_empty(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    with ProgressStore.open_unsaved(blocker / "data", "bob", "no folder") as store:
        assert (store.saving, store.profile_name, store.lesson_records()) == (False, "bob", {})
        store.visit_step("origins", 1)
        assert store.lesson_records()["origins"].steps_seen == {1}
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / STORE_FILENAME).write_bytes(b"not a database" * 100)
    with ProgressStore.open_unsaved(tmp_path / "data", None, "damaged") as store:
        assert store.lesson_records() == {}
    assert (tmp_path / "data" / STORE_FILENAME).read_bytes() == b"not a database" * 100


def test_an_unsaved_store_still_refuses_a_store_from_a_newer_version(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer") as caught:
        ProgressStore.open_unsaved(tmp_path, None, "read-only")
    assert not isinstance(caught.value, StoreUnavailable)


def test_a_read_only_store_is_unavailable_with_the_systems_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProgressStore.open(tmp_path).close()
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(store_module.os, "open", read_only)
    with pytest.raises(StoreUnavailable) as caught:
        ProgressStore.open(tmp_path)
    assert str(caught.value) == (
        f"cannot write to the progress store at {tmp_path / STORE_FILENAME}: Read-only file system"
    )
    with pytest.raises(StoreUnavailable, match=r"cannot create the progress store at .*Read-only"):
        ProgressStore.open(tmp_path / "new")


def test_a_folder_that_cannot_be_made_is_unavailable_but_a_newer_store_is_refused(
    tmp_path: Path,
) -> None:
    (tmp_path / "blocker").write_text("a file")
    with pytest.raises(StoreUnavailable, match="Not a directory"):
        ProgressStore.open(tmp_path / "blocker" / "data")
    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(tmp_path)
    assert not isinstance(caught.value, StoreUnavailable)
