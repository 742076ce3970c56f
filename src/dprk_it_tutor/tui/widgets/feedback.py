"""What the learner reads after answering: verdict, score, the right answer, why, and where."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widget import Widget
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
    """The feedback box, in view each time it appears.

    The quiz anchors the scrolling body to its end as it shows the feedback (the last thing in
    it), so the layout that places the feedback also scrolls to it, in the same frame. On Show,
    which comes after that layout, the anchor is let go, and feedback taller than the body is
    scrolled back to its start; scrolled to any earlier (say, straight after ``display = True``)
    it has no place yet.
    """

    def on_show(self) -> None:
        container = self.parent
        taller = False
        if isinstance(container, Widget):
            if container.is_anchored:
                container.anchor(False)  # from now on the learner scrolls it
            taller = self.outer_size.height > container.scrollable_content_region.height
        # Taller than the view, it is read from its start (the verdict), not from its end.
        self.scroll_visible(animate=False, top=taller)
