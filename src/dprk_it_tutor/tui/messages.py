"""App-wide navigation messages. Screens post them; the App decides what to show."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from dprk_it_tutor.content import Quiz
from dprk_it_tutor.progress import Attempt, AttemptKind
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


class StartQuiz(Message):
    """Start any kind of attempt: a lesson's quiz, a retry of some questions, the exam, a review."""

    def __init__(
        self,
        quiz: Quiz,
        kind: AttemptKind,
        title: str,
        only: Sequence[str] | None = None,
        resume: Attempt | None = None,
    ) -> None:
        super().__init__()
        self.quiz = quiz
        self.kind = kind
        self.title = title
        self.only = only
        self.resume = resume  # an interrupted attempt to pick up again


class OpenFinalExam(Message):
    """Start the final exam, drawn from every quiz in the course."""


class OpenReview(Message):
    """Start a review of the questions that are due."""


class QuizFinished(Message):
    def __init__(self, session: QuizSession, kind: AttemptKind, title: str) -> None:
        super().__init__()
        self.session = session
        self.kind = kind
        self.title = title


class GoHome(Message):
    """Back to the course map, closing whatever lesson, quiz or results are open."""


class OpenGlossary(Message):
    """Show the whole glossary, at ``term_id`` if given."""

    def __init__(self, term_id: str | None = None) -> None:
        super().__init__()
        self.term_id = term_id


class OpenTerms(Message):
    """Show a few terms (a lesson step's) over the current screen, ``selected`` first."""

    def __init__(self, term_ids: Sequence[str], selected: str | None = None) -> None:
        super().__init__()
        self.term_ids = tuple(term_ids)
        self.selected = selected


class OpenTimeline(Message):
    """Show the timeline of dated events."""


class OpenLearners(Message):
    """Choose who is learning, or add a learner."""


class OpenDashboard(Message):
    """Show the progress dashboard."""
