"""A quiz attempt in progress: which questions, in what order, and the grades so far.

Everything random is drawn from the attempt's seed: which questions a pool gives, their order, and
the order of each question's options (from the seed and the question id). Storing the seed and the
question ids is therefore enough to show an attempt again exactly as it was.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dprk_it_tutor.content.model import Question, Quiz
from dprk_it_tutor.quiz.grading import Grade, grade

SHUFFLED_ALWAYS = {"ordering", "matching"}  # shown in the author's order they would give it away
SHUFFLED_ON_REQUEST = {"single", "multiple"}


def option_order(question: Question, seed: int, shuffle_choices: bool) -> tuple[str, ...]:
    """The order a question's options are shown in, for this attempt."""
    options = list(question.choices)
    if question.type in SHUFFLED_ALWAYS or (
        shuffle_choices and question.type in SHUFFLED_ON_REQUEST
    ):
        rng = random.Random(f"{seed}:{question.id}")
        rng.shuffle(options)
        if question.type == "ordering" and len(options) > 1 and tuple(options) == question.answer:
            options.append(options.pop(0))  # never start an ordering question already solved
    return tuple(options)


@dataclass
class QuizSession:
    quiz: Quiz
    seed: int
    questions: list[Question]
    responses: dict[str, Any] = field(default_factory=dict)
    grades: dict[str, Grade] = field(default_factory=dict)
    hints_used: set[str] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic
    _shown_at: dict[str, float] = field(default_factory=dict)

    @classmethod
    def start(
        cls, quiz: Quiz, seed: int | None = None, only: Sequence[str] | None = None
    ) -> QuizSession:
        """Begin an attempt: the whole quiz (or ``draw`` questions of it), or only some ids."""
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        rng = random.Random(seed)
        pool = list(quiz.questions)
        if only is not None:
            wanted = set(only)
            pool = [q for q in pool if q.id in wanted]
        elif quiz.draw is not None and quiz.draw < len(pool):
            chosen = set(rng.sample(range(len(pool)), quiz.draw))
            pool = [q for index, q in enumerate(pool) if index in chosen]
        if quiz.shuffle:
            rng.shuffle(pool)
        return cls(quiz=quiz, seed=seed, questions=pool)

    @classmethod
    def restore(cls, quiz: Quiz, seed: int, question_ids: Sequence[str]) -> QuizSession:
        """An attempt as it was shown, from its stored seed and question ids."""
        by_id = {q.id: q for q in quiz.questions}
        return cls(quiz=quiz, seed=seed, questions=[by_id[i] for i in question_ids if i in by_id])

    @classmethod
    def resume(
        cls,
        quiz: Quiz,
        seed: int,
        question_ids: Sequence[str],
        answers: Mapping[str, tuple[Any, bool]],
    ) -> QuizSession:
        """An interrupted attempt, with the answers given before it stopped graded again.

        ``answers`` maps a question id to the stored response and whether the hint was used.
        Questions no longer in the quiz are left out, and so are their answers.
        """
        session = cls.restore(quiz, seed, question_ids)
        for question in session.questions:
            if question.id in answers:
                response, hint_used = answers[question.id]
                session.responses[question.id] = response
                session.grades[question.id] = grade(question, response)
                if hint_used:
                    session.hints_used.add(question.id)
        return session

    @property
    def next_unanswered(self) -> int | None:
        """The position of the first question not answered yet, or None when all are."""
        return next(
            (index for index, q in enumerate(self.questions) if q.id not in self.grades), None
        )

    def options(self, question: Question) -> tuple[str, ...]:
        return option_order(question, self.seed, self.quiz.shuffle_choices)

    def shown(self, question: Question) -> None:
        """Note when a question appeared, to time the answer."""
        self._shown_at.setdefault(question.id, self.clock())

    def use_hint(self, question: Question) -> None:
        self.hints_used.add(question.id)

    def answer(self, question: Question, response: Any) -> Grade:
        result = grade(question, response)
        self.responses[question.id] = response
        self.grades[question.id] = result
        if question.id in self._shown_at:
            self.seconds[question.id] = round(self.clock() - self._shown_at[question.id], 3)
        return result

    @property
    def finished(self) -> bool:
        return all(q.id in self.grades for q in self.questions)

    @property
    def score(self) -> float:
        """The fraction of the total earned, unanswered questions counting as zero."""
        if not self.questions:
            return 0.0
        earned = sum(self.grades[q.id].score for q in self.questions if q.id in self.grades)
        return earned / len(self.questions)

    @property
    def passed(self) -> bool:
        return self.score * 100 >= self.quiz.pass_mark - 1e-9

    @property
    def missed(self) -> list[str]:
        """Ids of the questions not fully right, in the order they were asked."""
        return [
            q.id for q in self.questions if not (q.id in self.grades and self.grades[q.id].correct)
        ]
