"""The footer shows each screen's keys as they are, rebuilt once per change and not otherwise."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
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


async def test_the_course_map_footer_has_every_key_from_the_start_and_is_not_rebuilt(
    app: TutorApp, rebuilds: list[str]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert rebuilds == []  # its keys were made with the footer itself
        shown = keys(app)
        assert list(shown) == ["c", "r", "g", "d", "q", "question_mark", "ctrl+p"]
        assert shown["r"] is False  # review: nothing is due for a new learner
        assert shown["c"] is True


async def open_first_lesson(pilot, app: TutorApp) -> LessonScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen) and screen.step == 1
    return screen


async def test_a_key_that_becomes_usable_is_lit_in_place_without_a_rebuild(
    app: TutorApp, rebuilds: list[str]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_first_lesson(pilot, app)
        assert keys(app)["left"] is False
        footer_keys = list(app.screen.query(FooterKey))
        rebuilds.clear()
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.step == 2
        assert keys(app)["left"] is True
        assert rebuilds == []  # the same keys: only "Previous" was lit again
        assert list(app.screen.query(FooterKey)) == footer_keys
        await pilot.press("left")
        await pilot.pause()
        assert app.screen.step == 1
        assert keys(app)["left"] is False
        assert rebuilds == []


async def test_a_footer_key_lit_or_greyed_in_place_acts_as_it_looks_when_clicked(
    app: TutorApp, rebuilds: list[str]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_lesson(pilot, app)
        previous_key = next(key for key in screen.query(FooterKey) if key.key == "left")
        await pilot.press("right", "right")
        await pilot.pause()
        assert screen.step == 3
        await pilot.click(previous_key)
        await pilot.pause()
        assert screen.step == 2  # lit again in place: a click goes back a step
        await pilot.click(previous_key)
        await pilot.pause()
        assert screen.step == 1
        bells: list[None] = []
        app.bell = lambda: bells.append(None)  # type: ignore[method-assign]
        await pilot.click(previous_key)
        await pilot.pause()
        assert screen.step == 1 and bells == [None]  # greyed out in place: only the bell


class ToggleScreen(Screen[None]):
    """A screen whose "Extra" key is hidden altogether (not greyed out) until ``x`` is pressed."""

    BINDINGS = [
        Binding("x", "toggle_extra", "Show extra"),
        Binding("e", "extra", "Extra"),
        Binding("s", "second", "Second"),
    ]
    extra_shown = False
    second_usable = True

    def compose(self) -> ComposeResult:
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "extra":
            return self.extra_shown  # False: not in the footer at all
        if action == "second":
            return self.second_usable or None  # None: shown greyed out
        return True

    def action_toggle_extra(self) -> None:
        self.extra_shown = not self.extra_shown
        self.refresh_bindings()

    def action_extra(self) -> None:
        pass

    def action_second(self) -> None:
        self.second_usable = False
        self.refresh_bindings()


class ToggleApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(ToggleScreen())


async def test_the_footer_is_rebuilt_when_its_keys_themselves_change(
    rebuilds: list[str],
) -> None:
    app = ToggleApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert rebuilds == []  # built with the footer
        assert keys(app) == {"x": True, "s": True, "ctrl+p": True}
        await pilot.press("x")
        await pilot.pause()
        assert rebuilds == ["ToggleScreen"]  # a new key: built again
        assert keys(app) == {"x": True, "e": True, "s": True, "ctrl+p": True}
        await pilot.press("s")
        await pilot.pause()
        assert rebuilds == ["ToggleScreen"]  # a key greyed out: done in place
        assert keys(app) == {"x": True, "e": True, "s": False, "ctrl+p": True}
        await pilot.press("x")
        await pilot.pause()
        assert rebuilds == ["ToggleScreen"] * 2
        assert keys(app) == {"x": True, "s": False, "ctrl+p": True}


class LateButtonScreen(Screen[None]):
    """A screen whose check_action asks a button nested in a container, which is not mounted yet
    when the footer is composed."""

    BINDINGS = [Binding("x", "press", "Press")]

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal, Vertical
        from textual.widgets import Button

        with Horizontal(), Vertical(), Horizontal():  # as deep as the course map's buttons
            yield Button("Press", id="press", disabled=True)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "press":
            return not self.query_one("#press").disabled or None
        return True

    def action_press(self) -> None:
        pass


class LateButtonApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(LateButtonScreen())


async def test_keys_asked_of_widgets_not_mounted_yet_are_built_once_they_are() -> None:
    app = LateButtonApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert keys(app) == {"x": False, "ctrl+p": True}  # greyed out: the button is disabled
