"""The README's set-up commands are the ones CI runs, so they stay true."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    (command,) = re.findall(r"^readme_test_command='(.+)'$", ci, flags=re.MULTILINE)
    assert 'bash -c "$readme_test_command"' in ci
    assert f"\n{command}\n" in readme


def test_readme_shows_the_command_that_installs_and_runs_the_course() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert (
        "\npython3 -m venv .venv && .venv/bin/pip install . && .venv/bin/dprk-it-tutor\n" in readme
    )
