"""Text from content files made safe to print: no escape sequences reach the terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline; ESC starts terminal escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Replace control characters with U+FFFD so they show as visible, harmless marks."""
    return _CONTROL.sub("\ufffd", text)
