"""Load a whole course from content folders, and check what spans more than one file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from dprk_it_tutor.content.cache import ContentCache, PackCache
from dprk_it_tutor.content.discovery import (
    ContentFiles,
    find_content_files,
    kind_of,
)
from dprk_it_tutor.content.fields import close_match_hint
from dprk_it_tutor.content.model import (
    BrokenFile,
    ContentError,
    Course,
    Diagnostic,
    FileKind,
    GlossaryTerm,
    Lesson,
    Pack,
    Quiz,
    TimelineEvent,
)
from dprk_it_tutor.content.packs import (
    default_pack,
    load_manifest,
    order_pack,
    pack_root,
)
from dprk_it_tutor.content.references import check_term_links, check_timeline, unique_terms
from dprk_it_tutor.content.validate import check_lessons, duplicate_question_ids

T = TypeVar("T")


def load_course(
    paths: Sequence[Path], *, context: Sequence[Path] = (), cache: ContentCache | None = None
) -> Course:
    """Load every lesson and quiz under ``paths``; broken files are listed, never fatal.

    Each path belongs to a pack (see packs.pack_root); packs keep the order their first path was
    given in, ``context`` first, and a file reached twice is loaded once, under the name ``paths``
    gives it (so that a diagnostic names the file as the author wrote it). With a ``cache``, files
    unchanged since they were last loaded are not parsed again, and the cache is saved after.
    """
    groups = _group_by_pack([*context, *paths], prefer=paths)
    diagnostics: list[Diagnostic] = []
    broken: list[BrokenFile] = []
    packs: list[Pack] = []
    lessons: list[Lesson] = []
    quizzes: list[Quiz] = []
    terms: list[GlossaryTerm] = []
    events: list[TimelineEvent] = []
    seen: set[object] = set()
    for root, group in groups.items():
        files = _unseen(find_content_files(group), seen)
        shelf = cache.pack(root) if cache else None
        diagnostics += [
            Diagnostic(str(p), 1, 1, "no such lesson (.md) or quiz (.yaml) file or folder")
            for p in files.missing
        ]
        diagnostics += [
            Diagnostic(str(p), 1, 1, "no lesson (.md) or quiz (.yaml) files in this folder")
            for p in files.empty
        ]
        broken += [
            BrokenFile(p, kind_of(p), p.stem, (Diagnostic(str(p), 1, 1, why),))
            for p, why in files.skipped
        ]
        manifests = _load_each(
            files.manifests, "course", lambda p: [load_manifest(p)], broken, shelf
        )
        pack = manifests[0] if manifests else default_pack(root)
        packs.append(pack)
        pack_lessons = _load_each(files.lessons, "lesson", _read_lesson, broken, shelf)
        lessons += [replace(lesson, pack=pack.name) for lesson in pack_lessons]
        quizzes += _load_each(files.quizzes, "quiz", _read_quiz, broken, shelf)
        terms += _load_each(files.glossaries, "glossary", _read_glossary, broken, shelf)
        events += _load_each(files.timelines, "timeline", _read_timeline, broken, shelf)
    if cache:
        cache.save()

    lessons, rejected = _unique_lessons(lessons)
    broken += rejected
    lessons, problems = _teaching_order(packs, lessons)
    diagnostics += problems
    by_id = {lesson.id: lesson for lesson in lessons}
    broken_lessons = {item.name for item in broken if item.kind == "lesson"}
    quiz_map, rejected = _attach_quizzes(quizzes, by_id, broken_lessons)
    broken += rejected
    # Lessons that did not load are still checked for what spans files, as far as they read.
    readable = [item.readable for item in broken if item.readable is not None]
    diagnostics += check_lessons(lessons, broken_lessons, also=readable)
    diagnostics += duplicate_question_ids(quiz_map.values())
    terms, problems = unique_terms(terms)
    diagnostics += problems
    glossary_broken = any(item.kind == "glossary" for item in broken)
    diagnostics += check_term_links([*lessons, *readable], terms, glossary_broken=glossary_broken)
    diagnostics += check_timeline(events, by_id)
    for item in broken:
        diagnostics += item.diagnostics
    return Course(
        lessons=tuple(lessons),
        quizzes=quiz_map,
        broken=tuple(broken),
        diagnostics=tuple(sorted(diagnostics)),
        glossary=tuple(sorted(terms, key=lambda term: (term.term.casefold(), term.id))),
        timeline=tuple(sorted(events, key=lambda event: event.sort_key)),
        packs=tuple(packs),
    )


# The loaders are imported when a file has to be read: a course that comes whole from the content
# cache never needs them, nor the YAML parser they import, and starts that much sooner.


def _read_lesson(path: Path) -> list[Lesson]:
    from dprk_it_tutor.content.lessons import load_lesson

    return [load_lesson(path)]


def _read_quiz(path: Path) -> list[Quiz]:
    from dprk_it_tutor.content.quizzes import load_quiz

    return [load_quiz(path)]


def _read_glossary(path: Path) -> tuple[GlossaryTerm, ...]:
    from dprk_it_tutor.content.glossary import load_glossary

    return load_glossary(path)


def _read_timeline(path: Path) -> tuple[TimelineEvent, ...]:
    from dprk_it_tutor.content.timeline import load_timeline

    return load_timeline(path)


def _group_by_pack(paths: Sequence[Path], prefer: Sequence[Path]) -> dict[Path, list[Path]]:
    """The paths given, grouped under the pack folder each belongs to, in first-given order;
    within a pack, the ``prefer`` paths come first."""
    groups: dict[Path, list[Path]] = {}
    roots: dict[Path, Path] = {}  # resolved root -> the root as first written
    for path in paths:
        root = pack_root(path)
        written = roots.setdefault(_resolved(root), root)
        groups.setdefault(written, []).append(path)
    preferred = set(prefer)
    return {
        root: sorted(group, key=lambda path: path not in preferred)
        for root, group in groups.items()
    }


def check_content(
    targets: Sequence[Path], context: Sequence[Path] = (), cache: ContentCache | None = None
) -> Course:
    """What ``validate`` reports for ``targets``: the files loaded as part of a course built on
    ``context`` (the built-in course, other packs), so that links into the context resolve; the
    result holds only what the targets' own files define, and only the problems found in them."""
    course = load_course(targets, context=context, cache=cache)
    found = find_content_files(targets)
    own = {
        str(path)
        for group in (found.lessons, found.quizzes, found.glossaries, found.timelines)
        for path in group
    }
    own |= {str(path) for path in (*found.manifests, *found.missing, *found.empty)}
    own |= {str(path) for path, _ in found.skipped}
    return replace(
        course,
        lessons=tuple(lesson for lesson in course.lessons if str(lesson.path) in own),
        quizzes={key: quiz for key, quiz in course.quizzes.items() if str(quiz.path) in own},
        broken=tuple(item for item in course.broken if str(item.path) in own),
        diagnostics=tuple(d for d in course.diagnostics if d.path in own),
        glossary=tuple(term for term in course.glossary if str(term.path) in own),
        timeline=tuple(event for event in course.timeline if str(event.path) in own),
    )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # a symlink loop, say: the path is reported as missing later
        return path.absolute()


