"""An unexpected error: a crash log in the data folder, one line on the terminal, progress intact."""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dprk_it_tutor import cli
from dprk_it_tutor.crash import CRASH_EXIT, KEEP_LOGS, crash_message, write_crash_log
from dprk_it_tutor.progress import ProgressStore

from .real_terminal import RealTerminal


def _raised(error: Exception) -> Exception:
    try:
        raise error
    except Exception as caught:  # the point is to get one with a traceback
        return caught


def test_the_log_holds_the_traceback_the_command_and_the_versions(tmp_path: Path) -> None:
    error = _raised(KeyError("lesson-x"))
    log = write_crash_log(error, tmp_path / "data", ["list", "--profile", "Ana"])
    assert log is not None and log.parent == tmp_path / "data"
    assert re.fullmatch(r"crash-\d{8}-\d{6}-\d+\.log", log.name)
    text = log.read_text(encoding="utf-8")
    assert "command: dprk-it-tutor list --profile Ana" in text
    assert "packages: textual " in text
    assert "Traceback (most recent call last):" in text
    assert text.rstrip().endswith("KeyError: 'lesson-x'")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_data_folder_that_cannot_be_written_sends_the_log_to_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    log = write_crash_log(_raised(ValueError("x")), blocked, [])
    assert log is not None and log.parent == tmp_path / "tmp" / "dprk-it-tutor"


def test_only_the_newest_logs_are_kept(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1)
    for minute in range(KEEP_LOGS + 5):
        log = write_crash_log(
            _raised(ValueError(minute)), tmp_path, [], now=start + timedelta(minutes=minute)
        )
        os.utime(log, (minute * 60, minute * 60))
    kept = sorted(path.name for path in tmp_path.glob("crash-*.log"))
    assert len(kept) == KEEP_LOGS
    assert kept[0].startswith("crash-20260101-0005")  # the five oldest went


def test_the_message_is_one_clean_line_naming_the_error_and_the_log(tmp_path: Path) -> None:
    error = ValueError("bad\nthing \x1b[2J" + "x" * 400)
    line = crash_message(error, tmp_path / "crash-1.log")
    assert "\n" not in line and "\x1b" not in line
    assert line.startswith("stopped by an unexpected error (ValueError: bad thing ")
    assert "…" in line and len(line) < 400
    assert line.endswith(
        f"the details are in {tmp_path / 'crash-1.log'} (attach it if you report the problem)."
    )
    assert "no crash log could be written" in crash_message(error, None)


def test_a_command_that_fails_unexpectedly_prints_one_line_and_writes_the_log(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("planted fault")

    monkeypatch.setattr(cli, "course_overview", fail)
    assert cli.main(["list"]) == CRASH_EXIT
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    logs = list(data_dir.glob("crash-*.log"))
    assert len(logs) == 1
    assert err == (
        "dprk-it-tutor: error: stopped by an unexpected error (ZeroDivisionError: planted fault). "
        f"Your progress is saved; the details are in {logs[0]} (attach it if you report the problem).\n"
    )
    assert "in list_lessons" in logs[0].read_text()


PLANTED_FAULT = """
from dprk_it_tutor.tui.app import TutorApp
def planted_fault(self):
    raise RuntimeError("planted fault")
TutorApp.action_help = planted_fault
"""


def test_a_crash_in_the_app_restores_the_terminal_says_one_line_and_keeps_progress(
    data_dir: Path,
) -> None:
    with RealTerminal(["--data-dir", str(data_dir)], prelude=PLANTED_FAULT) as terminal:
        assert terminal.read_until("palette"), terminal.output[-2000:]
        terminal.send("\r")  # open the first lesson: its first step is recorded
        assert terminal.read_until("Next"), terminal.output[-2000:]
        terminal.send("?")  # the planted fault
        code = terminal.wait()
    output = terminal.output.decode("utf-8", "replace")
    assert code == CRASH_EXIT
    # The terminal was restored: alternate screen left, cursor shown, mouse reporting off...
    restored = ["\x1b[?1049l", "\x1b[?25h", "\x1b[?1000l", "\x1b[?1006l"]
    assert all(sequence in output for sequence in restored)
    # ... and after that, one line and nothing else.
    message = output.rsplit("\x1b[?1006l", 1)[1].strip()
    assert "Traceback" not in output
    logs = list(data_dir.glob("crash-*.log"))
    assert len(logs) == 1
    assert message == (
        "dprk-it-tutor: error: stopped by an unexpected error (RuntimeError: planted fault). "
        f"Your progress is saved; the details are in {logs[0]} (attach it if you report the problem)."
    ), message
    assert "in planted_fault\nRuntimeError: planted fault" in logs[0].read_text()
    with ProgressStore.open(data_dir) as store:
        records = store.lesson_records()
    assert len(records) == 1 and next(iter(records.values())).current_step == 1
    # And the next run starts normally, back in that lesson.
    assert json.loads(_progress_json(data_dir))["lessons"][0]["status"] == "in progress"


def _progress_json(data_dir: Path) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "dprk_it_tutor", "progress", "--json", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout
