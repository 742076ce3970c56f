"""The command line: parses arguments, wires content, progress and the TUI together, prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TextIO

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.content.schema import SCHEMAS, schema_json
from dprk_it_tutor.progress import (
    ProgressStore,
    StoreError,
    StoreUnavailable,
    course_overview,
    damaged_store_notice,
    format_score,
)
from dprk_it_tutor.progress.export import export_history
from dprk_it_tutor.progress.export_csv import export_csv
from dprk_it_tutor.progress.export_format import read_export
from dprk_it_tutor.progress.files import write_atomically
from dprk_it_tutor.progress.merge import import_history
from dprk_it_tutor.progress.report import format_duration, now_for_reviews, progress_report
from dprk_it_tutor.progress.reset import check_lesson_to_reset, reset_progress
from dprk_it_tutor.terminal_text import printable

PROG = "dprk-it-tutor"


def _version() -> str:
    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    # Options shared by every command, accepted before or after the command name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where progress is kept (default: ${paths.DATA_DIR_ENV} or the platform's data folder)",
    )
    common.add_argument(
        "--profile",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"who is learning: each learner has their own progress; a new name adds a learner "
        f"(default: ${paths.PROFILE_ENV}, else whoever used the course last)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A terminal course on North Korea's IT sector as two 2012-2013 articles reported it.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.set_defaults(handler=run_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    commands.add_parser(
        "run", parents=[common], help="open the course in the terminal (the default)"
    ).set_defaults(handler=run_app)
    commands.add_parser(
        "list", parents=[common], help="print the lessons in order with their status"
    ).set_defaults(handler=list_lessons)
    progress = commands.add_parser(
        "progress", parents=[common], help="print your progress: every lesson and the totals"
    )
    progress.add_argument(
        "--json",
        action="store_true",
        help="print it as JSON (the shape is described in docs/progress.md)",
    )
    progress.set_defaults(handler=show_progress)
    commands.add_parser(
        "review", parents=[common], help="open the course straight into the reviews that are due"
    ).set_defaults(handler=run_review)
    commands.add_parser(
        "learners", parents=[common], help="list the learners whose progress is kept here"
    ).set_defaults(handler=list_learners)
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write your whole history: JSON (to import elsewhere) or CSV (for spreadsheets)",
    )
    export.add_argument(
        "--format", choices=("json", "csv"), default="json", help="json (the default) or csv"
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (replaced whole, readable only by you) instead of printing",
    )
    export.set_defaults(handler=export_history_command)
    import_ = commands.add_parser(
        "import",
        parents=[common],
        help="merge a JSON export into your progress (importing a file twice changes nothing)",
    )
    import_.add_argument("file", type=Path, metavar="FILE", help="a file written by 'export'")
    import_.set_defaults(handler=import_history_command)
    reset = commands.add_parser(
        "reset",
        parents=[common],
        help="erase your progress, or one lesson's, after writing a backup you can import",
    )
    reset.add_argument("--lesson", metavar="ID", help="reset only this lesson")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(handler=reset_command)
    validate = commands.add_parser(
        "validate",
        parents=[common],
        help="check lessons and quizzes; print one 'path:line:col: error: message' line per problem",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="course folders, lessons/ or quizzes/ folders, or single files (default: the built-in course)",
    )
    validate.set_defaults(handler=validate_content)
    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of a kind of content file, for editors that check YAML as you type",
    )
    schema.add_argument(
        "kind",
        choices=tuple(SCHEMAS),
        metavar="KIND",
        help="lesson (a lesson's front matter), quiz, glossary or timeline",
    )
    schema.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the schema to FILE (replacing it) instead of printing it",
    )
    schema.set_defaults(handler=print_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except StoreError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`dprk-it-tutor list | head`): stop quietly, as Unix tools do.
        # Python would otherwise complain again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _course() -> Course:
    return load_course([paths.builtin_course_dir()])


def _store(args: argparse.Namespace, *, new_profile: bool = False) -> ProgressStore:
    """The store, open for the learner asked for; only the app may add a learner by naming one."""
    store = ProgressStore.open(
        paths.data_dir(getattr(args, "data_dir", None)),
        paths.profile_name(getattr(args, "profile", None)),
        new_profile=new_profile,
    )
    if store.moved_aside:
        print(f"{PROG}: warning: {damaged_store_notice(store)}", file=sys.stderr)
    return store


def run_app(args: argparse.Namespace, start: str | None = None) -> int:
    from dprk_it_tutor.tui.app import make_app  # Textual is imported only when the app runs

    course = _course()
    try:
        store = _store(args, new_profile=True)
    except StoreUnavailable as exc:
        store = _unsaved_store(args, exc)
    with store:
        make_app(course, store, start).run()
    return 0


def _unsaved_store(args: argparse.Namespace, error: StoreUnavailable) -> ProgressStore:
    """The app still runs when its store cannot be written: in memory, saving nothing, and says so."""
    data_dir = paths.data_dir(getattr(args, "data_dir", None))
    store = ProgressStore.open_unsaved(
        data_dir, paths.profile_name(getattr(args, "profile", None)), str(error)
    )
    print(f"{PROG}: warning: {error}; progress will not be saved in this session", file=sys.stderr)
    return store


def run_review(args: argparse.Namespace) -> int:
    return run_app(args, start="review")


def list_lessons(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    course = _course()
    with _store(args) as store:
        rows = course_overview(course, store.lesson_records())
    width = max((len(row.lesson.id) for row in rows), default=2)
    print(f"{'#':>3}  {'id':<{width}}  {'status':<11}  {'quiz':>4}  title", file=out)
    for number, row in enumerate(rows, start=1):
        print(
            f"{number:>3}  {row.lesson.id:<{width}}  {row.status.value:<11}  "
            f"{format_score(row.best_score):>4}  {printable(row.lesson.title)}",
            file=out,
        )
    for broken in course.broken:
        print(f"  !  {printable(broken.first_problem)}", file=out)
    return 0


def list_learners(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with _store(args) as store:
        current = store.profile_name
        learners = store.profiles()
    for learner in learners:
        mark = "*" if learner.name == current else " "
        last = (learner.last_used_at or "")[:10] or "-"
        print(f"{mark} {printable(learner.name):<32}  last used {last}", file=out)
    return 0


def show_progress(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    course = _course()
    with _store(args) as store:
        report = progress_report(course, store, now_for_reviews())
    if args.json:
        json.dump(report.as_json(), out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    print(f"Learner: {printable(report.profile)} · {report.streak.describe()}\n", file=out)
    width = max((len(lesson.id) for lesson in report.lessons), default=2)
    print(
        f"{'#':>3}  {'id':<{width}}  {'status':<11}  {'step':>5}  {'best':>4}  {'last':>4}  "
        f"{'tries':>5}  {'time':>6}  title",
        file=out,
    )
    for number, lesson in enumerate(report.lessons, start=1):
        step = f"{lesson.steps_seen}/{lesson.steps_total}"
        print(
            f"{number:>3}  {lesson.id:<{width}}  {lesson.status:<11}  {step:>5}  "
            f"{_percent(lesson.best_score):>4}  {_percent(lesson.last_score):>4}  "
            f"{lesson.attempts:>5}  {format_duration(lesson.time_seconds):>6}  "
            f"{printable(lesson.title)}",
            file=out,
        )
    totals = report.totals
    print(
        f"\nCompleted {totals.completed} of {totals.lessons} lessons ({totals.completion:g}%), "
        f"{totals.in_progress} in progress; {totals.steps_seen} of {totals.steps_total} steps seen; "
        f"{totals.attempts} quiz attempt(s); {report.reviews_due} question(s) due for review; "
        f"time spent: {format_duration(totals.time_seconds, spaced=True)}.",
        file=out,
    )
    return 0


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}%"


def export_history_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    with _store(args) as store:
        document = export_history(store)
    if args.format == "csv":
        text = export_csv(document)
    else:
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        (out or sys.stdout).write(text)
        return 0
    write_atomically(args.output, text)
    print(
        f"exported the history of learner {document['profile']!r} to {args.output}", file=sys.stderr
    )
    return 0


def import_history_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    document = read_export(args.file)  # checked whole before the store is even opened
    with _store(args, new_profile=True) as store:  # importing may bring a learner here
        summary = import_history(store, document)
        print(f"imported into learner {store.profile_name!r}: {summary}", file=out or sys.stdout)
    return 0


def reset_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    course_lessons = [lesson.id for lesson in _course().lessons] if args.lesson else []
    with _store(args) as store:
        learner = store.profile_name
        if args.lesson is None:
            question = f"Reset all progress of learner {learner!r}?"
        elif check_lesson_to_reset(store, args.lesson, course_lessons):
            question = f"Reset the progress of learner {learner!r} in lesson {args.lesson!r}?"
        else:
            print(f"lesson {args.lesson!r} has no progress to reset; nothing was reset", file=out)
            return 0
        if not args.yes and not _confirm(question + " A backup is written first."):
            print("nothing was reset", file=sys.stderr)
            return 1
        result = reset_progress(store, args.lesson)
    print(f"backup written to {result.backup}", file=out)
    what = f"lesson {args.lesson!r} of learner" if args.lesson else "all progress of learner"
    print(f"reset {what} {learner!r}: {result}", file=out)
    return 0


def _confirm(question: str) -> bool:
    """Ask on stderr (stdout may be redirected); only the word 'yes' confirms, end of input does not."""
    print(f"{question} Type 'yes' to confirm: ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not answer.endswith("\n"):  # end of input: the next message starts on its own line
        print(file=sys.stderr)
    return answer.strip() == "yes"


def validate_content(args: argparse.Namespace) -> int:
    targets = args.paths or [paths.builtin_course_dir()]
    course = load_course(targets)
    for diagnostic in course.diagnostics:
        print(printable(str(diagnostic)))
    errors = len(course.errors)
    warnings = len(course.diagnostics) - errors
    checked = (
        f"{len(course.lessons)} lesson(s), {len(course.quizzes)} quiz(zes), "
        f"{len(course.glossary)} glossary term(s) and {len(course.timeline)} event(s) loaded"
    )
    print(f"{errors} error(s), {warnings} warning(s); {checked}", file=sys.stderr)
    return 1 if errors else 0


def print_schema(args: argparse.Namespace, out: TextIO | None = None) -> int:
    text = schema_json(args.kind)
    if args.output is None:
        (out or sys.stdout).write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        print(f"{PROG}: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote the {args.kind} schema to {args.output}", file=sys.stderr)
    return 0
