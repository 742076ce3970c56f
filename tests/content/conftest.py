"""Fixtures shared by the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """An empty course root with its lessons/ and quizzes/ folders."""
    course = tmp_path / "course"
    (course / "lessons").mkdir(parents=True)
    (course / "quizzes").mkdir()
    return course
