"""Scaffolding a lesson and a quiz: ids, orders, refusals, and templates that load cleanly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dprk_it_tutor import paths
from dprk_it_tutor.content import lessons, load_course, model, quizzes
from dprk_it_tutor.content.fields import ID_PATTERN
from dprk_it_tutor.content.scaffold import (
    ScaffoldError,
    check_title,
    choose_order,
    new_lesson,
    new_quiz,
    slugify,
)
from dprk_it_tutor.content.scaffold_text import QUIZ_EXAMPLES, lesson_text, quiz_text

BUILTIN = paths.builtin_course_dir()


def builtin_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped course, standing in for the repository root."""
    copy = tmp_path / "builtin"
    for folder in ("lessons", "quizzes"):
        shutil.copytree(BUILTIN / folder, copy / folder)
    for name in ("glossary.yaml", "timeline.yaml"):
        shutil.copy(BUILTIN / name, copy / name)
    return copy


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# -- ids from titles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Why outsource?", "why-outsource"),
        ("Café: déjà vu!", "cafe-deja-vu"),
        ("  KCC -- founded in 1990  ", "kcc-founded-in-1990"),
        ("Straße", "strasse"),
        ("Kim Il Sung's university, Pyongyang\u2019s", "kim-il-sungs-university-pyongyangs"),
        ("평양 IT 2013", "it-2013"),
        ("평양", ""),
        ("?!", ""),
        (
            "A very long title that goes on and on well past forty characters",
            "a-very-long-title-that-goes-on-and-on",
        ),
    ],
)
def test_slugify_makes_an_id_of_ascii_words(title: str, slug: str) -> None:
    assert slugify(title) == slug


@given(st.text())
def test_slugify_gives_a_valid_id_or_nothing(title: str) -> None:
    slug = slugify(title)
    assert slug == "" or (ID_PATTERN.match(slug) and len(slug) <= 40)


@pytest.mark.parametrize(
    "title", ["", "   ", "two\nlines", "bell\x07", "tab\there", "next\x85line", "esc\x1b[31m"]
)
def test_check_title_refuses_empty_and_control_characters(title: str) -> None:
    with pytest.raises(ScaffoldError, match="title"):
        check_title(title)


# -- orders ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orders", "after", "expected"),
    [
        ({}, None, 10),  # the first lesson of an empty pack
        ({"a": 10, "b": 20}, None, 30),
        ({"a": 10, "b": 145}, None, 150),  # the next multiple of ten past every order
        ({"a": 10, "b": 20, "c": 30}, "a", 15),  # halfway to the next order
        ({"a": 10, "b": 13}, "a", 11),  # halves round down
        ({"a": 10, "b": 10, "c": 20}, "a", 15),  # a lesson sharing the order is not "next"
        ({"a": 10, "b": 20}, "b", 30),  # after the last: ten more
    ],
)
def test_choose_order(orders: dict[str, int], after: str | None, expected: int) -> None:
    assert choose_order(orders, after) == expected


def test_choose_order_refuses_when_no_whole_number_is_free() -> None:
    with pytest.raises(ScaffoldError) as raised:
        choose_order({"a": 10, "b": 11}, "a", folder="pack")
    assert str(raised.value) == (
        "--after: no whole number lies between the orders of 'a' (10) and 'b' (11); renumber "
        "the lessons in pack with gaps (10, 20, 30, ...) and try again"
    )


def test_choose_order_names_a_close_lesson_for_an_unknown_after() -> None:
    with pytest.raises(ScaffoldError) as raised:
        choose_order({"firm-types": 10}, "firm-type", folder="pack")
    assert (
        str(raised.value)
        == "--after: there is no lesson 'firm-type' in pack; did you mean 'firm-types'?"
    )


def test_choose_order_refuses_an_order_past_the_largest_the_loader_accepts() -> None:
    assert choose_order({"a": 999_995}) == 1_000_000
    with pytest.raises(ScaffoldError, match="past the largest allowed"):
        choose_order({"a": 1_000_000})


# -- the templates --------------------------------------------------------------------------------


def test_every_question_type_has_a_template_example() -> None:
    assert set(QUIZ_EXAMPLES) == set(quizzes.QUESTION_TYPES) == set(model.QUESTION_TYPES)


def test_lesson_template_writes_every_front_matter_key_with_a_comment() -> None:
    text = lesson_text("my-lesson", "My lesson", 10)
    head = text.split("---\n")[1]
    assert set(yaml.safe_load(head)) == {*lessons.REQUIRED, *lessons.OPTIONAL}
    for key in (*lessons.REQUIRED, *lessons.OPTIONAL):
        (line,) = [line for line in head.splitlines() if line.startswith(f"{key}:")]
        assert " # " in line, key


