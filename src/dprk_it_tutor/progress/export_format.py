"""The export file: its name and version, and the checks a file passes before anything is imported.

Pure Python, no SQL: :func:`read_export` reads and checks a whole file, so an import either starts
with a document known to be well formed or stops with one message naming the file and the field.
The shape is documented in docs/progress.md; fields may be added in later versions of format 1,
never renamed or removed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dprk_it_tutor.progress.store import StoreError

FORMAT = "dprk-it-tutor-export"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024  # years of daily study are a few megabytes
CSV_COLUMNS = (
    "event",
    "at",
    "lesson_id",
    "step",
    "attempt_uid",
    "attempt_kind",
    "question_id",
    "response",
    "score",
    "passed",
    "hint_used",
    "rating",
    "seconds",
)
_INT_RANGE = (-(2**63), 2**63 - 1)  # what SQLite stores as an integer


class ExportFileError(StoreError):
    """A file that cannot be imported; the message names the file and, where known, the field."""


def read_export(path: Path) -> dict[str, Any]:
    """The export document in ``path``, checked whole before anything is written."""
    try:
        if path.is_dir():
            raise ExportFileError(f"{path}: is a folder, not an export file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ExportFileError(
                f"{path}: larger than {MAX_FILE_BYTES // 2**20} MiB, too large to be an export"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExportFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise ExportFileError(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - raw.rfind(b"\n", 0, exc.start)
        raise ExportFileError(
            f"{path}:{line}:{col}: not UTF-8 text (byte 0x{raw[exc.start]:02x})"
        ) from None
    if text.startswith(",".join(CSV_COLUMNS[:2]) + ","):
        raise ExportFileError(
            f"{path}: a CSV export is for spreadsheets; import reads the JSON export "
            "(dprk-it-tutor export --format json)"
        )
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ExportFileError(
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
        ) from None
    except ValueError as exc:  # NaN or Infinity, which JSON itself does not allow
        raise ExportFileError(f"{path}: not valid JSON: {exc}") from None
    except RecursionError:
        raise ExportFileError(f"{path}: not valid JSON: nested too deeply") from None
    return check_export(document, str(path))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def check_export(document: Any, source: str) -> dict[str, Any]:
    """``document`` itself if it is an export this version can import; else ExportFileError."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExportFileError(f'{source}: not a dprk-it-tutor export (no "format": "{FORMAT}")')
    check = _Checker(source)
    version = check.whole(document.get("version"), "version")
    if version > VERSION:
        raise ExportFileError(
            f"{source}: export version {version} is newer than this dprk-it-tutor reads "
            f"(version {VERSION}); upgrade dprk-it-tutor to import it"
        )
    if version < 1:
        check.fail("version", "must be 1 or more")
    check.section(document, "lessons", check.lesson, key="lesson_id")
    check.section(document, "attempts", check.attempt, key="uid")
    check.section(document, "review_cards", check.review_card, key="question_id")
    check.section(document, "review_log", check.review)
    check.section(document, "study_time", check.study_time, key="uid")
    check.section(document, "activity_days", check.text)
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        check.fail("settings", "must be an object")
    for key, value in settings.items():
        check.text(key, "settings key")
        check.text(value, f"settings.{key}")
    return document


