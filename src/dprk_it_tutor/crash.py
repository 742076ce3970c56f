"""What happens when something fails that no one foresaw: a crash log and one line, never a traceback.

The learner sees one line naming what failed and where the full report is; the report (the
traceback, the versions, the command line) goes to a file in the data folder that they can attach
to a bug report. Progress needs nothing here: every answer and step is committed as it happens.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from dprk_it_tutor.terminal_text import printable

CRASH_EXIT = 70  # EX_SOFTWARE from sysexits.h: an internal error, not the user's mistake
KEEP_LOGS = 20  # older crash logs are removed so the folder cannot grow without end
_LOG_GLOB = "crash-*.log"


def write_crash_log(
    error: BaseException,
    data_dir: Path | None,
    argv: Sequence[str],
    *,
    now: datetime | None = None,
) -> Path | None:
    """Write the full report to ``data_dir`` (or the temporary folder if that cannot be written).

    Returns where it went, or None if it could be written nowhere; never raises.
    """
    moment = now or datetime.now()
    report = _report(error, argv, moment)
    name = f"crash-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    fallback = Path(tempfile.gettempdir()) / "dprk-it-tutor"
    for folder in [data_dir, fallback] if data_dir else [fallback]:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = folder / name
            # 0600: the command line and paths in a report are the learner's own business.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as log:
                log.write(report)
        except OSError:
            continue
        _prune(folder)
        return path
    return None


def crash_message(error: BaseException, log: Path | None) -> str:
    """The one line the learner reads: what failed, that progress is safe, where the report is."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    what = printable(" ".join(what.split()))
    if len(what) > 160:
        what = what[:159] + "…"
    where = (
        f"the details are in {printable(str(log))} (attach it if you report the problem)"
        if log
        else "no crash log could be written (the data and temporary folders refused it)"
    )
    return f"stopped by an unexpected error ({what}). Your progress is saved; {where}."


def _report(error: BaseException, argv: Sequence[str], moment: datetime) -> str:
    from importlib import metadata  # slow to import, and needed only once something has failed

    try:
        version = metadata.version("dprk-it-tutor")
    except metadata.PackageNotFoundError:
        version = "not installed"
    versions = []
    for package in ("textual", "rich", "PyYAML", "fsrs", "platformdirs"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    lines = [
        f"dprk-it-tutor {version} crash report, {moment.isoformat(timespec='seconds')}",
        f"command: {' '.join(['dprk-it-tutor', *argv])}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"packages: {', '.join(versions)}",
        f"terminal: TERM={os.environ.get('TERM', '')} COLORTERM={os.environ.get('COLORTERM', '')}",
        "",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def _prune(folder: Path) -> None:
    """Keep the newest ``KEEP_LOGS`` reports; a failure to remove one is not worth a word."""
    try:
        logs = sorted(folder.glob(_LOG_GLOB), key=lambda log: log.stat().st_mtime, reverse=True)
        for old in logs[KEEP_LOGS:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
