"""`dprk-it-tutor new lesson|quiz`: what is written and printed, and one-line refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dprk_it_tutor import cli, paths
from dprk_it_tutor.content import load_course

BUILTIN = paths.builtin_course_dir()


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_new_lesson_then_quiz_then_validate_passes(tmp_path: Path, capsys) -> None:
    pack = tmp_path / "pack"
    code, out, err = run("new", "lesson", "Outsourcing, today?", "--dir", str(pack), capsys=capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"wrote {pack}/lessons/10-outsourcing-today.md\nedit it, then: dprk-it-tutor validate {pack}\n"
    )
    code, out, err = run("new", "quiz", "outsourcing-today", "--dir", str(pack), capsys=capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"wrote {pack}/quizzes/outsourcing-today.yaml\nedit it, then: dprk-it-tutor validate {pack}\n"
    )
    code, out, err = run("validate", str(BUILTIN), str(pack), capsys=capsys)
    assert (code, out) == (0, "")
    shipped = load_course([BUILTIN])
    assert err.startswith(
        f"0 error(s), 0 warning(s); {len(shipped.lessons) + 1} lesson(s), "
        f"{len(shipped.quizzes) + 1} quiz(zes)"
    )


def test_new_writes_into_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("new", "lesson", "Intro", "--id", "start-here", capsys=capsys)
    assert code == 0
    assert out == "wrote lessons/10-start-here.md\nedit it, then: dprk-it-tutor validate .\n"
    assert (tmp_path / "lessons" / "10-start-here.md").is_file()
    run("new", "lesson", "Next", capsys=capsys)
    code, out, _ = run("new", "lesson", "Between", "--after", "start-here", capsys=capsys)
    assert out.startswith("wrote lessons/15-between.md\n")
    text = (tmp_path / "lessons" / "10-start-here.md").read_text(encoding="utf-8")
    assert "`dprk-it-tutor new quiz start-here`" in text  # no --dir for the current folder


def test_in_the_built_in_course_a_new_lesson_comes_after_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    root = tmp_path / "course root"
    for folder in ("lessons", "quizzes"):
        shutil.copytree(BUILTIN / folder, root / folder)
    for name in ("glossary.yaml", "timeline.yaml"):
        shutil.copy(BUILTIN / name, root / name)
    monkeypatch.setattr(paths, "builtin_course_dir", lambda: root)
    code, out, _ = run(
        "new", "lesson", "After 2013", "--id", "later", "--dir", str(root), capsys=capsys
    )
    assert code == 0
    assert out == (
        f"wrote {root}/lessons/150-later.md\nedit it, then: dprk-it-tutor validate '{root}'\n"
    )
    assert run("new", "quiz", "later", "--dir", str(root), capsys=capsys)[0] == 0
    code, _, err = run("validate", str(root), capsys=capsys)
    assert code == 0
    assert err.startswith(f"0 error(s), 0 warning(s); {len(load_course([BUILTIN]).lessons) + 1} ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lesson", "평양"], "cannot make an id from the title '평양': it has no letters a-z or "
         "digits; give one with --id, such as --id my-lesson"),
        (["lesson", "  "], "the title is empty; give the lesson's title in quotes"),
        (["lesson", "a\x1b[2Jb"], "the title must be one line of text without control "
         "characters; found U+001B at character 2"),
        (["lesson", "X", "--id", "Bad_Id"], "--id must be lowercase letters and digits joined "
         "by single hyphens, such as 'firm-types'; got 'Bad_Id'"),
        (["lesson", "X", "--after", "nowhere"], "--after: there is no lesson 'nowhere' in {pack}"),
        (["quiz", "orgins"], "there is no lesson 'orgins' in {pack} or the built-in course; "
         "did you mean 'origins'?"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_on_stderr_and_exit_1(
    tmp_path: Path, capsys, args: list[str], message: str
) -> None:
    pack = tmp_path / "pack"
    code, out, err = run("new", *args, "--dir", str(pack), capsys=capsys)
    assert (code, out) == (1, "")
    assert err == f"dprk-it-tutor: error: {message.format(pack=pack)}\n"
    assert not pack.exists()


def test_an_id_taken_by_the_built_in_course_is_refused(tmp_path: Path, capsys) -> None:
    origins = load_course([BUILTIN]).lesson("origins")
    code, out, err = run("new", "lesson", "Origins", "--dir", str(tmp_path), capsys=capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"dprk-it-tutor: error: lesson id 'origins' is already used by {origins.path}:"
        f"{origins.id_line}; choose another with --id\n"
    )


def test_an_existing_lesson_or_quiz_is_not_overwritten(tmp_path: Path, capsys) -> None:
    run("new", "lesson", "Intro", "--dir", str(tmp_path), capsys=capsys)
    run("new", "quiz", "intro", "--dir", str(tmp_path), capsys=capsys)
    quiz = tmp_path / "quizzes" / "intro.yaml"
    quiz.write_text("lesson: intro\n", encoding="utf-8")  # an author's work in progress
    code, out, err = run("new", "quiz", "intro", "--dir", str(tmp_path), capsys=capsys)
    assert (code, out) == (1, "")
    assert err == f"dprk-it-tutor: error: lesson 'intro' already has a quiz: {quiz}\n"
    assert quiz.read_text(encoding="utf-8") == "lesson: intro\n"


def test_an_unwritable_folder_is_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "pack"
    code, out, err = run("new", "lesson", "Intro", "--dir", str(target), capsys=capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"dprk-it-tutor: error: cannot create the folder {target}/lessons: ")
    assert err.count("\n") == 1


def test_new_needs_to_know_what_to_start(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["new"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: KIND" in capsys.readouterr().err


def test_a_pack_with_parts_is_told_where_to_list_the_new_lesson(tmp_path: Path, capsys) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    manifest = pack / "course.yaml"
    manifest.write_text("title: T\nparts:\n  - title: P\n    lessons: [old]\n")
    code, out, _ = run("new", "lesson", "Fresh", "--dir", str(pack), capsys=capsys)
    assert code == 0
    assert out.splitlines() == [
        f"wrote {pack}/lessons/10-fresh.md",
        f"list 'fresh' in a part's 'lessons' in {manifest}, where it should be taught",
        f"edit it, then: dprk-it-tutor validate {pack}",
    ]
