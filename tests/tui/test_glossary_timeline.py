"""The glossary, the terms of a lesson step and the timeline, driven by keys and by the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets._markdown import MarkdownParagraph

from dprk_it_tutor.content import load_course
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.glossary import GlossaryScreen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.terms import TermsDialog
from dprk_it_tutor.tui.screens.timeline import TimelineScreen
from dprk_it_tutor.tui.widgets.term_view import TermView

from .answering import click_button, type_text
from .conftest import SIZE, shown_step_body

REFERENCE = Path(__file__).parent / "data" / "reference"


@pytest.fixture
def app(store):
    course = load_course([REFERENCE])
    assert not course.diagnostics
    return make_app(course, store)


def term_shown(screen) -> str:
    return screen.query_one(TermView).source


def listed(screen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def highlighted_id(screen, selector: str) -> str | None:
    option = screen.query_one(selector, OptionList).highlighted_option
    return option.id if option else None


async def test_g_on_the_map_opens_the_glossary_sorted_and_escape_returns(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert listed(screen, "#glossary-terms") == [
            "Korea Computer Center",
            "Koryolink",
            "Kwangmyong",
            "Optical fibre backbone",
        ]
        assert str(screen.query_one("#glossary-count", Label).render()) == "4 terms"
        assert "largest specialist IT provider" in term_shown(screen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_typing_filters_by_name_alias_and_definition(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert screen.focused is screen.query_one("#glossary-search", Input)
        await type_text(pilot, "intra")  # an alias of Kwangmyong
        assert listed(screen, "#glossary-terms") == ["Kwangmyong"]
        assert str(screen.query_one("#glossary-count", Label).render()) == "1 of 4 terms"
        assert "closed to the outside Internet" in term_shown(screen)
        assert "See also:** [Optical fibre backbone]" in term_shown(screen)
        assert "Used in:** lesson 1, *Networks*; lesson 2, *Firms*" in term_shown(screen)
        for _ in "intra":
            await pilot.press("backspace")
        await type_text(pilot, "county")  # only in a definition
        assert listed(screen, "#glossary-terms") == ["Optical fibre backbone"]
        for _ in "county":
            await pilot.press("backspace")
        await type_text(pilot, "o")  # names starting with it first, then names containing it
        assert listed(screen, "#glossary-terms") == [
            "Optical fibre backbone",
            "Korea Computer Center",
            "Koryolink",
            "Kwangmyong",
        ]
        await pilot.press("backspace")
        await type_text(pilot, "county")
        await type_text(pilot, "zzz")
        assert listed(screen, "#glossary-terms") == []
        assert "No term matches “countyzzz”" in term_shown(screen)


async def test_keys_move_from_search_to_list_and_between_terms(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "down")
        screen = app.screen
        assert screen.focused is screen.query_one("#glossary-terms", OptionList)
        await pilot.press("down")
        assert highlighted_id(screen, "#glossary-terms") == "koryolink"
        assert "operator of the 3G mobile network" in term_shown(screen)
        await pilot.press("slash")
        assert screen.focused is screen.query_one("#glossary-search", Input)


async def test_clicking_a_term_and_a_see_also_link_shows_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        await pilot.click("#glossary-terms", offset=(3, 3))  # fourth row... after the border
        await pilot.pause()
        clicked = highlighted_id(screen, "#glossary-terms")
        assert clicked in ("kwangmyong", "koryolink")
        await pilot.click("#glossary-terms", offset=(3, 3 if clicked == "kwangmyong" else 4))
        await pilot.pause()
        assert highlighted_id(screen, "#glossary-terms") == "kwangmyong"
        see_also = next(
            p
            for p in screen.query_one(TermView).query(MarkdownParagraph)
            if "See also" in str(p._content)
        )
        await pilot.click(see_also, offset=(len("See also: ") + 2, 0))
        await pilot.pause()
        assert highlighted_id(screen, "#glossary-terms") == "fibre-backbone"
        assert "Cables linking every city" in term_shown(screen)


async def test_g_in_a_lesson_lists_the_steps_terms_and_a_opens_the_whole_glossary(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "g")
        dialog = app.screen
        assert isinstance(dialog, TermsDialog)
        assert listed(dialog, "#terms-list") == ["Kwangmyong", "Optical fibre backbone"]
        assert "closed to the outside Internet" in term_shown(dialog)
        await pilot.press("down")
        assert "Cables linking every city" in term_shown(dialog)
        await pilot.press("a")
        assert isinstance(app.screen, GlossaryScreen)
        assert highlighted_id(app.screen, "#glossary-terms") == "fibre-backbone"
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen) and app.screen.step == 1


async def test_the_terms_dialog_closes_with_escape_g_or_its_button(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for close in ("escape", "g", "button"):
            await pilot.press("g")
            assert isinstance(app.screen, TermsDialog)
            if close == "button":
                await click_button(pilot, "#terms-close")
            else:
                await pilot.press(close)
            assert isinstance(app.screen, LessonScreen)


async def test_g_on_a_step_without_terms_opens_the_whole_glossary(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter", "right")  # lesson 2, step 2 has no links
        assert app.screen.step == 2
        await pilot.press("g")
        assert isinstance(app.screen, GlossaryScreen)


async def test_clicking_a_term_in_the_lesson_text_opens_its_definition(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "right")  # step 2 begins with the Koryolink link
        paragraph = shown_step_body(app.screen).query(MarkdownParagraph).first()
        await pilot.click(paragraph, offset=(2, 0))
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TermsDialog)
        assert highlighted_id(dialog, "#terms-list") == "koryolink"
        assert "operator of the 3G mobile network" in term_shown(dialog)


async def test_timeline_lists_events_in_date_order_and_describes_each(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        table = screen.query_one("#timeline-table")
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["about 1980s", "Research bodies set up", "2"],
            ["1990", "Korea Computer Center founded", "2"],
            ["2009", "3G network completed", "1"],
        ]
        detail = screen.query_one("#timeline-detail", Static)
        assert "Taught in lesson 2, Firms, step 1" in str(detail.render())
        await pilot.press("down", "down")
        assert "The nationwide mobile network was finished." in str(detail.render())
        assert "lesson 1, Networks, step 2" in str(detail.render())


async def test_choosing_an_event_reads_its_step_and_escape_returns_to_the_timeline(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "down", "down", "enter")
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        assert (lesson.lesson.id, lesson.step, lesson.peek) == ("networks", 2, True)
        assert lesson.sub_title == "Reading from the timeline: escape goes back to it"
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        await pilot.click("#timeline-table", offset=(5, 2))  # header, then the 1980s row
        await pilot.pause()
        await pilot.click("#timeline-table", offset=(5, 2))
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert (app.screen.lesson.id, app.screen.step) == ("firms", 1)


async def test_the_map_has_buttons_for_the_glossary_and_the_timeline(app):
    async with app.run_test(size=SIZE) as pilot:
        await click_button(pilot, "#open-glossary")
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        await click_button(pilot, "#open-timeline")
        assert isinstance(app.screen, TimelineScreen)


async def test_command_palette_opens_glossary_and_timeline(app):
    async with app.run_test(size=SIZE) as pilot:
        for name, screen_type in (("Glossary", GlossaryScreen), ("Timeline", TimelineScreen)):
            await pilot.press("ctrl+p")
            await type_text(pilot, name.lower())
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
