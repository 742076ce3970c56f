"""Nothing acknowledged is lost: not to a kill -9, not to a reader running while another writes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import dprk_it_tutor
from dprk_it_tutor.progress.store import STORE_FILENAME, ProgressStore

LESSON = "origins"  # a lesson of the shipped course, so that the CLI reports it

# Writes in a loop forever, printing what it wrote once the store has acknowledged it.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from dprk_it_tutor.progress.store import ProgressStore

    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    store = ProgressStore.open(data_dir)
    n = 0
    if mode == "answers":
        attempt = store.start_attempt("origins", 7, ["q0", "q1", "q2"])
        print(attempt, flush=True)
        while True:
            store.record_answer(attempt, f"q{n}", {"text": "x" * (n % 97), "n": n}, n % 2)
            print(f"q{n}", flush=True)
            n += 1
    elif mode == "steps":
        while True:
            n += 1
            store.visit_step("origins", n)
            print(n, flush=True)
    else:  # "attempts", until told to stop
        stop = data_dir / "stop"
        while not stop.exists():
            attempt = store.start_attempt("origins", n, ["a", "b"])
            store.record_answer(attempt, "a", "x", 1.0)
            store.visit_step("origins", n % 5 + 1)
            store.set_setting("resume_lesson", "origins")
            store.finish_attempt(attempt, 1.0, True)
            n += 1
            if n == 1:
                print("writing", flush=True)
        print(n, flush=True)
    """
)


def child_env() -> dict[str, str]:
    """The children import this very copy of the package, whatever is installed."""
    source = str(Path(dprk_it_tutor.__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}


def start_writer(data_dir: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def read_lines(writer: subprocess.Popen[str], count: int) -> list[str]:
    lines = []
    for _ in range(count):
        line = writer.stdout.readline()
        assert line, f"the writer stopped early: {writer.stderr.read()}"
        lines.append(line.strip())
    return lines


def kill(writer: subprocess.Popen[str]) -> None:
    writer.send_signal(signal.SIGKILL)
    assert writer.wait(timeout=30) == -signal.SIGKILL
    writer.stdout.close()
    writer.stderr.close()


def integrity(data_dir: Path) -> str:
    db = sqlite3.connect(data_dir / STORE_FILENAME)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


@pytest.mark.parametrize("acknowledged", [1, 40, 600])
def test_answers_acknowledged_before_a_kill_9_are_all_kept(
    tmp_path: Path, acknowledged: int
) -> None:
    writer = start_writer(tmp_path, "answers")
    try:
        attempt_id = int(read_lines(writer, 1)[0])
        acked = read_lines(writer, acknowledged)
    finally:
        kill(writer)
    assert integrity(tmp_path) == "ok"
    with ProgressStore.open(tmp_path) as store:
        attempt = store.unfinished_attempt(LESSON)  # unfinished: the learner can resume it
        assert attempt is not None and attempt.id == attempt_id
        kept = list(attempt.answers)
        assert kept[: len(acked)] == acked
        # Whatever was written after the last line read is whole and in order: no gaps.
        assert kept == [f"q{n}" for n in range(len(kept))]
        for n, answer in enumerate(attempt.answers.values()):
            assert answer.response == {"text": "x" * (n % 97), "n": n}
        store.record_answer(attempt_id, "after", "still works", 1.0)
        store.finish_attempt(attempt_id, 0.5, False)
    with ProgressStore.open(tmp_path) as store:
        resumed = store.attempt(attempt_id)
        assert resumed.finished_at is not None and "after" in resumed.answers
    assert integrity(tmp_path) == "ok"


@pytest.mark.parametrize("acknowledged", [1, 250])
def test_steps_acknowledged_before_a_kill_9_are_all_kept(tmp_path: Path, acknowledged: int) -> None:
    writer = start_writer(tmp_path, "steps")
    try:
        read_lines(writer, acknowledged)
    finally:
        kill(writer)
    assert integrity(tmp_path) == "ok"
    with ProgressStore.open(tmp_path) as store:
        record = store.lesson_records()[LESSON]
        assert record.current_step >= acknowledged
        assert record.steps_seen == set(range(1, record.current_step + 1))
        store.visit_step(LESSON, 1)
        assert store.lesson_records()[LESSON].current_step == 1


def test_the_cli_reads_progress_while_another_process_writes(tmp_path: Path) -> None:
    writer = start_writer(tmp_path, "attempts")
    command = [sys.executable, "-m", "dprk_it_tutor", "--data-dir", str(tmp_path), "progress"]
    runs = []
    try:
        read_lines(writer, 1)  # the writer is under way
        for _ in range(8):
            result = subprocess.run(
                [*command, "--json"],
                capture_output=True,
                text=True,
                env=child_env(),
                timeout=60,
            )
            assert (result.returncode, result.stderr) == (0, "")
            report = json.loads(result.stdout)
            runs.append(next(row for row in report["lessons"] if row["id"] == LESSON))
    finally:
        (tmp_path / "stop").touch()
        out, err = writer.communicate(timeout=60)
    assert (writer.returncode, err) == (0, "")
    written = int(out.split()[-1])
    attempts = [row["attempts"] for row in runs]
    assert attempts == sorted(attempts)  # each reader sees a state at least as new as the last
    assert attempts[-1] > attempts[0] > 0  # and the writer really was writing meanwhile
    assert written >= attempts[-1]
    with ProgressStore.open(tmp_path) as store:
        assert store.lesson_records()[LESSON].attempts == written
