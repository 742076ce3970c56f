"""``preview PATH [--watch]``: one file in the learner's screens, reloaded as the author saves it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label, Static
from textual.widgets._header import HeaderTitle
from textual.widgets._toast import Toast

from dprk_it_tutor import paths
from dprk_it_tutor.progress import STORE_FILENAME
from dprk_it_tutor.tui.preview import PreviewApp, make_preview_app, preview_store
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.preview import PreviewScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.screens.terms import TermsDialog

from .conftest import SIZE, shown_step_body

POLL = 0.05  # seconds: the tests' poll interval, so that a change shows within a few frames

LESSON = """\
---
id: pack-lesson
title: A pack lesson
order: 500
summary: A lesson of a content pack, for previewing.
objectives:
  - Read a lesson
minutes: 2
---

## The first step

Read about the [pack term](glossary:pack-term) here.

## The second step

{second}
"""

QUIZ = """\
lesson: pack-lesson
pass_mark: 50
questions:
  - id: pack-first
    type: true_false
    prompt: The first step comes first.
    answer: true
    explanation: It does.
    step: 1
  - id: pack-second
    type: true_false
    prompt: {second}
    answer: true
    explanation: It does.
    step: 2
"""

GLOSSARY = """\
terms:
  - id: {term_id}
    term: Pack term
    definition: A term that only the pack defines.
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A content pack: a lesson linking to its own glossary, and the lesson's quiz."""
    root = tmp_path / "pack"
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "lessons" / "01-pack.md").write_text(LESSON.format(second="The old text."))
    (root / "quizzes" / "pack.yaml").write_text(QUIZ.format(second="The old question."))
    (root / "glossary.yaml").write_text(GLOSSARY.format(term_id="pack-term"))
    return root


@pytest.fixture
def lesson_file(pack: Path) -> Path:
    return pack / "lessons" / "01-pack.md"


def preview(path: Path, *, watch: bool = False) -> PreviewApp:
    return make_preview_app(
        path, paths.builtin_course_dir(), preview_store(), watch=watch, poll_interval=POLL
    )


