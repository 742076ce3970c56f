"""Writing exports and backups to disk: whole or not at all, and private to the learner.

A file is first written under a temporary name in the same folder, flushed to disk, and only then
given its real name, so a crash or a full disk never leaves half an export where a good one was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from dprk_it_tutor.progress.store import StoreError

BACKUP_FOLDER = "backups"  # inside the data folder, beside the store


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step; the file is readable by its owner only."""
    temporary = _write_temporary(path.parent, path.name, text)
    try:
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise StoreError(f"cannot write {path}: {exc.strerror}") from None


def write_backup(folder: Path, learner: str, text: str) -> Path:
    """Write ``text`` to a new ``<learner>-YYYYMMDD-HHMMSS.json`` (UTC) in ``folder``; never
    replaces an existing file, so two backups in the same second both survive."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the backup folder {folder}: {exc.strerror}") from None
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    temporary = _write_temporary(folder, learner, text)
    try:
        for number in range(1, 1000):
            suffix = "" if number == 1 else f"-{number}"
            target = folder / f"{learner}-{stamp}{suffix}.json"
            try:
                os.link(temporary, target)  # fails if the name is taken, unlike a rename
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(f"cannot write the backup {target}: {exc.strerror}") from None
            return target
        raise StoreError(f"cannot find a free backup name in {folder}")
    finally:
        _remove(temporary)


def _write_temporary(folder: Path, name: str, text: str) -> Path:
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as exc:
        raise StoreError(f"cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
    except OSError as exc:
        _remove(Path(temporary))
        raise StoreError(f"cannot write in {folder}: {exc.strerror}") from None
    return Path(temporary)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
