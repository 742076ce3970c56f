"""Architecture rules: the core never imports Textual, and only progress/ speaks SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dprk_it_tutor"
CORE_FOLDERS = ("content", "quiz", "progress")
CORE_FILES = ("paths.py", "terminal_text.py")
SQL_MARKERS = (
    "sqlite3",
    "SELECT ",
    "INSERT INTO",
    "UPDATE ",
    "DELETE FROM",
    "CREATE TABLE",
    "PRAGMA ",
)
UI_PACKAGES = ("textual", "dprk_it_tutor.tui")


def core_modules() -> list[Path]:
    modules = [path for folder in CORE_FOLDERS for path in sorted((PACKAGE / folder).rglob("*.py"))]
    return modules + [PACKAGE / name for name in CORE_FILES]


def imported_modules(source: str, module_path: Path | None = None) -> set[str]:
    """Every module an ``import`` or ``from ... import`` names, with relative ones resolved."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level and module_path is not None:
                parts = list(module_path.relative_to(PACKAGE.parent).with_suffix("").parts)
                parent = parts[: len(parts) - node.level]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def ui_imports(names: set[str]) -> set[str]:
    return {n for n in names if any(n == ui or n.startswith(ui + ".") for ui in UI_PACKAGES)}


def test_core_module_list_is_not_empty() -> None:
    modules = core_modules()
    relative = {str(path.relative_to(PACKAGE)) for path in modules}
    assert {"content/yamlsafe.py", "progress/store.py", "quiz/grading.py", "paths.py"} <= relative
    assert all(path.is_file() for path in modules)


@pytest.mark.parametrize(
    "source",
    [
        "import textual",
        "import textual.widgets as w",
        "from textual.app import App",
        "from textual import on",
        "def f():\n    from textual.widgets import Button\n",
        "from dprk_it_tutor.tui.app import TutorApp",
    ],
)
def test_detector_finds_ui_imports(source: str) -> None:
    assert ui_imports(imported_modules(source))


def test_detector_resolves_relative_imports_into_the_tui() -> None:
    module = PACKAGE / "content" / "example.py"
    assert ui_imports(imported_modules("from ..tui import app", module)) == {
        "dprk_it_tutor.tui",
        "dprk_it_tutor.tui.app",
    }


def test_detector_ignores_lookalike_names() -> None:
    assert not ui_imports(imported_modules("import textualize\nfrom textwrap import dedent"))


@pytest.mark.parametrize("module", core_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_not_import_the_ui(module: Path) -> None:
    names = imported_modules(module.read_text(encoding="utf-8"), module)
    assert ui_imports(names) == set()


def test_importing_the_core_does_not_load_textual() -> None:
    program = (
        "import sys\n"
        "import dprk_it_tutor.content, dprk_it_tutor.content.course\n"
        "import dprk_it_tutor.quiz.grading, dprk_it_tutor.quiz.session\n"
        "import dprk_it_tutor.progress, dprk_it_tutor.paths, dprk_it_tutor.terminal_text\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def modules_outside_progress() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if "progress" not in path.relative_to(PACKAGE).parts
    )


def test_sql_scan_covers_the_package_and_sees_the_store() -> None:
    outside = {str(path.relative_to(PACKAGE)) for path in modules_outside_progress()}
    assert {"cli.py", "content/course.py", "quiz/session.py"} <= outside
    assert not any(name.startswith("progress/") for name in outside)
    store = (PACKAGE / "progress" / "store.py").read_text(encoding="utf-8")
    assert all(marker in store for marker in ("sqlite3", "SELECT ", "INSERT INTO"))


@pytest.mark.parametrize(
    "module", modules_outside_progress(), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_only_progress_speaks_sql(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    assert [marker for marker in SQL_MARKERS if marker in text] == []
