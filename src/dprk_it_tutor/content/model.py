"""Frozen dataclasses describing a course: lessons, their steps, quizzes and problems found."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
FileKind = Literal["lesson", "quiz", "glossary", "timeline", "course"]

# Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional controls
# that can make printed text read differently from what it holds.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


# A token of a text (a run of non-spaces) holding no letter, digit or "_": "-", "|", "**".
_MARKS_ONLY = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")


def word_count(markdown: str) -> int:
    """Words as a reader counts them: Markdown marks such as '-', '|' and '**' are not words."""
    # Every token but those made of marks alone; both counts are made in C, in linear time (a
    # pattern such as \S*\w\S* would backtrack quadratically over a long run of "-").
    return len(markdown.split()) - len(_MARKS_ONLY.findall(markdown))


def _escape(match: re.Match[str]) -> str:
    """A character as Python writes it escaped: ``\\n``, ``\\x1b``, ``\\u202e``."""
    return repr(match.group())[1:-1]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in a content file, located as precisely as the file allows (1-based)."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        # Messages quote what an author wrote (a key, a title, a value), which may hold a line
        # break or a control character; a diagnostic is always one line of visible text.
        object.__setattr__(self, "message", _UNPRINTABLE.sub(_escape, self.message))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"


class ContentError(Exception):
    """A content file could not be loaded; carries every diagnostic that says where and why.

    ``name`` is the id the file declared, when it got that far, so the app can list it as broken;
    ``readable`` is what could be read of a lesson despite its problems, for cross-file checks.
    """

    def __init__(
        self,
        diagnostics: Diagnostic | Sequence[Diagnostic],
        name: str = "",
        readable: Lesson | None = None,
    ) -> None:
        if isinstance(diagnostics, Diagnostic):
            diagnostics = (diagnostics,)
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(diagnostics))
        super().__init__(str(self.diagnostics[0]))
        self.name = name
        self.readable = readable


@dataclass(frozen=True)
class Step:
    """One screen of a lesson: a ``## `` section of its Markdown body."""

    number: int  # 1-based
    title: str
    body: str
    line: int  # line of the heading in the lesson file
    # Counted once, when the step is made (and kept with it in the content cache): checking
    # the length of every step of a big pack on each start would otherwise cost a noticeable
    # part of a second.
    words: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", word_count(self.body))

    @property
    def markdown(self) -> str:
        return f"## {self.title}\n\n{self.body}"


@dataclass(frozen=True)
class TermLink:
    """A glossary link written in a lesson as ``[text](glossary:term-id)``."""

    term_id: str
    text: str
    step: int  # the step it appears in, 1-based
    line: int
    col: int  # where the term id starts, for diagnostics


@dataclass(frozen=True)
class SourceRef:
    """Which article, and which part of it, a lesson is built from."""

    article: str
    part: str = ""


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    order: int
    summary: str
    objectives: tuple[str, ...]
    prerequisites: tuple[str, ...]
    minutes: int
    sources: tuple[SourceRef, ...]
    steps: tuple[Step, ...]
    path: Path
    id_line: int = 1  # where ``id:`` is written, for cross-file diagnostics
    term_links: tuple[TermLink, ...] = ()
    # (line, col) of each prerequisite's value and of the ``order`` value, for cross-file checks
    prerequisite_positions: tuple[tuple[int, int], ...] = ()
    order_position: tuple[int, int] = (1, 1)
    pack: str = ""  # the name of the content pack the lesson comes from
    part: str = ""  # the title of the part of its pack's course.yaml that lists it, if any

    @property
    def step_count(self) -> int:
        return len(self.steps)

    def terms_in_step(self, number: int) -> tuple[str, ...]:
        """The glossary term ids linked from step ``number``, first mention first, no repeats."""
        return tuple(dict.fromkeys(link.term_id for link in self.term_links if link.step == number))


QUESTION_TYPES = ("single", "multiple", "true_false", "short", "numeric", "ordering", "matching")


@dataclass(frozen=True)
class Question:
    """A quiz question. ``answer`` holds the correct response in the type's own shape.

    ============  ===================================  =========================================
    type          ``answer``                            a learner's response (as stored, JSON)
    ============  ===================================  =========================================
    single        the correct choice (str)             the chosen choice (str)
    multiple      the correct choices (tuple[str])     the ticked choices (list[str])
    true_false    True or False                        True or False
    short         accepted answers (tuple[str])        the typed text (str)
    numeric       the value (float)                    the typed text (str), parsed when graded
    ordering      the items in order (tuple[str])      the items in the learner's order
    matching      (left, right) pairs (tuple)          {left: right} (dict[str, str])
    ============  ===================================  =========================================

    ``choices`` lists what the learner picks from: the choices of single/multiple, the items of
    ordering, and the right-hand options of matching (its pairs' right sides plus distractors).
    """

    id: str
    type: str
    prompt: str
    answer: Any
    choices: tuple[str, ...] = ()
    feedback: Mapping[str, str] = field(default_factory=dict)
    explanation: str = ""
    hint: str = ""
    step: int | None = None  # the lesson step that teaches it, 1-based
    skill: str = "recall"  # recall, compare, explain or apply: what the question asks of a learner
    line: int = 0  # where the question starts in its file
    col: int = 1
    step_line: int = 0  # where ``step:`` is written
    step_col: int = 1  # where its value starts
    tolerance: float = 0.0  # numeric: absolute tolerance
    tolerance_percent: float = 0.0  # numeric: relative tolerance, in percent of the answer
    unit: str = ""  # numeric: shown after the input, e.g. "employees"
    allow_typo: bool = True  # short: accept one typo in answers of 6+ letters

    @property
    def left_items(self) -> tuple[str, ...]:
        """Matching: the items to pair, in the author's order."""
        return tuple(left for left, _ in self.answer) if self.type == "matching" else ()


