"""The author-facing rules that need the whole course: prerequisites, teaching order, step length
and ids that must be unique across files.

Each file's own problems are found by its loader; what is checked here needs every loaded lesson
(or quiz) at once. Every rule returns Diagnostics placed at the value an author has to change.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise

from dprk_it_tutor.content.fields import close_match_hint
from dprk_it_tutor.content.model import Diagnostic, Lesson, Quiz, Severity

# docs/authoring.md asks for about 80-180 words a step; well past that a step no longer fits on
# one screen, so it is worth a warning, while a step a little over the range is not.
LONG_STEP_WORDS = 250


def check_lessons(
    lessons: Sequence[Lesson], broken: Collection[str] = (), *, also: Sequence[Lesson] = ()
) -> list[Diagnostic]:
    """Every rule over the loaded lessons, given in teaching order (see course.py); ``broken``
    holds the ids of lessons that failed to load, and ``also`` what could be read of them, whose
    prerequisites are checked too."""
    by_id = {lesson.id: lesson for lesson in lessons}
    in_cycles, cycle_problems = prerequisite_cycles(lessons)
    return [
        *prerequisite_problems([*lessons, *also], by_id, broken, skip=in_cycles),
        *cycle_problems,
        *shared_orders(lessons),
        *long_steps(lessons),
    ]


def _where(lesson: Lesson, index: int) -> tuple[int, int]:
    """The line and column of the lesson's prerequisite ``index``."""
    positions = lesson.prerequisite_positions
    return positions[index] if index < len(positions) else (lesson.id_line, 1)


def prerequisite_problems(
    lessons: Iterable[Lesson],
    by_id: dict[str, Lesson],
    broken: Collection[str] = (),
    *,
    skip: Collection[tuple[str, str]] = (),
) -> list[Diagnostic]:
    """Each prerequisite must be another lesson of the course, listed once, taught earlier.

    ``by_id`` is in teaching order; ``skip`` holds (lesson, prerequisite) pairs already reported
    as part of a cycle.
    """
    rank = {lesson_id: place for place, lesson_id in enumerate(by_id)}
    problems = []
    for lesson in lessons:
        for index in range(len(lesson.prerequisites)):
            found = _prerequisite_problem(lesson, index, by_id, rank, broken, skip)
            if found:
                line, col = _where(lesson, index)
                problems.append(Diagnostic(str(lesson.path), line, col, *found))
    return problems


def _prerequisite_problem(
    lesson: Lesson,
    index: int,
    by_id: dict[str, Lesson],
    rank: dict[str, int],
    broken: Collection[str],
    skip: Collection[tuple[str, str]],
) -> tuple[str, Severity] | None:
    needed = lesson.prerequisites[index]
    other = by_id.get(needed)
    if needed == lesson.id:
        return f"lesson '{lesson.id}' lists itself as a prerequisite", "error"
    if needed in lesson.prerequisites[:index]:
        return f"prerequisite '{needed}' is listed twice", "warning"
    if other is None:
        if needed in broken:
            why = "could not be loaded (see its own errors)"
        else:
            hint = close_match_hint(needed, [known for known in by_id if known != lesson.id])
            why = "is not a lesson in this course" + hint
        return f"prerequisite '{needed}' of lesson '{lesson.id}' {why}", "error"
    taught = by_id.get(lesson.id) is lesson  # a lesson that did not load has no place yet
    if taught and (lesson.id, needed) not in skip and rank[other.id] > rank[lesson.id]:
        return _taught_later(lesson, other), "warning"
    return None


def _taught_later(lesson: Lesson, other: Lesson) -> str:
    start = f"prerequisite '{other.id}' is taught after lesson '{lesson.id}'"
    if other.pack != lesson.pack:
        return (
            f"{start} (it is in pack '{other.pack}', which comes after pack '{lesson.pack}'); "
            "load that pack first or drop the prerequisite"
        )
    if other.part or lesson.part:
        return (
            f"{start} (it comes later in the parts of course.yaml); list '{other.id}' before "
            f"'{lesson.id}' there or drop the prerequisite"
        )
    if other.order == lesson.order:
        when = f"both have order {lesson.order}, and '{other.id}' sorts after '{lesson.id}'"
    else:
        when = f"its order is {other.order}, this lesson's is {lesson.order}"
    return f"{start} ({when}); give '{other.id}' a smaller order or drop the prerequisite"


