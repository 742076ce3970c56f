"""Every shipped lesson can be read, and every shipped question shown, in the real app."""

from __future__ import annotations

from textual.widgets import Label, Static

from dprk_it_tutor.content import Course
from dprk_it_tutor.tui.messages import StartQuiz
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.widgets.answers import (
    ChoiceAnswer,
    MatchAnswer,
    MultiAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
)

from .conftest import SIZE, shown_step_body

WIDGET_FOR_TYPE = {
    "single": ChoiceAnswer,
    "true_false": ChoiceAnswer,
    "multiple": MultiAnswer,
    "short": TextAnswer,
    "numeric": NumberAnswer,
    "ordering": OrderAnswer,
    "matching": MatchAnswer,
}


async def test_every_step_of_every_lesson_opens_from_the_map(app, course: Course) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for number, lesson in enumerate(course.lessons):
            await pilot.press("enter")
            screen = app.screen
            assert isinstance(screen, LessonScreen) and screen.lesson.id == lesson.id
            for step in lesson.steps:
                counter = str(screen.query_one("#step-counter", Label).render())
                assert counter == f"Step {step.number} of {lesson.step_count}", lesson.id
                assert shown_step_body(screen).source.startswith(f"## {step.title}")
                if step.number < lesson.step_count:
                    await pilot.press("right")
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            if number + 1 < len(course.lessons):
                await pilot.press("down")


async def test_every_question_with_a_built_answer_widget_is_shown(app, course: Course) -> None:
    """Each question whose answer widget is built from its content (lists to tick, order or
    match, typed answers) is opened on its own, as a retry of that one question would be.
    One-choice questions all use the same list, which the question-type tests cover."""
    async with app.run_test(size=SIZE) as pilot:
        for lesson in course.lessons:
            quiz = course.quiz_for(lesson.id)
            for question in quiz.questions:
                if question.type in ("single", "true_false"):
                    continue
                app.post_message(StartQuiz(quiz, "retry", "Check", only=[question.id]))
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, QuizScreen), question.id
                assert str(screen.query_one("#prompt", Static).render()) == question.prompt
                assert screen.query(WIDGET_FOR_TYPE[question.type]), question.id
                await pilot.press("escape")
                assert isinstance(app.screen, HomeScreen)
