"""Text from content files made safe to print: no escape sequences reach the terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline; ESC starts terminal escape sequences.
# The content loaders refuse the same set, so course text never holds one.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Replace control characters with U+FFFD so they show as visible, harmless marks."""
    return CONTROL_CHARACTER.sub("\ufffd", text)


def cell_width(text: str) -> int:
    """How many terminal columns ``text`` takes: two for each wide (CJK) character and emoji,
    measured as Textual measures it, so that the CLI and the app agree."""
    from rich.cells import cell_len  # rich comes with Textual; loaded only to pad columns

    return cell_len(text)


def pad(text: str, width: int) -> str:
    """``text`` followed by enough spaces to fill ``width`` terminal columns."""
    return text + " " * max(0, width - cell_width(text))
