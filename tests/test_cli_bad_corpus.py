"""`dprk-it-tutor validate` and `list` on the bad-content corpus (tests/data/bad): one exact line
per problem, exit status 1, never a traceback, never a raw control character; wide characters
line up in `list`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from dprk_it_tutor import cli

from .content.test_bad_corpus import BAD, CASES, GOOD, expected_lines

SRC = Path(__file__).parent.parent / "src"
CONTROL = [chr(c) for c in (*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: its own process, so a crash would show as a traceback."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "dprk_it_tutor", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_prints_exactly_the_expected_lines_and_fails(
    case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    code = cli.main(["validate", case])
    out, err = capsys.readouterr()
    assert out.splitlines() == expected_lines(case)
    assert code == 1
    errors = sum(": error: " in line for line in out.splitlines())
    assert err.startswith(f"{errors} error(s), ")


def test_validate_in_its_own_process_reports_hostile_files_without_a_traceback() -> None:
    cases = [
        "lessons/binary.md",
        "lessons/nul-byte.md",
        "lessons/alias-bomb.md",
        "lessons/escape-in-body.md",
        "quizzes/billion-laughs.yaml",
        "quizzes/python-object.yaml",
        "quizzes/deep-nesting.yaml",
        "quizzes/escape-in-choice.yaml",
    ]
    result = run_cli("validate", *cases, cwd=BAD)
    assert result.returncode == 1
    expected = sorted(line for case in cases for line in expected_lines(case))
    assert result.stdout.splitlines() == expected
    assert result.stderr.startswith(f"{len(cases)} error(s), 0 warning(s); ")
    assert "Traceback" not in result.stderr


def test_the_whole_corpus_as_one_pack_is_checked_and_listed_without_a_traceback(
    tmp_path: Path,
) -> None:
    """Every bad lesson and quiz at once, as a pack added to the course: validate reports each,
    and list shows the course with each broken file flagged, with no control character raw."""
    checked = run_cli("validate", str(BAD))
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    reported = {line.split(":", 1)[0] for line in checked.stdout.splitlines()}
    files = {str(path) for folder in ("lessons", "quizzes") for path in (BAD / folder).iterdir()}
    assert reported >= files
    listed = run_cli("--data-dir", str(tmp_path), "--content", str(BAD), "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert "after-2013" in listed.stdout  # the built-in course is all there
    flagged = [line for line in listed.stdout.splitlines() if line.startswith("  !  ")]
    assert len(flagged) == len(files)
    assert not any(char in listed.stdout + checked.stdout for char in CONTROL)


def columns(line: str, *words: str) -> list[int]:
    """The terminal column where each of ``words`` starts in ``line``."""
    return [cell_len(line[: line.index(word)]) for word in words]


def test_list_lines_up_wide_pack_names_and_titles(capsys, tmp_path: Path) -> None:
    code = cli.main(["--data-dir", str(tmp_path), "--content", str(GOOD), "list"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    header = out[0]
    wide = next(line for line in out if "good-wide" in line)
    plain = next(line for line in out if " origins " in line)
    assert "한국어 콘텐츠 팩 🎉" in wide
    assert "북한의 IT 산업 · 朝鲜的IT产业 · 北朝鮮のIT 🇰🇵💻" in wide
    start = columns(header, "status", "quiz", "title")
    assert columns(wide, "not started", "-", "북한의")[0] == start[0]
    assert columns(plain, "not started")[0] == start[0]
    assert columns(wide, "북한의")[0] == columns(plain, "A little-known")[0] == start[2]


def test_learners_lines_up_wide_names(capsys, tmp_path: Path) -> None:
    from dprk_it_tutor.progress import ProgressStore

    for name in ("김철수", "Ann", "北朝鮮 Jo"):
        with ProgressStore.open(tmp_path, name, new_profile=True):
            pass
    code = cli.main(["--data-dir", str(tmp_path), "learners"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert len(lines) == 3
    assert len({columns(line, "last used")[0] for line in lines}) == 1
