"""The bad-content corpus, tests/data/bad: the app's loader lists every file as broken with its
exact problem while the built-in course still loads, and hostile inputs are refused with bounded
memory. tests/data/bad/expected.yaml says what each file must produce."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.content.yamlsafe import MAX_FILE_BYTES, MAX_NODES

DATA = Path(__file__).parent.parent / "data"
BAD = DATA / "bad"
GOOD = DATA / "good"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
CASES: dict[str, list[str]] = EXPECTED["cases"]
STILL_LOADS: list[str] = EXPECTED["still_loads"]
MEMORY_LIMIT = 20 * 1024 * 1024


def expected_lines(case: str) -> list[str]:
    return [line.replace("{builtin}", str(paths.builtin_course_dir())) for line in CASES[case]]


def path_of(line: str) -> str:
    """The file a diagnostic line names (corpus paths hold no ':')."""
    return line.split(":", 1)[0]


@pytest.fixture(scope="module")
def builtin() -> Course:
    course = load_course([paths.builtin_course_dir()])
    assert course.lessons and not course.diagnostics
    return course


@pytest.fixture
def in_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from tests/data/bad, so that diagnostics name files as expected.yaml writes them."""
    monkeypatch.chdir(BAD)


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    files = {
        path.relative_to(BAD).as_posix()
        for path in BAD.rglob("*")
        if path.is_file() and path.name != "expected.yaml"
    }
    unexpected = {f for f in files if not any(f == c or f.startswith(f"{c}/") for c in CASES)}
    assert unexpected == set(), "add these files' diagnostics to tests/data/bad/expected.yaml"
    assert [case for case in CASES if not (BAD / case).exists()] == []
    assert all(CASES[case] for case in CASES), "every case names at least one problem"
    assert set(STILL_LOADS) <= set(CASES)
    assert len(CASES) >= 40


def test_the_corpus_covers_every_kind_of_file() -> None:
    kinds = {case.split("/")[0] for case in CASES}
    assert kinds == {"lessons", "quizzes", "glossary", "timeline", "packs"}
    assert sum(case.startswith("lessons/") for case in CASES) >= 20
    assert sum(case.startswith("quizzes/") for case in CASES) >= 20


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_loader_lists_each_bad_file_as_broken_and_loads_the_rest(
    case: str, in_corpus: None, builtin: Course
) -> None:
    lines = expected_lines(case)
    course = load_course([Path(case)], context=[paths.builtin_course_dir()])
    assert [str(d) for d in course.diagnostics] == lines
    broken = {str(item.path): [str(d) for d in item.diagnostics] for item in course.broken}
    if case in STILL_LOADS:
        assert broken == {}
    else:
        named = {path_of(line) for line in lines}
        assert broken == {path: [line for line in lines if path_of(line) == path] for path in named}
    # The rest of the course is untouched: every built-in lesson and quiz is there as before.
    assert course.lessons[: len(builtin.lessons)] == builtin.lessons
    assert {key: course.quizzes[key] for key in builtin.quizzes} == builtin.quizzes


def test_the_good_files_load_clean() -> None:
    """A BOM, CRLF line endings, wide characters and emoji are all accepted."""
    course = load_course([GOOD])
    assert course.diagnostics == ()
    by_id = {lesson.id: lesson for lesson in course.lessons}
    notepad = by_id["good-bom-crlf"]
    assert notepad.title == "Saved by Notepad"
    assert [(step.title, step.body, step.line) for step in notepad.steps] == [
        ("One", "Text.", 10),
        ("Two", "More text.", 14),
    ]
    assert course.quizzes["good-bom-crlf"].questions[0].step == 2
    wide = by_id["good-wide"]
    assert wide.title == "북한의 IT 산업 · 朝鲜的IT产业 · 北朝鮮のIT 🇰🇵💻"
    assert wide.steps[0].title == "첫 단계 🚀"
    assert course.packs[0].name == "한국어 콘텐츠 팩 🎉"


# -- generated hostile files: too big to commit, or needing the file system ----------------------


def refused_within_memory(load: Callable[[], Course]) -> Course:
    """Load, and check that it took less than MEMORY_LIMIT of Python memory at its peak."""
    tracemalloc.start()
    try:
        course = load()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT
    return course


