"""The learner's whole journey, driven by keys and clicks through Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Label, Static

from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import LessonStatus, ProgressStore, course_overview
from dprk_it_tutor.quiz.grading import describe_answer
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.help import HelpScreen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.screens.results import ResultsScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

from .answering import answer_correctly, answer_wrongly, click_button, feedback
from .conftest import SIZE, shown_step_body


def step_counter(app) -> str:
    return str(app.screen.query_one("#step-counter", Label).render())


def step_markdown(app) -> str:
    return shown_step_body(app.screen).source


def status_cell(app, lesson_id: str) -> str:
    table = app.screen.query_one(CourseMap)
    return str(table.get_cell(lesson_id, "status"))


async def test_home_lists_every_lesson_in_order_as_not_started(app, course: Course) -> None:
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(CourseMap)
        assert table.row_count == len(course.lessons)
        titles = [str(table.get_cell(lesson.id, "title")) for lesson in course.lessons]
        assert titles == [lesson.title for lesson in course.lessons]
        assert all("not started" in status_cell(app, lesson.id) for lesson in course.lessons)
        button = app.screen.query_one("#continue", Button)
        assert str(button.label).startswith("Start: " + course.lessons[0].title)


async def test_whole_flow_home_lesson_quiz_results_home_marks_lesson_completed(
    app, course: Course, store: ProgressStore
) -> None:
    lesson = course.lessons[0]
    quiz = course.quiz_for(lesson.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # open the highlighted (first) lesson
        assert isinstance(app.screen, LessonScreen)
        for number, step in enumerate(lesson.steps, start=1):
            assert step_counter(app) == f"Step {number} of {lesson.step_count}"
            assert step.title in step_markdown(app)
            await pilot.press("right")
        assert isinstance(app.screen, QuizScreen)  # "next" on the last step opens the quiz

        for question in quiz.questions:
            assert app.screen.question.id == question.id
            await answer_correctly(pilot, app.screen)
            assert "Right: 100%" in feedback(app)
            assert question.explanation.split()[0] in feedback(app)
            await pilot.press("enter")  # focus is on "next question"
        assert isinstance(app.screen, ResultsScreen)
        score = str(app.screen.query_one("#score", Static).render())
        assert "Passed" in score and "100%" in score

        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert "completed" in status_cell(app, lesson.id)
        assert str(app.screen.query_one(CourseMap).get_cell(lesson.id, "quiz")) == "100%"

    record = store.lesson_records()[lesson.id]
    assert record.steps_seen == frozenset(range(1, lesson.step_count + 1))
    assert record.passed and record.best_score == 1.0


async def test_each_answer_is_stored_the_moment_it_is_given(
    app, course: Course, data_dir: Path
) -> None:
    lesson = course.lessons[0]
    quiz = course.quiz_for(lesson.id)
    first, second = quiz.questions[0], quiz.questions[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t")
        await answer_correctly(pilot, app.screen)
        await pilot.press("enter")
        await answer_wrongly(pilot, app.screen)
        # Another connection, as another process would see it, while the app is still running.
        with ProgressStore.open(data_dir) as other:
            attempt = other.attempt(app.screen.attempt_id)
        assert attempt.finished_at is None
        assert attempt.answers[first.id].response == app.screen.session.responses[first.id]
        assert attempt.answers[first.id].score == 1.0
        assert attempt.answers[second.id].score < 1.0


async def test_wrong_answer_shows_the_right_one_and_the_explanation(app, course: Course) -> None:
    question = course.quiz_for(course.lessons[0].id).questions[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t")
        await answer_wrongly(pilot, app.screen)
        shown = " ".join(feedback(app).split())
        assert f"The answer: {describe_answer(question, question.answer)}" in shown
        assert question.explanation.split()[-1] in shown
        assert f"step {question.step}:" in shown


async def test_failed_quiz_leaves_lesson_in_progress_and_retake_starts_again(
    app, course: Course
) -> None:
    lesson = course.lessons[0]
    quiz = course.quiz_for(lesson.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t")
        for _ in quiz.questions:
            await answer_wrongly(pilot, app.screen)
            await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen)
        assert "Not passed yet" in str(app.screen.query_one("#score", Static).render())
        await pilot.press("r")
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.index == 0 and not app.screen.session.grades
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert "in progress" in status_cell(app, lesson.id)


async def test_steps_move_with_n_and_p_and_previous_stops_at_the_first(app, course: Course) -> None:
    lesson = course.lessons[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "n")
        assert step_counter(app) == f"Step 3 of {lesson.step_count}"
        await pilot.press("p", "left", "left", "p")
        assert step_counter(app) == f"Step 1 of {lesson.step_count}"
        assert app.screen.query_one("#previous", Button).disabled


async def test_mouse_alone_opens_a_lesson_steps_through_and_answers(data_dir: Path) -> None:
    course = load_course([Path(__file__).parent / "data" / "all-types"])
    lesson = course.lessons[0]
    question = course.quiz_for(lesson.id).questions[0]
    assert question.type == "single"
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.click("#continue")
            assert isinstance(app.screen, LessonScreen)
            await click_button(pilot, "#next")
            assert step_counter(app) == f"Step 2 of {lesson.step_count}"
            await click_button(pilot, "#previous")
            assert step_counter(app) == f"Step 1 of {lesson.step_count}"
            for _ in range(lesson.step_count):
                await click_button(pilot, "#next")
            assert isinstance(app.screen, QuizScreen)
            await pilot.click("#show-hint")
            assert question.id in app.screen.session.hints_used
            # Choices are one line each, in order, after the list's top border.
            index = question.choices.index(question.answer)
            await pilot.click("#answer", offset=(4, 1 + index))
            assert "Right" in feedback(app)
            await pilot.click("#next-question")
            assert app.screen.index == 1


async def test_quitting_mid_lesson_and_reopening_resumes_at_the_same_step(
    course: Course, data_dir: Path
) -> None:
    lesson = course.lessons[1]
    with ProgressStore.open(data_dir) as store:
        first = make_app(course, store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.press("down", "enter", "right", "right")
            assert first.screen.lesson.id == lesson.id
            await pilot.press("q")
        assert first.return_code == 0

    with ProgressStore.open(data_dir) as store:
        second = make_app(course, store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(second.screen, LessonScreen)
            assert second.screen.lesson.id == lesson.id
            assert step_counter(second) == f"Step 3 of {lesson.step_count}"
            await pilot.press("escape")
            assert "in progress" in status_cell(second, lesson.id)
            button = str(second.screen.query_one("#continue", Button).label)
            assert button.startswith(f"Continue: {lesson.title} (step 3 of")


async def test_leaving_a_lesson_for_the_map_means_the_next_start_is_on_the_map(
    course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        async with make_app(course, store).run_test(size=SIZE) as pilot:
            await pilot.press("enter", "right", "escape", "q")
    with ProgressStore.open(data_dir) as store:
        second = make_app(course, store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(second.screen, HomeScreen)
            await pilot.press("c")  # continue goes back to where the learner was
            assert isinstance(second.screen, LessonScreen)
            assert step_counter(second).startswith("Step 2 of")


async def test_second_app_on_the_same_data_shows_the_same_progress(
    course: Course, data_dir: Path
) -> None:
    lesson = course.lessons[0]
    with ProgressStore.open(data_dir) as store:
        async with make_app(course, store).run_test(size=SIZE) as pilot:
            await pilot.press("enter", *["right"] * lesson.step_count)
            for _ in course.quiz_for(lesson.id).questions:
                await answer_correctly(pilot, pilot.app.screen)
                await pilot.press("enter")
            await pilot.press("escape")
    with ProgressStore.open(data_dir) as store:
        rows = {row.lesson.id: row for row in course_overview(course, store.lesson_records())}
        assert rows[lesson.id].status is LessonStatus.COMPLETED
        second = make_app(course, store)
        async with second.run_test(size=SIZE):
            assert "completed" in status_cell(second, lesson.id)
            assert str(second.screen.query_one(CourseMap).get_cell(lesson.id, "quiz")) == "100%"


async def test_help_opens_with_question_mark_and_closes_with_escape(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, LessonScreen)


async def test_q_quits_from_any_screen(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t", "q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running
