"""A quiz attempt in progress: which questions, in what order, and the grades so far."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from dprk_it_tutor.content.model import Question, Quiz
from dprk_it_tutor.quiz.grading import Grade, grade


@dataclass
class QuizSession:
    quiz: Quiz
    seed: int
    questions: list[Question]
    responses: dict[str, Any] = field(default_factory=dict)
    grades: dict[str, Grade] = field(default_factory=dict)

    @classmethod
    def start(cls, quiz: Quiz, seed: int | None = None) -> QuizSession:
        """Begin an attempt. The seed is kept so an attempt can later be shown exactly as it was."""
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        return cls(quiz=quiz, seed=seed, questions=list(quiz.questions))

    def answer(self, question: Question, response: Any) -> Grade:
        result = grade(question, response)
        self.responses[question.id] = response
        self.grades[question.id] = result
        return result

    @property
    def finished(self) -> bool:
        return all(q.id in self.grades for q in self.questions)

    @property
    def score(self) -> float:
        """The fraction of the total earned, unanswered questions counting as zero."""
        if not self.questions:
            return 0.0
        return sum(self.grades[q.id].score for q in self.questions if q.id in self.grades) / len(
            self.questions
        )

    @property
    def passed(self) -> bool:
        return self.score * 100 >= self.quiz.pass_mark - 1e-9
