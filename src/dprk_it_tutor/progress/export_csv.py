"""The export as one CSV table for spreadsheets: one row per event, oldest first.

Built from the export document, so both formats always say the same thing. CSV is for reading
only; ``import`` takes the JSON export. Columns and events are documented in docs/progress.md.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from dprk_it_tutor.progress.export_format import CSV_COLUMNS

# A cell starting with one of these is run as a formula by spreadsheets; ids come from files a
# learner may have been sent, so text cells that start so are prefixed with an apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_csv(document: dict[str, Any]) -> str:
    """The CSV text (header first) for an export document."""
    events: list[dict[str, Any]] = []
    for lesson in document["lessons"]:
        for seen in lesson["steps_seen"]:
            events.append(
                _event(
                    "step_seen", seen["seen_at"], lesson_id=lesson["lesson_id"], step=seen["step"]
                )
            )
    for attempt in document["attempts"]:
        about = {
            "lesson_id": attempt["lesson_id"],
            "attempt_uid": attempt["uid"],
            "attempt_kind": attempt["kind"],
        }
        events.append(_event("attempt_started", attempt["started_at"], **about))
        for answer in attempt["answers"]:
            events.append(
                _event(
                    "answer",
                    answer["answered_at"],
                    **about,
                    question_id=answer["question_id"],
                    response=json.dumps(answer["response"], ensure_ascii=False),
                    score=answer["score"],
                    hint_used=answer["hint_used"],
                    seconds=answer["seconds"],
                )
            )
        if attempt["finished_at"] is not None:
            events.append(
                _event(
                    "attempt_finished",
                    attempt["finished_at"],
                    **about,
                    score=attempt["score"],
                    passed=attempt["passed"],
                )
            )
    lesson_of = {card["question_id"]: card["lesson_id"] for card in document["review_cards"]}
    for review in document["review_log"]:
        events.append(
            _event(
                "review",
                review["reviewed_at"],
                lesson_id=lesson_of.get(review["question_id"]),
                question_id=review["question_id"],
                rating=review["rating"],
            )
        )
    for visit in document["study_time"]:
        events.append(
            _event(
                "study_time",
                visit["started_at"],
                lesson_id=visit["lesson_id"],
                seconds=visit["seconds"],
            )
        )
    events.sort(key=lambda event: event["at"])  # stable: an attempt starts before its answers
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(events)
    return out.getvalue()


def _event(event: str, at: str, **cells: Any) -> dict[str, Any]:
    row = {name: _cell(value) for name, value in {"at": at, **cells}.items()}
    # JSON text cannot be a formula (a leading "-" is a negative number), so it is left exact.
    if "response" in cells:
        row["response"] = cells["response"]
    return {"event": event, **row}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
