"""The learner's progress in one SQLite file. The only module in the project that speaks SQL.

Every write is its own short ``BEGIN IMMEDIATE`` transaction, committed at once: an answer given is
an answer kept, even if the terminal is killed a moment later, and two processes writing at the same
time wait for each other (busy timeout) instead of failing with "database is locked".
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal, NamedTuple

from dprk_it_tutor.progress.migrations import MIGRATIONS

STORE_FILENAME = "progress.sqlite3"
BUSY_TIMEOUT_MS = 10_000
DEFAULT_PROFILE = "default"
PROFILE_NAME_MAX = 32

AttemptKind = Literal["quiz", "retry", "exam", "review"]


class StoreError(Exception):
    """The progress store cannot be opened or written; the message says what and where."""


class StoreUnavailable(StoreError):
    """The store's folder or file cannot be created, opened or written (read-only, full, missing).

    Unlike a store from a newer version or a bad learner name, the app can still run without
    saving: see :meth:`ProgressStore.open_unsaved`.
    """


class _DamagedStore(Exception):
    """The file is not a usable SQLite database (not one at all, or corrupt)."""


# Reading time per lesson, then answering time per lesson (one row for each, summed in Python).
# A module constant so that a test can check its plan reads answers through their covering index.
LESSON_SECONDS_SQL = """
    SELECT lesson_id, sum(seconds) FROM study_time WHERE profile_id = :profile GROUP BY lesson_id
    UNION ALL
    SELECT lesson_id, sum(answer_seconds) FROM quiz_attempt
    WHERE profile_id = :profile AND kind IN ('quiz', 'retry')
    GROUP BY lesson_id"""

# SQLite's result codes for "file is not a database" and "database disk image is malformed".
_DAMAGE_CODES = {26, 11}
SQLITE_HEADER = b"SQLite format 3\x00"
_DAMAGE_WORDS = ("file is not a database", "malformed")


@dataclass(frozen=True)
class Profile:
    """A learner: each has their own progress in the same store."""

    name: str
    created_at: str
    last_used_at: str | None


class ScorePoint(NamedTuple):
    """One finished quiz attempt's score, for charts of scores over attempts (a named tuple, made
    straight from the query's rows: a learner's history runs to thousands of them)."""

    lesson_id: str
    finished_at: str
    score: float  # 0..1


@dataclass(frozen=True)
class LessonRecord:
    """What the store knows about one lesson for the current learner."""

    lesson_id: str
    current_step: int = 1
    steps_seen: frozenset[int] = frozenset()
    attempts: int = 0
    best_score: float | None = None  # 0..1, finished attempts only
    last_score: float | None = None
    passed: bool = False
    updated_at: str = ""


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    response: Any
    score: float
    answered_at: str
    hint_used: bool = False
    seconds: float | None = None


@dataclass(frozen=True)
class ReviewCard:
    """A question's spaced-review state: the scheduler's card (JSON) and when it is next due."""

    question_id: str
    lesson_id: str
    card: str
    due: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Attempt:
    id: int
    lesson_id: str
    started_at: str
    finished_at: str | None
    score: float | None
    passed: bool | None
    seed: int = 0
    question_ids: tuple[str, ...] = ()
    kind: AttemptKind = "quiz"
    answers: dict[str, AnswerRecord] = field(default_factory=dict)
    uid: str = ""  # the same in every copy of the store, unlike ``id``


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def local_today() -> date:
    """The learner's calendar day, which is what a daily streak counts."""
    return datetime.now().astimezone().date()


