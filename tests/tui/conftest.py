"""Fixtures for driving the real app with Textual's Pilot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Markdown

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


def shown_step_body(screen: Screen) -> Markdown:
    """The lesson step's page the learner sees: the one page of the lesson screen on display."""
    shown = [page for page in screen.query(".step-body").results(Markdown) if page.display]
    assert len(shown) == 1, f"{len(shown)} step pages on display"
    return shown[0]
