"""Finding content files: which files under the paths given are lessons, quizzes, a glossary,
a timeline or a pack's ``course.yaml``, and which symlinks among them are not followed."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dprk_it_tutor.content.model import FileKind
from dprk_it_tutor.content.packs import MANIFEST_NAMES, manifest_path, pack_root
from dprk_it_tutor.content.symlinks import link_problem

LESSON_SUFFIXES = (".md",)
QUIZ_SUFFIXES = (".yaml", ".yml")
GLOSSARY_NAMES = ("glossary.yaml", "glossary.yml")
TIMELINE_NAMES = ("timeline.yaml", "timeline.yml")
REFERENCE_NAMES = GLOSSARY_NAMES + TIMELINE_NAMES + MANIFEST_NAMES


@dataclass
class ContentFiles:
    """The lesson and quiz files found under some paths, in a stable order."""

    lessons: list[Path] = field(default_factory=list)
    quizzes: list[Path] = field(default_factory=list)
    glossaries: list[Path] = field(default_factory=list)
    timelines: list[Path] = field(default_factory=list)
    manifests: list[Path] = field(default_factory=list)  # course.yaml of a pack
    missing: list[Path] = field(default_factory=list)
    empty: list[Path] = field(default_factory=list)  # folders holding no content files
    # Symlinks not followed (see symlinks.py), with the reason, reported as broken files.
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def find_content_files(paths: Iterable[Path]) -> ContentFiles:
    """Collect content files from course roots (with lessons/ and quizzes/), folders or files.

    A glossary or timeline is found by its name, in a course root or a folder, or given itself.
    """
    found = ContentFiles()
    for path in paths:
        problem = link_problem(path, pack_root(path)) if path.is_symlink() else None
        if problem:
            found.skipped.append((path, problem))
        elif path.is_file():
            if path.name in MANIFEST_NAMES:
                found.manifests.append(path)
            elif path.name in GLOSSARY_NAMES:
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
            skipped = len(found.skipped)
            lessons = _files(lesson_dir, LESSON_SUFFIXES, path, found)
            quizzes = [
                p
                for p in _files(quiz_dir, QUIZ_SUFFIXES, path, found)
                if p.name not in REFERENCE_NAMES
            ]
            glossaries = _inside([path / name for name in GLOSSARY_NAMES], path, found)
            timelines = _inside([path / name for name in TIMELINE_NAMES], path, found)
            manifest = manifest_path(path)
            if manifest and not _inside([manifest], path, found):
                manifest = None
            if not (lessons or quizzes or glossaries or timelines or len(found.skipped) > skipped):
                found.empty.append(path)
            found.lessons += lessons
            found.quizzes += quizzes
            found.glossaries += glossaries
            found.timelines += timelines
            found.manifests += [manifest] if manifest else []
        else:
            found.missing.append(path)
    return found


def _files(folder: Path, suffixes: tuple[str, ...], root: Path, found: ContentFiles) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        with os.scandir(folder) as entries:
            listed = sorted(
                (entry for entry in entries if os.path.splitext(entry.name)[1] in suffixes),
                key=lambda entry: entry.name,
            )
    except OSError:
        return []
    if link_problem(folder, root) is not None:
        # The folder itself leads out of the pack: each file in it says so on its own line.
        return _inside([folder / entry.name for entry in listed], root, found)
    # The folder is inside the pack, so are the plain files in it: only links need resolving,
    # which keeps a pack of thousands of files quick to open.
    kept = []
    for entry in listed:
        path = folder / entry.name
        if entry.is_symlink():
            kept += _inside([path], root, found)
        elif entry.is_file():
            kept.append(path)
    return kept


def _inside(paths: list[Path], root: Path, found: ContentFiles) -> list[Path]:
    """The files of ``paths`` that may be read; links out of ``root`` go to ``found.skipped``."""
    kept = []
    for path in paths:
        if not (path.is_file() or path.is_symlink()):
            continue
        problem = link_problem(path, root)
        if problem:
            found.skipped.append((path, problem))
        elif path.is_file():
            kept.append(path)
    return kept


def kind_of(path: Path) -> FileKind:
    by_name: dict[str, FileKind] = {
        **dict.fromkeys(GLOSSARY_NAMES, "glossary"),
        **dict.fromkeys(TIMELINE_NAMES, "timeline"),
        **dict.fromkeys(MANIFEST_NAMES, "course"),
    }
    return "lesson" if path.suffix in LESSON_SUFFIXES else by_name.get(path.name, "quiz")
