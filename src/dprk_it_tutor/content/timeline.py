"""The timeline file: ``events:``, each dated, titled and tied to the lesson that teaches it."""

from __future__ import annotations

import calendar
import re
from pathlib import Path

from dprk_it_tutor.content.fields import FieldReader
from dprk_it_tutor.content.model import ContentError, TimelineEvent
from dprk_it_tutor.content.yamlsafe import KeyPath, parse_yaml, read_text

TIMELINE_KEYS = ("events",)
EVENT_KEYS = ("when", "title", "lesson")
EVENT_OPTIONAL = ("approximate", "detail", "step")
WHEN_PATTERN = re.compile(r"^(\d{4})(?:(s)|-(\d{2})(?:-(\d{2}))?)?$")
WHEN_RULE = "a year (2009), a decade (1980s), a month (2012-10) or a day (2013-03-16)"


def load_timeline(path: Path) -> tuple[TimelineEvent, ...]:
    """Load a timeline file, or raise ContentError listing every problem found in it."""
    doc = parse_yaml(read_text(path), path)
    fields = FieldReader(doc)
    top = fields.mapping((), required=TIMELINE_KEYS, optional=(), what="a timeline file")
    if top is None:
        raise ContentError(fields.problems)
    events: list[TimelineEvent] = []
    for index in range(fields.entries("events", "event")):
        at = ("events", index)
        if (
            fields.mapping(at, required=EVENT_KEYS, optional=EVENT_OPTIONAL, what="an event")
            is None
        ):
            continue
        date = _when(fields, (*at, "when"))
        approximate = fields.get((*at, "approximate"))
        if approximate is not None and not isinstance(approximate, bool):
            fields.problem((*at, "approximate"), "'approximate' must be true or false")
        events.append(
            TimelineEvent(
                year=date[0],
                month=date[1],
                day=date[2],
                decade=date[3],
                approximate=approximate is True,
                title=fields.text((*at, "title")),
                detail=fields.text((*at, "detail"), required=False),
                lesson_id=fields.identifier((*at, "lesson")),
                step=fields.step((*at, "step")),
                path=path,
                line=doc.position(at).line,
                lesson_line=doc.position((*at, "lesson")).line,
                step_line=doc.position((*at, "step")).line,
                lesson_col=doc.position((*at, "lesson")).col,
                step_col=doc.position((*at, "step")).col,
            )
        )
    if fields.problems:
        raise ContentError(fields.problems)
    return tuple(sorted(events, key=lambda event: event.sort_key))


def _when(fields: FieldReader, keypath: KeyPath) -> tuple[int, int, int, bool]:
    """(year, month, day, is_decade) from the ``when`` text; (0, 0, 0, False) after a problem."""
    value = fields.text(keypath)
    match = WHEN_PATTERN.match(value)
    if not match:
        if value:
            fields.problem(keypath, f"'when' must be {WHEN_RULE}; got {value!r}")
        return (0, 0, 0, False)
    year, decade, month, day = match.groups()
    y, m, d = int(year), int(month or 0), int(day or 0)
    if decade and y % 10:
        fields.problem(keypath, f"a decade starts at a year ending in 0, such as {y - y % 10}s")
    elif month and not 1 <= m <= 12:
        fields.problem(keypath, f"there is no month {m}; months run from 01 to 12")
    elif day and not 1 <= d <= calendar.monthrange(y, m)[1]:
        fields.problem(keypath, f"there is no day {d} in {calendar.month_name[m]} {y}")
    else:
        return (y, m, d, bool(decade))
    return (0, 0, 0, False)