class _Checker:
    """Type checks that stop at the first problem with a message naming the field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> Any:
        raise ExportFileError(f"{self.source}: {where} {what}")

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            self.fail(where, "must be text")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, from a "\ud800" escape
            self.fail(where, "is not valid Unicode text")
        return value

    def whole(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, "must be a whole number")
        if not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            self.fail(where, "is too large")
        return value

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(where, "must be a number")
        if isinstance(value, int) and not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            self.fail(where, "is too large")
        if not math.isfinite(value):
            self.fail(where, "must be a finite number")
        return float(value)

    def flag(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            self.fail(where, "must be true or false")
        return value

    def json_value(self, value: Any, where: str) -> None:
        try:
            json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (UnicodeEncodeError, RecursionError):
            self.fail(where, "holds text that is not valid Unicode, or is nested too deeply")

    def optional(self, check: Callable[[Any, str], Any], value: Any, where: str) -> None:
        if value is not None:
            check(value, where)

    def fields(self, value: Any, where: str, names: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "must be an object")
        for name in names:
            if name not in value:
                self.fail(f"{where}.{name}", "is missing")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "must be a list")
        return value

    def section(
        self,
        document: dict[str, Any],
        name: str,
        check: Callable[[Any, str], Any],
        key: str | None = None,
    ) -> None:
        """Check every item of a list (absent means empty); ``key`` must not repeat."""
        seen: set[Any] = set()
        for index, item in enumerate(self.items(document.get(name, []), name)):
            where = f"{name}[{index}]"
            check(item, where)
            if key is not None:
                if item[key] in seen:
                    self.fail(f"{where}.{key}", f"{item[key]!r} appears twice")
                seen.add(item[key])

    def lesson(self, value: Any, where: str) -> None:
        names = ("lesson_id", "current_step", "started_at", "updated_at", "steps_seen")
        lesson = self.fields(value, where, names)
        self.text(lesson["lesson_id"], f"{where}.lesson_id")
        self.whole(lesson["current_step"], f"{where}.current_step")
        self.text(lesson["started_at"], f"{where}.started_at")
        self.text(lesson["updated_at"], f"{where}.updated_at")
        steps: set[int] = set()
        for index, seen in enumerate(self.items(lesson["steps_seen"], f"{where}.steps_seen")):
            at = f"{where}.steps_seen[{index}]"
            self.fields(seen, at, ("step", "seen_at"))
            step = self.whole(seen["step"], f"{at}.step")
            self.text(seen["seen_at"], f"{at}.seen_at")
            if step in steps:
                self.fail(f"{at}.step", f"{step} appears twice")
            steps.add(step)

    def attempt(self, value: Any, where: str) -> None:
        names = ("uid", "lesson_id", "kind", "started_at", "finished_at", "seed")
        attempt = self.fields(value, where, (*names, "question_ids", "score", "passed", "answers"))
        for name in ("uid", "lesson_id", "kind", "started_at"):
            self.text(attempt[name], f"{where}.{name}")
        if not attempt["uid"]:
            self.fail(f"{where}.uid", "must not be empty")
        self.optional(self.text, attempt["finished_at"], f"{where}.finished_at")
        self.whole(attempt["seed"], f"{where}.seed")
        for index, question in enumerate(
            self.items(attempt["question_ids"], f"{where}.question_ids")
        ):
            self.text(question, f"{where}.question_ids[{index}]")
        self.optional(self.number, attempt["score"], f"{where}.score")
        self.optional(self.flag, attempt["passed"], f"{where}.passed")
        questions: set[str] = set()
        for index, answer in enumerate(self.items(attempt["answers"], f"{where}.answers")):
            at = f"{where}.answers[{index}]"
            names = ("question_id", "response", "score", "answered_at", "hint_used", "seconds")
            self.fields(answer, at, names)
            question = self.text(answer["question_id"], f"{at}.question_id")
            self.json_value(answer["response"], f"{at}.response")
            self.number(answer["score"], f"{at}.score")
            self.text(answer["answered_at"], f"{at}.answered_at")
            self.flag(answer["hint_used"], f"{at}.hint_used")
            self.optional(self.number, answer["seconds"], f"{at}.seconds")
            if question in questions:
                self.fail(f"{at}.question_id", f"{question!r} appears twice")
            questions.add(question)

    def review_card(self, value: Any, where: str) -> None:
        names = ("question_id", "lesson_id", "card", "due", "updated_at")
        card = self.fields(value, where, names)
        for name in names:
            self.text(card[name], f"{where}.{name}")

    def review(self, value: Any, where: str) -> None:
        review = self.fields(value, where, ("question_id", "rating", "reviewed_at"))
        self.text(review["question_id"], f"{where}.question_id")
        self.whole(review["rating"], f"{where}.rating")
        self.text(review["reviewed_at"], f"{where}.reviewed_at")

    def study_time(self, value: Any, where: str) -> None:
        visit = self.fields(value, where, ("uid", "lesson_id", "started_at", "seconds"))
        for name in ("uid", "lesson_id", "started_at"):
            self.text(visit[name], f"{where}.{name}")
        self.number(visit["seconds"], f"{where}.seconds")
