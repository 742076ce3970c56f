"""The command line: parses arguments, wires content, progress and the TUI together, prints."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.content.cache import ContentCache
from dprk_it_tutor.content.course import check_content
from dprk_it_tutor.crash import CRASH_EXIT, crash_message, write_crash_log
from dprk_it_tutor.progress import (
    ProgressStore,
    StoreError,
    StoreUnavailable,
    course_overview,
    damaged_store_notice,
    format_score,
)
from dprk_it_tutor.terminal_text import cell_width, pad, printable

# What only one command needs (export, import, reset, reports, authoring, schemas, the app
# itself) is imported inside its handler: opening the course should not pay for the rest.

PROG = "dprk-it-tutor"
SCHEMA_KINDS = ("lesson", "quiz", "glossary", "timeline", "course")  # content.schema.SCHEMAS


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``, looking the version up only when asked: reading the package metadata
    costs every start a few milliseconds."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{parser.prog} {_version()}")  # on stdout, as argparse's own version action
        parser.exit()


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
    common.add_argument(
        "--content",
        action="append",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"add a content pack (a folder of lessons/ and quizzes/) to the course; repeat for "
        f"more (default: the folders in ${paths.CONTENT_ENV}, separated by '{os.pathsep}')",
    )
    common.add_argument(
        "--content-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="leave the built-in course out: use only the content packs given",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A terminal course on North Korea's IT sector as two 2012-2013 articles reported it.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the program's version number and exit"
    )
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
        description="Check lessons, quizzes, the glossary and the timeline, and print one "
        "'path:line:col: error|warning: message' line per problem. The exit status is 1 if there "
        "is an error (or, with --strict, a warning), else 0.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="content packs, lessons/ or quizzes/ folders, or single files, each checked as part "
        "of the course it would join (default: the whole course, with any --content packs)",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit status 1) on warnings too; they are still printed as warnings",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (the default): one line per problem and a summary on stderr; "
        "json: one JSON document on stdout, for editors and CI",
    )
    validate.set_defaults(handler=validate_content)
    _add_new_commands(commands)
    preview = commands.add_parser(
        "preview",
        parents=[common],
        help="open one lesson (.md) or quiz (.yaml) as a learner sees it; nothing is saved",
    )
    preview.add_argument("path", type=Path, metavar="PATH", help="the lesson or quiz file")
    preview.add_argument(
        "--watch",
        action="store_true",
        help="reload whenever the file (or its folder's glossary and other content) is saved",
    )
    preview.set_defaults(handler=preview_content)
    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of a kind of content file, for editors that check YAML as you type",
    )
    schema.add_argument(
        "kind",
        choices=SCHEMA_KINDS,
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


def _add_new_commands(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help="start a new lesson or quiz from a commented template")
    kinds = new.add_subparsers(title="what to start", metavar="KIND", required=True)
    folder = argparse.ArgumentParser(add_help=False)
    folder.add_argument(
        "--dir",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="the content folder: lessons go to DIR/lessons/, quizzes to DIR/quizzes/ "
        "(default: the current folder)",
    )
    lesson = kinds.add_parser(
        "lesson",
        parents=[folder],
        help="write a lesson with every front-matter key and two example steps",
    )
    lesson.add_argument("title", metavar="TITLE", help="the lesson's title, in quotes")
    lesson.add_argument(
        "--id",
        dest="lesson_id",
        metavar="ID",
        help="the lesson's id (default: made from the title)",
    )
    lesson.add_argument(
        "--after",
        metavar="LESSON_ID",
        help="place it right after this lesson of DIR (default: after DIR's last lesson)",
    )
    lesson.set_defaults(handler=new_lesson_command)
    quiz = kinds.add_parser(
        "quiz",
        parents=[folder],
        help="write a lesson's quiz with an example of every question type",
    )
    quiz.add_argument("lesson_id", metavar="LESSON_ID", help="the lesson the quiz is for")
    quiz.set_defaults(handler=new_quiz_command)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except StoreError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except UsageProblem as exc:
        print(f"{PROG}: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`dprk-it-tutor list | head`): stop quietly, as Unix tools do.
        # Python would otherwise complain again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug: log the traceback, say one line, keep the terminal clean
        return _report_crash(exc, args, sys.argv[1:] if argv is None else argv)


def _report_crash(error: Exception, args: argparse.Namespace, argv: Sequence[str]) -> int:
    try:
        data_dir: Path | None = paths.data_dir(getattr(args, "data_dir", None))
    except Exception:  # finding the data folder may be what failed
        data_dir = None  # the log then goes to the temporary folder
    log = write_crash_log(error, data_dir, argv)
    print(f"{PROG}: error: {crash_message(error, log)}", file=sys.stderr)
    return CRASH_EXIT


class UsageProblem(Exception):
    """Options that cannot work together or name something absent; exits 2 like argparse does."""


def _course(args: argparse.Namespace) -> Course:
    """The built-in course and the content packs asked for, or the packs alone."""
    return load_course(_course_folders(args), cache=_content_cache())


def _content_cache() -> ContentCache:
    return ContentCache(paths.cache_dir())


def _course_folders(args: argparse.Namespace, *, alone_is_empty: bool = False) -> list[Path]:
    """The folders the course is loaded from; with ``alone_is_empty``, ``--content-only`` and
    no pack means no folder at all rather than a mistake (``validate`` with files to check)."""
    packs = paths.content_packs(getattr(args, "content", None))
    content_only = getattr(args, "content_only", False)
    for folder in packs:
        if not folder.is_dir():
            where = "--content" if getattr(args, "content", None) else f"${paths.CONTENT_ENV}"
            raise UsageProblem(f"content pack {folder} (from {where}) is not a folder")
    if content_only and not packs and not alone_is_empty:
        raise UsageProblem(
            f"--content-only needs at least one --content DIR (or ${paths.CONTENT_ENV})"
        )
    return paths.course_folders(packs, content_only=content_only)


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

    course = _course(args)
    # The course and the imported modules stay as they are until the app ends: frozen, the
    # garbage collector no longer walks them (a big pack's hundreds of thousands of objects)
    # each time it runs, which cost a whole pause before the first screen.
    gc.freeze()
    try:
        store = _store(args, new_profile=True)
    except StoreUnavailable as exc:
        store = _unsaved_store(args, exc)
    app = make_app(course, store, start)
    with store:
        app.run()
    if app.crashed is not None:
        raise app.crashed  # to main(), which logs it and says so in one line
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
    course = _course(args)
    with _store(args) as store:
        rows = course_overview(course, store.lesson_records())
    width = max((len(row.lesson.id) for row in rows), default=2)
    # Which pack a lesson comes from matters only once there is more than one.
    packs = len(course.packs) > 1
    pack_width = max((cell_width(printable(row.lesson.pack)) for row in rows), default=4)
    pack_head = f"{pad('pack', pack_width)}  " if packs else ""
    print(f"{'#':>3}  {'id':<{width}}  {pack_head}{'status':<11}  {'quiz':>4}  title", file=out)
    for number, row in enumerate(rows, start=1):
        pack = f"{pad(printable(row.lesson.pack), pack_width)}  " if packs else ""
        print(
            f"{number:>3}  {row.lesson.id:<{width}}  {pack}{row.status.value:<11}  "
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
        print(f"{mark} {pad(printable(learner.name), 32)}  last used {last}", file=out)
    return 0


def show_progress(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from dprk_it_tutor.progress.report import format_duration, now_for_reviews, progress_report

    out = out or sys.stdout
    course = _course(args)
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
    from dprk_it_tutor.progress.export import export_history
    from dprk_it_tutor.progress.export_csv import export_csv
    from dprk_it_tutor.progress.files import write_atomically

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
    from dprk_it_tutor.progress.export_format import read_export
    from dprk_it_tutor.progress.merge import import_history

    document = read_export(args.file)  # checked whole before the store is even opened
    with _store(args, new_profile=True) as store:  # importing may bring a learner here
        summary = import_history(store, document)
        print(f"imported into learner {store.profile_name!r}: {summary}", file=out or sys.stdout)
    return 0


def reset_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from dprk_it_tutor.progress.reset import check_lesson_to_reset, reset_progress

    out = out or sys.stdout
    course_lessons = [lesson.id for lesson in _course(args).lessons] if args.lesson else []
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
    folders = _course_folders(args, alone_is_empty=bool(args.paths))
    # Files named are checked as part of the course they would join, so their links into it
    # resolve; only their own problems are reported.
    cache = _content_cache()
    course = (
        check_content(args.paths, context=folders, cache=cache)
        if args.paths
        else load_course(folders, cache=cache)
    )
    errors = len(course.errors)
    warnings = len(course.diagnostics) - errors
    failed = bool(errors or (args.strict and warnings))
    if args.format == "json":
        document = {
            "version": 1,
            "diagnostics": [
                {
                    "path": d.path,
                    "line": d.line,
                    "col": d.col,
                    "severity": d.severity,
                    "message": d.message,
                }
                for d in course.diagnostics
            ],
            "errors": errors,
            "warnings": warnings,
            "strict": args.strict,
            "loaded": {
                "lessons": len(course.lessons),
                "quizzes": len(course.quizzes),
                "glossary_terms": len(course.glossary),
                "events": len(course.timeline),
            },
        }
        sys.stdout.write(_terminal_safe_json(document))
        return 1 if failed else 0
    for diagnostic in course.diagnostics:
        print(printable(str(diagnostic)))
    checked = (
        f"{len(course.lessons)} lesson(s), {len(course.quizzes)} quiz(zes), "
        f"{len(course.glossary)} glossary term(s) and {len(course.timeline)} event(s) loaded"
    )
    strict = " (--strict: warnings count as errors)" if args.strict and warnings else ""
    print(f"{errors} error(s), {warnings} warning(s){strict}; {checked}", file=sys.stderr)
    return 1 if failed else 0


def _terminal_safe_json(document: object) -> str:
    """JSON that is safe to show in a terminal: json.dumps escapes C0 controls itself, but with
    ensure_ascii=False it would pass DEL and C1 controls (such as U+009B, a one-byte CSI) through.
    They can only occur inside strings, where the \\u form means the same."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return "".join(f"\\u{ord(c):04x}" if "\x7f" <= c <= "\x9f" else c for c in text) + "\n"


