"""Fixtures for driving the real app with Textual's Pilot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import TutorApp, make_app

SIZE = (100, 30)


@pytest.fixture(scope="session")
def course() -> Course:
    loaded = load_course([paths.builtin_course_dir()])
    assert loaded.lessons and not loaded.diagnostics
    return loaded


@pytest.fixture
def store(data_dir: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(data_dir) as opened:
        yield opened


@pytest.fixture
def app(course: Course, store: ProgressStore) -> TutorApp:
    return make_app(course, store)
