"""Links in lesson Markdown that the app would never open: ``file:``, ``javascript:`` and the like.

The lesson screen opens only web links and follows glossary links itself; anything else is refused
when clicked. Refusing it here as well tells the author at once, at the link's line and column,
instead of leaving a learner with a link that does nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from dprk_it_tutor.content.fields import quoted
from dprk_it_tutor.content.model import Diagnostic

OPENABLE_SCHEMES = ("http", "https", "glossary")
_LINKS = re.compile(
    r"(`+)[^`]*?\1"  # an inline code span: what looks like a link inside it is only text
    r"|\]\(\s*<?(?P<inline>(?:[^()\s>]|\([^()\s]*\))+)"  # [text](target), ![image](target)
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>"  # <scheme:target>
)
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>[^\s>]+)")  # [name]: target
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def unopenable_links(path: Path, line_number: int, line: str) -> list[Diagnostic]:
    """A problem for each link on ``line`` (Markdown outside fenced code) whose scheme is not
    one of OPENABLE_SCHEMES; a link without a scheme is left alone."""
    targets = [
        (match.start(name) + 1, match.group(name))
        for match in _LINKS.finditer(line)
        for name in ("inline", "auto")
        if match.group(name)
    ]
    definition = _DEFINITION.match(line)
    if definition:
        targets.append((definition.start("target") + 1, definition.group("target")))
    problems = []
    for col, target in targets:
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in OPENABLE_SCHEMES:
            problems.append(
                Diagnostic(
                    str(path),
                    line_number,
                    col,
                    f"the link to {quoted(target)} would never open: lessons may link only to "
                    "web pages (http:, https:) and glossary terms (glossary:)",
                )
            )
    return problems
