"""Loading one file for a preview, in the course it would be part of."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dprk_it_tutor import paths
from dprk_it_tutor.content.preview import (
    PreviewPathError,
    context_folder,
    file_states,
    load_preview,
    preview_kind,
)

BUILTIN = paths.builtin_course_dir()

LESSON = """\
---
id: {id}
title: A pack lesson
order: 500
summary: A lesson of a content pack.
objectives:
  - Read it
minutes: 2
---

## One

About the [DPRK](glossary:dprk) and [a pack term](glossary:{term}).

## Two

The end.
"""

QUIZ = """\
lesson: {lesson}
pass_mark: 50
questions:
  - id: pack-q
    type: true_false
    prompt: True?
    answer: true
    explanation: Yes.
    step: {step}
"""

GLOSSARY = """\
terms:
  - id: pack-term
    term: Pack term
    definition: Only the pack defines it.
"""


def write_pack(root: Path, *, lesson_id: str = "pack-lesson", term: str = "pack-term") -> Path:
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "glossary.yaml").write_text(GLOSSARY)
    lesson = root / "lessons" / "01-pack.md"
    lesson.write_text(LESSON.format(id=lesson_id, term=term))
    (root / "quizzes" / "pack.yaml").write_text(QUIZ.format(lesson=lesson_id, step=2))
    return lesson


@pytest.mark.parametrize(
    ("relative", "expected"),
    [("pack/lessons/a.md", "pack"), ("pack/quizzes/a.yaml", "pack"), ("drafts/a.md", "drafts")],
)
def test_the_context_is_the_course_root_above_lessons_or_quizzes_else_the_folder(
    tmp_path: Path, relative: str, expected: str
) -> None:
    assert context_folder(tmp_path / relative) == tmp_path / expected


def test_a_pack_lesson_loads_with_the_built_in_glossary_and_its_own(tmp_path: Path) -> None:
    lesson_file = write_pack(tmp_path / "pack")
    preview = load_preview(lesson_file, BUILTIN)
    assert preview.diagnostics == ()
    assert preview.showable and preview.kind == "lesson" and preview.quiz is None
    assert preview.lesson is not None and preview.lesson.id == "pack-lesson"
    assert preview.course.term("dprk") and preview.course.term("pack-term")
    assert preview.course.quiz_for("pack-lesson") is not None  # "t" can open its quiz


def test_a_link_to_a_term_nobody_defines_is_an_error_in_the_lesson(tmp_path: Path) -> None:
    lesson_file = write_pack(tmp_path / "pack", term="nowhere")
    preview = load_preview(lesson_file, BUILTIN)
    assert not preview.showable and preview.lesson is not None
    assert [str(d) for d in preview.diagnostics] == [
        f"{lesson_file}:13:60: error: link to term 'nowhere', which is not in the glossary"
    ]


def test_a_built_in_lesson_is_loaded_once_not_reported_as_its_own_duplicate() -> None:
    preview = load_preview(BUILTIN / "lessons" / "01-origins.md", BUILTIN)
    assert preview.diagnostics == () and preview.showable
    assert [lesson.id for lesson in preview.course.lessons].count("origins") == 1


def test_a_pack_lesson_reusing_a_built_in_id_is_a_duplicate(tmp_path: Path) -> None:
    lesson_file = write_pack(tmp_path / "pack", lesson_id="origins")
    preview = load_preview(lesson_file, BUILTIN)
    assert preview.lesson is None and not preview.showable
    assert [d.message.split(" by ")[0] for d in preview.errors] == [
        "lesson id 'origins' is already used"
    ]


def test_a_quiz_comes_with_its_lesson_and_its_step_numbers_are_checked(tmp_path: Path) -> None:
    write_pack(tmp_path / "pack")
    quiz_file = tmp_path / "pack" / "quizzes" / "pack.yaml"
    preview = load_preview(quiz_file, BUILTIN)
    assert preview.showable and preview.kind == "quiz"
    assert preview.quiz is not None and preview.lesson is not None
    assert preview.lesson.id == "pack-lesson"

    quiz_file.write_text(QUIZ.format(lesson="pack-lesson", step=3))
    preview = load_preview(quiz_file, BUILTIN)
    assert preview.quiz is None and not preview.showable
    assert [str(d) for d in preview.diagnostics] == [
        f"{quiz_file}:9:11: error: question 'pack-q' points to step 3, but lesson "
        "'pack-lesson' has 2 step(s)"
    ]


def test_a_file_beside_a_course_root_s_folders_is_loaded_too(tmp_path: Path) -> None:
    write_pack(tmp_path / "pack")
    draft = tmp_path / "pack" / "draft.md"
    draft.write_text(LESSON.format(id="draft", term="pack-term"))
    preview = load_preview(draft, BUILTIN)
    assert preview.showable and preview.lesson is not None and preview.lesson.id == "draft"


def test_a_file_in_a_plain_folder_finds_the_lesson_beside_it(tmp_path: Path) -> None:
    (tmp_path / "lesson.md").write_text(LESSON.format(id="plain", term="dprk"))
    quiz_file = tmp_path / "quiz.yaml"
    quiz_file.write_text(QUIZ.format(lesson="plain", step=1))
    preview = load_preview(quiz_file, BUILTIN)
    assert preview.showable and preview.lesson is not None and preview.lesson.id == "plain"


def test_a_missing_file_is_an_error_in_the_result_not_an_exception(tmp_path: Path) -> None:
    gone = tmp_path / "lessons" / "gone.md"
    preview = load_preview(gone, BUILTIN)
    assert [str(d) for d in preview.diagnostics] == [
        f"{gone}:1:1: error: no such file (was it deleted or renamed?)"
    ]
    assert not preview.showable


def test_preview_kind_names_the_file_s_kind_or_says_why_it_cannot_be_previewed(
    tmp_path: Path,
) -> None:
    lesson_file = write_pack(tmp_path / "pack")
    assert preview_kind(lesson_file) == "lesson"
    assert preview_kind(tmp_path / "pack" / "quizzes" / "pack.yaml") == "quiz"
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    cases = {
        tmp_path / "missing.md": "no such file",
        tmp_path / "pack": "is a folder; preview opens one lesson (.md) or quiz (.yaml) file",
        notes: "preview opens a lesson (.md) or a quiz (.yaml, .yml), not a .txt file",
        tmp_path / "pack" / "glossary.yaml": "is a glossary or timeline; preview opens a "
        "lesson (.md) or a quiz (.yaml), and 'validate' checks this file",
    }
    for path, why in cases.items():
        with pytest.raises(PreviewPathError) as caught:
            preview_kind(path)
        assert str(caught.value) == f"{path}: {why}"


def test_file_states_change_when_the_glossary_is_saved_or_the_file_goes(tmp_path: Path) -> None:
    lesson_file = write_pack(tmp_path / "pack")
    before = file_states(lesson_file)
    assert {Path(state[0]).name for state in before} == {"01-pack.md", "glossary.yaml", "pack.yaml"}
    glossary = tmp_path / "pack" / "glossary.yaml"
    os.utime(glossary, ns=(0, glossary.stat().st_mtime_ns + 10**9))
    assert file_states(lesson_file) != before
    lesson_file.unlink()
    assert (str(lesson_file), None, None) in file_states(lesson_file)


def test_a_pack_lesson_is_previewed_in_its_part_and_course_yaml_is_watched(tmp_path: Path) -> None:
    lesson_file = write_pack(tmp_path / "pack")
    manifest = tmp_path / "pack" / "course.yaml"
    manifest.write_text("title: A pack\nparts:\n  - title: Only part\n    lessons: [pack-lesson]\n")
    preview = load_preview(lesson_file, BUILTIN)
    assert preview.showable and preview.lesson is not None
    assert (preview.lesson.pack, preview.lesson.part) == ("pack", "Only part")
    assert str(manifest) in {state[0] for state in file_states(lesson_file)}
