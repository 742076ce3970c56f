"""One lesson or quiz file loaded as it would be in a course, for an author to preview.

The file is loaded together with the built-in course and the content folder it belongs to, so
that what spans files (glossary links, a quiz's lesson and step numbers, duplicate ids) is checked
exactly as ``validate`` and the app would check it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dprk_it_tutor.content.course import load_course
from dprk_it_tutor.content.discovery import (
    LESSON_SUFFIXES,
    QUIZ_SUFFIXES,
    REFERENCE_NAMES,
    find_content_files,
)
from dprk_it_tutor.content.model import Course, Diagnostic, Lesson, Quiz
from dprk_it_tutor.content.packs import pack_root

PreviewKind = Literal["lesson", "quiz"]
# One file's state as the watcher sees it: None when it is missing.
FileState = tuple[str, int, int] | tuple[str, None, None]


class PreviewPathError(ValueError):
    """PATH cannot be previewed at all: missing, a folder, or not a lesson or quiz file."""


def preview_kind(path: Path) -> PreviewKind:
    """What PATH is by its name; raises PreviewPathError, saying why, for anything else."""
    shown = str(path)
    if path.is_dir():
        raise PreviewPathError(
            f"{shown}: is a folder; preview opens one lesson (.md) or quiz (.yaml) file"
        )
    if not path.is_file():
        raise PreviewPathError(f"{shown}: no such file")
    if path.name in REFERENCE_NAMES:
        raise PreviewPathError(
            f"{shown}: is a glossary or timeline; preview opens a lesson (.md) or a quiz (.yaml), "
            "and 'validate' checks this file"
        )
    if path.suffix in LESSON_SUFFIXES:
        return "lesson"
    if path.suffix in QUIZ_SUFFIXES:
        return "quiz"
    what = f"a {path.suffix} file" if path.suffix else "a file without a suffix"
    raise PreviewPathError(
        f"{shown}: preview opens a lesson (.md) or a quiz (.yaml, .yml), not {what}"
    )


def context_folder(path: Path) -> Path:
    """The content folder PATH belongs to: the pack above its lessons/ or quizzes/ folder when it
    sits in one, else the folder it is in."""
    return pack_root(_absolute(path))


@dataclass(frozen=True)
class Preview:
    """What PATH defines, in its course context, and every problem located in PATH."""

    path: Path
    kind: PreviewKind
    course: Course  # the built-in course plus PATH's content folder, for glossary and quizzes
    lesson: Lesson | None  # the lesson PATH defines, or the lesson of the quiz PATH defines
    quiz: Quiz | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")

    @property
    def showable(self) -> bool:
        """The file loaded and nothing in it is wrong: a learner would see it as it is shown."""
        loaded = self.lesson is not None and (self.kind == "lesson" or self.quiz is not None)
        return loaded and not self.errors


def load_preview(path: Path, builtin_course: Path) -> Preview:
    """Load PATH (a lesson or a quiz) in the course it would be part of.

    The context is ``builtin_course`` plus PATH's content folder, each file loaded once even when
    PATH is part of the built-in course. A file that is gone is an error in the result, not an
    exception, so a watcher can keep going until it comes back.
    """
    path = _absolute(path)
    kind: PreviewKind = "lesson" if path.suffix in LESSON_SUFFIXES else "quiz"
    context = [builtin_course, context_folder(path)]
    course = load_course([path] if path.is_file() else [], context=context)
    if not path.is_file():
        gone = Diagnostic(str(path), 1, 1, "no such file (was it deleted or renamed?)")
        return Preview(path, kind, course, None, None, (gone,))
    target = path.resolve()
    diagnostics = tuple(d for d in course.diagnostics if _same_file(Path(d.path), target))
    lesson = quiz = None
    if kind == "lesson":
        lesson = next((item for item in course.lessons if _same_file(item.path, target)), None)
    else:
        quiz = next((q for q in course.quizzes.values() if _same_file(q.path, target)), None)
        lesson = course.lesson(quiz.lesson_id) if quiz is not None else None
    return Preview(path, kind, course, lesson, quiz, diagnostics)


def _absolute(path: Path) -> Path:
    """The path from the root, ``..`` folded away, symbolic links kept as the author named them."""
    return Path(os.path.abspath(path))


def _same_file(candidate: Path, target: Path) -> bool:
    try:
        return candidate.resolve() == target
    except OSError:
        return False


def watched_files(path: Path) -> list[Path]:
    """PATH and every content file of its folder (course.yaml, glossary, timeline, lessons and
    quizzes): a change
    to any of them can change what the preview shows."""
    path = _absolute(path)
    found = find_content_files([context_folder(path)])
    files = [
        path,
        *found.manifests,
        *found.glossaries,
        *found.timelines,
        *found.lessons,
        *found.quizzes,
    ]
    return list(dict.fromkeys(files))


def file_states(path: Path) -> tuple[FileState, ...]:
    """The (mtime_ns, size) of every watched file: when it differs, something was saved."""
    states: list[FileState] = []
    for file in watched_files(path):
        try:
            info = file.stat()
        except OSError:  # missing for now: deleted, or an editor is replacing it
            states.append((str(file), None, None))
        else:
            states.append((str(file), info.st_mtime_ns, info.st_size))
    return tuple(states)