def check_profile_name(name: str) -> str:
    """The name, trimmed, if it can name a learner; otherwise a StoreError saying why."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    allowed = all(ch.isalnum() or ch in " -_.'" for ch in cleaned)
    if not cleaned or len(cleaned) > PROFILE_NAME_MAX or not allowed:
        raise StoreError(
            f"{name!r} cannot name a learner: use 1 to {PROFILE_NAME_MAX} letters, digits, "
            "spaces, or the characters - _ . '"
        )
    return cleaned


class ProgressStore:
    """Open with :meth:`open`; every method commits before it returns."""

    def __init__(self, connection: sqlite3.Connection, path: Path, profile_id: int) -> None:
        self._db = connection
        self.path = path
        self._profile = profile_id
        self.profile_name = ""
        self.today: Callable[[], date] = local_today  # replaceable in tests of the streak
        # Where a damaged store found at open was moved, so the learner can be told.
        self.moved_aside: Path | None = None
        self.damage = ""  # what SQLite said about the damaged file
        # False for a store opened with open_unsaved: it lives in memory and is lost at close.
        self.saving = True
        self.not_saved_reason = ""

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: Path, profile: str | None = None, *, new_profile: bool = True
    ) -> ProgressStore:
        """Open (creating if needed) the store in ``data_dir`` and migrate it to the latest schema.

        ``profile`` names the learner (created if new); without it, the learner who used the store
        most recently, or ``default`` in a new store. With ``new_profile=False`` a name that is
        not in the store yet is refused instead of added (for commands that only read).

        A file that is not a SQLite database, or a corrupt one, is never deleted: it is renamed
        beside itself with a timestamp (``moved_aside`` says where) and a fresh store is started.
        """
        path = data_dir / STORE_FILENAME
        try:
            if _not_sqlite(path):  # moved before SQLite opens it, or its -wal, at all
                raise _DamagedStore("file is not a database")
            return cls._open(data_dir, path, profile, new_profile)
        except _DamagedStore as damaged:
            aside = _move_aside(path)
            store = cls._open(data_dir, path, profile, new_profile)
            store.moved_aside, store.damage = aside, str(damaged)
            return store

    @classmethod
    def open_unsaved(cls, data_dir: Path, profile: str | None, reason: str) -> ProgressStore:
        """A store for a session whose progress cannot be saved: it lives in memory only.

        It starts as a copy of the store in ``data_dir`` when that file can be read, else empty;
        the file itself is never written. ``saving`` is False and ``not_saved_reason`` is
        ``reason``. A store from a newer version is still refused (StoreError).
        """
        path = data_dir / STORE_FILENAME
        copy = _read_only_copy(path)
        store = None
        if copy is not None:
            try:
                store = cls._in_memory(copy, path, profile)
            except sqlite3.DatabaseError:  # unreadable or damaged: start empty instead
                copy.close()
        if store is None:
            store = cls._in_memory(sqlite3.connect(":memory:", isolation_level=None), path, profile)
        store.saving, store.not_saved_reason = False, reason
        return store

    @classmethod
    def _in_memory(cls, db: sqlite3.Connection, path: Path, profile: str | None) -> ProgressStore:
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            _migrate(db)
            store = cls(db, path, 0)
            store.use_profile(profile if profile is not None else store._last_profile())
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def _open(
        cls, data_dir: Path, path: Path, profile: str | None, new_profile: bool
    ) -> ProgressStore:
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        except FileExistsError:  # mkdir's word for "a file is in the way", which misleads here
            blocker = next(
                p for p in (data_dir, *data_dir.parents) if p.exists() and not p.is_dir()
            )
            raise StoreUnavailable(
                f"cannot create the progress store at {path}: {blocker} is a file, not a folder"
            ) from None
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the progress store at {path}: {exc.strerror}"
            ) from None
        existed = path.exists()
        try:
            # Created private before SQLite writes anything to it; an existing file is opened for
            # writing too, so that a read-only file or file system is named with the system's reason.
            os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        except OSError as exc:
            verb = "write to" if existed else "create"
            raise StoreUnavailable(
                f"cannot {verb} the progress store at {path}: {exc.strerror}"
            ) from None
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open the progress store {path}: {exc}") from None
        try:
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at each commit
            _migrate(db)
            store = cls(db, path, 0)
            if profile is None:
                store.use_profile(store._last_profile())
            else:
                store.use_profile(profile, new=new_profile)
        except sqlite3.DatabaseError as exc:
            db.close()
            if _is_damage(exc):
                raise _DamagedStore(str(exc)) from None
            reason = _cannot_write_in(data_dir) or str(exc)
            raise StoreUnavailable(f"cannot open the progress store {path}: {reason}") from None
        except StoreError:
            db.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreUnavailable(
                f"cannot write to the progress store {self.path}: {exc}"
            ) from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError):
            self._rollback()
            raise  # a mistake in this program, not a condition of the disk
        except sqlite3.DatabaseError as exc:  # full, read-only, I/O error, damaged, busy
            self._rollback()
            raise StoreUnavailable(f"cannot save progress to {self.path}: {exc}") from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite has already rolled back by itself after some errors (a full disk, an I/O error).
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    # -- learners ------------------------------------------------------------------------------

    def use_profile(self, name: str, *, new: bool = True) -> None:
        """Make ``name`` the current learner, creating the profile if it is new (and ``new``)."""
        name = check_profile_name(name)
        now = utc_now()
        known = [profile.name for profile in self.profiles()]
        if not new and name not in known:
            raise StoreError(
                f"there is no learner named {name!r} in {self.path} (learners: "
                f"{', '.join(known) or 'none yet'}); open the course with --profile to add one"
            )
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO profile (name, created_at) VALUES (?, ?)", (name, now)
            )
            db.execute("UPDATE profile SET last_used_at = ? WHERE name = ?", (now, name))
            self._profile = db.execute("SELECT id FROM profile WHERE name = ?", (name,)).fetchone()[
                0
            ]
        self.profile_name = name

    def profiles(self) -> list[Profile]:
        """Every learner in the store, by name."""
        return [
            Profile(row["name"], row["created_at"], row["last_used_at"])
            for row in self._db.execute(
                "SELECT name, created_at, last_used_at FROM profile ORDER BY name COLLATE NOCASE"
            )
        ]

    def _last_profile(self) -> str:
        row = self._db.execute(
            "SELECT name FROM profile ORDER BY last_used_at IS NULL, last_used_at DESC, id LIMIT 1"
        ).fetchone()
        return row[0] if row else DEFAULT_PROFILE

    def _note_activity(self, db: sqlite3.Connection) -> None:
        """Count today as a day of study (for the streak)."""
        db.execute(
            "INSERT OR IGNORE INTO activity_day (profile_id, day) VALUES (?, ?)",
            (self._profile, self.today().isoformat()),
        )

    def activity_days(self) -> list[date]:
        """The days the learner studied, oldest first."""
        days = []
        for (day,) in self._db.execute(
            "SELECT day FROM activity_day WHERE profile_id = ? ORDER BY day", (self._profile,)
        ):
            try:
                days.append(date.fromisoformat(day))
            except ValueError:  # written by hand or by a future version: not a day we can count
                continue
        return days

    # -- lessons -------------------------------------------------------------------------------

    def visit_step(self, lesson_id: str, step: int) -> None:
        """Record that ``step`` of a lesson was shown, and make it the lesson's current step."""
        now = utc_now()
        with self._write() as db:
            db.execute(
                """INSERT INTO lesson_state (profile_id, lesson_id, current_step, started_at, updated_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (profile_id, lesson_id)
                   DO UPDATE SET current_step = excluded.current_step, updated_at = excluded.updated_at""",
                (self._profile, lesson_id, step, now, now),
            )
            db.execute(
                "INSERT OR IGNORE INTO step_seen (profile_id, lesson_id, step, seen_at) VALUES (?, ?, ?, ?)",
                (self._profile, lesson_id, step, now),
            )
            self._note_activity(db)

    def add_study_time(self, visit_id: str, lesson_id: str, seconds: float) -> None:
        """Add reading time to one visit of a lesson (``visit_id`` is the visit's own id)."""
        with self._write() as db:
            db.execute(
                """INSERT INTO study_time (profile_id, uid, lesson_id, started_at, seconds)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (profile_id, uid) DO UPDATE SET seconds = seconds + excluded.seconds""",
                (self._profile, visit_id, lesson_id, utc_now(), max(0.0, seconds)),
            )

    def lesson_seconds(self) -> dict[str, float]:
        """Time spent per lesson: reading it, and answering its quiz (any kind of attempt)."""
        totals: dict[str, float] = {}
        for lesson_id, seconds in self._db.execute(LESSON_SECONDS_SQL, {"profile": self._profile}):
            totals[lesson_id] = totals.get(lesson_id, 0.0) + (seconds or 0.0)
        return totals

    def lesson_records(self) -> dict[str, LessonRecord]:
        """Everything known about every lesson the learner has touched, keyed by lesson id."""
        rows = self._db.execute(
            """SELECT s.lesson_id, s.current_step, s.updated_at,
                      (SELECT group_concat(step) FROM step_seen v
                        WHERE v.profile_id = s.profile_id AND v.lesson_id = s.lesson_id) AS seen,
                      (SELECT count(*) FROM quiz_attempt a
                        WHERE a.profile_id = s.profile_id AND a.lesson_id = s.lesson_id
                          AND a.kind = 'quiz' AND a.finished_at IS NOT NULL) AS attempts,
                      (SELECT max(score) FROM quiz_attempt a
                        WHERE a.profile_id = s.profile_id AND a.lesson_id = s.lesson_id
                          AND a.kind = 'quiz' AND a.finished_at IS NOT NULL) AS best,
                      (SELECT score FROM quiz_attempt a
                        WHERE a.profile_id = s.profile_id AND a.lesson_id = s.lesson_id
                          AND a.kind = 'quiz' AND a.finished_at IS NOT NULL
                        ORDER BY a.finished_at DESC, a.id DESC
                        LIMIT 1) AS last,
                      (SELECT max(passed) FROM quiz_attempt a
                        WHERE a.profile_id = s.profile_id AND a.lesson_id = s.lesson_id
                          AND a.kind = 'quiz') AS passed
               FROM lesson_state s WHERE s.profile_id = ?""",
            (self._profile,),
        ).fetchall()
        return {
            row["lesson_id"]: LessonRecord(
                lesson_id=row["lesson_id"],
                current_step=row["current_step"],
                steps_seen=frozenset(int(s) for s in row["seen"].split(","))
                if row["seen"]
                else frozenset(),
                attempts=row["attempts"],
                best_score=row["best"],
                last_score=row["last"],
                passed=bool(row["passed"]),
                updated_at=row["updated_at"],
            )
            for row in rows
        }

    def last_visited_lesson(self) -> str | None:
        """The lesson the learner worked in most recently, for "continue where I left off"."""
        row = self._db.execute(
            "SELECT lesson_id FROM lesson_state WHERE profile_id = ? ORDER BY updated_at DESC LIMIT 1",
            (self._profile,),
        ).fetchone()
        return row[0] if row else None

    # -- quizzes -------------------------------------------------------------------------------

    def start_attempt(
        self, lesson_id: str, seed: int, question_ids: list[str], kind: AttemptKind = "quiz"
    ) -> int:
        """Begin an attempt; its questions and seed are kept so it can be shown again as it was.

        Only ``kind="quiz"`` attempts count towards a lesson's score; a ``retry`` of the missed
        questions and the final ``exam`` are kept but never mark a lesson passed.
        """
        now = utc_now()
        with self._write() as db:
            if kind == "quiz":
                self._touch_lesson(db, lesson_id, now)
            cursor = db.execute(
                """INSERT INTO quiz_attempt
                     (profile_id, lesson_id, started_at, seed, question_ids, kind, uid)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    self._profile,
                    lesson_id,
                    now,
                    seed,
                    json.dumps(question_ids),
                    kind,
                    uuid.uuid4().hex,
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_answer(
        self,
        attempt_id: int,
        question_id: str,
        response: Any,
        score: float,
        *,
        hint_used: bool = False,
        seconds: float | None = None,
    ) -> None:
        """Keep one answer the moment it is given (a second answer to a question replaces it)."""
        with self._write() as db:
            db.execute(
                """INSERT INTO answer
                     (attempt_id, question_id, response, score, answered_at, hint_used, seconds)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (attempt_id, question_id) DO UPDATE SET
                     response = excluded.response, score = excluded.score,
                     answered_at = excluded.answered_at, hint_used = excluded.hint_used,
                     seconds = excluded.seconds""",
                (
                    attempt_id,
                    question_id,
                    json.dumps(response),
                    score,
                    utc_now(),
                    int(hint_used),
                    seconds,
                ),
            )
            self._note_activity(db)

    def finish_attempt(self, attempt_id: int, score: float, passed: bool) -> None:
        now = utc_now()
        with self._write() as db:
            row = db.execute(
                "SELECT lesson_id FROM quiz_attempt WHERE id = ? AND kind = 'quiz'", (attempt_id,)
            ).fetchone()
            db.execute(
                "UPDATE quiz_attempt SET finished_at = ?, score = ?, passed = ? WHERE id = ?",
                (now, score, int(passed), attempt_id),
            )
            if row:
                self._touch_lesson(db, row[0], now)

    def unfinished_attempt(self, lesson_id: str, kind: AttemptKind = "quiz") -> Attempt | None:
        """The latest attempt of this kind at this lesson's quiz that was never finished."""
        row = self._db.execute(
            """SELECT * FROM quiz_attempt
               WHERE profile_id = ? AND lesson_id = ? AND kind = ? AND finished_at IS NULL
               ORDER BY started_at DESC, id DESC LIMIT 1""",
            (self._profile, lesson_id, kind),
        ).fetchone()
        return self._attempt(row) if row else None

    def score_history(self) -> list[ScorePoint]:
        """Every finished quiz attempt's score, oldest first (only ``quiz`` attempts count)."""
        rows = self._db.cursor()
        rows.row_factory = None  # plain tuples, a third of the time of sqlite3.Row
        rows.execute(
            """SELECT lesson_id, finished_at, score FROM quiz_attempt
               WHERE profile_id = ? AND kind = 'quiz' AND finished_at IS NOT NULL
                 AND score IS NOT NULL
               ORDER BY finished_at, id""",
            (self._profile,),
        )
        return list(map(ScorePoint._make, rows))

    def attempt_by_uid(self, uid: str) -> Attempt | None:
        """An attempt by its stable id, which (unlike ``id``) survives export and import."""
        row = self._db.execute(
            "SELECT * FROM quiz_attempt WHERE uid = ? AND profile_id = ?", (uid, self._profile)
        ).fetchone()
        return self._attempt(row) if row else None

    def attempt(self, attempt_id: int) -> Attempt | None:
        row = self._db.execute(
            "SELECT * FROM quiz_attempt WHERE id = ? AND profile_id = ?",
            (attempt_id, self._profile),
        ).fetchone()
        return self._attempt(row) if row else None

    def _attempt(self, row: sqlite3.Row) -> Attempt:
        attempt_id = row["id"]
        answers = {
            a["question_id"]: AnswerRecord(
                a["question_id"],
                json.loads(a["response"]),
                a["score"],
                a["answered_at"],
                bool(a["hint_used"]),
                a["seconds"],
            )
            for a in self._db.execute(
                "SELECT * FROM answer WHERE attempt_id = ? ORDER BY id", (attempt_id,)
            )
        }
        return Attempt(
            id=row["id"],
            lesson_id=row["lesson_id"],
            started_at=row["started_at"],
            finished_at=row["finished_at"],
            score=row["score"],
            passed=None if row["passed"] is None else bool(row["passed"]),
            seed=row["seed"],
            question_ids=tuple(json.loads(row["question_ids"])),
            kind=row["kind"],
            answers=answers,
            uid=row["uid"] or "",
        )

    def _touch_lesson(self, db: sqlite3.Connection, lesson_id: str, now: str) -> None:
        db.execute(
            """INSERT INTO lesson_state (profile_id, lesson_id, current_step, started_at, updated_at)
               VALUES (?, ?, 1, ?, ?)
               ON CONFLICT (profile_id, lesson_id) DO UPDATE SET updated_at = excluded.updated_at""",
            (self._profile, lesson_id, now, now),
        )

    # -- spaced review ---------------------------------------------------------------------------

    def review_card(self, question_id: str) -> ReviewCard | None:
        row = self._db.execute(
            "SELECT * FROM review_card WHERE profile_id = ? AND question_id = ?",
            (self._profile, question_id),
        ).fetchone()
        return _review_card(row) if row else None

    def save_review(self, card: ReviewCard, rating: int) -> None:
        """Store a question's new review state and log the rating that produced it."""
        now = utc_now()
        with self._write() as db:
            db.execute(
                """INSERT INTO review_card (profile_id, question_id, lesson_id, card, due, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (profile_id, question_id) DO UPDATE SET
                     lesson_id = excluded.lesson_id, card = excluded.card, due = excluded.due,
                     updated_at = excluded.updated_at""",
                (self._profile, card.question_id, card.lesson_id, card.card, card.due, now),
            )
            db.execute(
                "INSERT INTO review_log (profile_id, question_id, rating, reviewed_at) VALUES (?, ?, ?, ?)",
                (self._profile, card.question_id, rating, now),
            )
            self._note_activity(db)

    def due_reviews(self, now: str, limit: int | None = None) -> list[ReviewCard]:
        """Cards due at ``now`` (ISO 8601 UTC), the longest overdue first."""
        rows = self._db.execute(
            "SELECT * FROM review_card WHERE profile_id = ? AND due <= ? ORDER BY due, question_id"
            + (" LIMIT ?" if limit is not None else ""),
            (self._profile, now, *((limit,) if limit is not None else ())),
        ).fetchall()
        return [_review_card(row) for row in rows]

    def revision(self) -> tuple[int, int, int]:
        """A value that is the same between two calls only if no data changed in between: no
        write through this store, no commit by another process, the same learner. A screen that
        shows data reads it again only when this changes."""
        (other_commits,) = self._db.execute("PRAGMA data_version").fetchone()
        return (self._db.total_changes, other_commits, self._profile)

    def count_due_reviews(self, now: str) -> int:
        return self._db.execute(
            "SELECT count(*) FROM review_card WHERE profile_id = ? AND due <= ?",
            (self._profile, now),
        ).fetchone()[0]

    # -- small settings ------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        row = self._db.execute(
            "SELECT value FROM setting WHERE profile_id = ? AND key = ?", (self._profile, key)
        ).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute(
                    "DELETE FROM setting WHERE profile_id = ? AND key = ?", (self._profile, key)
                )
            else:
                db.execute(
                    """INSERT INTO setting (profile_id, key, value) VALUES (?, ?, ?)
                       ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value""",
                    (self._profile, key, value),
                )