def save(path: Path, text: str) -> None:
    """Write as an editor would, and move the modification time on, in case the file system
    keeps times too coarsely to tell two saves in a row apart."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(before + 10**9, before + 10**9))


async def wait_until(pilot, condition: Callable[[], bool]) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition()


def step_counter(app) -> str:
    return str(app.screen.query_one("#step-counter", Label).render())


def step_text(app) -> str:
    return shown_step_body(app.screen).source if on_lesson(app) else ""


def on_lesson(app) -> bool:
    """The lesson is on screen, built and showing its step."""
    return isinstance(app.screen, LessonScreen) and app.screen.is_mounted


def problems(app) -> str:
    if not isinstance(app.screen, PreviewScreen):
        return ""
    return str(app.screen.query_one("#preview-problems", Static).render())


def status(app) -> str:
    return str(app.screen.query_one("#preview-status", Static).render())


def toasts(app) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def header(app) -> str:
    return str(app.screen.query_one(HeaderTitle).render())


def prompt(app) -> str:
    if not (isinstance(app.screen, QuizScreen) and app.screen.is_mounted):
        return ""
    return str(app.screen.query_one("#prompt", Static).render())


async def test_a_lesson_opens_at_its_first_step_under_a_preview_header(
    lesson_file: Path, data_dir: Path
) -> None:
    app = preview(lesson_file)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LessonScreen)
        assert header(app) == "Preview · 01-pack.md"
        assert step_counter(app) == "Step 1 of 2"
        assert "## The first step" in step_text(app)
        await pilot.press("g")  # the step's glossary link, defined in the pack's own glossary
        assert isinstance(app.screen, TermsDialog)
        await pilot.press("escape", "right")
        assert step_counter(app) == "Step 2 of 2"
        await pilot.press("escape")  # leaves the lesson for the preview's own screen
        assert isinstance(app.screen, PreviewScreen)
        assert "Previewing lesson 'A pack lesson' (2 step(s)) from 01-pack.md" in status(app)
        await pilot.press("enter")  # opens it again where the author left it
        assert on_lesson(app)
        assert step_counter(app) == "Step 2 of 2"
    assert not (data_dir / STORE_FILENAME).exists()  # no learner's progress was written


async def test_watch_shows_a_saved_change_on_the_step_being_read(lesson_file: Path) -> None:
    app = preview(lesson_file, watch=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("right")
        assert "The old text." in step_text(app)
        save(lesson_file, LESSON.format(second="The new text."))
        await wait_until(pilot, lambda: "The new text." in step_text(app))
        assert step_counter(app) == "Step 2 of 2"
        await wait_until(pilot, lambda: "Reloaded 01-pack.md" in toasts(app))


async def test_a_step_removed_under_the_reader_keeps_them_on_the_last_step(
    lesson_file: Path,
) -> None:
    three_steps = LESSON.format(second="Two.\n\n## The third step\n\nThree.")
    save(lesson_file, three_steps)
    app = preview(lesson_file, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right")
        assert step_counter(app) == "Step 3 of 3"
        save(lesson_file, LESSON.format(second="Now the last step."))
        await wait_until(pilot, lambda: "Now the last step." in step_text(app))
        assert step_counter(app) == "Step 2 of 2"


async def test_a_broken_save_shows_its_errors_and_fixing_it_returns_to_the_step(
    lesson_file: Path,
) -> None:
    app = preview(lesson_file, watch=True)
    good = lesson_file.read_text()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("right")
        save(lesson_file, good.replace("title: A pack lesson", "titel: A pack lesson"))
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen))
        assert problems(app).splitlines() == [
            f"{lesson_file}:2:1: error: the front matter is missing the required key 'title'",
            f"{lesson_file}:3:1: error: unknown key 'titel' in the front matter; "
            "did you mean 'title'?",
        ]
        assert "01-pack.md cannot be shown: 2 error(s)" in status(app)
        await wait_until(pilot, lambda: "Reloaded 01-pack.md: 2 error(s)" in toasts(app))
        await pilot.press("enter")  # nothing to open while it is broken
        assert isinstance(app.screen, PreviewScreen)

        save(lesson_file, good.replace("The old text.", "Fixed."))
        await wait_until(pilot, lambda: "Fixed." in step_text(app))
        assert step_counter(app) == "Step 2 of 2"


async def test_a_glossary_change_in_the_pack_is_watched_too(pack: Path, lesson_file: Path) -> None:
    app = preview(lesson_file, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        save(pack / "glossary.yaml", GLOSSARY.format(term_id="renamed-term"))
        await wait_until(pilot, lambda: "link to term 'pack-term'" in problems(app))
        save(pack / "glossary.yaml", GLOSSARY.format(term_id="pack-term"))
        await wait_until(pilot, lambda: on_lesson(app))


async def test_a_deleted_file_shows_an_error_until_it_comes_back(lesson_file: Path) -> None:
    app = preview(lesson_file, watch=True)
    text = lesson_file.read_text()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        lesson_file.unlink()
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen))
        assert problems(app) == (
            f"{lesson_file}:1:1: error: no such file (was it deleted or renamed?)"
        )
        save(lesson_file, text)
        await wait_until(pilot, lambda: on_lesson(app))
        assert step_counter(app) == "Step 2 of 2"


async def test_without_watch_a_broken_file_shows_its_errors_and_q_quits(
    lesson_file: Path,
) -> None:
    lesson_file.write_text(lesson_file.read_text().replace("order: 500", "order: last"))
    app = preview(lesson_file)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PreviewScreen)
        assert "order" in problems(app) and f"{lesson_file}:4:" in problems(app)
        assert "run the preview again" in status(app)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_lesson_reusing_a_built_in_id_is_a_duplicate(lesson_file: Path) -> None:
    lesson_file.write_text(lesson_file.read_text().replace("id: pack-lesson", "id: origins"))
    app = preview(lesson_file)
    async with app.run_test(size=SIZE):
        assert f"{lesson_file}:2:1: error: lesson id 'origins' is already used by" in problems(app)


async def test_a_quiz_opens_at_question_one_and_a_reload_keeps_the_question(pack: Path) -> None:
    quiz_file = pack / "quizzes" / "pack.yaml"
    app = preview(quiz_file, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, QuizScreen)
        assert header(app).startswith("Preview · pack.yaml")
        await wait_until(pilot, lambda: prompt(app) == "The first step comes first.")
        assert str(app.screen.query_one("#question-counter", Label).render()) == "Question 1 of 2"
        await pilot.press("t")
        await wait_until(pilot, lambda: app.screen.answered)
        await pilot.press("n")
        await wait_until(pilot, lambda: prompt(app) == "The old question.")
        save(quiz_file, QUIZ.format(second="The new question."))
        await wait_until(pilot, lambda: "The new question." in prompt(app))
        assert str(app.screen.query_one("#question-counter", Label).render()) == "Question 2 of 2"


async def test_a_quiz_for_a_lesson_that_does_not_exist_shows_the_error(pack: Path) -> None:
    quiz_file = pack / "quizzes" / "pack.yaml"
    quiz_file.write_text(QUIZ.format(second="Q.").replace("lesson: pack-lesson", "lesson: nowhere"))
    app = preview(quiz_file)
    async with app.run_test(size=SIZE):
        assert problems(app) == (
            f"{quiz_file}:1:9: error: this quiz is for lesson 'nowhere', which does not exist"
        )
