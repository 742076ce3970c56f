"""Start a lesson or a quiz from a commented template (``dprk-it-tutor new``).

A content folder (a "pack") keeps lessons in ``lessons/`` and quizzes in ``quizzes/``. New files
are checked against the whole course the folder adds to, so an id or a quiz is never taken twice,
and they are created exclusively, so an existing file is never overwritten.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from dprk_it_tutor.content.course import load_course
from dprk_it_tutor.content.fields import ID_PATTERN, ID_RULE, close_match_hint
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import ContentError, Course, Lesson
from dprk_it_tutor.content.packs import load_manifest, manifest_path
from dprk_it_tutor.content.scaffold_text import (
    example_question_id,
    lesson_text,
    quiz_text,
    validate_command,
)

ORDER_STEP = 10  # the shipped course counts 10, 20, ...: room to put a lesson between two others
MAX_ORDER = 1_000_000  # the largest order lessons.py accepts
SLUG_LENGTH = 40
_NOT_IN_A_TITLE = {"Cc", "Cs", "Zl", "Zp"}  # control characters, lone surrogates, line breaks


__all__ = [
    "ScaffoldError",
    "check_title",
    "choose_order",
    "example_question_id",
    "lesson_text",
    "new_lesson",
    "new_quiz",
    "quiz_text",
    "slugify",
    "validate_command",
]


class ScaffoldError(Exception):
    """Why nothing was written, in one line for the author."""


def slugify(title: str) -> str:
    """An id made from a title: ASCII letters and digits, lowercase, joined by single hyphens;
    accents and apostrophes are dropped ("Café" -> "cafe"); "" when nothing usable is left."""
    folded = unicodedata.normalize("NFKD", title.casefold()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.replace("'", ""))  # "Kim's" -> "kims", not "kim-s"
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > SLUG_LENGTH and slug:
            break
        slug = longer[:SLUG_LENGTH]
    return slug


def check_title(title: str) -> str:
    """The title without spaces around it, or ScaffoldError when it cannot be a title."""
    title = title.strip()
    if not title:
        raise ScaffoldError("the title is empty; give the lesson's title in quotes")
    for position, char in enumerate(title, start=1):
        if unicodedata.category(char) in _NOT_IN_A_TITLE or char in "\ufffe\uffff":
            raise ScaffoldError(
                f"the title must be one line of text without control characters; "
                f"found U+{ord(char):04X} at character {position}"
            )
    return title


def choose_order(orders: Mapping[str, int], after: str | None = None, *, folder: str = ".") -> int:
    """The ``order`` for a new lesson among a folder's lessons (``orders``: id -> order).

    Without ``after``: the next multiple of ten past every order. With it: halfway between that
    lesson and the next higher order, or ten past it when it is the last."""
    if after is None:
        order = (max(orders.values(), default=0) // ORDER_STEP + 1) * ORDER_STEP
    elif after not in orders:
        raise ScaffoldError(
            f"--after: there is no lesson '{after}' in {folder}" + close_match_hint(after, orders)
        )
    else:
        start = orders[after]
        following = min((o for o in orders.values() if o > start), default=None)
        if following is None:
            order = start + ORDER_STEP
        else:
            order = (start + following) // 2
            if order == start:
                next_id = min(i for i, o in orders.items() if o == following)
                raise ScaffoldError(
                    f"--after: no whole number lies between the orders of '{after}' ({start}) "
                    f"and '{next_id}' ({following}); renumber the lessons in {folder} with gaps "
                    "(10, 20, 30, ...) and try again"
                )
    if order > MAX_ORDER:
        raise ScaffoldError(
            f"the new lesson's order would be {order}, past the largest allowed ({MAX_ORDER}); "
            f"renumber the lessons in {folder} with smaller orders and try again"
        )
    return order


def new_lesson(
    folder: Path,
    title: str,
    *,
    builtin: Path,
    lesson_id: str | None = None,
    after: str | None = None,
) -> Path:
    """Write a new lesson into ``folder``/lessons and return its path; ScaffoldError says why not."""
    title = check_title(title)
    if lesson_id is None:
        lesson_id = slugify(title)
        if not lesson_id:
            raise ScaffoldError(
                f"cannot make an id from the title {title!r}: it has no letters a-z or digits; "
                "give one with --id, such as --id my-lesson"
            )
    elif not ID_PATTERN.match(lesson_id):
        raise ScaffoldError(f"--id must be {ID_RULE}; got {lesson_id!r}")
    course, own = _folder_course(folder, builtin)
    taken = course.lesson(lesson_id)
    if taken is not None:
        raise ScaffoldError(
            f"lesson id '{lesson_id}' is already used by {taken.path}:{taken.id_line}; "
            "choose another with --id"
        )
    broken = _broken(course, "lesson", lesson_id)
    if broken is not None:
        raise ScaffoldError(
            f"lesson id '{lesson_id}' is already used by {broken}, a lesson file that does not "
            "load; choose another with --id"
        )
    orders = {lesson.id: lesson.order for lesson in own}
    if after is not None and after not in orders and course.lesson(after) is not None:
        raise ScaffoldError(
            f"--after: lesson '{after}' is in the built-in course, not in {folder}; --after "
            f"places the new lesson among the lessons of {folder}"
        )
    order = choose_order(orders, after, folder=str(folder))
    path = folder / "lessons" / f"{order:02d}-{lesson_id}.md"
    _write_new(path, lesson_text(lesson_id, title, order, folder=folder))
    return path


def new_quiz(folder: Path, lesson_id: str, *, builtin: Path) -> Path:
    """Write ``folder``/quizzes/<lesson_id>.yaml and return its path; ScaffoldError says why not."""
    course, _ = _folder_course(folder, builtin)
    lesson = course.lesson(lesson_id)
    if lesson is None:
        broken = _broken(course, "lesson", lesson_id)
        if broken is not None:
            raise ScaffoldError(
                f"lesson '{lesson_id}' in {broken} does not load; fix it first "
                f"(see: {validate_command(folder)})"
            )
        where = (
            "the built-in course" if _same(folder, builtin) else f"{folder} or the built-in course"
        )
        raise ScaffoldError(
            f"there is no lesson '{lesson_id}' in {where}"
            + close_match_hint(lesson_id, [lesson.id for lesson in course.lessons])
        )
    quiz = course.quiz_for(lesson_id)
    existing = quiz.path if quiz is not None else _broken(course, "quiz", lesson_id)
    if existing is not None:
        raise ScaffoldError(f"lesson '{lesson_id}' already has a quiz: {existing}")
    path = folder / "quizzes" / f"{lesson_id}.yaml"
    _write_new(path, quiz_text(lesson_id, lesson.step_count, folder=folder))
    return path


def _same(folder: Path, builtin: Path) -> bool:
    return folder.resolve() == builtin.resolve()


def _folder_course(folder: Path, builtin: Path) -> tuple[Course, list[Lesson]]:
    """The course ``folder`` adds to (the built-in one and the folder), and the folder's lessons."""
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} is not a folder; --dir names a content folder")
    course = load_course([builtin] if _same(folder, builtin) else [builtin, folder])
    home = folder.resolve()
    loose = [
        item.path
        for item in (*course.lessons, *course.quizzes.values())
        if item.path.resolve().parent == home
    ]
    if loose:
        # A lessons/ folder makes the loader read lessons from it alone, hiding these files.
        raise ScaffoldError(
            f"{loose[0]} lies directly in {folder}; new files go to {folder / 'lessons'} and "
            f"{folder / 'quizzes'}, which would hide it: move the lesson files into lessons/ "
            "and the quiz files into quizzes/ first"
        )
    lessons_dir = (folder / "lessons").resolve()
    return course, [
        lesson for lesson in course.lessons if lesson.path.resolve().parent == lessons_dir
    ]


