"""Ordered schema migrations: migration N brings ``PRAGMA user_version`` from N-1 to N.

Append new steps; never edit a released one, since learners' stores were built by it.
Everything is keyed by lesson and question id (never by file name or position in the course), so
that renaming or reordering files keeps a learner's progress.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, ...]] = [
    # 1: profiles, lesson position, steps seen, quiz attempts and answers, small settings.
    (
        """CREATE TABLE profile (
               id INTEGER PRIMARY KEY,
               name TEXT NOT NULL UNIQUE,
               created_at TEXT NOT NULL)""",
        """CREATE TABLE lesson_state (
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               lesson_id TEXT NOT NULL,
               current_step INTEGER NOT NULL DEFAULT 1,
               started_at TEXT NOT NULL,
               updated_at TEXT NOT NULL,
               PRIMARY KEY (profile_id, lesson_id))""",
        """CREATE TABLE step_seen (
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               lesson_id TEXT NOT NULL,
               step INTEGER NOT NULL,
               seen_at TEXT NOT NULL,
               PRIMARY KEY (profile_id, lesson_id, step))""",
        """CREATE TABLE quiz_attempt (
               id INTEGER PRIMARY KEY,
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               lesson_id TEXT NOT NULL,
               started_at TEXT NOT NULL,
               finished_at TEXT,
               seed INTEGER NOT NULL,
               question_ids TEXT NOT NULL,
               score REAL,
               passed INTEGER)""",
        "CREATE INDEX quiz_attempt_by_lesson ON quiz_attempt (profile_id, lesson_id, finished_at)",
        """CREATE TABLE answer (
               id INTEGER PRIMARY KEY,
               attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id) ON DELETE CASCADE,
               question_id TEXT NOT NULL,
               response TEXT NOT NULL,
               score REAL NOT NULL,
               answered_at TEXT NOT NULL,
               UNIQUE (attempt_id, question_id))""",
        """CREATE TABLE setting (
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               key TEXT NOT NULL,
               value TEXT NOT NULL,
               PRIMARY KEY (profile_id, key))""",
    ),
]

MIGRATIONS.append(
    # 2: hints and time per answer; attempt kinds, so that retrying only the missed questions
    # (or taking the final exam) never counts as the lesson's quiz score; spaced-review cards.
    (
        "ALTER TABLE answer ADD COLUMN hint_used INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE answer ADD COLUMN seconds REAL",
        "ALTER TABLE quiz_attempt ADD COLUMN kind TEXT NOT NULL DEFAULT 'quiz'",
        """CREATE TABLE review_card (
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               question_id TEXT NOT NULL,
               lesson_id TEXT NOT NULL,
               card TEXT NOT NULL,
               due TEXT NOT NULL,
               updated_at TEXT NOT NULL,
               PRIMARY KEY (profile_id, question_id))""",
        "CREATE INDEX review_card_by_due ON review_card (profile_id, due)",
        """CREATE TABLE review_log (
               id INTEGER PRIMARY KEY,
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               question_id TEXT NOT NULL,
               rating INTEGER NOT NULL,
               reviewed_at TEXT NOT NULL)""",
    )
)

MIGRATIONS.append(
    # 3: which learner used the app last; a stable id for every attempt, so that an export can be
    # imported twice without duplicating it; time spent reading each lesson (one row per visit,
    # keyed by a stable id for the same reason); the days the learner studied, for the streak.
    (
        "ALTER TABLE profile ADD COLUMN last_used_at TEXT",
        "ALTER TABLE quiz_attempt ADD COLUMN uid TEXT",
        "UPDATE quiz_attempt SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL",
        "CREATE UNIQUE INDEX quiz_attempt_by_uid ON quiz_attempt (uid)",
        """CREATE TABLE study_time (
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               uid TEXT NOT NULL,
               lesson_id TEXT NOT NULL,
               started_at TEXT NOT NULL,
               seconds REAL NOT NULL DEFAULT 0,
               PRIMARY KEY (profile_id, uid))""",
        "CREATE INDEX study_time_by_lesson ON study_time (profile_id, lesson_id)",
        """CREATE TABLE activity_day (
               profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
               day TEXT NOT NULL,
               PRIMARY KEY (profile_id, day))""",
        # Earlier activity, dated in UTC (the only date those versions kept).
        """INSERT OR IGNORE INTO activity_day (profile_id, day)
               SELECT profile_id, substr(seen_at, 1, 10) FROM step_seen
               WHERE seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'""",
        """INSERT OR IGNORE INTO activity_day (profile_id, day)
               SELECT a.profile_id, substr(n.answered_at, 1, 10)
               FROM answer n JOIN quiz_attempt a ON a.id = n.attempt_id
               WHERE n.answered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'""",
    )
)

MIGRATIONS.append(
    # 4: time spent per lesson is summed over every answer; this index holds each answer's time
    # beside its attempt, so the sum reads the index alone (35 ms down to 13 ms at 100,000 answers).
    ("CREATE INDEX answer_seconds_by_attempt ON answer (attempt_id, seconds)",)
)

MIGRATIONS.append(
    # 5: the score history and each lesson's attempts, best and last score are read from this
    # index alone, not from the attempt rows, which also carry each attempt's question list (at
    # 5,000 attempts: the history 13 ms down to 6 ms, the lessons' records 6 ms down to 1.5 ms).
    (
        """CREATE INDEX quiz_attempt_scores
               ON quiz_attempt (profile_id, kind, lesson_id, finished_at, id, score, passed)""",
    )
)

MIGRATIONS.append(
    # 6: each attempt keeps the time spent on its answers, kept right by triggers whatever writes
    # an answer (the quiz, an import, a merge), so that time per lesson sums one figure per
    # attempt, not every answer (at 100,000 answers: 18 ms down to 1-2 ms, most of the dashboard's
    # wait for data). The sum is taken again over the attempt's own answers: no rounding drifts in.
    (
        "ALTER TABLE quiz_attempt ADD COLUMN answer_seconds REAL NOT NULL DEFAULT 0",
        """UPDATE quiz_attempt SET answer_seconds =
               (SELECT total(seconds) FROM answer WHERE attempt_id = quiz_attempt.id)""",
        """CREATE TRIGGER answer_seconds_after_insert AFTER INSERT ON answer
           WHEN NEW.seconds IS NOT NULL BEGIN
               UPDATE quiz_attempt SET answer_seconds =
                   (SELECT total(seconds) FROM answer WHERE attempt_id = NEW.attempt_id)
               WHERE id = NEW.attempt_id;
           END""",
        """CREATE TRIGGER answer_seconds_after_update AFTER UPDATE OF seconds, attempt_id ON answer
           BEGIN
               UPDATE quiz_attempt SET answer_seconds =
                   (SELECT total(seconds) FROM answer WHERE attempt_id = quiz_attempt.id)
               WHERE id IN (OLD.attempt_id, NEW.attempt_id);
           END""",
        """CREATE TRIGGER answer_seconds_after_delete AFTER DELETE ON answer
           WHEN OLD.seconds IS NOT NULL BEGIN
               UPDATE quiz_attempt SET answer_seconds =
                   (SELECT total(seconds) FROM answer WHERE attempt_id = OLD.attempt_id)
               WHERE id = OLD.attempt_id;
           END""",
        """CREATE INDEX quiz_attempt_seconds
               ON quiz_attempt (profile_id, lesson_id, kind, answer_seconds)""",
    )
)
