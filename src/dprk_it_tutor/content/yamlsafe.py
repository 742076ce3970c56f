"""The one way content files are read and YAML is parsed.

Reading goes through :func:`read_text` (size cap, UTF-8 with or without BOM, any line ending) and
YAML through :func:`parse_yaml`, which composes the node tree with the C loader when present and
builds plain Python data from it by hand so that it can:

* keep every node's position, so each later error can say ``path:line:col``;
* reject duplicate keys (PyYAML silently keeps the last one);
* reject aliases, which make "billion laughs" documents explode only when walked;
* reject tags that construct objects (``!!python/...``) and other non-plain tags;
* bound nesting depth;
* refuse control characters (terminal escape codes among them) in any text, raw or escaped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dprk_it_tutor.content.model import ContentError, Diagnostic
from dprk_it_tutor.terminal_text import CONTROL_CHARACTER

try:  # libyaml is about six times faster; the pure-Python loader is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
# Keys, list items and texts in one file. The shipped glossary, the biggest file, has about 600;
# without a bound a 1 MiB file of tiny values takes many seconds and ~100 MB to build.
MAX_NODES = 20_000
# Characters in one text value: the shipped course's longest is under 500.
MAX_TEXT = 10_000
# Longer numbers are refused before they are built: Python refuses str() of an int over 4300
# digits (so it could not even be shown), and a 1:59:59... (base 60) number takes time growing with
# the square of its length. No course needs more than a few digits; a longer one is then "too
# big" with its field's own range message.
MAX_NUMBER_CHARS = 4300

KeyPath = tuple[Any, ...]
_TOO_DEEP = f"YAML is nested more than {MAX_DEPTH} levels deep"

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_KEEP_AS_TEXT = {"tag:yaml.org,2002:timestamp"}  # dates stay the text the author wrote
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_scalar_builder = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class YamlDocument:
    """Plain data parsed from YAML, with the position of every value and mapping key in it."""

    path: str
    data: Any
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)
    start: Position = Position(1, 1)

    def position(self, keypath: KeyPath, *, of_key: bool = False) -> Position:
        """Where the value at ``keypath`` starts, or its nearest enclosing value if it is absent."""
        if of_key and keypath in self.key_positions:
            return self.key_positions[keypath]
        while keypath:
            if keypath in self.positions:
                return self.positions[keypath]
            keypath = keypath[:-1]
        return self.positions.get((), self.start)

    def diagnostic(self, keypath: KeyPath, message: str, *, of_key: bool = False) -> Diagnostic:
        pos = self.position(keypath, of_key=of_key)
        return Diagnostic(self.path, pos.line, pos.col, message)


def content_error(path: str | Path, line: int, col: int, message: str) -> ContentError:
    return ContentError(Diagnostic(str(path), line, col, message))


def read_text(path: Path) -> str:
    """Read a content file as text with ``\\n`` line endings, or raise ContentError."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise content_error(
                path, 1, 1, f"file is larger than the {MAX_FILE_BYTES // 1024} KiB limit"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise content_error(path, 1, 1, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:  # the file grew between stat and read
        raise content_error(
            path, 1, 1, f"file is larger than the {MAX_FILE_BYTES // 1024} KiB limit"
        )
    # Strip the BOM before decoding so error offsets are offsets into what the author sees.
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = _one_newline_style(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        before = _one_newline_style(raw[: exc.start].decode("utf-8"))  # valid up to the bad byte
        pos = _Lines(before, 0).position(len(before))
        raise content_error(
            path, pos.line, pos.col, "file is not valid UTF-8 text (is it a binary file?)"
        ) from None
    if "\x00" in text:
        pos = _Lines(text, 0).position(text.index("\x00"))
        raise content_error(
            path, pos.line, pos.col, "file contains NUL bytes (is it a binary file?)"
        )
    control = CONTROL_CHARACTER.search(text)
    if control:
        pos = _Lines(text, 0).position(control.start())
        raise content_error(path, pos.line, pos.col, control_message(control.group()))
    return text


_CONTROL_NAMES = {"\x07": "bell", "\x08": "backspace", "\x1b": "escape", "\x7f": "delete"}


def control_message(char: str) -> str:
    name = f" ({_CONTROL_NAMES[char]})" if char in _CONTROL_NAMES else ""
    return (
        f"control character U+{ord(char):04X}{name} is not allowed in course text "
        "(it could change what the terminal shows); delete it"
    )


def _one_newline_style(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, path: str | Path, *, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document safely; ``line_offset`` shifts positions (front matter)."""
    doc = YamlDocument(path=str(path), data=None, start=Position(1 + line_offset, 1))
    lines = _Lines(text, line_offset)
    try:
        _Builder(doc, text, lines).run()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        index = min(mark.index, len(text)) if mark else 0
        problem = exc.problem or "invalid YAML"
        if problem == _LIBYAML_TOO_DEEP:
            raise _too_deep(text, path, lines, index) from None
        if text[index : index + 1] == "\t":
            problem = "tab characters cannot be used for indentation; use spaces"
        elif problem == "could not find expected ':'" and len(_line_at(text, mark)) > 1024:
            problem += " (a key may be at most 1024 characters long)"
        elif exc.context and exc.context_mark and mark and exc.context_mark.index != mark.index:
            # An unclosed quote or bracket fails far from where it opened: say where that is.
            start = lines.position(min(exc.context_mark.index, len(text)))
            if start.line != lines.position(index).line:
                problem += f" ({exc.context} that starts at line {start.line})"
        pos = lines.position(index)
        raise content_error(doc.path, pos.line, pos.col, f"invalid YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:
        # A character YAML forbids (a control character, say). Its ``position`` counts bytes in
        # libyaml but characters in PyYAML, so find the character itself: the reader stops at
        # its first occurrence.
        pos = lines.position(max(text.find(chr(exc.character)), 0))
        raise content_error(
            doc.path,
            pos.line,
            pos.col,
            f"invalid YAML: the character U+{exc.character:04X} cannot be used in YAML; delete it",
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports every error with a mark
        raise content_error(doc.path, 1 + line_offset, 1, f"invalid YAML: {exc}") from None
    return doc


# libyaml (0.2.6 on, bundled with PyYAML 6.0.4) refuses nesting past 1000 levels on its own, and
# may get there while looking ahead, before this module has seen the 33rd level.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _too_deep(text: str, path: str | Path, lines: _Lines, index: int) -> ContentError:
    """The error for YAML that libyaml found nested too deep (at ``index``): placed where this
    module's own limit is passed, found by reading the text only up to ``index`` (libyaml's
    look-ahead then ends sooner), or else at ``index``."""
    try:
        _Builder(YamlDocument(path=str(path), data=None), text[:index], lines).run()
    except ContentError as exc:
        if exc.diagnostics[0].message == _TOO_DEEP:
            return exc
    except yaml.YAMLError:
        pass  # the text cut short is invalid YAML in some other way first
    where = lines.position(index)
    return content_error(path, where.line, where.col, _TOO_DEEP)


def _line_at(text: str, mark: yaml.Mark | None) -> str:
    """The line of ``text`` that ``mark`` is on, counting lines at ``\\n`` only."""
    if mark is None:
        return ""
    index = min(mark.index, len(text))
    end = text.find("\n", index)
    return text[text.rfind("\n", 0, index) + 1 : end if end >= 0 else len(text)]


class _Lines:
    """Positions in a text, counting lines as the loaders do: split at ``\\n`` only.

    Not a YAML mark's own line and column: YAML also breaks lines at U+0085, U+2028 and U+2029,
    which would put every later position on the wrong line of the file.
    """

    def __init__(self, text: str, line_offset: int) -> None:
        self.starts = [0]
        while (end := text.find("\n", self.starts[-1])) >= 0:
            self.starts.append(end + 1)
        self.line_offset = line_offset

    def position(self, index: int) -> Position:
        line = bisect.bisect_right(self.starts, index) - 1
        return Position(line + 1 + self.line_offset, index - self.starts[line] + 1)


_NO_KEY = object()


@dataclass
class _Frame:
    container: list[Any] | dict[Any, Any]
    keypath: KeyPath
    key: Any = _NO_KEY  # in a mapping: the key waiting for its value


class _Builder:
    """Builds plain data from parser events with an explicit stack.

    Working from events rather than ``yaml.compose`` matters: libyaml's composer recurses and
    crashes the interpreter (a segfault, not an exception) on very deep nesting.
    """

    def __init__(self, doc: YamlDocument, text: str, lines: _Lines) -> None:
        self.doc = doc
        self.lines = lines
        self.stack: list[_Frame] = []
        self.loader = _Loader(text)

    def _pos(self, mark: yaml.Mark) -> Position:
        return self.lines.position(mark.index)

    def _fail(self, mark: yaml.Mark, message: str) -> ContentError:
        pos = self._pos(mark)
        return content_error(self.doc.path, pos.line, pos.col, message)

    def run(self) -> None:
        documents = nodes = 0
        try:
            while True:
                event = self.loader.get_event()
                if isinstance(event, yaml.StreamEndEvent):
                    return
                if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                    nodes += 1
                    if nodes > MAX_NODES:
                        raise self._fail(
                            event.start_mark,
                            f"the file holds more than {MAX_NODES} YAML keys and values; "
                            "no content file needs that many",
                        )
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        raise self._fail(event.start_mark, "only one YAML document is allowed here")
                elif isinstance(event, yaml.AliasEvent):
                    raise self._fail(
                        event.start_mark,
                        "YAML aliases (*name) are not allowed; write the value out in full",
                    )
                elif isinstance(event, yaml.CollectionStartEvent):
                    self._start_collection(event)
                elif isinstance(event, yaml.CollectionEndEvent):
                    self.stack.pop()
                elif isinstance(event, yaml.ScalarEvent):
                    self._attach(self._scalar(event), event)
        finally:
            self.loader.dispose()

    def _start_collection(self, event: yaml.CollectionStartEvent) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        if event.anchor is not None:
            raise self._fail(event.start_mark, "YAML anchors (&name) are not allowed")
        if event.tag not in (None, "!", _MAP if is_map else _SEQ):
            raise self._fail(event.start_mark, f"YAML tag {_short(event.tag)} is not allowed")
        if len(self.stack) >= MAX_DEPTH:
            raise self._fail(event.start_mark, _TOO_DEEP)
        container: list[Any] | dict[Any, Any] = {} if is_map else []
        keypath = self._attach(container, event)
        self.stack.append(_Frame(container, keypath))

    def _attach(self, value: Any, event: yaml.NodeEvent) -> KeyPath:
        """Put ``value`` where the parser is (root, list item, key or value); return its path."""
        if not self.stack:
            self.doc.data = value
            self.doc.positions[()] = self._pos(event.start_mark)
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            keypath = (*frame.keypath, len(frame.container))
            frame.container.append(value)
        elif frame.key is _NO_KEY:
            self._take_key(frame, value, event)
            return ()
        else:
            keypath = (*frame.keypath, frame.key)
            frame.container[frame.key] = value
            frame.key = _NO_KEY
        self.doc.positions[keypath] = self._pos(event.start_mark)
        return keypath

    def _take_key(self, frame: _Frame, key: Any, event: yaml.NodeEvent) -> None:
        if not isinstance(event, yaml.ScalarEvent) or key is None:
            raise self._fail(event.start_mark, "mapping keys must be plain text")
        if key is _MERGE:
            raise self._fail(event.start_mark, "YAML merge keys (<<) are not allowed")
        keypath = (*frame.keypath, key)
        if key in frame.container:
            first = self.doc.key_positions[keypath]
            raise self._fail(
                event.start_mark,
                f"duplicate key {_quoted(key)} (first defined at line {first.line})",
            )
        self.doc.key_positions[keypath] = self._pos(event.start_mark)
        frame.key = key

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        if event.anchor is not None:
            raise self._fail(event.start_mark, "YAML anchors (&name) are not allowed")
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == "tag:yaml.org,2002:merge":
            return _MERGE
        if tag in _KEEP_AS_TEXT:
            return event.value
        if tag not in _PLAIN_TAGS:
            raise self._fail(event.start_mark, f"YAML tag {_short(tag)} is not allowed")
        if len(event.value) > MAX_TEXT:
            raise self._fail(
                event.start_mark,
                f"this text is {len(event.value)} characters long, over the {MAX_TEXT} limit "
                "for one value",
            )
        control = CONTROL_CHARACTER.search(event.value)
        if control:  # written as an escape such as "\e" in a quoted string
            raise self._fail(event.start_mark, control_message(control.group()))
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
                raise ValueError(event.value)
            # Call the tag's constructor directly: construct_object() would cache every node.
            return _scalar_builder.yaml_constructors[tag](_scalar_builder, node)
        except ValueError:
            raise self._fail(
                event.start_mark, f"cannot read {event.value[:30]!r} as a number"
            ) from None


_MERGE = object()


def _quoted(key: Any) -> str:
    text = str(key)
    return repr(text if len(text) <= 60 else text[:59] + "…")


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag
