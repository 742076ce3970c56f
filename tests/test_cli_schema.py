"""`dprk-it-tutor schema KIND`: prints a JSON Schema, or writes it with -o; the copies committed
under schemas/ and the modelines of the shipped files point at them and never go stale."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dprk_it_tutor import cli
from dprk_it_tutor.content.schema import SCHEMAS, schema_json

REPO = Path(__file__).resolve().parent.parent
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("kind", ["lesson", "quiz", "glossary", "timeline"])
def test_schema_prints_the_schema_as_json(kind: str, capsys) -> None:
    code, out, err = run("schema", kind, capsys=capsys)
    assert code == 0
    assert err == ""
    assert json.loads(out) == SCHEMAS[kind]()
    assert out.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n')


def test_schema_output_is_plain_ascii_so_any_terminal_prints_it(capsys) -> None:
    for kind in SCHEMAS:
        _, out, _ = run("schema", kind, capsys=capsys)
        assert out.isascii(), kind


def test_schema_runs_as_a_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dprk_it_tutor", "schema", "quiz"],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "dprk-it-tutor quiz file"


def test_schema_output_option_writes_the_file_and_says_so(tmp_path: Path, capsys) -> None:
    target = tmp_path / "quiz.schema.json"
    target.write_text("an old copy", encoding="utf-8")
    code, out, err = run("schema", "quiz", "-o", str(target), capsys=capsys)
    assert code == 0
    assert out == ""
    assert err == f"wrote the quiz schema to {target}\n"
    assert target.read_text(encoding="utf-8") == schema_json("quiz")


def test_schema_output_to_a_missing_folder_is_one_clear_error(tmp_path: Path, capsys) -> None:
    target = tmp_path / "no-such-folder" / "quiz.schema.json"
    code, out, err = run("schema", "quiz", "--output", str(target), capsys=capsys)
    assert code == 1
    assert out == ""
    assert err == f"dprk-it-tutor: error: cannot write {target}: No such file or directory\n"


def test_schema_of_an_unknown_kind_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["schema", "essay"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'essay'" in err
    assert "'lesson', 'quiz', 'glossary', 'timeline'" in err


def test_schema_needs_a_kind(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["schema"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: KIND" in capsys.readouterr().err


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_committed_schema_is_what_the_command_prints(kind: str) -> None:
    committed = REPO / "schemas" / f"{kind}.schema.json"
    regenerate = f"regenerate it with: dprk-it-tutor schema {kind} -o schemas/{kind}.schema.json"
    assert committed.is_file(), f"schemas/{kind}.schema.json is missing; {regenerate}"
    assert committed.read_text(encoding="utf-8") == schema_json(kind), (
        f"schemas/{kind}.schema.json is out of date; {regenerate}"
    )


def test_schemas_folder_holds_exactly_the_committed_schemas() -> None:
    names = sorted(path.name for path in (REPO / "schemas").iterdir())
    assert names == sorted(f"{kind}.schema.json" for kind in SCHEMAS)


SHIPPED_YAML = [
    *(("quiz", path) for path in sorted((REPO / "quizzes").glob("*.yaml"))),
    ("glossary", REPO / "glossary.yaml"),
    ("timeline", REPO / "timeline.yaml"),
]


@pytest.mark.parametrize(("kind", "path"), SHIPPED_YAML, ids=[p.name for _, p in SHIPPED_YAML])
def test_shipped_yaml_names_its_schema_on_its_first_line(kind: str, path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{path.name} should begin with '# yaml-language-server: $schema=...'"
    # The editor resolves the path from the folder of the file, as done here.
    assert (path.parent / match.group(1)).resolve() == REPO / "schemas" / f"{kind}.schema.json"


def test_the_schema_command_offers_every_schema_there_is() -> None:
    from dprk_it_tutor import cli
    from dprk_it_tutor.content.schema import SCHEMAS

    assert tuple(SCHEMAS) == cli.SCHEMA_KINDS
