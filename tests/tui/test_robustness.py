"""Broken content and an unwritable store are shown to the learner, never a crash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from textual.widgets._header import HeaderTitle
from textual.widgets._toast import Toast

from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import ProgressStore, StoreError
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.messages import OpenGlossary
from dprk_it_tutor.tui.screens.glossary import GlossaryScreen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

from ..progress.full import fill_up
from .conftest import SIZE

LESSON = """\
---
id: {id}
title: {title}
order: {order}
summary: A lesson for the tests.
objectives: [Read it]
minutes: 1
---

## Only step

Some text.
"""


def visible_notices(app) -> list[str]:
    """The text of every notification toast on screen, as the learner sees it."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def write_course(root: Path) -> Path:
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "lessons" / "01-good.md").write_text(LESSON.format(id="good", title="Good", order=1))
    broken = root / "lessons" / "02-broken.md"
    broken.write_text(LESSON.format(id="broken", title="Broken", order="second"))
    return broken


async def test_a_broken_lesson_is_listed_as_broken_and_the_rest_still_works(
    tmp_path: Path, data_dir: Path
) -> None:
    broken = write_course(tmp_path / "course")
    course = load_course([tmp_path / "course"])
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            table = app.screen.query_one(CourseMap)
            assert table.row_count == 2
            key = f"broken:{broken}"
            assert "broken" in str(table.get_cell(key, "status"))
            await pilot.pause()
            assert any("1 content file(s) could not be loaded" in n for n in visible_notices(app))

            await pilot.press("down")
            details = str(app.screen.query_one("#details", Static).render())
            assert f"{broken}:4:8: error: 'order' must be a whole number" in details
            await pilot.press("enter")  # opening a broken lesson explains instead of crashing
            assert isinstance(app.screen, HomeScreen)
            await pilot.pause()
            assert any("This file could not be loaded" in n for n in visible_notices(app))

            await pilot.press("up", "enter")
            assert isinstance(app.screen, LessonScreen)
            assert app.screen.lesson.id == "good"


async def test_when_progress_cannot_be_saved_the_learner_is_told_once_and_keeps_going(
    course, data_dir: Path, monkeypatch
) -> None:
    with ProgressStore.open(data_dir) as store:

        def fail(*args: object) -> None:
            raise StoreError(f"cannot save progress to {store.path}: disk I/O error")

        monkeypatch.setattr(store, "visit_step", fail)
        app = make_app(course, store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("enter", "right", "right")
            assert isinstance(app.screen, LessonScreen)
            assert app.screen.step == 3
            await pilot.pause()
            warnings = [n for n in visible_notices(app) if "Progress is not being saved" in n]
            assert len(warnings) == 1
            assert "disk I/O error" in warnings[0]


async def test_an_empty_course_says_no_lessons_were_found(tmp_path: Path, data_dir: Path) -> None:
    course = load_course([tmp_path])
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c", "enter")
            assert isinstance(app.screen, HomeScreen)
            button = app.screen.query_one("#continue")
            assert button.disabled
            assert str(button.label).startswith("No lessons found")


async def test_a_damaged_progress_file_moved_aside_is_announced_in_the_app(
    course, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "progress.sqlite3").write_bytes(b"not a database at all" * 40)
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            notices = [n for n in visible_notices(app) if "was damaged" in n]
            assert len(notices) == 1
            assert str(store.moved_aside) in notices[0]
            assert isinstance(app.screen, HomeScreen)


def header(app) -> str:
    """The header line of the screen on top, as the learner sees it."""
    return str(app.screen.query_one(HeaderTitle).render())


async def test_a_session_that_cannot_be_saved_says_so_on_every_screen(
    course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        store.visit_step(course.lessons[0].id, 2)
    reason = f"cannot write to the progress store at {store.path}: Read-only file system"
    with ProgressStore.open_unsaved(data_dir, None, reason) as unsaved:
        app = make_app(course, unsaved)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "⚠ Progress is not being saved" in header(app)
            (notice,) = [n for n in visible_notices(app) if "Progress is not being saved" in n]
            assert "Read-only file system" in notice and str(store.path) in notice
            await pilot.press("enter")  # the copy knows where the learner was
            assert isinstance(app.screen, LessonScreen)
            assert app.screen.step == 2
            await pilot.press("right")
            assert app.screen.step == 3
            assert "⚠ Progress is not being saved" in header(app)
            app.post_message(OpenGlossary())  # a screen with a sub-title of its own
            await pilot.pause()
            assert isinstance(app.screen, GlossaryScreen)
            assert "⚠ Progress is not being saved" in header(app)
            assert "Glossary" in header(app)
            assert len([n for n in visible_notices(app) if "not being saved" in n]) == 1
    with ProgressStore.open(data_dir) as store:
        assert store.lesson_records()[course.lessons[0].id].current_step == 2  # nothing written


async def test_a_disk_that_fills_up_mid_session_is_shown_and_the_lesson_goes_on(
    course, data_dir: Path
) -> None:
    lesson = course.lessons[0]
    assert lesson.step_count >= 3
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == lesson.id
            await pilot.pause()
            assert "not being saved" not in header(app)
            assert store.lesson_records()[lesson.id].steps_seen == {1}

            fill_up(store, lesson.id, 2)  # the disk is full from now on
            await pilot.press("right")
            assert app.screen.step == 2  # the learner moves on all the same
            await pilot.pause()
            assert "⚠ Progress is not being saved" in header(app)
            (notice,) = [n for n in visible_notices(app) if "Progress is not being saved" in n]
            assert "database or disk is full" in notice
            await pilot.press("right")
            assert app.screen.step == 3
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            assert "⚠ Progress is not being saved" in header(app)
        assert 2 not in store.lesson_records()[lesson.id].steps_seen
