"""The course is found at run time from an installed wheel and from a source checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dprk_it_tutor import paths

REPO = Path(__file__).resolve().parent.parent
PROBE = "from dprk_it_tutor import paths; print(paths.builtin_course_dir())"


def _python(code: str, *, cwd: Path, pythonpath: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={"PYTHONPATH": str(pythonpath), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hatchling.builders.wheel import WheelBuilder  # in the test extra: missing is a failure

    out = tmp_path_factory.mktemp("wheel")
    (built,) = WheelBuilder(str(REPO)).build(directory=str(out), versions=["standard"])
    return Path(built)


def test_wheel_carries_every_lesson_quiz_and_stylesheet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("lessons", "quizzes"):
        for source in (REPO / folder).iterdir():
            assert f"dprk_it_tutor/course/{folder}/{source.name}" in names
    assert "dprk_it_tutor/tui/app.tcss" in names


def test_installed_wheel_finds_its_course_from_another_directory(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    found = Path(_python(PROBE, cwd=elsewhere, pythonpath=site))
    assert found == site / "dprk_it_tutor" / "course"
    assert sorted(p.name for p in (found / "lessons").iterdir()) == sorted(
        p.name for p in (REPO / "lessons").iterdir()
    )


def test_source_checkout_finds_the_course_at_the_repository_root(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(
        REPO / "src" / "dprk_it_tutor",
        checkout / "src" / "dprk_it_tutor",
        ignore=shutil.ignore_patterns("__pycache__", "course"),
    )
    shutil.copytree(REPO / "lessons", checkout / "lessons")
    shutil.copytree(REPO / "quizzes", checkout / "quizzes")
    shutil.copy(REPO / "pyproject.toml", checkout / "pyproject.toml")
    found = Path(_python(PROBE, cwd=tmp_path, pythonpath=checkout / "src"))
    assert found == checkout


def test_data_dir_prefers_flag_then_environment_then_platform(tmp_path: Path) -> None:
    assert paths.data_dir(tmp_path / "flag", {paths.DATA_DIR_ENV: "/env"}) == tmp_path / "flag"
    assert paths.data_dir(None, {paths.DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"
    platform_dir = paths.data_dir(None, {})
    assert platform_dir.name == "dprk-it-tutor"
