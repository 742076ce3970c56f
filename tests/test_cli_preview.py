"""``dprk-it-tutor preview``: a path it cannot preview ends in one clear line and exit code 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dprk_it_tutor import cli


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("missing.md", "no such file"),
        ("notes.txt", "preview opens a lesson (.md) or a quiz (.yaml, .yml), not a .txt file"),
    ],
)
def test_a_path_that_cannot_be_previewed_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, why: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a lesson")
    code = cli.main(["preview", str(tmp_path / name), "--watch"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err == f"dprk-it-tutor: error: {tmp_path / name}: {why}\n"


def test_the_refusal_needs_no_terminal_and_loads_no_textual(tmp_path: Path) -> None:
    program = (
        "import sys\n"
        "from dprk_it_tutor import cli\n"
        f"code = cli.main(['preview', {str(tmp_path)!r}])\n"
        "print(code, 'textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["1", "False"]
    assert result.stderr == (
        f"dprk-it-tutor: error: {tmp_path}: is a folder; "
        "preview opens one lesson (.md) or quiz (.yaml) file\n"
    )
