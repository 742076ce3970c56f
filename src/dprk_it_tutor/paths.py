"""Where the built-in course and the learner's data live. Resolved here and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "dprk-it-tutor"
DATA_DIR_ENV = "DPRK_IT_TUTOR_DATA"
PROFILE_ENV = "DPRK_IT_TUTOR_PROFILE"
CONTENT_ENV = "DPRK_IT_TUTOR_CONTENT"
CACHE_ENV = "DPRK_IT_TUTOR_CACHE"
CACHE_OFF = ("off", "0", "no", "false")


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


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where loaded content is cached: ``$DPRK_IT_TUTOR_CACHE`` (a folder, or ``off`` for no
    cache), else the platform's cache folder. Deleting it at any time is safe."""
    chosen = environ.get(CACHE_ENV, "").strip()
    if chosen.lower() in CACHE_OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "content"


def profile_name(
    override: str | None = None, environ: Mapping[str, str] = os.environ
) -> str | None:
    """The learner asked for: ``--profile``, else ``$DPRK_IT_TUTOR_PROFILE``, else None (the last one)."""
    if override is not None:
        return override
    return environ.get(PROFILE_ENV) or None


def content_packs(
    given: Sequence[str | os.PathLike[str]] | None = None, environ: Mapping[str, str] = os.environ
) -> list[Path]:
    """The content packs asked for: every ``--content DIR``, else the folders listed in
    ``$DPRK_IT_TUTOR_CONTENT`` (separated as in PATH: ':' on Unix, ';' on Windows)."""
    if given:
        return [Path(folder).expanduser() for folder in given]
    listed = environ.get(CONTENT_ENV, "")
    return [Path(folder).expanduser() for folder in listed.split(os.pathsep) if folder.strip()]


def course_folders(packs: Sequence[Path], *, content_only: bool = False) -> list[Path]:
    """What a course is loaded from: the built-in course, then the packs; or the packs alone."""
    return list(packs) if content_only else [builtin_course_dir(), *packs]
