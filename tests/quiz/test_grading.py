"""Grading single-choice questions: pure functions from (question, response) to a Grade."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dprk_it_tutor.content.model import Question
from dprk_it_tutor.quiz.grading import GRADERS, Grade, describe_answer, grade, grade_single


def single(
    choices: tuple[str, ...] = ("1970s", "1980s", "1990s"),
    answer: str = "1980s",
    feedback: dict[str, str] | None = None,
) -> Question:
    return Question(
        id="q",
        type="single",
        prompt="Which decade?",
        answer=answer,
        choices=choices,
        feedback=feedback or {},
        explanation="The 1980s.",
    )


def test_right_choice_scores_one() -> None:
    result = grade_single(single(), "1980s")
    assert result == Grade(1.0, "")
    assert result.correct


def test_wrong_choice_scores_zero() -> None:
    result = grade_single(single(), "1990s")
    assert result.score == 0.0
    assert not result.correct


def test_unanswered_scores_zero() -> None:
    assert grade_single(single(), None).score == 0.0


def test_feedback_is_the_authors_text_for_the_chosen_choice() -> None:
    question = single(feedback={"1990s": "KCC was founded in 1990.", "1980s": "Yes."})
    assert grade_single(question, "1990s") == Grade(0.0, "KCC was founded in 1990.")
    assert grade_single(question, "1980s") == Grade(1.0, "Yes.")
    assert grade_single(question, "1970s") == Grade(0.0, "")


def test_grade_dispatches_on_question_type() -> None:
    assert GRADERS["single"] is grade_single
    assert grade(single(), "1980s").score == 1.0
    assert grade(single(), "1970s").score == 0.0


def test_verdict_words() -> None:
    assert Grade(1.0).verdict == "right"
    assert Grade(0.0).verdict == "wrong"
    assert Grade(0.5).verdict == "partly right"


def test_correct_needs_full_marks() -> None:
    assert Grade(1.0).correct
    assert not Grade(0.99).correct


def test_describe_answer() -> None:
    assert describe_answer(single(), None) == "(not answered)"
    assert describe_answer(single(), "1980s") == "1980s"


choice_lists = st.lists(st.text(min_size=1, max_size=20), min_size=2, max_size=6, unique=True)


@settings(max_examples=200, deadline=None)
@given(choices=choice_lists, data=st.data())
def test_property_only_the_answer_scores_and_scores_are_in_range(
    choices: list[str], data: st.DataObject
) -> None:
    answer = data.draw(st.sampled_from(choices), label="answer")
    question = single(tuple(choices), answer)
    for choice in choices:
        result = grade(question, choice)
        assert 0.0 <= result.score <= 1.0
        assert result.score == (1.0 if choice == answer else 0.0)
        assert result.verdict == ("right" if choice == answer else "wrong")
