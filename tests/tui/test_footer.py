"""The footer shows each screen's keys as they are, rebuilt once per change and not otherwise."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from dprk_it_tutor.tui.app import TutorApp
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.widgets.footer import Footer

from .conftest import SIZE


@pytest.fixture
def rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the screen whose footer is rebuilt, once per rebuild."""
    built: list[str] = []
    recompose = Footer.recompose

    async def counted(self: Footer) -> None:
        built.append(type(self.screen).__name__)
        await recompose(self)

    monkeypatch.setattr(Footer, "recompose", counted)
    return built


def keys(app: TutorApp) -> dict[str, bool]:
    """Each key the footer shows, by key: whether it is shown as usable (not greyed out)."""
    return {key.key: not key.has_class("-disabled") for key in app.screen.query(FooterKey)}


async def test_the_course_map_footer_is_built_once_at_start_with_every_key(
    app: TutorApp, rebuilds: list[str]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert rebuilds == ["HomeScreen"]
        shown = keys(app)
        assert list(shown) == ["c", "r", "g", "d", "q", "question_mark", "ctrl+p"]
        assert shown["r"] is False  # review: nothing is due for a new learner
        assert shown["c"] is True


async def test_a_key_that_becomes_usable_is_shown_so_and_an_unchanged_footer_is_left_alone(
    app: TutorApp, rebuilds: list[str]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.step == 1
        assert keys(app)["left"] is False
        rebuilds.clear()
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.step == 2
        assert keys(app)["left"] is True
        assert rebuilds == ["LessonScreen"]
        rebuilds.clear()
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.step == 3
        assert keys(app)["left"] is True
        assert rebuilds == []  # the same keys, in the same state: nothing to rebuild
