"""Symbolic links in a content folder: followed only while they stay inside it.

A pack shared by someone else could hold ``lessons/notes.md -> ~/.ssh/id_rsa``; reading through
such a link would show a stranger's file in the app. So a content file is loaded only if its real
location is inside the real location of the content folder it was found in; other links, and links
to nothing, are reported instead of followed.
"""

from __future__ import annotations

import os
from pathlib import Path


def link_problem(path: Path, folder: Path) -> str | None:
    """Why ``path`` (found in the content folder ``folder``) must not be read, or None if it may."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop (RuntimeError before 3.13)
        if not path.is_symlink():
            return None  # not a link at all: the loaders say what is wrong with it
        return f"symlink to nothing (a missing file or a loop) is skipped (-> {_link_text(path)})"
    try:
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        inside = False
    if inside:
        return None
    return f"symlink to outside the content folder is not followed (-> {target})"


def _link_text(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"