@dataclass(frozen=True)
class Quiz:
    lesson_id: str
    pass_mark: int  # percent of the total score
    questions: tuple[Question, ...]
    path: Path
    lesson_line: int = 1  # where ``lesson:`` is written
    lesson_col: int = 1  # where its value starts
    shuffle: bool = False  # ask the questions in a random order
    shuffle_choices: bool = False  # show single/multiple choices in a random order
    draw: int | None = None  # ask this many questions drawn at random from the pool


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    see: tuple[str, ...] = ()  # ids of related terms
    path: Path = Path()
    line: int = 0
    col: int = 1  # where the term's entry starts (its first key), for diagnostics

    def search_rank(self, query: str) -> int | None:
        """How well the term answers a search, case-blind: 0 when its name or an alias starts
        with ``query``, 1 when one contains it, 2 when (from three letters on) only its definition
        does, None when it does not match. An empty query matches everything equally."""
        needle = query.strip().casefold()
        if not needle:
            return 0
        names = [name.casefold() for name in (self.term, *self.aliases)]
        if any(name.startswith(needle) for name in names):
            return 0
        if any(needle in name for name in names):
            return 1
        if len(needle) >= 3 and needle in self.definition.casefold():
            return 2
        return None


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event. ``month``/``day`` are 0 when the source gives none; ``decade`` marks "1980s"."""

    year: int
    title: str
    lesson_id: str
    month: int = 0
    day: int = 0
    decade: bool = False
    approximate: bool = False
    detail: str = ""
    step: int | None = None
    path: Path = Path()
    line: int = 0
    lesson_line: int = 0  # where ``lesson:`` is written
    step_line: int = 0
    lesson_col: int = 1  # where the values of ``lesson:`` and ``step:`` start
    step_col: int = 1

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    @property
    def when(self) -> str:
        """The date as a reader would write it: "1980s", "October 2012", "16 March 2013"."""
        if self.decade:
            text = f"{self.year}s"
        elif self.day:
            text = f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        elif self.month:
            text = f"{MONTHS[self.month - 1]} {self.year}"
        else:
            text = str(self.year)
        return f"about {text}" if self.approximate else text


@dataclass(frozen=True)
class BrokenFile:
    """A content file that could not be loaded; the app lists it so nothing silently vanishes."""

    path: Path
    kind: FileKind
    name: str  # the lesson id if it could be read, else the file's stem
    diagnostics: tuple[Diagnostic, ...]
    readable: Lesson | None = None  # what could be read of a broken lesson, never shown

    @property
    def first_problem(self) -> str:
        return str(self.diagnostics[0]) if self.diagnostics else f"{self.path}: unreadable"


@dataclass(frozen=True)
class Part:
    """A titled group of lessons in a pack's ``course.yaml``, in teaching order."""

    title: str
    lesson_ids: tuple[str, ...]
    # (line, col) where each lesson id is written in course.yaml, for cross-file diagnostics
    positions: tuple[tuple[int, int], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Pack:
    """One content folder of a course: the built-in course or an author's pack.

    ``name`` is the short label shown beside each lesson; ``title`` and ``description`` come from
    the pack's ``course.yaml`` when it has one.
    """

    name: str
    root: Path
    title: str = ""
    description: str = ""
    parts: tuple[Part, ...] = ()

    @property
    def label(self) -> str:
        return self.title or self.name


@dataclass(frozen=True)
class Course:
    """Everything loaded from one or more content folders, in teaching order."""

    lessons: tuple[Lesson, ...]
    quizzes: Mapping[str, Quiz]  # keyed by lesson id
    broken: tuple[BrokenFile, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()  # sorted by term, case-blind
    timeline: tuple[TimelineEvent, ...] = ()  # in date order
    packs: tuple[Pack, ...] = ()  # in the order they were given; the built-in course first

    def pack(self, name: str) -> Pack | None:
        return next((pack for pack in self.packs if pack.name == name), None)

    def term(self, term_id: str) -> GlossaryTerm | None:
        return next((term for term in self.glossary if term.id == term_id), None)

    def lessons_using(self, term_id: str) -> tuple[Lesson, ...]:
        """The lessons whose text links to the glossary term, in teaching order."""
        return tuple(
            lesson
            for lesson in self.lessons
            if any(link.term_id == term_id for link in lesson.term_links)
        )

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def number(self, lesson: Lesson) -> int:
        """The lesson's place in teaching order, from 1, as the course map shows it."""
        return self.lessons.index(lesson) + 1

    def quiz_for(self, lesson_id: str) -> Quiz | None:
        return self.quizzes.get(lesson_id)

    def question(self, question_id: str) -> tuple[Question, Lesson] | None:
        """A question anywhere in the course, with the lesson whose quiz holds it."""
        for quiz in self.quizzes.values():
            for question in quiz.questions:
                if question.id == question_id:
                    lesson = self.lesson(quiz.lesson_id)
                    return (question, lesson) if lesson else None
        return None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")
