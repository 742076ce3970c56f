"""App-wide navigation messages. Screens post them; the App decides what to show."""

from __future__ import annotations

from textual.message import Message

from dprk_it_tutor.quiz.session import QuizSession


class OpenLesson(Message):
    def __init__(self, lesson_id: str, step: int | None = None) -> None:
        super().__init__()
        self.lesson_id = lesson_id
        self.step = step  # None: where the learner left off


class OpenQuiz(Message):
    def __init__(self, lesson_id: str) -> None:
        super().__init__()
        self.lesson_id = lesson_id


class QuizFinished(Message):
    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session


class GoHome(Message):
    """Back to the course map, closing whatever lesson, quiz or results are open."""
