"""The high-contrast theme: offered in the command palette, remembered for each learner."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.learners import LearnersDialog
from dprk_it_tutor.tui.themes import DEFAULT_THEME, HIGH_CONTRAST_NAME

from .conftest import SIZE


async def _palette(pilot, command: str) -> None:
    await pilot.press("ctrl+p", *command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_turns_high_contrast_on_and_it_is_remembered(
    course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            assert app.theme == DEFAULT_THEME
            await _palette(pilot, "high-contrast theme")
            assert app.theme == HIGH_CONTRAST_NAME
            # The theme is really applied: pure white text on pure black.
            variables = app.get_css_variables()
            assert Color.parse(variables["background"]) == Color(0, 0, 0)
            assert Color.parse(variables["text"]) == Color(255, 255, 255)
            assert Color.parse(variables["block-cursor-background"]) == Color(255, 255, 0)
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            assert app.theme == HIGH_CONTRAST_NAME  # remembered across runs
            await _palette(pilot, "high-contrast theme")  # the same command turns it off
            assert app.theme == DEFAULT_THEME
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE):
            assert app.theme == DEFAULT_THEME


async def test_any_theme_picked_in_the_palette_is_remembered(
    course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await _palette(pilot, "theme")
            await pilot.press(*"nord")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.theme == "nord"
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE):
            assert app.theme == "nord"


async def test_each_learner_keeps_their_own_theme(course: Course, data_dir: Path) -> None:
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await _palette(pilot, "high-contrast theme")
            assert app.theme == HIGH_CONTRAST_NAME
            await pilot.press("u")
            assert isinstance(app.screen, LearnersDialog)
            await pilot.press("tab", *"Ben", "enter")
            await pilot.pause()
            assert app.progress.learner == "Ben"
            assert app.theme == DEFAULT_THEME  # Ben never chose one
            await pilot.press("u")
            await pilot.press("tab", *"default", "enter")
            await pilot.pause()
            assert app.progress.learner == "default"
            assert app.theme == HIGH_CONTRAST_NAME


async def test_a_stored_theme_that_no_longer_exists_falls_back_to_the_default(
    course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        store.set_setting("theme", "a-theme-from-a-plugin")
        app = make_app(course, store)
        async with app.run_test(size=SIZE):
            assert app.theme == DEFAULT_THEME
            assert store.get_setting("theme") == "a-theme-from-a-plugin"  # not overwritten
