"""Choosing the learner on the command line: --profile, $DPRK_IT_TUTOR_PROFILE, `learners`."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor import cli, paths
from dprk_it_tutor.progress import ProgressStore


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def no_profile_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.PROFILE_ENV, raising=False)


def add_learners(data_dir: Path, *names: str) -> None:
    for name in names:
        with ProgressStore.open(data_dir, profile=name) as store:
            store.visit_step("origins", 1)


def test_learners_lists_everyone_and_marks_who_used_the_course_last(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_learners(tmp_path, "default", "Ana", "Ri Jin")
    code, out, err = run("--data-dir", str(tmp_path), "learners", capsys=capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line[2:].split("  ")[0].strip() for line in lines] == ["Ana", "default", "Ri Jin"]
    assert [line[0] for line in lines] == [" ", " ", "*"]


def test_profile_flag_and_environment_choose_whose_progress_is_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_learners(tmp_path, "default")
    with ProgressStore.open(tmp_path, profile="Ana") as store:
        store.visit_step("firm-types", 2)
    code, out, _ = run("--data-dir", str(tmp_path), "--profile", "default", "list", capsys=capsys)
    assert code == 0
    assert "origins" in out and " in progress" in out.split("origins")[1].splitlines()[0]
    assert "not started" in out.split("firm-types")[1].splitlines()[0]

    monkeypatch.setenv(paths.PROFILE_ENV, "Ana")
    code, out, _ = run("--data-dir", str(tmp_path), "list", capsys=capsys)
    assert code == 0
    assert "in progress" in out.split("firm-types")[1].splitlines()[0]
    # The flag wins over the environment.
    code, out, _ = run("list", "--profile", "default", "--data-dir", str(tmp_path), capsys=capsys)
    assert "not started" in out.split("firm-types")[1].splitlines()[0]


def test_a_command_that_only_reads_refuses_a_learner_who_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_learners(tmp_path, "default", "Ana")
    code, out, err = run(
        "--data-dir", str(tmp_path), "--profile", "Anna", "progress", capsys=capsys
    )
    assert (code, out) == (1, "")
    assert err == (
        f"dprk-it-tutor: error: there is no learner named 'Anna' in {tmp_path / 'progress.sqlite3'}"
        " (learners: Ana, default); open the course with --profile to add one\n"
    )
    with ProgressStore.open(tmp_path) as store:
        assert [p.name for p in store.profiles()] == ["Ana", "default"]


def test_a_name_that_cannot_name_a_learner_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run("--data-dir", str(tmp_path), "--profile", "../x", "list", capsys=capsys)
    assert (code, out) == (1, "")
    assert err.startswith("dprk-it-tutor: error: '../x' cannot name a learner")
    assert err.count("\n") == 1


def test_profile_name_resolution_order() -> None:
    assert paths.profile_name("Ana", {paths.PROFILE_ENV: "Bo"}) == "Ana"
    assert paths.profile_name(None, {paths.PROFILE_ENV: "Bo"}) == "Bo"
    assert paths.profile_name(None, {paths.PROFILE_ENV: ""}) is None
    assert paths.profile_name(None, {}) is None
