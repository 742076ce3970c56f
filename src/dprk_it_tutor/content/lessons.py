"""Lesson files: Markdown with YAML front matter; each ``## `` section is one step."""

from __future__ import annotations

import re
from pathlib import Path

from dprk_it_tutor.content.fields import EMPTY_FILE, ID_PATTERN, ID_RULE, FieldReader
from dprk_it_tutor.content.links import unopenable_links
from dprk_it_tutor.content.model import (
    ContentError,
    Diagnostic,
    Lesson,
    SourceRef,
    Step,
    TermLink,
)
from dprk_it_tutor.content.yamlsafe import (
    KeyPath,
    YamlDocument,
    content_error,
    parse_yaml,
    read_text,
)

REQUIRED = ("id", "title", "order", "summary", "objectives", "minutes")
OPTIONAL = ("prerequisites", "sources")
SOURCE_KEYS = ("article",)
SOURCE_OPTIONAL = ("part",)
ORDER_RANGE = (0, 1_000_000)
MINUTES_RANGE = (1, 600)
# Titles and step headings are shown on one line; a step is read on a screen or two. The shipped
# course stays far below both (54 and 1,100 characters); far past them the app slows to a crawl.
MAX_TITLE = 200
MAX_STEP = 20_000
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_DELIMITERS = ("---", "...")
# A glossary link, or an inline code span (matched so that a link shown as code is skipped).
# Linear time on any line: a code span opens with a whole run of backticks, never part of one;
# a link's text holds no "[", so its scan stops at the next one (and the innermost of
# "[a [b](glossary:x)" is the link, as in CommonMark); and an id is read up to 100 characters
# (far past any real one), so that "[a](glossary:" repeated does not rescan the line each time.
_TERM_LINK = re.compile(
    r"(?<!`)(`+)(?!`)[^`]*?\1|\[([^\[\]\n]+)\]\(\s*glossary:([^)\s]{0,100})\s*\)"
)


def load_lesson(path: Path) -> Lesson:
    """Load one lesson file, or raise ContentError listing every problem found in it."""
    text = read_text(path)
    lines = text.split("\n")
    if not text.strip():
        raise content_error(
            path, 1, 1, f"{EMPTY_FILE}; a lesson starts with YAML front matter between '---' lines"
        )
    if lines[0].strip() != "---":
        raise content_error(
            path, 1, 1, "a lesson must begin with a '---' line that opens its YAML front matter"
        )
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _DELIMITERS), None)
    if closing is None:
        raise content_error(
            path,
            1,
            1,
            "the front matter opened on line 1 is never closed; add a '---' line after it",
        )
    doc = parse_yaml("\n".join(lines[1:closing]), path, line_offset=1)
    fields = FieldReader(doc)
    if doc.data is None:
        fields.problem((), "the front matter is empty; it needs at least: " + ", ".join(REQUIRED))
        raise ContentError(fields.problems)
    meta = fields.mapping((), required=REQUIRED, optional=OPTIONAL, what="the front matter")
    if meta is None:
        raise ContentError(fields.problems)
    lesson_id = fields.identifier(("id",))
    title = fields.text(("title",))
    if len(title) > MAX_TITLE:
        fields.problem(("title",), _too_long("the title", title))
    order = fields.integer(("order",), minimum=ORDER_RANGE[0], maximum=ORDER_RANGE[1])
    summary = fields.text(("summary",))
    objectives = fields.text_list(("objectives",))
    if "objectives" in meta and isinstance(meta["objectives"], list) and not objectives:
        fields.problem(("objectives",), "'objectives' needs at least one learning objective")
    prerequisites = fields.text_list(("prerequisites",), required=False)
    minutes = fields.integer(
        ("minutes",), minimum=MINUTES_RANGE[0], maximum=MINUTES_RANGE[1], default=1
    )
    sources = _sources(fields)
    steps, step_problems = _steps(path, lines, closing + 1)
    links, link_problems = _term_links(path, lines, steps)
    problems = fields.problems + step_problems + link_problems
    lesson = Lesson(
        id=lesson_id,
        title=title,
        order=order,
        summary=summary,
        objectives=objectives,
        prerequisites=prerequisites,
        minutes=minutes,
        sources=sources,
        steps=steps,
        path=path,
        id_line=doc.position(("id",)).line,
        term_links=links,
        prerequisite_positions=tuple(
            _at(doc, ("prerequisites", i)) for i in range(len(prerequisites))
        ),
        order_position=_at(doc, ("order",)),
    )
    if problems:
        # What could be read still goes with the error, so that its glossary links and
        # prerequisites are checked against the course too: one run reports every mistake.
        raise ContentError(problems, lesson_id, readable=lesson)
    return lesson