def _review_card(row: sqlite3.Row) -> ReviewCard:
    return ReviewCard(row["question_id"], row["lesson_id"], row["card"], row["due"])


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the schema up to date, one numbered migration per transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(
            f"the progress store was written by a newer dprk-it-tutor (schema {version}, "
            f"this version knows {len(MIGRATIONS)}); upgrade dprk-it-tutor to open it"
        )
    for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another process may have migrated meanwhile.
            if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                db.execute("ROLLBACK")
                continue
            for statement in statements:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _read_only_copy(path: Path) -> sqlite3.Connection | None:
    """An in-memory copy of the store at ``path``, or None if it cannot be read at all."""
    try:
        if not path.is_file():
            return None
        uri = path.resolve().as_uri()
    except OSError:
        return None
    # Plain read-only first, which includes what is still in the -wal file; "immutable" also
    # reads a folder where SQLite cannot make its -shm file, but without the -wal.
    for options in ("mode=ro", "mode=ro&immutable=1"):
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            source = sqlite3.connect(f"{uri}?{options}", uri=True)
            try:
                source.backup(memory)
            finally:
                source.close()
        except sqlite3.Error:
            memory.close()
            continue
        return memory
    return None


def _cannot_write_in(folder: Path) -> str | None:
    """The system's reason no file can be created in ``folder``, or None if one can."""
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".write-check-")
    except OSError as exc:
        return exc.strerror
    os.close(handle)
    os.unlink(name)
    return None


def _not_sqlite(path: Path) -> bool:
    """A non-empty file without SQLite's 16-byte header; unreadable files are SQLite's to report."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return bool(header) and header != SQLITE_HEADER


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite refused the file itself, rather than being busy or out of space."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    return any(words in str(exc) for words in _DAMAGE_WORDS)


def _move_aside(path: Path) -> Path:
    """Rename a damaged store (and its -wal and -shm companions) to a free, timestamped name."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    try:
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
        os.replace(path, target)
    except OSError as exc:
        raise StoreError(
            f"the progress store {path} is damaged and could not be moved aside: {exc.strerror}"
        ) from None
    return target