def _broken(course: Course, kind: str, name: str) -> Path | None:
    return next((b.path for b in course.broken if b.kind == kind and b.name == name), None)


def _write_new(path: Path, text: str) -> None:
    """Create ``path`` holding ``text``; never replaces a file, even one made a moment ago."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScaffoldError(
            f"cannot create the folder {path.parent}: {exc.strerror or exc}"
        ) from exc
    try:
        file = path.open("x", encoding="utf-8", newline="\n")
    except FileExistsError as exc:
        raise ScaffoldError(f"{path} already exists; nothing was written") from exc
    except OSError as exc:
        raise ScaffoldError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with file:
            file.write(text)
    except OSError as exc:
        path.unlink(missing_ok=True)  # no half-written file left behind
        raise ScaffoldError(f"cannot write {path}: {exc.strerror or exc}") from exc


def parts_hint(folder: Path, lesson_file: Path) -> str:
    """What else to do when the folder's course.yaml lists its lessons in parts: a lesson in no
    part is taught after them all (and validate warns), so say where to list the new one."""
    manifest = manifest_path(folder)
    if manifest is None:
        return ""
    try:
        has_parts = bool(load_manifest(manifest).parts)
        lesson_id = load_lesson(lesson_file).id
    except ContentError:
        return ""
    if not has_parts:
        return ""
    return f"list '{lesson_id}' in a part's 'lessons' in {manifest}, where it should be taught"
