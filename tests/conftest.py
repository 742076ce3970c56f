"""Shared fixtures. No test may touch the user's real data directory."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the default data directory at a fresh temporary folder for every test."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DPRK_IT_TUTOR_DATA", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg"))
    # The content cache too: each test starts with none, and never sees or fills the user's.
    monkeypatch.setenv("DPRK_IT_TUTOR_CACHE", str(folder / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "xdg-cache"))
    # A learner's own settings must not leak into the tests.
    monkeypatch.delenv("DPRK_IT_TUTOR_CONTENT", raising=False)
    monkeypatch.delenv("DPRK_IT_TUTOR_PROFILE", raising=False)
    return folder


@pytest.fixture
def data_dir(isolated_data_dir: Path) -> Path:
    return isolated_data_dir


# A long fuzzing run: `pytest tests/content/test_fuzz_loaders.py --hypothesis-profile=fuzz`.
# Fresh random inputs every run and far more of them; CI uses the fixed, shorter settings that
# test_fuzz_loaders.py gives each property.
settings.register_profile(
    "fuzz",
    max_examples=5000,
    deadline=timedelta(seconds=2),
    derandomize=False,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