def test_quiz_template_is_commented_and_points_only_at_existing_steps() -> None:
    one_step = yaml.safe_load(quiz_text("x", 1))
    assert {question["step"] for question in one_step["questions"]} == {1}
    two_steps = yaml.safe_load(quiz_text("x", 5))
    assert {question["step"] for question in two_steps["questions"]} == {1, 2}
    for qtype, example in QUIZ_EXAMPLES.items():
        assert example.lstrip().startswith(f"# {qtype}:"), qtype


# -- writing into a pack --------------------------------------------------------------------------


def test_scaffolded_lesson_and_quiz_load_with_no_problem_at_all(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    lesson_path = new_lesson(pack, "My first lesson", builtin=BUILTIN)
    quiz_path = new_quiz(pack, "my-first-lesson", builtin=BUILTIN)
    assert lesson_path == pack / "lessons" / "10-my-first-lesson.md"
    assert quiz_path == pack / "quizzes" / "my-first-lesson.yaml"
    course = load_course([BUILTIN, pack])
    assert course.diagnostics == ()
    lesson = course.lesson("my-first-lesson")
    assert lesson is not None and lesson.path == lesson_path and lesson.step_count == 2
    assert lesson.prerequisites == () and lesson.term_links == ()
    quiz = course.quiz_for("my-first-lesson")
    assert quiz is not None and quiz.pass_mark == 70
    assert [q.type for q in quiz.questions] == list(quizzes.QUESTION_TYPES)
    assert {q.id for q in quiz.questions} == {
        f"my-first-lesson-example-{qtype.replace('_', '-')}" for qtype in quizzes.QUESTION_TYPES
    }


def test_in_the_built_in_course_the_lesson_comes_after_the_last_and_warns_of_nothing(
    tmp_path: Path,
) -> None:
    root = builtin_copy(tmp_path)
    path = new_lesson(root, "One more lesson", builtin=root)
    new_quiz(root, "one-more-lesson", builtin=root)
    assert path.name == "150-one-more-lesson.md"
    course = load_course([root])
    assert course.diagnostics == ()  # no error and no warning beside the shipped glossary
    assert course.lessons[-1].id == "one-more-lesson"
    middle = new_lesson(root, "Between", after="origins", builtin=root)
    assert front_matter(middle)["order"] == 15


@pytest.mark.parametrize(
    "title",
    [
        'Why: the # "firm" \\ & *star*',
        "- starts like a list item",
        "[bracketed] {braced} 'quoted'",
        "yes",
        "1990",
        "%tag @at |pipe >folded &anchor !bang",
        "Ünïcödé — 평양 ☃ 🚀",
    ],
)
def test_title_is_written_so_that_it_reads_back_exactly(tmp_path: Path, title: str) -> None:
    path = new_lesson(tmp_path / "pack", title, lesson_id="titled", builtin=BUILTIN)
    course = load_course([BUILTIN, tmp_path / "pack"])
    assert course.diagnostics == ()
    assert course.lesson("titled").title == title == front_matter(path)["title"]


@pytest.mark.parametrize("lesson_id", ["no", "null", "0x1f", "1990", "2013-03-16"])
def test_ids_yaml_would_read_as_something_else_are_quoted(tmp_path: Path, lesson_id: str) -> None:
    pack = tmp_path / "pack"
    new_lesson(pack, "Odd id", lesson_id=lesson_id, builtin=BUILTIN)
    new_quiz(pack, lesson_id, builtin=BUILTIN)
    course = load_course([BUILTIN, pack])
    assert course.diagnostics == ()
    assert course.lesson(lesson_id) is not None and course.quiz_for(lesson_id) is not None


def test_a_title_without_ascii_letters_needs_an_id(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="give one with --id"):
        new_lesson(tmp_path, "평양", builtin=BUILTIN)
    assert new_lesson(tmp_path, "평양", lesson_id="pyongyang", builtin=BUILTIN).is_file()


def test_an_id_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="--id must be lowercase letters and digits"):
        new_lesson(tmp_path, "Title", lesson_id="My_Lesson", builtin=BUILTIN)
    assert not (tmp_path / "lessons").exists()


def test_an_id_used_by_a_built_in_lesson_is_refused_with_where(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError) as raised:
        new_lesson(tmp_path / "pack", "Origins", builtin=BUILTIN)
    origins = load_course([BUILTIN]).lesson("origins")
    assert str(raised.value) == (
        f"lesson id 'origins' is already used by {origins.path}:{origins.id_line}; "
        "choose another with --id"
    )
    assert not (tmp_path / "pack").exists()


