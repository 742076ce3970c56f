"""What the loaders made of each content file, kept between runs: an unchanged file is not parsed
again, so a big pack opens and validates in a fraction of the time it takes to read.

One file per pack folder in the cache folder (see ``paths.cache_dir``). An entry is trusted only
while its file's size, modification and change times and inode are what they were, as git trusts
its index; and, as git does for a "racily clean" file, an entry is not kept for a file changed in
the last few seconds, when a second change could leave the same times behind. Every entry belongs
to one build of the loaders: a different version of the program, of Python or of PyYAML, or any
edited source file of the program, starts the cache afresh.

The cache only ever saves time. A cache file that is damaged, unreadable, from another build or
not the user's own is ignored (and replaced on the next save), and one that cannot be written is
left unwritten: the course then loads exactly as it would without it.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from dprk_it_tutor.content.model import ContentError, Diagnostic, Lesson

T = TypeVar("T")

FORMAT = 1
# A file changed this recently may change again within the same clock tick; such a change would
# leave its times as they were, so it is parsed again until it is older than this.
SETTLE_SECONDS = 2.0
_PACKAGE = Path(__file__).resolve().parent.parent

# os.stat fields that change whenever a file is written, renamed over or replaced.
StatKey = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class _Failed:
    """A file's ContentError, kept as plain data: exceptions do not survive pickling as they are."""

    diagnostics: tuple[Diagnostic, ...]
    name: str
    readable: Lesson | None

    def error(self) -> ContentError:
        return ContentError(self.diagnostics, self.name, self.readable)


@dataclass
class _Entry:
    stat: StatKey
    loaded: tuple[Any, ...] | _Failed


@dataclass
class PackCache:
    """The cached results for the files of one pack folder."""

    file: Path | None  # None: in memory only, never saved
    build: str
    entries: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    changed: bool = False

    def load(self, path: Path, kind: str, loader: Callable[[Path], Iterable[T]]) -> list[T]:
        """What ``loader`` makes of ``path``, from the cache while the file is unchanged; raises
        the ContentError the loader raised for it, whether that is cached or new."""
        key = (kind, str(path))
        stat = _stat(path)
        entry = self.entries.get(key)
        if entry is None or stat is None or entry.stat != _stat_key(stat):
            entry = _Entry(_stat_key(stat) if stat else (0, 0, 0, 0, 0), _run(loader, path))
            if stat is not None and _settled(stat):
                self.entries[key] = entry
                self.changed = True
        if isinstance(entry.loaded, _Failed):
            raise entry.loaded.error()
        return list(entry.loaded)

    def save(self) -> None:
        """Write the cache if anything was added; entries for files that are gone are dropped."""
        if not self.changed or self.file is None:
            return
        self.entries = {key: e for key, e in self.entries.items() if os.path.exists(key[1])}
        document = {"format": FORMAT, "build": self.build, "entries": self.entries}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _write_whole(self.file, pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return  # a read-only or full disk: the course loaded all the same, only more slowly
        self.changed = False


class ContentCache:
    """Opens the cache of each pack folder; ``folder=None`` caches nothing (``--no-cache``)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._packs: dict[Path, PackCache] = {}

    def pack(self, root: Path) -> PackCache | None:
        if self.folder is None:
            return None
        resolved = _resolved(root)
        if resolved not in self._packs:
            name = hashlib.blake2b(str(resolved).encode(), digest_size=12).hexdigest()
            self._packs[resolved] = _read(self.folder / f"{name}.pickle", build_id())
        return self._packs[resolved]

    def save(self) -> None:
        for pack in self._packs.values():
            pack.save()


def _run(loader: Callable[[Path], Iterable[T]], path: Path) -> tuple[T, ...] | _Failed:
    try:
        return tuple(loader(path))
    except ContentError as exc:
        return _Failed(exc.diagnostics, exc.name, exc.readable)


def _read(file: Path, build: str) -> PackCache:
    empty = PackCache(file, build)
    try:
        with open(file, "rb") as handle:
            if not _own_private_file(os.fstat(handle.fileno())):
                return empty  # pickle runs code: read only what this user alone could write
            document = _unpickle(handle)
    except FileNotFoundError:
        return empty
    # A cache file may be damaged in any way (cut short, overwritten, from an old build whose
    # classes are gone), and unpickling then raises almost anything: every such file is as good
    # as no cache at all, and is replaced on the next save.
    except Exception:
        return PackCache(file, build, changed=True)
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or document.get("build") != build
        or not isinstance(document.get("entries"), dict)
    ):
        return PackCache(file, build, changed=True)
    return PackCache(file, build, document["entries"])


def _unpickle(handle: BinaryIO) -> Any:
    # A big pack's cache holds hundreds of thousands of small objects: the cyclic garbage
    # collector would run over and over while they are made, nearly doubling the time, and they
    # hold no cycles to collect.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def _own_private_file(stat: os.stat_result) -> bool:
    if os.name != "posix":
        return True  # the cache folder is in the user's own profile
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def _write_whole(file: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``file``, then rename it into place, so that a reader
    never sees half a file."""
    fd, temporary = tempfile.mkstemp(dir=file.parent, prefix=file.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _stat_key(st: os.stat_result) -> StatKey:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _settled(st: os.stat_result) -> bool:
    return time.time() - max(st.st_mtime, st.st_ctime) > SETTLE_SECONDS


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


_build: str | None = None


def build_id() -> str:
    """Names this build of the loaders: the program's source files, Python and PyYAML."""
    global _build
    if _build is None:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{FORMAT} {sys.version}".encode())
        for source in _sources():
            st = source.stat()
            digest.update(f"{source} {st.st_size} {st.st_mtime_ns}".encode())
        _build = digest.hexdigest()
    return _build


def _sources() -> list[Path]:
    """The files whose change may change what the loaders make: the program's own modules and
    PyYAML's (found, not imported: a course read whole from the cache never needs YAML)."""
    sources = sorted(_PACKAGE.rglob("*.py"))
    spec = importlib.util.find_spec("yaml")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        sources += sorted(p for p in Path(folder).iterdir() if p.suffix in (".py", ".so", ".pyd"))
    return sources
