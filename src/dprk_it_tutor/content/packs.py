"""Content packs: the folders a course is loaded from, their ``course.yaml``, and teaching order.

A course is the built-in pack followed by any packs an author adds. Each pack's lessons are taught
together, in the order of its ``course.yaml`` parts when it lists them, otherwise by each lesson's
``order``; packs follow one another in the order they were given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from dprk_it_tutor.content.fields import FieldReader, close_match_hint
from dprk_it_tutor.content.model import ContentError, Diagnostic, Lesson, Pack, Part

MANIFEST_NAMES = ("course.yaml", "course.yml")
MANIFEST_KEYS = ("title",)
MANIFEST_OPTIONAL = ("name", "description", "parts")
PART_KEYS = ("title", "lessons")
MAX_NAME = 24


def pack_root(path: Path) -> Path:
    """The pack folder a content path belongs to: a folder itself, or the folder holding a file
    (above its ``lessons/`` or ``quizzes/`` folder when it sits in one)."""
    if path.is_dir():
        return path
    folder = path.parent
    return folder.parent if folder.name in ("lessons", "quizzes") else folder


def manifest_path(root: Path) -> Path | None:
    return next((root / name for name in MANIFEST_NAMES if (root / name).is_file()), None)


def default_pack(root: Path) -> Pack:
    """A pack without a ``course.yaml``: named after its folder."""
    return Pack(name=root.resolve().name or str(root), root=root)


def load_manifest(path: Path) -> Pack:
    """Read a pack's ``course.yaml``, or raise ContentError listing every problem in it."""
    # Imported here: finding and ordering a pack's files needs no YAML, and a course that comes
    # whole from the content cache then never imports it.
    from dprk_it_tutor.content.yamlsafe import parse_yaml, read_text

    doc = parse_yaml(read_text(path), path)
    fields = FieldReader(doc)
    if doc.data is None:
        fields.problem((), "course.yaml is empty; it needs at least a 'title'")
        raise ContentError(fields.problems)
    top = fields.mapping((), required=MANIFEST_KEYS, optional=MANIFEST_OPTIONAL, what="course.yaml")
    if top is None:
        raise ContentError(fields.problems)
    root = path.parent
    name = fields.text(("name",), required=False)
    if len(name) > MAX_NAME:
        fields.problem(
            ("name",),
            f"'name' is the short label shown beside each lesson; keep it to {MAX_NAME} "
            f"characters (it has {len(name)})",
        )
    pack = Pack(
        name=name or default_pack(root).name,
        root=root,
        title=fields.text(("title",)),
        description=fields.text(("description",), required=False),
        parts=_parts(fields),
    )
    if fields.problems:
        raise ContentError(fields.problems)
    return pack


def _parts(fields: FieldReader) -> tuple[Part, ...]:
    parts = []
    listed: dict[str, int] = {}  # lesson id -> the line that first lists it
    for index in range(fields.entries("parts", "part")):
        at = ("parts", index)
        if fields.mapping(at, required=PART_KEYS, optional=(), what="a part") is None:
            continue
        ids = fields.text_list((*at, "lessons"))
        if isinstance(fields.get((*at, "lessons")), list) and not ids:
            fields.problem((*at, "lessons"), "a part needs at least one lesson id")
        positions = []
        for item, lesson_id in enumerate(ids):
            position = fields.doc.position((*at, "lessons", item))
            positions.append((position.line, position.col))
            line = position.line
            if lesson_id in listed:
                fields.problem(
                    (*at, "lessons", item),
                    f"lesson '{lesson_id}' is already listed on line {listed[lesson_id]}; "
                    "list each lesson in one part only",
                )
            listed.setdefault(lesson_id, line)
        parts.append(
            Part(title=fields.text((*at, "title")), lesson_ids=ids, positions=tuple(positions))
        )
    return tuple(parts)


def order_pack(pack: Pack, lessons: Iterable[Lesson]) -> tuple[list[Lesson], list[Diagnostic]]:
    """A pack's lessons in teaching order, each knowing its pack and part, with the problems of
    the pack's parts: a listed lesson that is not in the pack, a lesson in no part."""
    by_id = {lesson.id: lesson for lesson in lessons}
    unlisted = sorted(by_id.values(), key=lambda lesson: (lesson.order, lesson.id))
    if not pack.parts:
        return [_in(lesson, pack.name, "") for lesson in unlisted], []
    manifest = manifest_path(pack.root)
    where: dict[str, tuple[int, int]] = {}  # lesson id -> where course.yaml first lists it
    for part in pack.parts:
        for lesson_id, position in zip(part.lesson_ids, part.positions, strict=False):
            where.setdefault(lesson_id, position)
    ordered: list[Lesson] = []
    problems = []
    for part in pack.parts:
        for lesson_id in part.lesson_ids:
            lesson = by_id.get(lesson_id)
            if lesson is None:
                line, col = where.get(lesson_id, (1, 1))
                problems.append(
                    Diagnostic(
                        str(manifest),
                        line,
                        col,
                        f"part '{part.title}' lists lesson '{lesson_id}', which is not a lesson "
                        f"of this pack{close_match_hint(lesson_id, by_id)}",
                    )
                )
                continue
            ordered.append(_in(lesson, pack.name, part.title))
    listed = {lesson.id for lesson in ordered}
    for lesson in unlisted:
        if lesson.id in listed:
            continue
        problems.append(
            Diagnostic(
                str(lesson.path),
                lesson.id_line,
                1,
                f"lesson '{lesson.id}' is in no part of {manifest}; it is taught after the "
                "parts. Add its id to a part's 'lessons'",
                severity="warning",
            )
        )
        ordered.append(_in(lesson, pack.name, ""))
    return ordered, problems


def _in(lesson: Lesson, pack: str, part: str) -> Lesson:
    return replace(lesson, pack=pack, part=part)
