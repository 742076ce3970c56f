"""Shared fixtures. No test may touch the user's real data directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the default data directory at a fresh temporary folder for every test."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DPRK_IT_TUTOR_DATA", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg"))
    # A learner's own settings must not leak into the tests.
    monkeypatch.delenv("DPRK_IT_TUTOR_CONTENT", raising=False)
    monkeypatch.delenv("DPRK_IT_TUTOR_PROFILE", raising=False)
    return folder


@pytest.fixture
def data_dir(isolated_data_dir: Path) -> Path:
    return isolated_data_dir
