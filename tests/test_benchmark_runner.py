"""The benchmark runner judges honestly: a figure over its budget fails the run, and the names it
shares with the program stay the program's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from dprk_it_tutor import paths
from dprk_it_tutor.content import cache

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import run


def runs(*seconds: float, rss_kb: int = 40_960) -> list[run.Run]:
    return [run.Run(s, rss_kb, "") for s in seconds]


def test_a_ratio_over_its_budget_fails_and_one_at_it_passes() -> None:
    at_budget = run.ratio_rows("Start-up", runs(1.3, 1.3, 9.0), runs(1.0, 1.0, 1.0), 1.3)
    assert [(row.figure, row.passed) for row in at_budget] == [
        ("Start-up: wall time", True),
        ("Start-up: peak memory", True),
    ]
    over = run.ratio_rows("Start-up", runs(1.4, 1.4, 0.1), runs(1.0, 1.0, 1.0), 1.3, memory=False)
    assert [(row.ratio, row.passed) for row in over] == [(pytest.approx(1.4), False)]


def test_an_absolute_figure_is_judged_by_its_median() -> None:
    assert run.absolute_row("Validate", [0.1, 2.0, 1.4], 1.5, "s").passed
    assert not run.absolute_row("Validate", [0.1, 2.0, 1.6], 1.5, "s").passed


def test_the_run_fails_when_any_budget_fails_and_writes_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(run, "compile_package", lambda: None)
    monkeypatch.setattr(run, "make_inputs", lambda work: {"big_course": work, "work": work})
    monkeypatch.setattr(run, "wait_until_settled", lambda folder: None)
    monkeypatch.setattr(
        run,
        "MEASUREMENTS",
        {
            "good": lambda inputs, n: [run.absolute_row("Quick", [10.0], 50, "ms")],
            "bad": lambda inputs, n: [run.absolute_row("Slow", [60.0], 50, "ms")],
        },
    )
    out = tmp_path / "results.json"
    assert run.main(["--runs", "1", "--work", str(tmp_path), "--json", str(out)]) == 1
    document = json.loads(out.read_text())
    assert document["passed"] is False
    assert [(row["figure"], row["passed"]) for row in document["rows"]] == [
        ("Quick", True),
        ("Slow", False),
    ]
    table = capsys.readouterr().out
    assert "| Slow " in table and "| FAIL " in table
    monkeypatch.setattr(run, "MEASUREMENTS", {"good": run.MEASUREMENTS["good"]})
    assert run.main(["--runs", "1", "--work", str(tmp_path), "--json", str(out)]) == 0


def test_the_runner_names_the_cache_as_the_program_does() -> None:
    assert run.CACHE_ENV == paths.CACHE_ENV
    assert run.SETTLE_SECONDS == cache.SETTLE_SECONDS
