"""What the learner reads after answering: verdict, score, the right answer, why, and where."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static

from dprk_it_tutor.content import Lesson, Question
from dprk_it_tutor.quiz.grading import Grade, describe_answer
from dprk_it_tutor.terminal_text import printable

VERDICTS = {
    "right": ("✓ Right", "bold $text-success"),
    "partly right": ("◐ Partly right", "bold $text-warning"),
    "wrong": ("✗ Not quite", "bold $text-error"),
}


def feedback_content(
    question: Question, response: Any, grade: Grade, lesson: Lesson | None
) -> Content:
    label, style = VERDICTS[grade.verdict]
    parts: list[Content | str | tuple[str, str]] = [
        Content.styled(f"{label}: {round(grade.score * 100)}% for this question", style),
        "\n",
    ]
    if not grade.correct:
        parts += [
            "\n",
            ("The answer: ", "bold"),
            printable(describe_answer(question, question.answer)),
            "\n",
        ]
    if grade.feedback:
        parts += ["\n", printable(grade.feedback), "\n"]
    parts += ["\n", printable(question.explanation)]
    if question.step is not None and lesson is not None and question.step <= lesson.step_count:
        step = lesson.steps[question.step - 1]
        parts += [
            "\n\n",
            Content.styled(
                printable(f"Taught in '{lesson.title}', step {step.number}: {step.title}"), "italic"
            ),
            Content.styled("  (press l to read it)", "$text-muted"),
        ]
    return Content.assemble(*parts)


class Feedback(Static):
    """The feedback box, scrolled into view each time it appears.

    Scrolled on Show, which comes once the layout has placed it: asked for any earlier (say,
    straight after ``display = True``) it has no place yet, and on a short terminal it would stay
    half below the edge.
    """

    def on_show(self) -> None:
        self.scroll_visible(animate=False)