HOSTILE = {
    # What the file holds -> the one problem reported for it.
    "over-the-size-cap": (
        "x" * (MAX_FILE_BYTES + 1),
        "1:1: error: file is larger than the 1024 KiB limit",
    ),
    "a-million-brackets": (
        "[" * (MAX_FILE_BYTES - 10),
        "1:33: error: YAML is nested more than 32 levels deep",
    ),
    "indented-a-thousand-levels": (
        "".join(" " * level + "a:\n" for level in range(1000)),
        "33:33: error: YAML is nested more than 32 levels deep",
    ),
    "a-quarter-million-aliases": (
        "lesson: [" + "*x, " * (MAX_FILE_BYTES // 4 - 10) + "]",
        "1:10: error: YAML aliases (*name) are not allowed; write the value out in full",
    ),
    "ten-levels-of-laughs": (
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n"
                  for i in range(10)),
        "1:4: error: YAML anchors (&name) are not allowed",
    ),
    # The first value past MAX_NODES: the mapping, its key and the list come before the items.
    "a-third-of-a-million-numbers": (
        "lesson: [" + "1, " * (MAX_FILE_BYTES // 3 - 10) + "]",
        f"1:{10 + 3 * (MAX_NODES - 3)}: error: the file holds more than {MAX_NODES} YAML keys "
        "and values; no content file needs that many",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_refused_with_bounded_memory(name: str, tmp_path: Path) -> None:
    text, problem = HOSTILE[name]
    path = tmp_path / "quizzes" / f"{name}.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    course = refused_within_memory(lambda: load_course([path]))
    assert [str(d) for d in course.diagnostics] == [f"{path}:{problem}"]
    assert [item.path for item in course.broken] == [path]


def test_a_lesson_over_the_size_cap_is_refused_unread_and_one_at_the_cap_is_read(
    tmp_path: Path,
) -> None:
    head = (
        "---\nid: big\ntitle: Big\norder: 1\nsummary: Big.\nobjectives: [Read]\nminutes: 1\n---\n"
    )
    step = "\n## Step\n\n" + "word " * 200 + "\n"
    steps = step * ((MAX_FILE_BYTES - len(head)) // len(step))
    at_cap = head + steps + "\n" * (MAX_FILE_BYTES - len(head) - len(steps))
    big = tmp_path / "big.md"
    big.write_text(at_cap + "\n", encoding="utf-8")
    course = refused_within_memory(lambda: load_course([big]))
    assert [str(d) for d in course.diagnostics] == [
        f"{big}:1:1: error: file is larger than the 1024 KiB limit"
    ]
    big.write_text(at_cap, encoding="utf-8")
    assert big.stat().st_size == MAX_FILE_BYTES
    course = load_course([big])
    assert course.diagnostics == ()
    assert [lesson.step_count for lesson in course.lessons] == [len(steps) // len(step)]


# -- symlinks ------------------------------------------------------------------------------------

LESSON = """\
---
id: {id}
title: A linked lesson
order: 1
summary: Reached through a symlink.
objectives: [Read it]
minutes: 1
---

## Step

Text.
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A content pack whose lessons/ holds one real lesson, next to a folder outside it."""
    (tmp_path / "pack" / "lessons").mkdir(parents=True)
    (tmp_path / "pack" / "lessons" / "real.md").write_text(LESSON.format(id="real"))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(LESSON.format(id="secret"))
    return tmp_path / "pack"


def test_a_symlink_to_a_file_outside_the_pack_is_not_followed(pack: Path) -> None:
    link = pack / "lessons" / "notes.md"
    link.symlink_to(pack.parent / "outside" / "secret.md")
    course = load_course([pack])
    assert [lesson.id for lesson in course.lessons] == ["real"]
    target = (pack.parent / "outside" / "secret.md").resolve()
    problem = (
        f"{link}:1:1: error: symlink to outside the content folder is not followed (-> {target})"
    )
    assert [str(d) for d in course.diagnostics] == [problem]
    ((item),) = course.broken
    assert (item.path, item.kind, item.name) == (link, "lesson", "notes")


def test_a_symlinked_folder_leading_outside_the_pack_is_not_followed(pack: Path) -> None:
    (pack / "quizzes").symlink_to(pack.parent / "outside", target_is_directory=True)
    course = load_course([pack])
    assert [lesson.id for lesson in course.lessons] == ["real"]
    assert course.quizzes == {}
    # Only .yaml files are read from quizzes/; outside/ holds none, so nothing is reported.
    (pack.parent / "outside" / "leak.yaml").write_text("lesson: real\n")
    course = load_course([pack])
    target = (pack.parent / "outside" / "leak.yaml").resolve()
    assert [str(d) for d in course.diagnostics] == [
        f"{pack / 'quizzes' / 'leak.yaml'}:1:1: error: symlink to outside the content folder "
        f"is not followed (-> {target})"
    ]
    assert [item.kind for item in course.broken] == ["quiz"]


def test_a_glossary_symlinked_outside_the_pack_is_not_read(pack: Path) -> None:
    (pack / "glossary.yaml").symlink_to("/etc/passwd")
    course = load_course([pack])
    problem = "symlink to outside the content folder is not followed (-> /etc/passwd)"
    assert [(d.path, d.message) for d in course.diagnostics] == [
        (str(pack / "glossary.yaml"), problem)
    ]
    assert [item.kind for item in course.broken] == ["glossary"]


def test_links_to_nothing_are_reported_and_links_inside_the_pack_are_followed(pack: Path) -> None:
    (pack / "drafts").mkdir()
    (pack / "drafts" / "draft.md").write_text(
        LESSON.format(id="draft").replace("order: 1", "order: 2")
    )
    (pack / "lessons" / "draft.md").symlink_to(Path("..") / "drafts" / "draft.md")
    (pack / "lessons" / "gone.md").symlink_to("nowhere.md")
    (pack / "lessons" / "loop.md").symlink_to("loop.md")
    course = load_course([pack])
    assert sorted(lesson.id for lesson in course.lessons) == ["draft", "real"]
    nothing = "symlink to nothing (a missing file or a loop) is skipped"
    assert [str(d) for d in course.diagnostics] == [
        f"{pack / 'lessons' / 'gone.md'}:1:1: error: {nothing} (-> nowhere.md)",
        f"{pack / 'lessons' / 'loop.md'}:1:1: error: {nothing} (-> loop.md)",
    ]


def test_a_symlink_named_directly_is_checked_against_its_own_pack(pack: Path) -> None:
    link = pack / "lessons" / "notes.md"
    link.symlink_to(os.path.relpath(pack.parent / "outside" / "secret.md", link.parent))
    course = load_course([link])
    assert course.lessons == ()
    assert [d.message.split(" (->")[0] for d in course.diagnostics] == [
        "symlink to outside the content folder is not followed"
    ]