def _at(doc: YamlDocument, keypath: KeyPath) -> tuple[int, int]:
    position = doc.position(keypath)
    return (position.line, position.col)


def _sources(fields: FieldReader) -> tuple[SourceRef, ...]:
    value = fields.get(("sources",))
    if value is None:
        return ()
    if not isinstance(value, list):
        fields.problem(("sources",), "'sources' must be a list of {article, part} entries")
        return ()
    refs = []
    for i in range(len(value)):
        if fields.mapping(
            ("sources", i), required=SOURCE_KEYS, optional=SOURCE_OPTIONAL, what="a source"
        ):
            refs.append(
                SourceRef(
                    article=fields.text(("sources", i, "article")),
                    part=fields.text(("sources", i, "part"), required=False),
                )
            )
    return tuple(refs)


def _steps(path: Path, lines: list[str], first: int) -> tuple[tuple[Step, ...], list[Diagnostic]]:
    """Split the Markdown body into steps at ``## `` headings outside fenced code."""
    problems: list[Diagnostic] = []
    found: list[tuple[int, str, list[str]]] = []  # (line number, title, body lines)
    fence = ""  # the marker of the open code fence, if any
    for index in range(first, len(lines)):
        line = lines[index]
        is_heading = not fence and line.startswith("## ")
        fence = _fence_after(fence, line)
        if is_heading:
            found.append((index + 1, line[3:].strip(), []))
        elif found:
            found[-1][2].append(line)
        elif line.strip():
            problems.append(
                Diagnostic(
                    str(path),
                    index + 1,
                    1,
                    "text before the first step; start every step with a '## ' heading",
                )
            )
            break
    if not found and not problems:
        line = min(first + 1, len(lines))
        problems.append(
            Diagnostic(
                str(path), line, 1, "the lesson has no steps; add at least one '## ' section"
            )
        )
    steps = []
    for number, (line_no, title, body_lines) in enumerate(found, start=1):
        body = "\n".join(body_lines).strip()
        if len(title) > MAX_TITLE:
            problems.append(
                Diagnostic(str(path), line_no, 4, _too_long(f"the heading of step {number}", title))
            )
        if len(body) > MAX_STEP:
            problems.append(
                Diagnostic(
                    str(path),
                    line_no,
                    1,
                    f"step {number} is {len(body)} characters long, over the {MAX_STEP} limit; "
                    "split it into several steps",
                )
            )
        if not title:
            problems.append(
                Diagnostic(str(path), line_no, 4, f"step {number} has an empty heading")
            )
        if not body:
            problems.append(
                Diagnostic(str(path), line_no, 1, f"step {number} ('{title}') is empty")
            )
        steps.append(Step(number=number, title=title, body=body, line=line_no))
    return tuple(steps), problems


def _too_long(what: str, title: str) -> str:
    return f"{what} is {len(title)} characters long; keep it to {MAX_TITLE}, as it is shown on one line"


def _term_links(
    path: Path, lines: list[str], steps: tuple[Step, ...]
) -> tuple[tuple[TermLink, ...], list[Diagnostic]]:
    """Find ``[text](glossary:id)`` links in each step, outside code, with their positions.

    Whether each id names a real term is checked with the whole course (course.py); here only
    the link's own shape is.
    """
    links: list[TermLink] = []
    problems: list[Diagnostic] = []
    bounds = [step.line for step in steps] + [len(lines) + 1]
    for step, start, end in zip(steps, bounds, bounds[1:], strict=False):
        fence = ""
        for index in range(start, end - 1):  # the lines after the heading
            line = lines[index]
            was_fenced = fence
            fence = _fence_after(fence, line)
            if was_fenced or fence:
                continue
            problems += unopenable_links(path, index + 1, line)
            for match in _TERM_LINK.finditer(line):
                text, term_id = match.group(2), match.group(3)
                if text is None:
                    continue
                col = match.start(3) + 1
                if not ID_PATTERN.match(term_id):
                    shown = f"'{term_id}'" if term_id else "nothing"
                    problems.append(
                        Diagnostic(
                            str(path),
                            index + 1,
                            col,
                            f"a glossary link needs a term id after 'glossary:' ({ID_RULE}); "
                            f"found {shown}",
                        )
                    )
                    continue
                links.append(TermLink(term_id, text.strip("*_ "), step.number, index + 1, col))
    return tuple(links), problems


def _fence_after(fence: str, line: str) -> str:
    """The open fence after ``line``: CommonMark closes a fence only with the same character,
    at least as many of them, and nothing else on the line."""
    match = _FENCE.match(line)
    if not match:
        return fence
    marker, rest = match.groups()
    if not fence:
        return "" if marker[0] == "`" and "`" in rest else marker  # backticks: no ` in info
    if marker[0] == fence[0] and len(marker) >= len(fence) and not rest.strip():
        return ""
    return fence
