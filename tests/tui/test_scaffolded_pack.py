"""A lesson and quiz made by `new` work in the app as they are: found on the course map, read
step by step, and the quiz taken to the end."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, Static

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.content.quizzes import QUESTION_TYPES
from dprk_it_tutor.content.scaffold import new_lesson, new_quiz
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.screens.results import ResultsScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

from .answering import answer_correctly, feedback
from .conftest import SIZE

TITLE = 'Pyongyang\'s software houses: a # "first" look'


async def test_a_scaffolded_lesson_and_quiz_can_be_read_and_taken(
    tmp_path: Path, store: ProgressStore
) -> None:
    builtin = paths.builtin_course_dir()
    pack = tmp_path / "pack"
    new_lesson(pack, TITLE, lesson_id="software-houses", builtin=builtin)
    new_quiz(pack, "software-houses", builtin=builtin)
    course = load_course([builtin, pack])
    assert course.diagnostics == ()
    lesson = course.lesson("software-houses")
    quiz = course.quiz_for(lesson.id)
    app = make_app(course, store, None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        course_map = app.screen.query_one(CourseMap)
        row = course_map.get_row_index(lesson.id)
        assert str(course_map.get_cell(lesson.id, "title")) == TITLE
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.lesson.id == lesson.id
        for step in lesson.steps:
            counter = str(screen.query_one("#step-counter", Label).render())
            assert counter == f"Step {step.number} of 2"
            await pilot.press("right")  # from the last step, "next" opens the quiz

        assert isinstance(app.screen, QuizScreen)
        asked = []
        for _ in quiz.questions:
            asked.append(app.screen.question.type)
            await answer_correctly(pilot, app.screen)
            assert "Right: 100%" in feedback(app)
            await pilot.press("enter")
        assert sorted(asked) == sorted(QUESTION_TYPES)
        assert isinstance(app.screen, ResultsScreen)
        assert "100%" in str(app.screen.query_one("#score", Static).render())
    record = store.lesson_records()[lesson.id]
    assert record.passed and record.best_score == 1.0
