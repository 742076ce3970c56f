"""A walk through every screen of the app by keys alone, calling ``visit`` on each one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.widgets import Button

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.tui.screens.quiz import QuizScreen

from .answering import answer_correctly, type_text, unique_prefix

ALL_TYPES = Path(__file__).parent / "data" / "all-types"
Visit = Callable[[str], Awaitable[None]]


def course_with_every_question_type() -> Course:
    """The shipped course (glossary, timeline, terms) with the all-types lesson last."""
    course = load_course([paths.builtin_course_dir(), ALL_TYPES])
    assert not course.diagnostics and course.lessons[-1].id == "kinds"
    return course


async def answer_by_keys(pilot, screen: QuizScreen) -> None:
    """Answer correctly with keys only: matching ends with tab to "Check answer" and enter."""
    question = screen.question
    if question.type != "matching":
        await answer_correctly(pilot, screen)
        return
    options = screen.session.options(question)
    for _, right in question.answer:
        await pilot.press("enter")
        await type_text(pilot, unique_prefix(right, options))
        await pilot.press("enter", "tab")
    while pilot.app.focused is not screen.query_one("#check", Button):
        await pilot.press("tab")
    await pilot.press("enter")
    assert question.id in screen.session.grades


async def walk_every_screen(pilot, visit: Visit) -> None:
    """Open every screen in turn, as a learner would with keys: ``visit(name)`` on each."""
    await pilot.pause()
    await visit("home")
    for key, name in [
        ("question_mark", "help"),
        ("u", "learners"),
        ("g", "glossary"),
        ("t", "timeline"),
        ("d", "dashboard"),
    ]:
        await pilot.press(key)
        await visit(name)
        await pilot.press("escape")
    await pilot.press("enter")
    await visit("lesson")
    await pilot.press("g")
    await visit("terms")
    await pilot.press("escape", "escape", "ctrl+end", "enter", "t")
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    for question in screen.session.questions:
        await visit(f"question {question.type}")
        await answer_by_keys(pilot, screen)
        await visit(f"feedback {question.type}")
        await pilot.press("enter")
    await visit("results")
