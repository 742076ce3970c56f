"""Where the built-in course and the learner's data live. Resolved here and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "dprk-it-tutor"
DATA_DIR_ENV = "DPRK_IT_TUTOR_DATA"
PROFILE_ENV = "DPRK_IT_TUTOR_PROFILE"


def builtin_course_dir() -> Path:
    """The shipped course: package data in an installed wheel, the repository root in a checkout.

    An editable install leaves ``lessons/`` and ``quizzes/`` at the repository root rather than in
    the package, hence the second route.
    """
    package = Path(str(resources.files("dprk_it_tutor")))
    bundled = package / "course"
    if (bundled / "lessons").is_dir():
        return bundled
    checkout = package.parent.parent  # src/dprk_it_tutor -> repository root
    if (checkout / "lessons").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return bundled  # missing: loading the course reports it


def data_dir(
    override: str | os.PathLike[str] | None = None, environ: Mapping[str, str] = os.environ
) -> Path:
    """The learner's data folder: ``--data-dir``, else ``$DPRK_IT_TUTOR_DATA``, else the platform's."""
    if override:
        return Path(override).expanduser()
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def profile_name(
    override: str | None = None, environ: Mapping[str, str] = os.environ
) -> str | None:
    """The learner asked for: ``--profile``, else ``$DPRK_IT_TUTOR_PROFILE``, else None (the last one)."""
    if override is not None:
        return override
    return environ.get(PROFILE_ENV) or None
