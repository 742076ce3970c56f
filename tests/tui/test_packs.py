"""A content pack in the app: its lessons follow the course, say where they come from, and count."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

from ..content.test_course import add, lesson_md
from .conftest import SIZE


def make_pack(root: Path) -> Path:
    (root / "lessons").mkdir(parents=True)
    add(root, "lessons/10-extra.md", lesson_md("extra", steps=2))
    add(
        root,
        "course.yaml",
        "name: extras\ntitle: Ms Kim's extra lessons\nparts:\n"
        "  - title: Going further\n    lessons: [extra]\n",
    )
    return root


def details(app) -> str:
    return str(app.screen.query_one("#details", Static).render())


async def test_pack_lessons_show_their_pack_and_part_and_their_progress_is_kept(
    tmp_path: Path, data_dir: Path
) -> None:
    pack = make_pack(tmp_path / "extras")
    course = load_course([paths.builtin_course_dir(), pack])
    assert course.diagnostics == ()
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            table = app.screen.query_one(CourseMap)
            assert str(table.get_cell("origins", "pack")) == "built-in"
            assert str(table.get_cell("extra", "pack")) == "extras"
            assert "+ 1 pack" in app.sub_title
            assert "Part: The sector and its people" in details(app)
            await pilot.press("ctrl+end")
            await pilot.pause()
            text = details(app)
            assert "Part: Going further" in text
            assert "Pack: Ms Kim's extra lessons" in text
            await pilot.press("enter")
            assert isinstance(app.screen, LessonScreen)
            assert app.screen.lesson.id == "extra"
            await pilot.press("right", "escape")
            assert isinstance(app.screen, HomeScreen)
            assert "completed" in str(app.screen.query_one(CourseMap).get_cell("extra", "status"))
    with ProgressStore.open(data_dir) as store:
        assert store.lesson_records()["extra"].steps_seen == {1, 2}


async def test_one_pack_alone_shows_no_pack_column(tmp_path: Path, data_dir: Path) -> None:
    course = load_course([make_pack(tmp_path / "extras")])
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE):
            table = app.screen.query_one(CourseMap)
            assert [str(column.label) for column in table.columns.values()] == [
                "#",
                "Status",
                "Quiz",
                "Min",
                "Lesson",
            ]
            assert app.sub_title == "Ms Kim's extra lessons"
            assert "Pack:" not in details(app)