def _identity(path: Path) -> object:
    """What makes two paths the same file: its device and inode (one stat, where resolving the
    path would look at every folder on the way), else the path itself."""
    try:
        st = os.stat(path)
    except OSError:
        return _resolved(path)
    return (st.st_dev, st.st_ino)


def _unseen(files: ContentFiles, seen: set[object]) -> ContentFiles:
    """``files`` without those already loaded from another path given (each file loads once)."""

    def keep(found: list[Path]) -> list[Path]:
        kept = []
        for path in found:
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                kept.append(path)
        return kept

    return ContentFiles(
        lessons=keep(files.lessons),
        quizzes=keep(files.quizzes),
        glossaries=keep(files.glossaries),
        timelines=keep(files.timelines),
        manifests=keep(files.manifests),
        missing=files.missing,
        empty=files.empty,
        skipped=files.skipped,
    )


def _teaching_order(
    packs: list[Pack], lessons: list[Lesson]
) -> tuple[list[Lesson], list[Diagnostic]]:
    """Pack after pack, each in its own order (its parts, else each lesson's ``order``)."""
    ordered: list[Lesson] = []
    problems: list[Diagnostic] = []
    for pack in packs:
        in_order, found = order_pack(
            pack, [lesson for lesson in lessons if lesson.pack == pack.name]
        )
        ordered += in_order
        problems += found
    return ordered, problems


def _load_each(
    paths: list[Path],
    kind: FileKind,
    load: Callable[[Path], Iterable[T]],
    broken: list[BrokenFile],
    cache: PackCache | None = None,
) -> list[T]:
    """Everything ``load`` reads from each path; a file that fails is added to ``broken``."""
    loaded: list[T] = []
    for path in paths:
        try:
            loaded += cache.load(path, kind, load) if cache else load(path)
        except ContentError as exc:
            broken.append(
                BrokenFile(path, kind, exc.name or path.stem, exc.diagnostics, exc.readable)
            )
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
