"""Typed reads from a parsed YAML document that collect every problem with its position.

Loaders ask for each field once; a missing or mistyped field becomes a Diagnostic at the exact place
in the file, and the loader carries on so that an author sees every problem in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dprk_it_tutor.content.model import Diagnostic

if TYPE_CHECKING:  # types only: the cross-file checks use this module without reading YAML
    from dprk_it_tutor.content.yamlsafe import KeyPath, YamlDocument

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RULE = "lowercase letters and digits joined by single hyphens, such as 'firm-types'"
EMPTY_FILE = "the file is empty"
# The lesson step a question or an event points to, numbered from 1.
STEP_RANGE = (1, 1000)


def describe(value: Any) -> str:
    """Name a YAML value's type the way an author would."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def quoted(value: Any, limit: int = 60) -> str:
    """``value`` quoted for a message, cut short so that a huge value cannot flood the output."""
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def number(value: int | float) -> str:
    """A number for a message; one too long to read is described by its length instead."""
    text = str(value)
    return text if len(text) <= 30 else f"a number of {len(text.lstrip('-'))} digits"


def _name(keypath: KeyPath) -> str:
    """How an author would name a field: 'title', or 'item 2 of objectives' in a list."""
    if keypath and isinstance(keypath[-1], int):
        parent = f" of '{keypath[-2]}'" if len(keypath) > 1 else ""
        return f"item {keypath[-1] + 1}{parent}"
    return f"'{keypath[-1]}'" if keypath else "the document"


class FieldReader:
    """Reads fields out of ``doc`` and records a Diagnostic for each problem instead of raising."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[Diagnostic] = []

    def problem(self, keypath: KeyPath, message: str, *, of_key: bool = False) -> None:
        self.problems.append(self.doc.diagnostic(keypath, message, of_key=of_key))

    def get(self, keypath: KeyPath) -> Any:
        value: Any = self.doc.data
        for part in keypath:
            if (isinstance(value, dict) and part in value) or (
                isinstance(value, list) and isinstance(part, int) and part < len(value)
            ):
                value = value[part]
            else:
                return None
        return value

    def mapping(
        self, keypath: KeyPath, *, required: Iterable[str], optional: Iterable[str], what: str
    ) -> dict[str, Any] | None:
        """Check that ``keypath`` is a mapping with the required keys and no unknown ones."""
        value = self.get(keypath)
        required = list(required)
        if value is None and keypath == ():
            self.problem((), f"{EMPTY_FILE}; {what} needs: {', '.join(required)}")
            return None
        if not isinstance(value, dict):
            self.problem(
                keypath, f"{what} must be a mapping of 'key: value' lines, not {describe(value)}"
            )
            return None
        known = required + list(optional)
        for key in value:
            if key not in known:
                hint = difflib.get_close_matches(str(key)[:100], known, n=1)
                suggestion = (
                    f"; did you mean '{hint[0]}'?"
                    if hint
                    else f"; expected one of: {', '.join(known)}"
                )
                self.problem(
                    (*keypath, key), f"unknown key {quoted(key)} in {what}{suggestion}", of_key=True
                )
        for key in required:
            if key not in value:
                self.problem(keypath, f"{what} is missing the required key '{key}'")
        return value

    def text(self, keypath: KeyPath, *, required: bool = True, default: str = "") -> str:
        value = self.get(keypath)
        if value is None and not required and not self._present(keypath):
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # "1990" written without quotes is still the text an author meant
        if not isinstance(value, str) or not value.strip():
            if isinstance(value, str):
                self.problem(keypath, f"{_name(keypath)} is empty; write some text")
            elif self._present(keypath):
                self.problem(
                    keypath, f"{_name(keypath)} must be non-empty text, not {describe(value)}"
                )
            return default
        return value.strip()

    def identifier(self, keypath: KeyPath) -> str:
        value = self.text(keypath)
        if value and not ID_PATTERN.match(value):
            self.problem(keypath, f"{_name(keypath)} must be {ID_RULE}; got {quoted(value)}")
        return value

    def integer(self, keypath: KeyPath, *, minimum: int, maximum: int, default: int = 0) -> int:
        value = self.get(keypath)
        if not self._present(keypath):
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(keypath, f"{_name(keypath)} must be a whole number, not {describe(value)}")
            return default
        if not minimum <= value <= maximum:
            self.problem(
                keypath,
                f"{_name(keypath)} must be between {minimum} and {maximum}; got {number(value)}",
            )
            return default
        return value

    def step(self, keypath: KeyPath) -> int | None:
        """The lesson step number at ``keypath``, or None when it is absent or wrong."""
        low, high = STEP_RANGE
        return self.integer(keypath, minimum=low, maximum=high, default=0) or None

    def text_list(self, keypath: KeyPath, *, required: bool = True) -> tuple[str, ...]:
        value = self.get(keypath)
        if not self._present(keypath):
            return ()
        if value is None and not required:
            return ()
        if not isinstance(value, list):
            self.problem(keypath, f"{_name(keypath)} must be a list, not {describe(value)}")
            return ()
        return tuple(self.text((*keypath, i)) for i in range(len(value)))

    def entries(self, key: str, item: str) -> int:
        """How many entries the top-level list ``key`` holds: 0, with a problem recorded, when it
        is empty or not a list (a missing key is the caller's required-key problem)."""
        top = self.doc.data if isinstance(self.doc.data, dict) else {}
        if key not in top:
            return 0
        value = top[key]
        if isinstance(value, list) and value:
            return len(value)
        problem = (
            f"'{key}' is empty; add at least one {item}"
            if value == []
            else f"'{key}' must be a list of {item}s, not {describe(value)}"
        )
        self.problem((key,), problem)
        return 0

    def _present(self, keypath: KeyPath) -> bool:
        parent = self.get(keypath[:-1])
        key = keypath[-1]
        if isinstance(parent, dict):
            return key in parent
        return isinstance(parent, list) and isinstance(key, int) and key < len(parent)


def close_match_hint(word: str, known: Iterable[str]) -> str:
    """ "; did you mean 'x'?" when one of ``known`` is close to ``word``, else nothing."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
