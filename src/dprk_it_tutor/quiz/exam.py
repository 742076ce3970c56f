"""The final exam: questions drawn from every quiz in the course."""

from __future__ import annotations

from pathlib import Path

from dprk_it_tutor.content.model import Course, Quiz

EXAM_ID = "final-exam"
EXAM_QUESTIONS = 20
EXAM_PASS_MARK = 70


def final_exam(course: Course) -> Quiz:
    """A quiz over the whole course, shuffled, drawing up to EXAM_QUESTIONS questions."""
    questions = tuple(
        q
        for lesson in course.lessons
        if (quiz := course.quiz_for(lesson.id))
        for q in quiz.questions
    )
    return Quiz(
        lesson_id=EXAM_ID,
        pass_mark=EXAM_PASS_MARK,
        questions=questions,
        path=Path(EXAM_ID),
        shuffle=True,
        shuffle_choices=True,
        draw=min(EXAM_QUESTIONS, len(questions)) or None,
    )
