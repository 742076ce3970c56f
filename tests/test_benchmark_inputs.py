"""The benchmarks' generated inputs are what they claim to be: content that loads clean, and a
history of exactly the size the budgets name. A benchmark over broken files would time error paths."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import ProgressStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import generate


def test_the_generated_pack_loads_clean_with_every_question_type(tmp_path: Path) -> None:
    pack = generate.write_big_course(tmp_path / "pack", lessons=3, quizzes=3)
    course = load_course([paths.builtin_course_dir(), pack])
    assert not course.broken
    assert not course.diagnostics
    generated = [lesson for lesson in course.lessons if lesson.id.startswith("bench-")]
    assert [len(lesson.steps) for lesson in generated] == [generate.STEPS] * 3
    quiz = course.quizzes["bench-0001"]
    assert len(quiz.questions) == generate.QUESTIONS
    assert {q.type for q in quiz.questions} == set(generate.QUESTION_TYPES)


def test_the_long_history_has_the_sizes_the_budget_names() -> None:
    document = generate.long_history(datetime.now(timezone.utc))
    attempts = document["attempts"]
    assert len(attempts) == generate.ATTEMPTS == 5_000
    assert sum(len(a["answers"]) for a in attempts) == generate.ANSWERS == 100_000
    course = load_course([paths.builtin_course_dir()])
    known = {q.id for quiz in course.quizzes.values() for q in quiz.questions}
    assert {answer["question_id"] for a in attempts for answer in a["answers"]} <= known
    assert len(document["review_cards"]) == len(known)


def test_a_generated_history_is_imported_by_the_program_itself(tmp_path: Path) -> None:
    document = generate.some_history(datetime.now(timezone.utc))
    data = generate.make_store(tmp_path / "store", document, tmp_path)
    with ProgressStore.open(data, "bench") as store:
        records = store.lesson_records()
    assert len(records) == 5
