"""Content packs from the command line: --content, $DPRK_IT_TUTOR_CONTENT and --content-only."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dprk_it_tutor import cli, paths

from .content.test_course import add, lesson_md, quiz_yaml


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "extras"
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    add(root, "lessons/10-extra.md", lesson_md("extra", order=10, prerequisites="[origins]"))
    add(root, "quizzes/extra.yaml", quiz_yaml("extra", question_id="extra-q"))
    add(root, "course.yaml", "name: extras\ntitle: Extra lessons\n")
    return root


def lesson_lines(out: str) -> list[list[str]]:
    return [line.split() for line in out.splitlines()[1:]]


def test_list_with_a_pack_adds_its_lessons_after_the_course_and_names_each_pack(
    capsys, pack: Path
) -> None:
    code, out, err = run(capsys, "list", "--content", str(pack))
    assert (code, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split()[:4] == ["#", "id", "pack", "status"]
    assert rows[0].split()[:3] == ["1", "origins", "built-in"]
    assert rows[-1].split()[:3] == ["15", "extra", "extras"]


def test_the_environment_names_packs_when_no_flag_does(
    capsys, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    (other / "lessons").mkdir(parents=True)
    add(other, "lessons/10-more.md", lesson_md("more"))
    monkeypatch.setenv("DPRK_IT_TUTOR_CONTENT", f"{pack}{os.pathsep}{other}")
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert [row[1] for row in lesson_lines(out)][-2:] == ["extra", "more"]
    code, out, _ = run(capsys, "list", "--content", str(other))  # the flag wins
    assert [row[1] for row in lesson_lines(out)][-1:] == ["more"]
    assert "extra" not in out


def test_content_only_leaves_the_built_in_course_out(capsys, pack: Path) -> None:
    code, out, _ = run(capsys, "list", "--content-only", "--content", str(pack))
    assert code == 0
    assert [row[1] for row in lesson_lines(out)] == ["extra"]
    assert out.splitlines()[0].split()[:3] == ["#", "id", "status"]  # one pack: no pack column


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--content-only"],
            "--content-only needs at least one --content DIR (or $DPRK_IT_TUTOR_CONTENT)",
        ),
        (["--content", "{missing}"], "content pack {missing} (from --content) is not a folder"),
    ],
    ids=["content-only-alone", "missing-folder"],
)
def test_impossible_pack_options_end_in_one_line(
    capsys, tmp_path: Path, args: list[str], message: str
) -> None:
    missing = str(tmp_path / "nowhere")
    code, out, err = run(capsys, "list", *(a.format(missing=missing) for a in args))
    assert (code, out) == (2, "")
    assert err == f"dprk-it-tutor: error: {message.format(missing=missing)}\n"


def test_a_missing_folder_in_the_environment_is_named_too(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DPRK_IT_TUTOR_CONTENT", str(tmp_path / "gone"))
    code, _, err = run(capsys, "progress")
    assert code == 2
    assert err == (
        f"dprk-it-tutor: error: content pack {tmp_path / 'gone'} (from $DPRK_IT_TUTOR_CONTENT) "
        "is not a folder\n"
    )


def test_progress_json_says_which_pack_and_part_each_lesson_is_in(capsys, pack: Path) -> None:
    code, out, _ = run(capsys, "progress", "--json", "--content", str(pack))
    assert code == 0
    lessons = json.loads(out)["lessons"]
    assert (lessons[0]["pack"], lessons[0]["part"]) == ("built-in", "The sector and its people")
    assert (lessons[-1]["id"], lessons[-1]["pack"], lessons[-1]["part"]) == ("extra", "extras", "")


def test_validate_checks_a_pack_as_part_of_the_course_it_joins(capsys, pack: Path) -> None:
    add(
        pack,
        "lessons/20-links.md",
        lesson_md("links", order=20).replace(
            "Body 1.", "The [Kwangmyong](glossary:kwangmyong) intranet."
        ),
    )
    code, out, err = run(capsys, "validate", str(pack))
    assert (code, out) == (0, "")  # links into the built-in course resolve; its own notes stay out
    assert err.startswith("0 error(s), 0 warning(s); 2 lesson(s), 1 quiz(zes), 0 glossary")

    code, out, _ = run(capsys, "validate", "--content-only", str(pack))
    assert code == 1
    lesson = pack / "lessons" / "20-links.md"
    assert f"{lesson}:13:27: error: link to term 'kwangmyong', which is not in the glossary" in out


def test_validate_reports_a_pack_lesson_that_reuses_a_built_in_id(capsys, pack: Path) -> None:
    clash = add(pack, "lessons/30-origins.md", lesson_md("origins", order=30))
    code, out, _ = run(capsys, "validate", str(pack))
    assert code == 1
    assert out.startswith(f"{clash}:2:1: error: lesson id 'origins' is already used by ")


def test_validate_one_shipped_quiz_alone_sees_its_lesson(capsys) -> None:
    quiz = paths.builtin_course_dir() / "quizzes" / "origins.yaml"
    code, out, err = run(capsys, "validate", str(quiz))
    assert (code, out) == (0, "")
    assert err.startswith("0 error(s), 0 warning(s); 0 lesson(s), 1 quiz(zes)")
