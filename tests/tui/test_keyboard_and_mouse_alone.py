"""A learner's whole path through the app by the keyboard alone, and again by the mouse alone
(typing a short or numeric answer is the one thing that needs keys)."""

from __future__ import annotations

from textual.widgets import Button, Select
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay

from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.dashboard import DashboardScreen
from dprk_it_tutor.tui.screens.glossary import GlossaryScreen
from dprk_it_tutor.tui.screens.help import HelpScreen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.learners import LearnersDialog
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.screens.results import ResultsScreen
from dprk_it_tutor.tui.screens.timeline import TimelineScreen
from dprk_it_tutor.tui.widgets.answers import OrderList

from .answering import click_button, type_text
from .screen_walk import answer_by_keys, course_with_every_question_type
from .test_retry_review_exam import backdate_reviews

SIZE = (120, 50)  # every lesson of the map in view, for clicking


async def test_a_whole_learner_path_by_keyboard_alone(store: ProgressStore) -> None:
    course = course_with_every_question_type()
    lesson = course.lessons[-1]
    app = make_app(course, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+end", "enter")
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == lesson.id
        await pilot.press("right", "left", *["right"] * lesson.step_count)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await pilot.press("h", "l")  # the hint, then the step that teaches the question
        assert isinstance(app.screen, LessonScreen) and app.screen.peek
        await pilot.press("escape")
        assert app.screen is quiz and quiz.question.id in quiz.session.hints_used
        for _ in quiz.session.questions:
            await answer_by_keys(pilot, quiz)
            await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen) and quiz.session.passed
        backdate_reviews(store)  # a month later: the course map counts them due when shown
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        review = app.screen
        assert isinstance(review, QuizScreen) and review.kind == "review"
        for _ in review.session.questions:
            await answer_by_keys(pilot, review)
            await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape", "d", "down")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("escape", "g", "k", "c", "c", "down")
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.query_one("#glossary-terms").has_focus
        await pilot.press("escape", "t", "enter")
        assert isinstance(app.screen, LessonScreen) and app.screen.peek
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "u", "tab", "a", "n", "a", "enter")
        assert isinstance(app.screen, HomeScreen) and app.progress.learner == "ana"
        await pilot.press("q")
    assert app.return_code == 0


def footer_key(app, description: str) -> FooterKey:
    return next(key for key in app.screen.query(FooterKey) if key.description == description)


async def click_footer(pilot, description: str) -> None:
    await pilot.click(footer_key(pilot.app, description))
    await pilot.pause()


async def click_option(pilot, selector: str, index: int) -> None:
    """Click the ``index``-th line of a list: one line each, after the list's top border."""
    await pilot.click(selector, offset=(4, 1 + index))
    await pilot.pause()


async def answer_by_mouse(pilot, quiz: QuizScreen) -> None:
    question = quiz.question
    options = quiz.session.options(question)
    if question.type == "single":
        await click_option(pilot, "#answer", options.index(question.answer))
    elif question.type == "true_false":
        await click_option(pilot, "#answer", options.index(str(question.answer)))
    elif question.type == "multiple":
        for choice in question.answer:
            await click_option(pilot, "#answer", options.index(choice))
        await click_button(pilot, "#check")
    elif question.type in ("short", "numeric"):
        await pilot.click("#answer" if question.type == "short" else "#answer Input")
        await type_text(pilot, "Red Star" if question.type == "short" else "1000")
        await click_button(pilot, "#check")
    elif question.type == "ordering":
        order_list = quiz.query_one(OrderList)
        for position, item in enumerate(question.answer):
            await click_option(pilot, "#answer OrderList", order_list.items.index(item))
            while order_list.items.index(item) > position:
                await click_button(pilot, "#move-up")
        await click_button(pilot, "#check")
    elif question.type == "matching":
        for index, (_, right) in enumerate(question.answer):
            select = quiz.query_one(f"#match-{index}", Select)
            await pilot.click(select)
            await pilot.pause()
            overlay = select.query_one(SelectOverlay)
            # The overlay lists the blank "choose…" first, then the options in order.
            await pilot.click(overlay, offset=(4, 2 + options.index(right)))
            await pilot.pause()
            assert select.value == right
        await click_button(pilot, "#check")
    assert question.id in quiz.session.grades, question.type
    assert quiz.session.grades[question.id].correct, question.type


async def test_a_whole_learner_path_by_mouse_alone(store: ProgressStore) -> None:
    course = course_with_every_question_type()
    lesson = course.lessons[-1]
    app = make_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        # A lesson of the map: one click highlights it, a second opens it.
        row = (30, 1 + len(course.lessons) - 1)
        await pilot.click("#course-map", offset=row)
        await pilot.click("#course-map", offset=row)
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == lesson.id
        await click_button(pilot, "#next")
        await click_button(pilot, "#previous")
        while isinstance(app.screen, LessonScreen):
            await click_button(pilot, "#next")  # the last step's button opens the quiz
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await click_button(pilot, "#show-hint")
        assert quiz.question.id in quiz.session.hints_used
        await click_footer(pilot, "Read step")
        assert isinstance(app.screen, LessonScreen) and app.screen.peek
        await click_footer(pilot, "Go back")
        assert app.screen is quiz
        for _ in quiz.session.questions:
            await answer_by_mouse(pilot, quiz)
            await click_button(pilot, "#next-question")
        assert isinstance(app.screen, ResultsScreen) and quiz.session.passed
        await click_button(pilot, "#back-to-map")
        assert isinstance(app.screen, HomeScreen)

        for button, screen in (
            ("#open-dashboard", DashboardScreen),
            ("#open-glossary", GlossaryScreen),
            ("#open-timeline", TimelineScreen),
        ):
            await click_button(pilot, button)
            assert isinstance(app.screen, screen), button
            if screen is GlossaryScreen:
                # The first term takes two lines at this width: the third line is the second.
                await click_option(pilot, "#glossary-terms", 2)
                assert app.screen.query_one("#glossary-terms").highlighted == 1
            if screen is TimelineScreen:
                # The second event: one click highlights it, a second opens its step.
                await pilot.click("#timeline-table", offset=(5, 2))
                await pilot.click("#timeline-table", offset=(5, 2))
                await pilot.pause()
                assert isinstance(app.screen, LessonScreen) and app.screen.peek
                await click_footer(pilot, "Go back")
            await click_footer(pilot, "Back")
            assert isinstance(app.screen, HomeScreen), button
        await click_button(pilot, "#learner")
        assert isinstance(app.screen, LearnersDialog)
        await click_button(pilot, "#learners-close")
        await click_footer(pilot, "Help")
        assert isinstance(app.screen, HelpScreen)
        await click_button(pilot, "#help-close")
        assert isinstance(app.screen, HomeScreen)
        assert isinstance(app.screen.query_one("#continue"), Button)
        await click_footer(pilot, "Quit")
    assert app.return_code == 0
