"""A pack of hundreds of lessons: the course map holds and scrolls all of them, and a lesson read
updates its own row without the map being rebuilt."""

from __future__ import annotations

from pathlib import Path

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

from ..content.test_course import add, lesson_md
from .conftest import SIZE
from .rendering import screen_lines

LESSONS = 300


def big_pack(root: Path) -> Path:
    (root / "lessons").mkdir(parents=True)
    for number in range(1, LESSONS + 1):
        add(root, f"lessons/{number:03}.md", lesson_md(f"big-{number:03}", order=number, steps=3))
    return root


async def test_every_lesson_of_a_big_pack_is_on_the_map_and_the_last_can_be_reached(
    tmp_path: Path, data_dir: Path
) -> None:
    course = load_course([paths.builtin_course_dir(), big_pack(tmp_path / "big")])
    assert course.diagnostics == ()
    total = len(course.lessons)
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            course_map = app.screen.query_one(CourseMap)
            assert course_map.row_count == total
            # The scrollable height is every row plus the header: nothing left out or cut off.
            assert course_map.virtual_size.height == total + 1
            await pilot.press("ctrl+end")
            await pilot.pause()
            assert course_map.cursor_row == total - 1
            assert any("Lesson big-300" in line for line in screen_lines(app))
            await pilot.press("ctrl+home")
            await pilot.pause()
            assert any("Lesson " in line and "1 " in line for line in screen_lines(app))


async def test_a_lesson_read_updates_only_its_row_and_the_map_keeps_its_place(
    tmp_path: Path, data_dir: Path
) -> None:
    course = load_course([paths.builtin_course_dir(), big_pack(tmp_path / "big")])
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            course_map = app.screen.query_one(CourseMap)
            row = course_map.get_row_index("big-150")
            course_map.move_cursor(row=row)
            await pilot.pause()
            before = {key.value: course_map.get_row(key) for key in course_map.rows}
            rebuilt: list[bool] = []
            clear = course_map.clear
            course_map.clear = lambda *a, **k: (rebuilt.append(True), clear(*a, **k))[1]
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, LessonScreen)
            await pilot.press("right", "escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert rebuilt == []
            assert course_map.cursor_row == row
            after = {key.value: course_map.get_row(key) for key in course_map.rows}
            changed = {key for key in after if str(after[key]) != str(before[key])}
            assert changed == {"big-150"}
            assert "in progress" in str(course_map.get_cell("big-150", "status"))
