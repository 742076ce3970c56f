"""Seeded attempts are reproducible, pools and retries pick the right questions, review is scheduled."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fsrs import Rating

from dprk_it_tutor.content.model import Question, Quiz
from dprk_it_tutor.quiz.grading import Grade
from dprk_it_tutor.quiz.review import rating_for, schedule
from dprk_it_tutor.quiz.session import QuizSession, option_order


def single(
    qid: str, choices: tuple[str, ...] = ("a", "b", "c", "d"), answer: str = "a"
) -> Question:
    return Question(id=qid, type="single", prompt=f"{qid}?", answer=answer, choices=choices)


def ordering(qid: str, items: tuple[str, ...]) -> Question:
    return Question(id=qid, type="ordering", prompt="order", answer=items, choices=items)


def quiz(*questions: Question, **options: object) -> Quiz:
    return replace(Quiz("lesson", 70, tuple(questions), Path("q.yaml")), **options)


POOL = quiz(*(single(f"q{i}") for i in range(10)))


def test_same_seed_gives_the_same_questions_in_the_same_order() -> None:
    options = {"shuffle": True, "draw": 4}
    first = QuizSession.start(replace(POOL, **options), seed=123)
    again = QuizSession.start(replace(POOL, **options), seed=123)
    assert [q.id for q in first.questions] == [q.id for q in again.questions]
    assert len(first.questions) == 4
    others = {
        tuple(q.id for q in QuizSession.start(replace(POOL, **options), seed=s).questions)
        for s in range(20)
    }
    assert len(others) > 1  # the seed really changes the draw


def test_unshuffled_draw_keeps_the_authors_order() -> None:
    session = QuizSession.start(replace(POOL, draw=5), seed=7)
    ids = [q.id for q in session.questions]
    assert ids == sorted(ids, key=lambda i: int(i[1:]))
    assert len(ids) == 5


def test_restore_shows_an_attempt_exactly_as_it_was() -> None:
    shuffled = replace(POOL, shuffle=True, shuffle_choices=True, draw=6)
    original = QuizSession.start(shuffled, seed=99)
    restored = QuizSession.restore(shuffled, 99, [q.id for q in original.questions])
    assert restored.questions == original.questions
    assert [restored.options(q) for q in restored.questions] == [
        original.options(q) for q in original.questions
    ]


def test_choices_are_shuffled_only_when_the_quiz_asks() -> None:
    question = single("q", choices=tuple("abcdefgh"))
    assert option_order(question, 1, shuffle_choices=False) == tuple("abcdefgh")
    assert {option_order(question, seed, shuffle_choices=True) for seed in range(10)} != {
        tuple("abcdefgh")
    }


def test_ordering_items_never_start_in_the_correct_order() -> None:
    question = ordering("o", ("1", "2", "3"))
    for seed in range(200):
        shown = option_order(question, seed, shuffle_choices=False)
        assert sorted(shown) == ["1", "2", "3"]
        assert shown != question.answer


def test_only_restricts_an_attempt_to_the_missed_questions() -> None:
    session = QuizSession.start(POOL, seed=1)
    for question in session.questions:
        session.answer(question, "a" if question.id not in {"q2", "q5"} else "b")
    assert session.missed == ["q2", "q5"]
    retry = QuizSession.start(replace(POOL, draw=3), seed=2, only=session.missed)
    assert [q.id for q in retry.questions] == ["q2", "q5"]


def test_time_taken_runs_from_when_the_question_was_shown() -> None:
    ticks = iter([10.0, 14.5])
    session = QuizSession.start(POOL, seed=1)
    session.clock = lambda: next(ticks)
    question = session.questions[0]
    session.shown(question)
    session.answer(question, "a")
    assert session.seconds[question.id] == 4.5


def test_ratings_follow_the_answer_and_the_hint() -> None:
    assert rating_for(Grade(1.0), hint_used=False) is Rating.Good
    assert rating_for(Grade(1.0), hint_used=True) is Rating.Hard
    assert rating_for(Grade(0.5), hint_used=False) is Rating.Again
    assert rating_for(Grade(0.0), hint_used=True) is Rating.Again


def test_a_wrong_answer_comes_back_sooner_than_a_right_one() -> None:
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    again = schedule(None, "q", "lesson", Rating.Again, when)
    good = schedule(None, "q", "lesson", Rating.Good, when)
    assert again.due < good.due
    assert again.due == "2026-01-01T00:01:00+00:00"
    later = schedule(good, "q", "lesson", Rating.Good, when + timedelta(minutes=11))
    assert later.due > "2026-01-02"
    assert (later.question_id, later.lesson_id) == ("q", "lesson")


def test_naive_datetimes_are_taken_as_utc() -> None:
    naive = schedule(None, "q", "l", Rating.Good, datetime(2026, 1, 1))
    aware = schedule(None, "q", "l", Rating.Good, datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert naive.due == aware.due
