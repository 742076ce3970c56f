"""Retrying missed questions, spaced review across lessons, and the final exam, in the app."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Button, Static

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.quiz.exam import EXAM_ID
from dprk_it_tutor.quiz.review import REVIEW_SIZE
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.screens.results import ResultsScreen

from .answering import answer_correctly, answer_wrongly
from .conftest import SIZE


async def finish_quiz(pilot, wrong: set[int] = frozenset()) -> QuizScreen:
    """Answer every question of the open quiz: those at the ``wrong`` positions wrongly."""
    screen = pilot.app.screen
    for position in range(len(screen.session.questions)):
        if position in wrong:
            await answer_wrongly(pilot, screen)
        else:
            await answer_correctly(pilot, screen)
        await pilot.press("enter")
    assert isinstance(pilot.app.screen, ResultsScreen)
    return screen


def backdate_reviews(store: ProgressStore, days: int = 30) -> None:
    """Make every review card due, as if the learner came back ``days`` later."""
    earlier = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")
    with store._db as db:  # test-only shortcut past the store's API, to move time forward
        db.execute("UPDATE review_card SET due = ?", (earlier,))


async def test_retrying_the_missed_questions_asks_only_those_and_keeps_the_quiz_score(
    app, course: Course, store: ProgressStore
) -> None:
    lesson = course.lessons[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t")
        quiz_screen = await finish_quiz(pilot, wrong={1, 3})
        missed = [quiz_screen.session.questions[i].id for i in (1, 3)]
        assert "Retry the 2 I missed" in str(app.screen.query_one("#retry-missed", Button).label)
        await pilot.press("m")
        retry = app.screen
        assert isinstance(retry, QuizScreen) and retry.kind == "retry"
        assert [q.id for q in retry.session.questions] == missed
        await finish_quiz(pilot)
        assert "Done" in str(app.screen.query_one("#score", Static).render())
        assert not app.screen.query("#retry-missed")
    record = store.lesson_records()[lesson.id]
    assert record.attempts == 1  # the retry is kept but is not a quiz attempt
    assert record.best_score < 1.0
    assert store.attempt(retry.attempt_id).kind == "retry"


async def test_answered_questions_come_back_for_review_mixed_across_lessons(
    course: Course, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = course.lessons[0], course.lessons[1]
    # "Not due at once" is judged at the moment the test starts: on a busy machine the quizzes
    # below can take longer than the minute after which FSRS brings a wrong answer back.
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with ProgressStore.open(data_dir) as store:
        app = make_app(course, store)
        monkeypatch.setattr("dprk_it_tutor.tui.recorder.now_for_reviews", lambda: started)
        async with app.run_test(size=SIZE) as pilot:
            assert str(app.screen.query_one("#review", Button).label) == "Review: nothing due"
            await pilot.press("enter", "t")
            await finish_quiz(pilot, wrong={0})
            await pilot.press("escape", "down", "enter", "t")
            await finish_quiz(pilot)
            await pilot.press("escape")
            # Even the wrong answer is not due at once (FSRS brings it back after a minute).
            assert isinstance(app.screen, HomeScreen)
            assert str(app.screen.query_one("#review", Button).label) == "Review: nothing due"
        monkeypatch.undo()
        backdate_reviews(store)
        answered = len(course.quiz_for(first.id).questions) + len(
            course.quiz_for(second.id).questions
        )
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            assert str(app.screen.query_one("#review", Button).label) == f"Review: {answered} due"
            await pilot.press("r")
            review = app.screen
            assert isinstance(review, QuizScreen) and review.kind == "review"
            assert len(review.session.questions) == min(answered, REVIEW_SIZE)
            lessons = {course.question(q.id)[1].id for q in review.session.questions}
            assert lessons == {first.id, second.id}
            await finish_quiz(pilot)
            await pilot.press("escape")
            left = answered - len(review.session.questions)
            expected = f"Review: {left} due" if left else "Review: nothing due"
            assert str(app.screen.query_one("#review", Button).label) == expected
        assert store.attempt(review.attempt_id).kind == "review"


async def test_review_command_opens_straight_into_the_due_reviews(
    course: Course, data_dir: Path
) -> None:
    with ProgressStore.open(data_dir) as store:
        async with make_app(course, store).run_test(size=SIZE) as pilot:
            await pilot.press("enter", "t")
            await finish_quiz(pilot, wrong={0, 1})
        backdate_reviews(store)
        app = make_app(course, store, start="review")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuizScreen) and app.screen.kind == "review"
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)


def complete_through_the_store(store: ProgressStore, course: Course, lessons) -> None:
    """Set-up only: record lessons as read and passed, as the app would have."""
    for lesson in lessons:
        for step in range(1, lesson.step_count + 1):
            store.visit_step(lesson.id, step)
        ids = [q.id for q in course.quiz_for(lesson.id).questions]
        store.finish_attempt(store.start_attempt(lesson.id, 1, ids), 1.0, True)


async def test_final_exam_opens_only_when_every_lesson_is_completed(
    app, course: Course, store: ProgressStore
) -> None:
    # Every lesson but the last is completed beforehand; the last one through the app.
    *earlier, last = course.lessons
    complete_through_the_store(store, course, earlier)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        exam_button = app.screen.query_one("#final-exam", Button)
        assert exam_button.disabled
        await pilot.press("e")
        assert isinstance(app.screen, HomeScreen)
        # The last lesson; "next" on its last step opens the quiz.
        await pilot.press(*["down"] * len(earlier), "enter", *["right"] * last.step_count)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.quiz.lesson_id == last.id
        await finish_quiz(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert not exam_button.disabled
        await pilot.press("e")
        exam = app.screen
        assert isinstance(exam, QuizScreen) and exam.kind == "exam"
        total = sum(len(course.quiz_for(lesson.id).questions) for lesson in course.lessons)
        assert len(exam.session.questions) == min(20, total)
        await finish_quiz(pilot)
        assert "Passed" in str(app.screen.query_one("#score", Static).render())
    attempt = store.attempt(exam.attempt_id)
    assert (attempt.kind, attempt.lesson_id, attempt.passed) == ("exam", EXAM_ID, True)
