"""Load a whole course from content folders, and check what spans more than one file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from dprk_it_tutor.content.fields import close_match_hint
from dprk_it_tutor.content.glossary import load_glossary
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import (
    BrokenFile,
    ContentError,
    Course,
    Diagnostic,
    FileKind,
    GlossaryTerm,
    Lesson,
    Quiz,
    TimelineEvent,
)
from dprk_it_tutor.content.quizzes import load_quiz
from dprk_it_tutor.content.references import check_term_links, check_timeline, unique_terms
from dprk_it_tutor.content.timeline import load_timeline
from dprk_it_tutor.content.validate import check_lessons, duplicate_question_ids

LESSON_SUFFIXES = (".md",)
QUIZ_SUFFIXES = (".yaml", ".yml")
GLOSSARY_NAMES = ("glossary.yaml", "glossary.yml")
TIMELINE_NAMES = ("timeline.yaml", "timeline.yml")
REFERENCE_NAMES = GLOSSARY_NAMES + TIMELINE_NAMES
T = TypeVar("T")


@dataclass
class ContentFiles:
    """The lesson and quiz files found under some paths, in a stable order."""

    lessons: list[Path] = field(default_factory=list)
    quizzes: list[Path] = field(default_factory=list)
    glossaries: list[Path] = field(default_factory=list)
    timelines: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    empty: list[Path] = field(default_factory=list)  # folders holding no content files


def find_content_files(paths: Iterable[Path]) -> ContentFiles:
    """Collect content files from course roots (with lessons/ and quizzes/), folders or files.

    A glossary or timeline is found by its name, in a course root or a folder, or given itself.
    """
    found = ContentFiles()
    for path in paths:
        if path.is_file():
            if path.name in GLOSSARY_NAMES:
                found.glossaries.append(path)
            elif path.name in TIMELINE_NAMES:
                found.timelines.append(path)
            elif path.suffix in LESSON_SUFFIXES:
                found.lessons.append(path)
            elif path.suffix in QUIZ_SUFFIXES:
                found.quizzes.append(path)
            else:
                found.missing.append(path)
        elif path.is_dir():
            lesson_dir, quiz_dir = path / "lessons", path / "quizzes"
            if not (lesson_dir.is_dir() or quiz_dir.is_dir()):
                lesson_dir = quiz_dir = path
            lessons = _files(lesson_dir, LESSON_SUFFIXES)
            quizzes = [p for p in _files(quiz_dir, QUIZ_SUFFIXES) if p.name not in REFERENCE_NAMES]
            glossaries = [path / name for name in GLOSSARY_NAMES if (path / name).is_file()]
            timelines = [path / name for name in TIMELINE_NAMES if (path / name).is_file()]
            if not (lessons or quizzes or glossaries or timelines):
                found.empty.append(path)
            found.lessons += lessons
            found.quizzes += quizzes
            found.glossaries += glossaries
            found.timelines += timelines
        else:
            found.missing.append(path)
    return found


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in suffixes and p.is_file())


def load_course(paths: Sequence[Path]) -> Course:
    """Load every lesson and quiz under ``paths``; broken files are listed, never fatal."""
    files = find_content_files(paths)
    diagnostics: list[Diagnostic] = [
        Diagnostic(str(p), 1, 1, "no such lesson (.md) or quiz (.yaml) file or folder")
        for p in files.missing
    ]
    diagnostics += [
        Diagnostic(str(p), 1, 1, "no lesson (.md) or quiz (.yaml) files in this folder")
        for p in files.empty
    ]
    broken: list[BrokenFile] = []
    lessons: list[Lesson] = _load_each(files.lessons, "lesson", lambda p: [load_lesson(p)], broken)
    quizzes: list[Quiz] = _load_each(files.quizzes, "quiz", lambda p: [load_quiz(p)], broken)
    terms: list[GlossaryTerm] = _load_each(files.glossaries, "glossary", load_glossary, broken)
    events: list[TimelineEvent] = _load_each(files.timelines, "timeline", load_timeline, broken)

    lessons, rejected = _unique_lessons(lessons)
    broken += rejected
    by_id = {lesson.id: lesson for lesson in lessons}
    broken_lessons = {item.name for item in broken if item.kind == "lesson"}
    quiz_map, rejected = _attach_quizzes(quizzes, by_id, broken_lessons)
    broken += rejected
    diagnostics += check_lessons(lessons, broken_lessons)
    diagnostics += duplicate_question_ids(quiz_map.values())
    terms, problems = unique_terms(terms)
    diagnostics += problems
    glossary_broken = any(item.kind == "glossary" for item in broken)
    diagnostics += check_term_links(lessons, terms, glossary_broken=glossary_broken)
    diagnostics += check_timeline(events, by_id)
    for item in broken:
        diagnostics += item.diagnostics
    lessons.sort(key=lambda lesson: (lesson.order, lesson.id))
    return Course(
        lessons=tuple(lessons),
        quizzes=quiz_map,
        broken=tuple(broken),
        diagnostics=tuple(sorted(diagnostics)),
        glossary=tuple(sorted(terms, key=lambda term: (term.term.casefold(), term.id))),
        timeline=tuple(sorted(events, key=lambda event: event.sort_key)),
    )


def _load_each(
    paths: list[Path], kind: FileKind, load: Callable[[Path], Iterable[T]], broken: list[BrokenFile]
) -> list[T]:
    """Everything ``load`` reads from each path; a file that fails is added to ``broken``."""
    loaded: list[T] = []
    for path in paths:
        try:
            loaded += load(path)
        except ContentError as exc:
            broken.append(BrokenFile(path, kind, exc.name or path.stem, exc.diagnostics))
    return loaded


def _unique_lessons(lessons: list[Lesson]) -> tuple[list[Lesson], list[BrokenFile]]:
    kept: dict[str, Lesson] = {}
    rejected = []
    for lesson in lessons:
        first = kept.get(lesson.id)
        if first is None:
            kept[lesson.id] = lesson
            continue
        problem = Diagnostic(
            str(lesson.path),
            lesson.id_line,
            1,
            f"lesson id '{lesson.id}' is already used by {first.path}:{first.id_line}",
        )
        rejected.append(BrokenFile(lesson.path, "lesson", lesson.id, (problem,)))
    return list(kept.values()), rejected


def _attach_quizzes(
    quizzes: list[Quiz], lessons: dict[str, Lesson], broken_lessons: set[str]
) -> tuple[dict[str, Quiz], list[BrokenFile]]:
    attached: dict[str, Quiz] = {}
    rejected = []
    for quiz in quizzes:
        lesson = lessons.get(quiz.lesson_id)
        problems = []
        if lesson is None:
            why = (
                "could not be loaded (see its own errors)"
                if quiz.lesson_id in broken_lessons
                else "does not exist" + close_match_hint(quiz.lesson_id, lessons)
            )
            problems.append(
                Diagnostic(
                    str(quiz.path),
                    quiz.lesson_line,
                    quiz.lesson_col,
                    f"this quiz is for lesson '{quiz.lesson_id}', which {why}",
                )
            )
        elif quiz.lesson_id in attached:
            other = attached[quiz.lesson_id]
            problems.append(
                Diagnostic(
                    str(quiz.path),
                    quiz.lesson_line,
                    quiz.lesson_col,
                    f"lesson '{quiz.lesson_id}' already has a quiz: {other.path}",
                )
            )
        else:
            problems += [
                Diagnostic(
                    str(quiz.path),
                    q.step_line,
                    q.step_col,
                    f"question '{q.id}' points to step {q.step}, but lesson '{lesson.id}' "
                    f"has {lesson.step_count} step(s)",
                )
                for q in quiz.questions
                if q.step is not None and q.step > lesson.step_count
            ]
        if problems:
            rejected.append(BrokenFile(quiz.path, "quiz", quiz.lesson_id, tuple(problems)))
        else:
            attached[quiz.lesson_id] = quiz
    return attached, rejected