def test_an_id_used_in_the_pack_is_refused(tmp_path: Path) -> None:
    first = new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    before = first.read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"lesson id 'intro' is already used by .*10-intro\.md"):
        new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    assert first.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in (tmp_path / "lessons").iterdir()) == ["10-intro.md"]


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    taken = tmp_path / "lessons" / "10-intro.md"
    taken.parent.mkdir()
    taken.write_text("not a lesson yet", encoding="utf-8")
    with pytest.raises(ScaffoldError) as raised:
        new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    assert str(raised.value) == f"{taken} already exists; nothing was written"
    assert taken.read_text(encoding="utf-8") == "not a lesson yet"


def test_after_a_lesson_of_another_folder_or_no_lesson_is_refused(tmp_path: Path) -> None:
    new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    with pytest.raises(ScaffoldError, match="'origins' is in the built-in course, not in"):
        new_lesson(tmp_path, "Next", after="origins", builtin=BUILTIN)
    with pytest.raises(
        ScaffoldError, match=r"there is no lesson 'intr' in .*; did you mean 'intro'\?"
    ):
        new_lesson(tmp_path, "Next", after="intr", builtin=BUILTIN)
    assert len(list((tmp_path / "lessons").iterdir())) == 1


def test_lessons_lying_loose_in_the_folder_are_not_hidden(tmp_path: Path) -> None:
    loose = tmp_path / "01-intro.md"
    shutil.copy(BUILTIN / "lessons" / "01-origins.md", loose)
    loose.write_text(loose.read_text().replace("id: origins", "id: intro"), encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"01-intro\.md lies directly in"):
        new_lesson(tmp_path, "Second", builtin=BUILTIN)
    assert not (tmp_path / "lessons").exists()


def test_a_folder_that_cannot_be_written_is_one_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="is not a folder"):
        new_lesson(blocker, "Intro", builtin=BUILTIN)
    with pytest.raises(ScaffoldError, match=r"cannot create the folder .*file\.txt/pack/lessons"):
        new_lesson(blocker / "pack", "Intro", builtin=BUILTIN)


# -- quizzes --------------------------------------------------------------------------------------


def test_a_quiz_needs_a_lesson_and_suggests_a_close_one(tmp_path: Path) -> None:
    new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    with pytest.raises(ScaffoldError) as raised:
        new_quiz(tmp_path, "intr", builtin=BUILTIN)
    assert str(raised.value) == (
        f"there is no lesson 'intr' in {tmp_path} or the built-in course; did you mean 'intro'?"
    )
    assert not (tmp_path / "quizzes").exists()


def test_a_quiz_is_refused_for_a_lesson_that_has_one_anywhere(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError) as raised:
        new_quiz(tmp_path, "origins", builtin=BUILTIN)
    assert str(raised.value) == (
        f"lesson 'origins' already has a quiz: {load_course([BUILTIN]).quiz_for('origins').path}"
    )
    new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    first = new_quiz(tmp_path, "intro", builtin=BUILTIN)
    first.write_text(first.read_text(encoding="utf-8") + "  - broken", encoding="utf-8")
    edited = first.read_text(encoding="utf-8")
    with pytest.raises(
        ScaffoldError, match=re.escape(f"lesson 'intro' already has a quiz: {first}")
    ):
        new_quiz(tmp_path, "intro", builtin=BUILTIN)  # even one that does not load
    assert first.read_text(encoding="utf-8") == edited


def test_a_quiz_file_of_that_name_is_never_overwritten(tmp_path: Path) -> None:
    new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    new_lesson(tmp_path, "Other", builtin=BUILTIN)
    other = new_quiz(tmp_path, "other", builtin=BUILTIN)
    misnamed = other.with_name("intro.yaml")
    other.rename(misnamed)  # the quiz of 'other', in the file 'intro' would be written to
    with pytest.raises(ScaffoldError, match=r"intro\.yaml already exists; nothing was written"):
        new_quiz(tmp_path, "intro", builtin=BUILTIN)
    assert "lesson: other" in misnamed.read_text(encoding="utf-8")


def test_a_quiz_for_a_lesson_that_does_not_load_says_so(tmp_path: Path) -> None:
    path = new_lesson(tmp_path, "Intro", builtin=BUILTIN)
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 5", "minutes: lots"))
    with pytest.raises(ScaffoldError, match=r"lesson 'intro' in .*10-intro\.md does not load"):
        new_quiz(tmp_path, "intro", builtin=BUILTIN)


def test_quiz_examples_point_at_the_steps_the_lesson_has(tmp_path: Path) -> None:
    path = new_lesson(tmp_path, "Short", builtin=BUILTIN)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## Replace this with the second")], encoding="utf-8")
    new_quiz(tmp_path, "short", builtin=BUILTIN)
    course = load_course([BUILTIN, tmp_path])
    assert course.diagnostics == ()
    assert {q.step for q in course.quiz_for("short").questions} == {1}
