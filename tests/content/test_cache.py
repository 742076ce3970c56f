"""The content cache: unchanged files are not parsed again, and the cache never changes a result."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from dprk_it_tutor import paths
from dprk_it_tutor.content import cache as cache_module
from dprk_it_tutor.content import lessons, quizzes
from dprk_it_tutor.content.cache import ContentCache
from dprk_it_tutor.content.course import load_course

LESSON = """---
id: origins
title: Where it began
order: 1
summary: The start.
objectives: [Say where it began]
minutes: 5
---
## One

The first step, with [a term](glossary:kcc).

## Two

The second step.
"""

QUIZ = """lesson: origins
questions:
  - id: origins-1
    type: true_false
    prompt: It began somewhere.
    answer: true
    explanation: It did.
"""

BROKEN_QUIZ = "lesson: origins\nquestions:\n  - id: origins-2\n    type: riddle\n"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "lessons" / "origins.md").write_text(LESSON, encoding="utf-8")
    (root / "quizzes" / "origins.yaml").write_text(QUIZ, encoding="utf-8")
    return root


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by a test count as settled at once (they are seconds old otherwise)."""
    monkeypatch.setattr(cache_module, "SETTLE_SECONDS", -1.0)


class Reads:
    """Counts the files the loaders really parse."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        for module, name in ((lessons, "load_lesson"), (quizzes, "load_quiz")):
            monkeypatch.setattr(module, name, self._counting(getattr(module, name)))

    def _counting(self, load):  # type: ignore[no-untyped-def]
        def counted(path: Path):  # type: ignore[no-untyped-def]
            self.paths.append(Path(path).name)
            return load(path)

        return counted


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    return Reads(monkeypatch)


def course_summary(course):  # type: ignore[no-untyped-def]
    return (course.lessons, dict(course.quizzes), course.broken, course.diagnostics, course.packs)


def test_an_unchanged_pack_is_not_parsed_again_and_loads_the_same(
    pack: Path, tmp_path: Path, settled: None, reads: Reads
) -> None:
    without = load_course([pack])
    reads.paths.clear()
    first = load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert sorted(reads.paths) == ["origins.md", "origins.yaml"]
    reads.paths.clear()
    second = load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert reads.paths == []
    assert course_summary(first) == course_summary(without)
    assert course_summary(second) == course_summary(without)
    assert [step.words for step in second.lessons[0].steps] == [6, 3]


def test_a_changed_file_is_parsed_again(
    pack: Path, tmp_path: Path, settled: None, reads: Reads
) -> None:
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    lesson = pack / "lessons" / "origins.md"
    lesson.write_text(LESSON.replace("Where it began", "Where it BEGAN"), encoding="utf-8")
    # The same size: only the file's times tell the change; move them on as any later write does.
    stat = lesson.stat()
    os.utime(lesson, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    reads.paths.clear()
    course = load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert reads.paths == ["origins.md"]
    assert course.lessons[0].title == "Where it BEGAN"


def test_a_file_changed_moments_ago_is_not_kept_since_a_second_change_could_look_the_same(
    pack: Path, tmp_path: Path, reads: Reads
) -> None:
    # No `settled` fixture: the files were just written, so a second write within the same
    # clock tick could leave their times as they are.
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    (pack / "lessons" / "origins.md").write_text(
        LESSON.replace("Where it began", "Where it BEGAN"), encoding="utf-8"
    )
    reads.paths.clear()
    course = load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert sorted(reads.paths) == ["origins.md", "origins.yaml"]
    assert course.lessons[0].title == "Where it BEGAN"


def test_a_broken_file_is_reported_the_same_from_the_cache(
    pack: Path, tmp_path: Path, settled: None, reads: Reads
) -> None:
    (pack / "quizzes" / "origins.yaml").write_text(BROKEN_QUIZ, encoding="utf-8")
    (pack / "lessons" / "second.md").write_text(
        LESSON.replace("id: origins", "id: second").replace("minutes: 5", "minutes: lots"),
        encoding="utf-8",
    )
    without = load_course([pack])
    assert {item.path.name for item in without.broken} == {"origins.yaml", "second.md"}
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    reads.paths.clear()
    cached = load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert reads.paths == []
    assert course_summary(cached) == course_summary(without)
    # What could be read of the broken lesson still takes part in the cross-file checks.
    assert [item.readable.id for item in cached.broken if item.readable] == ["second"]


def test_a_deleted_file_leaves_the_cache_when_it_is_next_saved(
    pack: Path, tmp_path: Path, settled: None
) -> None:
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    (pack / "quizzes" / "origins.yaml").unlink()
    (pack / "lessons" / "later.md").write_text(
        LESSON.replace("id: origins", "id: later"), encoding="utf-8"
    )
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    (file,) = (tmp_path / "cache").iterdir()
    entries = pickle.loads(file.read_bytes())["entries"]
    assert sorted(Path(name).name for _, name in entries) == ["later.md", "origins.md"]


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", b"\x80\x05\x95", pickle.dumps({"format": 0})],
    ids=["empty", "garbage", "cut-short", "old-format"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(
    damage: bytes, pack: Path, tmp_path: Path, settled: None, reads: Reads
) -> None:
    expected = course_summary(load_course([pack]))
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    (file,) = (tmp_path / "cache").iterdir()
    file.write_bytes(damage)
    reads.paths.clear()
    assert course_summary(load_course([pack], cache=ContentCache(tmp_path / "cache"))) == expected
    assert sorted(reads.paths) == ["origins.md", "origins.yaml"]
    reads.paths.clear()
    assert course_summary(load_course([pack], cache=ContentCache(tmp_path / "cache"))) == expected
    assert reads.paths == []  # the damaged file was replaced by a good one


def test_a_cache_from_another_build_of_the_program_is_not_used(
    pack: Path, tmp_path: Path, settled: None, reads: Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    monkeypatch.setattr(cache_module, "build_id", lambda: "another build")
    reads.paths.clear()
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert sorted(reads.paths) == ["origins.md", "origins.yaml"]


def test_the_build_changes_when_a_source_file_of_the_program_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "loader.py").write_text("x = 1\n")
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    monkeypatch.setattr(cache_module, "_build", None)
    before = cache_module.build_id()
    (package / "loader.py").write_text("x = 22\n")
    monkeypatch.setattr(cache_module, "_build", None)
    assert cache_module.build_id() != before


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_cache_file_others_could_have_written_is_not_read(
    pack: Path, tmp_path: Path, settled: None, reads: Reads
) -> None:
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    (file,) = (tmp_path / "cache").iterdir()
    assert file.stat().st_mode & 0o777 == 0o600
    file.chmod(0o666)  # unpickling runs code: anyone could have put some there
    reads.paths.clear()
    load_course([pack], cache=ContentCache(tmp_path / "cache"))
    assert sorted(reads.paths) == ["origins.md", "origins.yaml"]


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    pack: Path, tmp_path: Path, settled: None
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    course = load_course([pack], cache=ContentCache(blocked / "cache"))
    assert course_summary(course) == course_summary(load_course([pack]))
    assert blocked.read_text() == "not a folder"


def test_no_cache_folder_caches_nothing(
    pack: Path, tmp_path: Path, settled: None, reads: Reads
) -> None:
    load_course([pack], cache=ContentCache(None))
    reads.paths.clear()
    load_course([pack], cache=ContentCache(None))
    assert sorted(reads.paths) == ["origins.md", "origins.yaml"]


@pytest.mark.parametrize("value", ["off", "OFF", "0", "no", "false"])
def test_the_cache_can_be_turned_off(value: str) -> None:
    assert paths.cache_dir({paths.CACHE_ENV: value}) is None


def test_the_cache_folder_can_be_chosen(tmp_path: Path) -> None:
    assert paths.cache_dir({paths.CACHE_ENV: str(tmp_path)}) == tmp_path


def test_the_cache_is_in_the_platforms_cache_folder_by_default(tmp_path: Path) -> None:
    folder = paths.cache_dir({})
    assert folder is not None
    assert folder.name == "content" and paths.APP_NAME in folder.parts
