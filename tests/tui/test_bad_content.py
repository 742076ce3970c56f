"""Bad content in the app: broken files are listed with their problem while the rest of the course
works; control characters never reach the screen; only web links open; wide text lines up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Label, Static
from textual.widgets._markdown import MarkdownParagraph
from textual.widgets._toast import Toast

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

from ..content.test_bad_corpus import BAD, GOOD, expected_lines
from .conftest import SIZE, shown_step_body

BROKEN = [
    "lessons/alias-bomb.md",
    "lessons/binary.md",
    "lessons/escape-in-body.md",
    "lessons/link-javascript.md",
    "quizzes/python-object.yaml",
    "quizzes/billion-laughs.yaml",
]


@pytest.fixture
def broken_course(monkeypatch: pytest.MonkeyPatch) -> Course:
    """The built-in course with several files of the bad corpus added to it."""
    monkeypatch.chdir(BAD)
    return load_course([Path(case) for case in BROKEN], context=[paths.builtin_course_dir()])


async def test_broken_files_are_listed_with_their_problem_and_a_good_lesson_still_works(
    broken_course: Course, store: ProgressStore
) -> None:
    lessons = len(broken_course.lessons)
    app = make_app(broken_course, store)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(CourseMap)
        assert table.row_count == lessons + len(BROKEN)
        shown = []
        await pilot.press(*["down"] * lessons)  # the broken files come after every lesson
        for _ in BROKEN:
            details = str(app.screen.query_one("#details", Static).render())
            assert details.startswith("This file could not be loaded")
            shown += [line.removeprefix("• ") for line in details.splitlines() if line[:1] == "•"]
            await pilot.press("down")
        assert sorted(shown) == sorted(line for case in BROKEN for line in expected_lines(case))
        await pilot.press(*["up"] * table.row_count, "enter")  # the first lesson still works
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == broken_course.lessons[0].id
        await pilot.press("right", "right")
        assert app.screen.step == 3
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


def hostile(course: Course, *, title: str, body: str) -> Course:
    """The course with its first lesson rewritten past the loader, which would refuse it: what
    the app does must not depend on the loader alone."""
    first = course.lessons[0]
    step = replace(first.steps[0], title="Step", body=body)
    return replace(
        course, lessons=(replace(first, title=title, steps=(step,)), *course.lessons[1:])
    )


async def test_escape_sequences_never_reach_the_screen(
    course: Course, store: ProgressStore
) -> None:
    bad = hostile(course, title="Red \x1b[31mtitle", body="Clear \x1b[2J and \x9b2J screen.")
    app = make_app(bad, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, LessonScreen)
        title = str(app.screen.query_one("#lesson-title", Label).render())
        assert title == "Red \ufffd[31mtitle"
        screen = app.export_screenshot()
        assert "\x1b" not in screen and "\x9b" not in screen
        assert "Clear" in screen


async def test_only_web_links_are_opened(
    course: Course, store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    links = {
        "file:///etc/passwd": None,  # Markdown itself shows file: and javascript: as plain text
        "javascript:alert(1)": None,
        "ssh://host.example/": "Not opened: ssh://host.example/",
        "mailto:someone@example.com": "Not opened: mailto:someone@example.com",
        "https://example.com/": None,
    }
    body = "\n\n".join(f"[link {number}]({href})" for number, href in enumerate(links))
    app = make_app(hostile(course, title="Links", body=body), store)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, LessonScreen)
        paragraphs = list(shown_step_body(app.screen).query(MarkdownParagraph))
        assert len(paragraphs) == len(links)
        for paragraph in paragraphs:
            await pilot.click(paragraph, offset=(1, 0))
            await pilot.pause()
        assert opened == ["https://example.com/"]
        notices = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert sorted(notices) == sorted(notice for notice in links.values() if notice)


async def test_wide_characters_line_up_on_the_course_map(store: ProgressStore) -> None:
    course = load_course([GOOD], context=[paths.builtin_course_dir()])
    assert course.diagnostics == ()
    app = make_app(course, store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CourseMap)
        rows = [table.render_line(y).text for y in range(table.size.height)]
        header = rows[0]
        wide = next(row for row in rows if "북한의" in row)
        plain = next(row for row in rows if "A little-known" in row)
        assert "한국어 콘텐… " in wide  # the pack name, cut to its column by cell width
        lesson_column = cell_len(header[: header.index("Lesson")])
        assert cell_len(wide[: wide.index("북한의")]) == lesson_column
        assert cell_len(plain[: plain.index("A little-known")]) == lesson_column
        assert cell_len(wide) == cell_len(plain) == table.size.width
