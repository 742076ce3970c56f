"""The README's set-up commands are the ones CI runs, so they stay true."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_lines = [line for line in ci.splitlines() if "pytest" in line and not line.startswith("#")]
    assert len(test_lines) == 1
    assert f"\n{test_lines[0]}\n" in readme


def test_readme_shows_the_command_that_installs_and_runs_the_course() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert (
        "\npython3 -m venv .venv && .venv/bin/pip install . && .venv/bin/dprk-it-tutor\n" in readme
    )