def new_lesson_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from dprk_it_tutor.content import scaffold

    try:
        written = scaffold.new_lesson(
            args.dir,
            args.title,
            builtin=paths.builtin_course_dir(),
            lesson_id=args.lesson_id,
            after=args.after,
        )
    except scaffold.ScaffoldError as exc:
        print(f"{PROG}: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    return _wrote(written, args.dir, out or sys.stdout, scaffold.parts_hint(args.dir, written))


def new_quiz_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from dprk_it_tutor.content import scaffold

    try:
        written = scaffold.new_quiz(args.dir, args.lesson_id, builtin=paths.builtin_course_dir())
    except scaffold.ScaffoldError as exc:
        print(f"{PROG}: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    return _wrote(written, args.dir, out or sys.stdout)


def _wrote(written: Path, folder: Path, out: TextIO, hint: str = "") -> int:
    from dprk_it_tutor.content import scaffold

    print(f"wrote {printable(str(written))}", file=out)
    if hint:
        print(printable(hint), file=out)
    print(f"edit it, then: {scaffold.validate_command(folder)}", file=out)
    return 0


def preview_content(args: argparse.Namespace) -> int:
    from dprk_it_tutor.content.preview import PreviewPathError, preview_kind

    try:
        preview_kind(args.path)
    except PreviewPathError as exc:
        print(f"{PROG}: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    from dprk_it_tutor.tui.preview import make_preview_app, preview_store  # Textual only here

    with preview_store() as store:
        app = make_preview_app(args.path, paths.builtin_course_dir(), store, watch=args.watch)
        app.run()
    if app.crashed is not None:
        raise app.crashed  # to main(), which logs it and says so in one line
    return 0


def print_schema(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from dprk_it_tutor.content.schema import schema_json

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
