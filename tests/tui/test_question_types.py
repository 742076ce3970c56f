"""Every question type answered in the app, by keyboard and by mouse, graded and stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select, Static

from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import TutorApp, make_app
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.results import ResultsScreen
from dprk_it_tutor.tui.widgets.answers import OrderList

from .answering import answer_correctly, click_button, feedback, open_question, type_text
from .conftest import SIZE

ALL_TYPES = Path(__file__).parent / "data" / "all-types"


@pytest.fixture(scope="module")
def all_types() -> Course:
    course = load_course([ALL_TYPES])
    assert not course.diagnostics
    return course


@pytest.fixture
def app(all_types: Course, store: ProgressStore) -> TutorApp:
    return make_app(all_types, store)


async def test_every_type_answered_correctly_by_keyboard_scores_full_marks(
    app, all_types: Course, store: ProgressStore
) -> None:
    quiz = all_types.quiz_for("kinds")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t")
        screen = app.screen
        for question in quiz.questions:
            assert screen.question.id == question.id
            await answer_correctly(pilot, screen)
            assert "Right: 100%" in feedback(app), question.type
            await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen)
        assert "100%" in str(app.screen.query_one("#score", Static).render())
        attempt = store.attempt(screen.attempt_id)
    assert set(attempt.answers) == {q.id for q in quiz.questions}
    assert all(answer.score == 1.0 for answer in attempt.answers.values())
    assert attempt.answers["kinds-numeric"].response == "1,000"
    assert attempt.answers["kinds-matching"].response == {
        "Nosotek": "joint venture",
        "Unha Corporation": "in-house IT department",
        "Korea Computer Center": "specialist provider",
    }


async def test_multiple_choice_gives_partial_credit_and_says_so(app, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app, "kinds-multiple")
        await pilot.press("1", "2", "enter")  # Nosotek (right) and Unha Corporation (wrong)
        assert screen.session.grades["kinds-multiple"].score == pytest.approx(0.5 - 1 / 2)
        await pilot.press("escape")
    # Another learner's data, so that the quiz starts afresh rather than picking the attempt up.
    with ProgressStore.open(tmp_path / "other") as other:
        await _partly_right_with_one_of_two(app.course, other)


async def _partly_right_with_one_of_two(course, store: ProgressStore) -> None:
    async with make_app(course, store).run_test(size=SIZE) as pilot:
        await open_question(pilot, pilot.app, "kinds-multiple")
        await pilot.press("1", "enter")  # one of two right answers, no wrong pick
        assert "Partly right: 50%" in feedback(pilot.app)
        assert "Nosotek; Hana Electronics" in feedback(pilot.app)


async def test_an_unreadable_number_is_not_graded_and_the_learner_is_told(app) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_question(pilot, app, "kinds-numeric")
        await type_text(pilot, "ten")
        await pilot.press("enter")
        assert "kinds-numeric" not in screen.session.grades
        await pilot.pause()
        assert any("not a number" in str(t.render()) for t in app.screen.query("Toast"))
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "1 000")
        await pilot.press("enter")
        assert screen.session.grades["kinds-numeric"].correct


async def test_a_short_answer_with_one_typo_is_accepted(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app, "kinds-short")
        await type_text(pilot, "  red starr ")
        await pilot.press("enter")
        assert screen.session.grades["kinds-short"].correct


async def test_the_hint_is_shown_and_recorded_and_rates_the_review_hard(
    app, store: ProgressStore
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t", "h")
        screen = app.screen
        assert "A year that opened a decade." in str(screen.query_one("#hint", Static).render())
        await pilot.press("2")
        answer = store.attempt(screen.attempt_id).answers["kinds-single"]
        assert answer.hint_used and answer.score == 1.0
        assert answer.seconds is not None and answer.seconds >= 0
    with store._db as db:  # the review log is internal to the store; read it directly here
        (rating,) = db.execute(
            "SELECT rating FROM review_log WHERE question_id = 'kinds-single'"
        ).fetchone()
    assert rating == 2  # fsrs Rating.Hard


async def test_reading_the_step_from_the_feedback_returns_to_the_same_question(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app, "kinds-multiple")
        await pilot.press("1", "enter", "l")
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.step == 2 and app.screen.peek
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.question.id == "kinds-multiple" and screen.answered


async def test_ordering_and_matching_work_by_mouse_alone(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app, "kinds-ordering")
        order_list = screen.query_one(OrderList)
        target = list(screen.question.answer)
        for position, item in enumerate(target):
            while order_list.items.index(item) > position:
                current = order_list.items.index(item)
                await pilot.click(OrderList, offset=(4, 1 + current))  # highlight it
                await click_button(pilot, "#move-up")
        await pilot.click("#check")
        assert screen.session.grades["kinds-ordering"].correct
        await pilot.click("#next-question")

        assert screen.question.type == "matching"
        for index, (_, right) in enumerate(screen.question.answer):
            options = screen.session.options(screen.question)
            await pilot.click(f"#match-{index}")
            # The overlay lists the blank prompt first, then the options in order.
            await pilot.click(f"#match-{index} SelectOverlay", offset=(4, 2 + options.index(right)))
            assert screen.query_one(f"#match-{index}", Select).value == right
        await pilot.click("#check")
        assert screen.session.grades["kinds-matching"].correct


async def test_ticks_read_as_text_and_toggle_by_click_space_and_digit(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app, "kinds-multiple")
        answer = screen.query_one("#answer")

        def lines() -> list[str]:
            return [str(answer.get_option_at_index(i).prompt) for i in range(answer.option_count)]

        assert lines()[0] == "[ ] 1. Nosotek"
        await pilot.click("#answer", offset=(4, 1))  # first option
        assert lines()[0] == "[x] 1. Nosotek"
        await pilot.click("#answer", offset=(4, 1))
        assert lines()[0] == "[ ] 1. Nosotek"
        await pilot.press("3", "down", "space")  # tick Hana Electronics, then the highlighted one
        assert answer.ticked == {"Hana Electronics", "Korea Computer Center"}
        await pilot.press("enter")
        assert screen.session.responses["kinds-multiple"] == [
            "Hana Electronics",
            "Korea Computer Center",
        ]
