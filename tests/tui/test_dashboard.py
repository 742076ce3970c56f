"""The progress dashboard: reached by key, button and palette; shows the store's real state."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from fsrs import Rating
from textual.widgets import Button, DataTable, Markdown, ProgressBar, Static

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.quiz.review import schedule
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.dashboard import DashboardScreen
from dprk_it_tutor.tui.screens.help import HelpScreen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.widgets.score_chart import ScoreChart

from .answering import click_button, type_text
from .conftest import SIZE

TODAY = date(2026, 11, 23)


def question_ids(course: Course, lesson_id: str) -> list[str]:
    return [q.id for q in course.quiz_for(lesson_id).questions]


def finish(store: ProgressStore, course: Course, lesson_id: str, *scores: float) -> None:
    for score in scores:
        ids = question_ids(course, lesson_id)
        attempt = store.start_attempt(lesson_id, 1, ids)
        store.record_answer(attempt, ids[0], "an answer", score)  # a day of study, too
        store.finish_attempt(attempt, score, score >= 0.8)


@pytest.fixture
def studied(course: Course, store: ProgressStore) -> ProgressStore:
    """Ana studied three days in a row up to today: lesson 1 done after three attempts at its
    quiz, lesson 2 begun, with one attempt; lesson 3 never opened."""
    store.use_profile("Ana")
    first, second = course.lessons[:2]
    for offset, day in enumerate((TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY)):
        store.today = lambda day=day: day
        if offset == 0:
            for step in range(1, first.step_count + 1):
                store.visit_step(first.id, step)
            store.add_study_time("visit-1", first.id, 12 * 60 + 5)
        elif offset == 1:
            finish(store, course, first.id, 0.5, 0.7, 0.9)
        else:
            store.visit_step(second.id, 1)
            store.add_study_time("visit-2", second.id, 3600 + 5 * 60)
            finish(store, course, second.id, 0.6)
    return store


def table_rows(screen: DashboardScreen) -> list[list[str]]:
    table = screen.query_one("#dash-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def lesson_chart(screen: DashboardScreen) -> ScoreChart:
    return screen.query_one("#dash-lesson-scores", ScoreChart)


def line_drawn(chart: ScoreChart) -> bool:
    """Whether the chart draws a sparkline under its text (as the screen shows it)."""
    drawn = "".join(chart.render_line(y).text for y in range(chart.size.height))
    return any(bar in drawn for bar in "▁▂▃▄▅▆▇█")


async def test_d_on_the_map_opens_the_dashboard_and_escape_returns(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.sub_title == "Progress"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_progress_button_beside_glossary_and_timeline_opens_it(app):
    async with app.run_test(size=SIZE) as pilot:
        button = app.screen.query_one("#open-dashboard", Button)
        assert button.parent.id == "home-reference"
        await click_button(pilot, "#open-dashboard")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_command_palette_opens_it_and_never_stacks_it_twice(app):
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("ctrl+p")
            await type_text(pilot, "progress dashboard")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen, DashboardScreen]


async def test_it_shows_the_learner_the_streak_the_completion_and_every_lesson(course, studied):
    app = make_app(course, studied)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        screen = app.screen
        assert text_of(screen, "#dash-learner") == "Learner: Ana · 3-day streak · longest 3"
        bar = screen.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (1, len(course.lessons))
        steps = sum(lesson.step_count for lesson in course.lessons)
        assert text_of(screen, "#dash-completion-text") == (
            f"1 of {len(course.lessons)} lessons completed · "
            f"{course.lessons[0].step_count + 1} of {steps} steps seen · 1h 17m studied"
        )
        first, second, third = course.lessons[:3]
        rows = table_rows(screen)
        assert len(rows) == len(course.lessons)
        done = f"{first.step_count}/{first.step_count}"
        assert rows[0] == ["1", first.title, "completed", done, "90%", "90%", "3", "12m"]
        assert rows[1] == [
            "2",
            second.title,
            "in progress",
            f"1/{second.step_count}",
            "60%",
            "60%",
            "1",
            "1h05m",
        ]
        untouched = f"0/{third.step_count}"
        assert rows[2] == ["3", third.title, "not started", untouched, "-", "-", "0", "-"]


async def test_a_new_learner_is_told_how_to_start_a_streak(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert text_of(app.screen, "#dash-learner") == (
            "Learner: default · No streak yet: study today to start one"
        )
        assert app.screen.query_one(ProgressBar).progress == 0
        assert lesson_chart(app.screen).text == "No quiz attempts yet"
        assert not line_drawn(lesson_chart(app.screen))


async def test_the_score_chart_follows_the_highlighted_lesson(course, studied):
    app = make_app(course, studied)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        chart = lesson_chart(app.screen)
        assert chart.data == [50.0, 70.0, 90.0]
        assert line_drawn(chart)
        assert chart.text == "Scores over 3 attempts: 50% → 70% → 90% · mastery 80% (secure)"
        await pilot.press("down")
        assert chart.data == [60.0]
        assert not line_drawn(chart)  # one score makes no chart
        assert chart.text == "Score of the one attempt: 60% · mastery 60% (developing)"
        await pilot.press("down")
        assert chart.data == []
        assert chart.text == "No quiz attempts yet"
        await pilot.press("up", "up")
        assert chart.data == [50.0, 70.0, 90.0]
        overall = app.screen.query_one("#dash-all-scores", ScoreChart)
        assert overall.data == [50.0, 70.0, 90.0, 60.0]
        assert overall.text == "All quizzes over time: 4 attempt(s), average 68%, latest 60%"


async def test_enter_opens_the_highlighted_lesson(course, app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d", "down", "enter")
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == course.lessons[1].id


async def test_clicking_a_row_twice_opens_that_lesson(course, app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.click("#dash-table", offset=(8, 3))  # the header, then the third row
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.click("#dash-table", offset=(8, 3))
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == course.lessons[2].id


async def test_the_review_button_is_disabled_until_cards_are_due_then_opens_a_review(course, store):
    app = make_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        review = app.screen.query_one("#dash-review", Button)
        assert review.disabled and str(review.label) == "Review: nothing due"
        await pilot.press("r")
        assert isinstance(app.screen, DashboardScreen)
        lesson = course.lessons[0]
        earlier = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat(timespec="seconds")
        for question_id in question_ids(course, lesson.id)[:2]:
            card = schedule(None, question_id, lesson.id, Rating.Good)
            store.save_review(replace(card, due=earlier), int(Rating.Good))
        await pilot.press("question_mark", "escape")  # the dashboard reads the store again
        assert not review.disabled and str(review.label) == "Review: 2 due"
        await click_button(pilot, "#dash-review")
        assert isinstance(app.screen, QuizScreen) and app.screen.kind == "review"


async def test_coming_back_to_the_dashboard_shows_what_changed_meanwhile(course, store):
    app = make_app(course, store)
    lesson = course.lessons[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        for step in range(1, lesson.step_count + 1):
            store.visit_step(lesson.id, step)
        finish(store, course, lesson.id, 0.4, 1.0)
        await pilot.press("escape")
        screen = app.screen
        done = f"{lesson.step_count}/{lesson.step_count}"
        assert table_rows(screen)[0][2:7] == ["completed", done, "100%", "100%", "2"]
        assert screen.query_one(ProgressBar).progress == 1
        assert lesson_chart(screen).data == [40.0, 100.0]
        assert text_of(screen, "#dash-learner").endswith("1-day streak · longest 1")


async def test_opened_again_with_nothing_changed_it_is_shown_as_it_was_without_reading_again(
    course, store, data_dir, monkeypatch
):
    app = make_app(course, store)
    reads: list[None] = []
    report = type(app.progress).report
    monkeypatch.setattr(
        type(app.progress), "report", lambda self, *a: reads.append(None) or report(self, *a)
    )
    lesson = course.lessons[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        first = app.screen
        assert isinstance(first, DashboardScreen) and len(reads) == 1
        await pilot.press("escape", "d")
        assert app.screen is first and len(reads) == 1  # the same screen, the store not read
        await pilot.press("escape")
        # Another process (another connection to the same file) records a step meanwhile.
        with ProgressStore.open(data_dir) as elsewhere:
            elsewhere.visit_step(lesson.id, 1)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is first and len(reads) == 2
        assert table_rows(first)[0][2:4] == ["in progress", f"1/{lesson.step_count}"]


async def test_a_lesson_read_from_the_dashboard_shows_up_in_it_afterwards(course, app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d", "enter", "right", "right", "escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        steps = f"3/{course.lessons[0].step_count}"
        assert table_rows(app.screen)[0][2:4] == ["in progress", steps]


async def test_data_for_a_lesson_no_longer_in_the_course_breaks_nothing(course, store):
    store.visit_step("a-removed-lesson", 4)
    store.add_study_time("visit", "a-removed-lesson", 3600)
    store.finish_attempt(store.start_attempt("a-removed-lesson", 1, ["gone"]), 1.0, True)
    app = make_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        rows = table_rows(screen)
        assert [row[1] for row in rows] == [lesson.title for lesson in course.lessons]
        assert screen.query_one(ProgressBar).progress == 0
        assert text_of(screen, "#dash-completion-text").startswith(
            f"0 of {len(course.lessons)} lessons completed · 0 of"
        )
        assert "studied" not in text_of(screen, "#dash-completion-text")
        assert screen.query_one("#dash-all-scores", ScoreChart).data == []


async def test_it_fits_an_80_by_24_terminal(course, studied):
    app = make_app(course, studied)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        screen = app.screen
        whole = screen.region
        for selector in (
            "#dash-learner",
            "#dash-review",
            "#dash-bar",
            "#dash-completion-text",
            "#dash-table",
            "#dash-lesson-scores",
            "#dash-all-scores",
        ):
            widget = screen.query_one(selector)
            assert widget.region.height >= 1 and whole.contains_region(widget.region), selector
        assert screen.query_one("#dash-table").region.height >= 8  # a header and 7+ lessons
        assert lesson_chart(screen).region.height == 2 and line_drawn(lesson_chart(screen))
        assert "Review: nothing due" in str(screen.query_one("#dash-review", Button).label)
        await pilot.press("ctrl+end", "enter")  # the last lesson, scrolled into view
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == course.lessons[-1].id


async def test_help_lists_the_dashboard_key(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        help_text = app.screen.query_one(Markdown).source
        assert "| | `d` | progress dashboard" in help_text


async def test_the_three_reference_buttons_fit_side_by_side_at_80_by_24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        row = app.screen.query_one("#home-reference")
        buttons = list(row.query(Button))
        assert [str(b.label) for b in buttons] == ["Glossary", "Timeline", "Progress"]
        for button in buttons:
            assert button.region.width >= len(str(button.label))
            assert row.region.contains_region(button.region), button.id
        await click_button(pilot, "#open-dashboard")
        assert isinstance(app.screen, DashboardScreen)


async def test_opened_again_after_the_terminal_shrank_it_fits_the_new_size(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        dashboard = app.screen
        assert dashboard.has_class("-wide") and dashboard.has_class("-tall")
        await pilot.press("escape")
        await pilot.resize_terminal(70, 20)  # while the kept dashboard is not shown
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is dashboard
        assert dashboard.has_class("-narrow") and dashboard.has_class("-short")
        assert not dashboard.has_class("-wide") and not dashboard.has_class("-tall")


async def test_the_lesson_column_takes_the_width_the_others_leave_as_the_terminal_changes(
    app, course
):
    title = course.lessons[0].title
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        table = app.screen.query_one("#dash-table", DataTable)

        def first_row() -> str:
            widths = [column.get_render_width(table) for column in table.ordered_columns]
            assert sum(widths) == table.scrollable_content_region.width
            return table.render_line(1).text  # line 0 is the header

        assert title in first_row()
        await pilot.resize_terminal(100, 30)  # as wide a layout (-wide), a narrower column
        await pilot.pause()
        narrow = first_row()
        assert title not in narrow and title[:20] in narrow and "…" in narrow
        await pilot.resize_terminal(140, 30)  # the cells cut to the narrow width are not reused
        await pilot.pause()
        assert title in first_row()
