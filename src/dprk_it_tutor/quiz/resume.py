"""Which quiz an interrupted attempt belongs to, so that it can be shown again and finished.

An attempt is stored with its kind, lesson, seed and question ids (never with the questions
themselves), so resuming it means finding the same quiz in the course as it is now.
"""

from __future__ import annotations

from dataclasses import dataclass

from dprk_it_tutor.content.model import Course, Quiz
from dprk_it_tutor.quiz.exam import final_exam
from dprk_it_tutor.quiz.review import review_quiz


@dataclass(frozen=True)
class ResumableQuiz:
    quiz: Quiz
    title: str


def quiz_title(course: Course, lesson_id: str, kind: str) -> str:
    """The title a quiz screen shows for an attempt of this kind."""
    if kind == "exam":
        return "Final exam"
    if kind == "review":
        return "Review"
    lesson = course.lesson(lesson_id)
    name = lesson.title if lesson else lesson_id
    return f"Retry: {name}" if kind == "retry" else f"Quiz: {name}"


def quiz_for_attempt(
    course: Course, lesson_id: str, kind: str, question_ids: tuple[str, ...]
) -> ResumableQuiz | None:
    """The quiz to resume an attempt in, or None if the course no longer holds it."""
    if kind == "exam":
        quiz: Quiz | None = final_exam(course)
    elif kind == "review":
        quiz = review_quiz(course, list(question_ids))
    else:
        quiz = course.quiz_for(lesson_id)
    if quiz is None or not {q.id for q in quiz.questions} & set(question_ids):
        return None
    return ResumableQuiz(quiz, quiz_title(course, lesson_id, kind))
