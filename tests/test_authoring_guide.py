"""docs/authoring.md is tested: its example files make a pack that validates, its commands parse,
its quick start works as written, and its JSON example is what validate prints."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from dprk_it_tutor import cli, paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.content.course import check_content
from dprk_it_tutor.content.model import QUESTION_TYPES
from dprk_it_tutor.content.quizzes import load_quiz
from dprk_it_tutor.quiz.grading import grade

GUIDE = Path(__file__).parent.parent / "docs" / "authoring.md"
MARKER = re.compile(r"^<!-- example: (\S+) -->$")
FENCE = re.compile(r"^```(\w*)$")
QUIZ = "my-pack/quizzes/kcc-products.yaml"


def blocks(text: str) -> list[tuple[str, str, str]]:
    """Every fenced block as (language, marker or "", content), in the guide's order."""
    found = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        marker = MARKER.match(lines[index - 1]) if index else None
        end = lines.index("```", index + 1)
        body = "\n".join(lines[index + 1 : end]) + "\n"
        found.append((opening.group(1), marker.group(1) if marker else "", body))
        index = end + 1
    return found


GUIDE_BLOCKS = blocks(GUIDE.read_text(encoding="utf-8"))


def write_example_pack(root: Path) -> Path:
    """The guide's example files under ``root``; question examples join the example quiz."""
    questions = []
    for _, marker, body in GUIDE_BLOCKS:
        if marker == "question":
            questions.append("".join(f"  {line}\n" if line else "\n" for line in body.split("\n")))
        elif marker:
            target = root / marker
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
    quiz = root / QUIZ
    quiz.write_text(quiz.read_text(encoding="utf-8") + "".join(questions), encoding="utf-8")
    return root / "my-pack"


def test_every_yaml_and_markdown_example_is_marked_as_a_file_or_a_question() -> None:
    unmarked = [
        body.split("\n")[0] for language, marker, body in GUIDE_BLOCKS
        if language in ("yaml", "markdown") and not marker
    ]  # fmt: skip
    assert unmarked == [], "give each example a '<!-- example: ... -->' line so it is tested"
    assert sum(marker == "question" for _, marker, _ in GUIDE_BLOCKS) >= 6


def test_the_example_files_make_a_pack_that_validates_with_no_problem(tmp_path: Path) -> None:
    pack = write_example_pack(tmp_path)
    checked = check_content([pack], context=[paths.builtin_course_dir()])
    assert [str(d) for d in checked.diagnostics] == []
    course = load_course([paths.builtin_course_dir(), pack])
    assert course.diagnostics == ()
    quiz = course.quiz_for("kcc-products")
    assert quiz is not None
    assert {question.type for question in quiz.questions} == set(QUESTION_TYPES)
    assert course.lessons[-1].id == "kcc-products"
    assert course.lessons[-1].part == "The Korea Computer Center"
    assert course.term("e-learning") is not None
    assert [event.lesson_id for event in course.timeline].count("kcc-products") == 1


def test_every_command_in_the_guide_is_one_the_program_accepts() -> None:
    parser = cli.build_parser()
    commands = [
        shlex.split(line.split("#")[0])
        for language, _, body in GUIDE_BLOCKS
        if language == "sh"
        for line in body.split("\n")
        if line.startswith("dprk-it-tutor ")
    ]
    assert len(commands) >= 20
    for command in commands:
        args = parser.parse_args(command[1:])  # argparse exits on anything it does not accept
        assert callable(args.handler), command


def test_the_quick_start_works_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    quick_start = next(body for language, _, body in GUIDE_BLOCKS if language == "sh")
    commands = [shlex.split(line) for line in quick_start.strip().split("\n")]
    assert [command[1] for command in commands[:3]] == ["new", "new", "validate"]
    for command in commands[:3]:
        assert cli.main(command[1:]) == 0, command
    captured = capsys.readouterr()
    assert captured.err.startswith("0 error(s), 0 warning(s); 1 lesson(s), 1 quiz(zes)")
    lesson = tmp_path / "my-pack" / "lessons" / "10-kcc-products.md"
    preview = commands[3]
    assert preview[1:3] == ["preview", str(lesson.relative_to(tmp_path))] and lesson.is_file()


def test_the_json_example_is_what_validate_prints_for_that_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    write_example_pack(tmp_path)
    monkeypatch.chdir(tmp_path)
    lesson = Path("my-pack/lessons/10-kcc-products.md")
    lesson.write_text(lesson.read_text().replace("[firm-types]", "[firm-type]"))
    example = next(json.loads(body) for language, _, body in GUIDE_BLOCKS if language == "json")
    assert cli.main(["validate", "--format", "json", "my-pack"]) == 1
    assert json.loads(capsys.readouterr().out) == example


def test_every_example_question_scores_one_for_its_own_answer(tmp_path: Path) -> None:
    quiz = load_quiz(write_example_pack(tmp_path) / "quizzes" / "kcc-products.yaml")
    for question in quiz.questions:
        assert question.explanation and question.step, question.id
        answer: Any = question.answer
        if question.type == "matching":
            answer = dict(question.answer)
        elif question.type == "short":
            answer = question.answer[0]
        elif question.type == "numeric":
            answer = str(question.answer)
        assert grade(question, answer).score == 1.0, question.id


def test_the_link_example_is_a_glossary_link() -> None:
    text = GUIDE.read_text(encoding="utf-8").split("### Linking key terms to the glossary", 1)[1]
    example = text.split("```\n", 2)[1]
    assert re.findall(r"\[([^]]+)\]\(glossary:([a-z-]+)\)", example) == [
        ("Kwangmyong", "kwangmyong")
    ]
