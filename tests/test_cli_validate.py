"""`dprk-it-tutor validate`: --strict and --format json, as a user or a CI job runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dprk_it_tutor import cli

WARNING_ONLY_LESSON = """\
---
id: sample
title: A sample lesson
order: 10
summary: A lesson whose only problem is a step that is too long.
objectives: [Read a lesson]
minutes: 2
---

## One

{words}
"""


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def warning_only(tmp_path: Path) -> Path:
    """A course with one warning (a 300-word step) and no errors."""
    (tmp_path / "lessons").mkdir()
    lesson = tmp_path / "lessons" / "sample.md"
    lesson.write_text(WARNING_ONLY_LESSON.format(words="word " * 300), encoding="utf-8")
    return tmp_path


@pytest.fixture
def with_errors(tmp_path: Path) -> Path:
    """A course with one error, in a lesson whose steps hold control characters."""
    (tmp_path / "lessons").mkdir()
    lesson = WARNING_ONLY_LESSON.format(words="").replace("## One", "## \x1b[31mRed\x9b2J\x7f")
    (tmp_path / "lessons" / "sample.md").write_text(lesson, encoding="utf-8")
    return tmp_path


def test_warnings_alone_pass_without_strict(warning_only: Path, capsys) -> None:
    code, out, err = run("validate", str(warning_only), capsys=capsys)
    assert code == 0
    assert out == (
        f"{warning_only / 'lessons' / 'sample.md'}:10:1: warning: step 1 ('One') has 300 words; "
        "a step over 250 words rarely fits on one screen, so split it (aim for 80-180)\n"
    )
    assert err.startswith("0 error(s), 1 warning(s); 1 lesson(s)")


def test_strict_fails_on_warnings_and_still_calls_them_warnings(warning_only: Path, capsys) -> None:
    code, out, err = run("validate", "--strict", str(warning_only), capsys=capsys)
    assert code == 1
    assert ": warning: step 1 ('One') has 300 words" in out
    assert err.startswith("0 error(s), 1 warning(s) (--strict: warnings count as errors); ")


def test_strict_passes_a_clean_course(capsys) -> None:
    code, out, err = run("validate", "--strict", capsys=capsys)
    assert (code, out) == (0, "")
    assert err.startswith("0 error(s), 0 warning(s); 14 lesson(s)")


def test_json_lists_every_diagnostic_with_counts_and_what_was_loaded(
    warning_only: Path, capsys
) -> None:
    code, out, err = run("validate", "--format", "json", str(warning_only), capsys=capsys)
    assert code == 0
    assert err == ""  # no summary line: stdout is the whole answer
    assert json.loads(out) == {
        "version": 1,
        "diagnostics": [
            {
                "path": str(warning_only / "lessons" / "sample.md"),
                "line": 10,
                "col": 1,
                "severity": "warning",
                "message": "step 1 ('One') has 300 words; a step over 250 words rarely fits on "
                "one screen, so split it (aim for 80-180)",
            }
        ],
        "errors": 0,
        "warnings": 1,
        "strict": False,
        "loaded": {"lessons": 1, "quizzes": 0, "glossary_terms": 0, "events": 0},
    }


def test_json_exit_status_follows_strict_as_in_text_mode(warning_only: Path, capsys) -> None:
    code, out, _ = run("validate", "--format", "json", "--strict", str(warning_only), capsys=capsys)
    assert code == 1
    document = json.loads(out)
    assert (document["errors"], document["warnings"], document["strict"]) == (0, 1, True)


def test_json_of_the_shipped_course_has_no_diagnostics(capsys) -> None:
    code, out, _ = run("validate", "--format", "json", capsys=capsys)
    document = json.loads(out)
    assert code == 0
    assert document["diagnostics"] == []
    assert document["loaded"]["lessons"] == 14
    assert document["loaded"]["glossary_terms"] > 0 and document["loaded"]["events"] > 0


def test_json_exits_1_on_errors_and_escapes_every_control_character(
    with_errors: Path, capsys
) -> None:
    code, out, err = run("validate", "--format", "json", str(with_errors), capsys=capsys)
    assert code == 1
    assert err == ""
    # No raw control character reaches the terminal: not ESC, nor the one-byte CSI, nor DEL.
    assert not any(char in out for char in "\x1b\x9b\x7f")
    (problem,) = json.loads(out)["diagnostics"]
    assert problem["severity"] == "error"
    # A diagnostic's message is one line of visible text: control characters come escaped.
    assert problem["message"] == "step 1 ('\\x1b[31mRed\\x9b2J\\x7f') is empty"


def test_text_mode_shows_control_characters_escaped(with_errors: Path, capsys) -> None:
    code, out, _ = run("validate", str(with_errors), capsys=capsys)
    assert code == 1
    assert out.endswith(": error: step 1 ('\\x1b[31mRed\\x9b2J\\x7f') is empty\n")


def test_an_unknown_format_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["validate", "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
