"""A quiz attempt in progress: answers, score, pass mark and completion."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dprk_it_tutor.content.model import Question, Quiz
from dprk_it_tutor.quiz.session import QuizSession


def make_quiz(count: int, pass_mark: int) -> Quiz:
    questions = tuple(
        Question(id=f"q{n}", type="single", prompt=f"Q{n}?", answer="A", choices=("A", "B"))
        for n in range(count)
    )
    return Quiz(lesson_id="origins", pass_mark=pass_mark, questions=questions, path=Path("q.yaml"))


def answer_right(session: QuizSession, how_many: int) -> None:
    for n, question in enumerate(session.questions):
        session.answer(question, "A" if n < how_many else "B")


def test_start_keeps_the_seed_and_the_quiz_questions() -> None:
    quiz = make_quiz(3, 70)
    session = QuizSession.start(quiz, seed=1234)
    assert session.seed == 1234
    assert session.questions == list(quiz.questions)
    assert (session.responses, session.grades) == ({}, {})


def test_start_without_a_seed_picks_one() -> None:
    session = QuizSession.start(make_quiz(1, 70))
    assert isinstance(session.seed, int)
    assert 0 <= session.seed < 2**31


def test_answer_records_response_and_grade() -> None:
    session = QuizSession.start(make_quiz(2, 50), seed=1)
    first = session.questions[0]
    result = session.answer(first, "A")
    assert result.score == 1.0
    assert session.responses == {"q0": "A"}
    assert session.grades["q0"] is result


def test_unanswered_questions_count_as_zero() -> None:
    session = QuizSession.start(make_quiz(4, 50), seed=1)
    session.answer(session.questions[0], "A")
    assert session.score == 0.25
    assert not session.finished


def test_finished_when_every_question_is_graded() -> None:
    session = QuizSession.start(make_quiz(2, 50), seed=1)
    session.answer(session.questions[0], "B")
    assert not session.finished
    session.answer(session.questions[1], "B")
    assert session.finished
    assert session.score == 0.0


def test_answering_again_replaces_the_grade() -> None:
    session = QuizSession.start(make_quiz(2, 50), seed=1)
    session.answer(session.questions[0], "B")
    session.answer(session.questions[0], "A")
    assert session.responses["q0"] == "A"
    assert session.score == 0.5


@pytest.mark.parametrize(
    ("count", "pass_mark", "right", "passed"),
    [
        (10, 70, 7, True),  # exactly the pass mark (0.7 * 100 is not exactly 70.0 in floats)
        (10, 70, 6, False),
        (3, 67, 2, False),  # 66.67% is below 67
        (3, 66, 2, True),
        (100, 29, 29, True),  # 0.29 * 100 == 28.999999999999996
        (4, 100, 4, True),
        (4, 100, 3, False),
        (4, 0, 0, True),
    ],
)
def test_passed_at_exactly_the_pass_mark(
    count: int, pass_mark: int, right: int, passed: bool
) -> None:
    session = QuizSession.start(make_quiz(count, pass_mark), seed=1)
    answer_right(session, right)
    assert session.finished
    assert session.score == pytest.approx(right / count)
    assert session.passed is passed


def test_empty_quiz_scores_zero() -> None:
    session = QuizSession.start(make_quiz(0, 70), seed=1)
    assert session.score == 0.0
    assert not session.passed


@settings(max_examples=200, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=30),
    pass_mark=st.integers(min_value=0, max_value=100),
    data=st.data(),
)
def test_property_score_is_the_fraction_right(
    count: int, pass_mark: int, data: st.DataObject
) -> None:
    right = data.draw(st.integers(min_value=0, max_value=count), label="right")
    session = QuizSession.start(make_quiz(count, pass_mark), seed=1)
    answer_right(session, right)
    assert 0.0 <= session.score <= 1.0
    assert session.score == pytest.approx(right / count)
    assert session.passed is (right * 100 >= pass_mark * count)


def test_resuming_an_attempt_regrades_its_answers_and_points_at_the_next_question() -> None:
    base = make_quiz(4, pass_mark=50)
    quiz = Quiz(
        lesson_id=base.lesson_id,
        pass_mark=50,
        questions=base.questions,
        path=base.path,
        shuffle=True,
        shuffle_choices=True,
    )
    first = QuizSession.start(quiz, seed=11)
    ids = [q.id for q in first.questions]
    given = {ids[0]: (first.questions[0].answer, True), "gone": ("x", False)}
    resumed = QuizSession.resume(quiz, 11, [*ids, "gone"], given)
    assert [q.id for q in resumed.questions] == ids  # a question no longer in the quiz is left out
    assert resumed.grades[ids[0]].correct
    assert resumed.hints_used == {ids[0]}
    assert resumed.next_unanswered == 1
    assert resumed.options(resumed.questions[1]) == first.options(first.questions[1])
    for question in resumed.questions[1:]:
        resumed.answer(question, question.answer)
    assert resumed.next_unanswered is None and resumed.finished
