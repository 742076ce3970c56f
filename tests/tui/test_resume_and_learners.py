"""Picking up an interrupted quiz, timing reading, and switching learners, through the Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, Static

from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens import lesson as lesson_screen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.learners import LearnersDialog
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.screens.results import ResultsScreen

from .answering import answer_correctly, answer_wrongly, click_button
from .conftest import SIZE

ALL_TYPES = Path(__file__).parent / "data" / "all-types"


@pytest.fixture(scope="module")
def small_course() -> Course:
    return load_course([ALL_TYPES])


async def open_quiz(pilot) -> QuizScreen:
    """From the map: open the only lesson and go to its quiz."""
    await pilot.press("enter", "t")
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    return screen


# -- an interrupted quiz ------------------------------------------------------------------------


async def test_a_quiz_stopped_mid_way_reopens_at_the_next_question_with_its_answers(
    small_course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        first = make_app(small_course, store)
        async with first.run_test(size=SIZE) as pilot:
            screen = await open_quiz(pilot)
            order = [q.id for q in screen.session.questions]
            seed, attempt_id = screen.session.seed, screen.attempt_id
            await answer_correctly(pilot, screen)
            await pilot.press("enter")
            await answer_wrongly(pilot, screen)
            given = dict(screen.session.responses)
            # The app stops here, mid-quiz, without leaving the quiz: nothing more is written.

    with ProgressStore.open(data_dir) as store:
        second = make_app(small_course, store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = second.screen
            assert isinstance(screen, QuizScreen)
            assert screen.attempt_id == attempt_id
            assert (screen.session.seed, [q.id for q in screen.session.questions]) == (seed, order)
            assert screen.session.responses == given
            assert screen.index == 2
            assert screen.query_one("#question-counter").render().plain == (
                f"Question 3 of {len(order)}"
            )
            for _ in order[2:]:
                await answer_correctly(pilot, screen)
                await pilot.press("enter")
            assert isinstance(second.screen, ResultsScreen)
        attempt = store.attempt(attempt_id)
        assert attempt.finished_at is not None
        assert set(attempt.answers) == set(order)
        assert attempt.score == pytest.approx((len(order) - 1) / len(order))
        assert store.lesson_records()["kinds"].attempts == 1  # one attempt, not two


async def test_a_quiz_left_on_purpose_opens_the_map_next_time_and_is_picked_up_from_the_lesson(
    small_course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        async with make_app(small_course, store).run_test(size=SIZE) as pilot:
            screen = await open_quiz(pilot)
            first_question = screen.question.id
            await answer_correctly(pilot, screen)
            await pilot.press("escape", "escape")  # leave the quiz, then the lesson
            assert isinstance(pilot.app.screen, HomeScreen)

    with ProgressStore.open(data_dir) as store:
        second = make_app(small_course, store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(second.screen, HomeScreen)
            screen = await open_quiz(pilot)
            assert first_question in screen.session.grades
            assert screen.index == 1
            assert any("Picking up where you left off" in n.message for n in second._notifications)


async def test_an_attempt_stopped_after_its_last_answer_opens_on_its_results(
    small_course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        async with make_app(small_course, store).run_test(size=SIZE) as pilot:
            screen = await open_quiz(pilot)
            for index, _ in enumerate(screen.session.questions):
                await answer_correctly(pilot, screen)
                if index < len(screen.session.questions) - 1:
                    await pilot.press("enter")
            attempt_id = screen.attempt_id
    with ProgressStore.open(data_dir) as store:
        second = make_app(small_course, store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(second.screen, ResultsScreen)
        assert store.attempt(attempt_id).score == pytest.approx(1.0)
        assert store.lesson_records()["kinds"].passed


# -- reading time ---------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_reading_time_is_counted_per_step_and_capped_when_left_open(
    course: Course, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    monkeypatch.setattr(lesson_screen, "clock", clock)
    lesson = course.lessons[0]
    with ProgressStore.open(data_dir) as store:
        async with make_app(course, store).run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            assert isinstance(pilot.app.screen, LessonScreen)
            clock.now += 30
            await pilot.press("right")
            assert store.lesson_seconds() == {lesson.id: 30.0}  # saved at the step change
            clock.now += 20
            await pilot.press("?")  # help over the lesson: that time is not reading
            clock.now += 500
            await pilot.press("escape")
            clock.now += 4 * 3600  # left open for hours: one step counts ten minutes at most
            await pilot.press("escape")
            assert isinstance(pilot.app.screen, HomeScreen)
        assert store.lesson_seconds() == {lesson.id: 30.0 + 20.0 + 600.0}


# -- learners -------------------------------------------------------------------------------------


async def test_a_new_learner_is_added_from_the_map_and_starts_with_a_clean_course(
    course: Course, data_dir: Path
) -> None:
    lesson = course.lessons[0]
    with ProgressStore.open(data_dir) as store:
        store.visit_step(lesson.id, 1)
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            home = app.screen
            assert str(home.query_one("#learner", Button).label) == "Learner: default"
            assert app.title == "dprk-it-tutor · default"
            await pilot.press("u")
            assert isinstance(app.screen, LearnersDialog)
            await pilot.press("tab")
            assert isinstance(app.focused, Input)
            await pilot.press(*"Ana", "enter")
            await pilot.pause()
            assert app.screen is home
            assert str(home.query_one("#learner", Button).label) == "Learner: Ana"
            assert app.title == "dprk-it-tutor · Ana"
            assert store.profile_name == "Ana"
            assert store.lesson_records() == {}
            assert "not started" in str(home.query_one("#course-map").get_cell(lesson.id, "status"))

            # Back to the first learner, chosen from the list with the mouse.
            await click_button(pilot, "#learner")
            dialog = app.screen
            assert isinstance(dialog, LearnersDialog)
            names = dialog.query_one(OptionList)
            assert [str(names.get_option_at_index(i).prompt) for i in range(2)] == [
                "Ana   (learning now)",
                "default",
            ]
            await pilot.press("down", "enter")
            await pilot.pause()
            assert store.profile_name == "default"
            assert lesson.id in store.lesson_records()
            assert "in progress" in str(home.query_one("#course-map").get_cell(lesson.id, "status"))


async def test_a_name_that_cannot_name_a_learner_is_explained_in_the_dialog(
    course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("u", "tab", *"a/b", "enter")
            assert isinstance(app.screen, LearnersDialog)
            problem = str(app.screen.query_one("#learner-problem", Static).render())
            assert "cannot name a learner" in problem
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            assert [p.name for p in store.profiles()] == ["default"]


async def test_the_command_palette_switches_learner(course: Course, data_dir: Path) -> None:
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p", *"switch learner")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, LearnersDialog)


def test_the_open_attempt_is_remembered_by_its_stable_id_so_an_import_resumes_the_right_one(
    tmp_path: Path,
) -> None:
    from dprk_it_tutor.progress.export import export_history
    from dprk_it_tutor.progress.merge import import_history
    from dprk_it_tutor.tui.recorder import ProgressRecorder

    def fail(error: Exception) -> None:
        raise AssertionError(error)

    with ProgressStore.open(tmp_path / "a") as source:
        recorder = ProgressRecorder(source, fail)
        attempt_id = recorder.start_attempt("kinds", 7, ["kinds-single", "kinds-short"])
        recorder.record_answer(attempt_id, "kinds-single", "Nosotek", 1.0)
        recorder.set_resume_attempt(attempt_id)
        uid = source.attempt(attempt_id).uid
        document = export_history(source)
    with ProgressStore.open(tmp_path / "b") as target:
        for seed in range(3):  # other attempts first, so the ids differ between the two stores
            target.start_attempt("kinds", seed, ["kinds-single"])
        import_history(target, document)
        resumed = ProgressRecorder(target, fail).resume_attempt()
        assert (resumed.uid, resumed.seed, list(resumed.answers)) == (uid, 7, ["kinds-single"])
        assert resumed.id != attempt_id