def prerequisite_cycles(
    lessons: Sequence[Lesson],
) -> tuple[set[tuple[str, str]], list[Diagnostic]]:
    """Prerequisites that lead back to where they started, each cycle reported once.

    A depth-first walk in teaching order, following prerequisites in the order written; a
    prerequisite that leads back to a lesson still being walked closes a cycle, which is reported
    at that prerequisite. Returns the (lesson, prerequisite) pairs in cycles, and the problems.
    """
    by_id = {lesson.id: lesson for lesson in lessons}
    done: set[str] = set()
    in_cycles: set[tuple[str, str]] = set()
    problems = []
    for start in lessons:
        if start.id in done:
            continue
        path: list[str] = [start.id]
        pending = [iter(enumerate(start.prerequisites))]  # an explicit stack: no recursion limit
        while pending:
            step = next(pending[-1], None)
            if step is None:
                done.add(path.pop())
                pending.pop()
                continue
            index, needed = step
            current = by_id[path[-1]]
            if (
                needed == current.id
                or needed not in by_id
                or needed in done
                or needed in current.prerequisites[:index]
            ):
                continue  # self-references, unknown ids and repeats are reported on their own
            if needed in path:
                cycle = [*path[path.index(needed) :], needed]
                in_cycles.update(pairwise(cycle))
                line, col = _where(current, index)
                problems.append(
                    Diagnostic(
                        str(current.path),
                        line,
                        col,
                        "prerequisites form a cycle: "
                        + " -> ".join(cycle)
                        + "; each lesson needs the next, so none of them can be taken first",
                    )
                )
                continue
            path.append(needed)
            pending.append(iter(enumerate(by_id[needed].prerequisites)))
    return in_cycles, problems


def shared_orders(lessons: Iterable[Lesson]) -> list[Diagnostic]:
    """A warning for each lesson whose ``order`` an earlier lesson already has."""
    first: dict[tuple[str, int], Lesson] = {}  # (pack, order) -> the first lesson with it
    problems = []
    for lesson in lessons:
        if lesson.part:  # its place comes from course.yaml, not from its order
            continue
        other = first.setdefault((lesson.pack, lesson.order), lesson)
        if other is lesson:
            continue
        line, col = lesson.order_position
        problems.append(
            Diagnostic(
                str(lesson.path),
                line,
                col,
                f"lesson '{lesson.id}' has order {lesson.order}, the same as lesson '{other.id}' "
                f"({other.path}:{other.order_position[0]}); lessons with the same order are "
                "taught in id order, so give each its own",
                "warning",
            )
        )
    return problems


def long_steps(lessons: Iterable[Lesson]) -> list[Diagnostic]:
    """A warning at the heading of every step longer than LONG_STEP_WORDS words."""
    return [
        Diagnostic(
            str(lesson.path),
            step.line,
            1,
            f"step {step.number} ('{step.title}') has {words} words; a step over "
            f"{LONG_STEP_WORDS} words rarely fits on one screen, so split it (aim for 80-180)",
            "warning",
        )
        for lesson in lessons
        for step in lesson.steps
        if (words := step.words) > LONG_STEP_WORDS
    ]


def duplicate_question_ids(quizzes: Iterable[Quiz]) -> list[Diagnostic]:
    """A question id used in two quizzes is an error in the later file (by path)."""
    seen: dict[str, Quiz] = {}
    problems = []
    for quiz in sorted(quizzes, key=lambda q: str(q.path)):
        for question in quiz.questions:
            first = seen.setdefault(question.id, quiz)
            if first is not quiz:
                problems.append(
                    Diagnostic(
                        str(quiz.path),
                        question.line,
                        question.col,
                        f"question id '{question.id}' is also used in {first.path}; "
                        "progress is keyed by question id, so ids must be unique in a course",
                    )
                )
    return problems
