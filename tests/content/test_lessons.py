"""Lesson files: YAML front matter, then one step per ``## `` section."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import ContentError, Lesson, SourceRef, Step

# Every value on one line, so the key written k-th sits on line k + 1 (line 1 is '---').
BASE_FRONT: dict[str, str] = {
    "id": "firm-types",
    "title": "Three kinds of firm",
    "order": "2",
    "summary": "The three kinds of IT firm.",
    "objectives": "[Name the three kinds, Compare the firms]",
    "minutes": "7",
}
BASE_BODY = "\n## First step\n\nBody one.\n\n## Second step\n\nBody two.\n"


def lesson_text(body: str = BASE_BODY, **changes: str | None) -> str:
    """Front matter built from BASE_FRONT; ``key=None`` drops a key, new keys go at the end."""
    front = dict(BASE_FRONT)
    for key, value in changes.items():
        if value is None:
            front.pop(key, None)
        else:
            front[key] = value
    lines = ["---", *(f"{key}: {value}" for key, value in front.items()), "---"]
    return "\n".join(lines) + "\n" + body


def write(tmp_path: Path, text: str, name: str = "lesson.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int, int, str]]:
    """Load ``path`` expecting failure; every diagnostic as (line, col, message), in order."""
    with pytest.raises(ContentError) as caught:
        load_lesson(path)
    assert all(d.path == str(path) and d.severity == "error" for d in caught.value.diagnostics)
    return [(d.line, d.col, d.message) for d in caught.value.diagnostics]


# -- a valid lesson -----------------------------------------------------------------------------

FULL_LESSON = """\
---
id: firm-types
title: "Three kinds of IT firm"
order: 2
summary: The three kinds of firm and the ones the articles name.
objectives:
  - Classify each named firm
  - Describe the Korea Computer Center
prerequisites: [origins]
minutes: 7
sources:
  - article: viewpoint
    part: "North Korea's IT Sector"
  - article: laos-news
---

## Sorting the firms

Three kinds, as lesson 1 said.

## The Korea Computer Center

Founded in **1990**.

- about 1,000 staff
"""


def test_valid_lesson_loads_every_field(tmp_path: Path) -> None:
    path = write(tmp_path, FULL_LESSON)
    lesson = load_lesson(path)
    assert lesson == Lesson(
        id="firm-types",
        title="Three kinds of IT firm",
        order=2,
        summary="The three kinds of firm and the ones the articles name.",
        objectives=("Classify each named firm", "Describe the Korea Computer Center"),
        prerequisites=("origins",),
        minutes=7,
        sources=(
            SourceRef(article="viewpoint", part="North Korea's IT Sector"),
            SourceRef(article="laos-news", part=""),
        ),
        steps=(
            Step(1, "Sorting the firms", "Three kinds, as lesson 1 said.", 17),
            Step(
                2,
                "The Korea Computer Center",
                "Founded in **1990**.\n\n- about 1,000 staff",
                21,
            ),
        ),
        path=path,
        id_line=2,
        prerequisite_positions=((9, 17),),
        order_position=(4, 8),
    )
    assert lesson.step_count == 2


def test_optional_keys_default_to_empty(tmp_path: Path) -> None:
    lesson = load_lesson(write(tmp_path, lesson_text()))
    assert lesson.prerequisites == ()
    assert lesson.sources == ()


def test_step_markdown_puts_the_heading_back(tmp_path: Path) -> None:
    lesson = load_lesson(write(tmp_path, lesson_text()))
    assert lesson.steps[0].markdown == "## First step\n\nBody one."


def test_steps_are_split_at_level_two_headings_and_numbered_from_one(tmp_path: Path) -> None:
    body = "\n## One\n\na\n\n## Two\n\nb\n\n## Three\n\nc\n"
    lesson = load_lesson(write(tmp_path, lesson_text(body)))
    assert [(s.number, s.title, s.body, s.line) for s in lesson.steps] == [
        (1, "One", "a", 10),
        (2, "Two", "b", 14),
        (3, "Three", "c", 18),
    ]


def test_level_three_heading_stays_inside_its_step(tmp_path: Path) -> None:
    body = "\n## One\n\nintro\n\n### Detail\n\nmore\n"
    lesson = load_lesson(write(tmp_path, lesson_text(body)))
    assert len(lesson.steps) == 1
    assert lesson.steps[0].body == "intro\n\n### Detail\n\nmore"


def test_heading_without_space_is_not_a_step(tmp_path: Path) -> None:
    body = "\n## One\n\n##not a heading\n"
    lesson = load_lesson(write(tmp_path, lesson_text(body)))
    assert [s.title for s in lesson.steps] == ["One"]


@pytest.mark.parametrize("fence", ["```", "~~~", "```markdown"])
def test_heading_inside_fenced_code_does_not_start_a_step(tmp_path: Path, fence: str) -> None:
    closing = fence[:3]
    body = f"\n## One\n\nExample:\n\n{fence}\n## not a step\n{closing}\n\n## Two\n\nb\n"
    lesson = load_lesson(write(tmp_path, lesson_text(body)))
    assert [s.title for s in lesson.steps] == ["One", "Two"]
    assert lesson.steps[0].body == f"Example:\n\n{fence}\n## not a step\n{closing}"
    assert lesson.steps[1].line == 18


@pytest.mark.parametrize(
    ("opening", "inner", "closing"),
    [
        ("```", "~~~", "```"),  # a tilde line cannot close a backtick fence
        ("~~~", "```", "~~~"),  # nor the other way round
        ("````markdown", "```", "````"),  # a shorter fence cannot close a longer one
    ],
)
def test_fence_is_closed_only_by_a_matching_fence(
    tmp_path: Path, opening: str, inner: str, closing: str
) -> None:
    # CommonMark (and the Markdown widget that renders the step) reads all of this as one code
    # block, so the '## ' line inside it must not start a step.
    code = f"{opening}\n{inner}\n## not a step\n{inner}\n{closing}"
    body = f"\n## One\n\nExample:\n\n{code}\n\nafter\n"
    lesson = load_lesson(write(tmp_path, lesson_text(body)))
    assert [s.title for s in lesson.steps] == ["One"]
    assert lesson.steps[0].body == f"Example:\n\n{code}\n\nafter"


def test_step_titles_and_bodies_are_trimmed(tmp_path: Path) -> None:
    body = "\n##    Spaced title   \n\n\n   text   \n\n\n"
    lesson = load_lesson(write(tmp_path, lesson_text(body)))
    assert lesson.steps[0].title == "Spaced title"
    assert lesson.steps[0].body == "text"


def test_lesson_with_crlf_line_endings_and_bom_loads_like_lf(tmp_path: Path) -> None:
    text = lesson_text()
    lf = load_lesson(write(tmp_path, text, "lf.md"))
    crlf_path = tmp_path / "crlf.md"
    crlf_path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    crlf = load_lesson(crlf_path)
    assert crlf.steps == lf.steps
    assert (crlf.id, crlf.objectives, crlf.id_line) == (lf.id, lf.objectives, lf.id_line)


def test_dot_line_closes_front_matter(tmp_path: Path) -> None:
    text = lesson_text().replace("\n---\n", "\n...\n", 1)
    assert text.count("...") == 1
    assert load_lesson(write(tmp_path, text)).id == "firm-types"


def test_numeric_title_is_read_as_text(tmp_path: Path) -> None:
    lesson = load_lesson(write(tmp_path, lesson_text(title="1990")))
    assert lesson.title == "1990"


# -- problems, each at its exact place ----------------------------------------------------------


def test_missing_opening_delimiter_is_reported_at_line_one(tmp_path: Path) -> None:
    path = write(tmp_path, "id: x\n---\n\n## Step\n\nbody\n")
    assert problems(path) == [
        (1, 1, "a lesson must begin with a '---' line that opens its YAML front matter")
    ]


def test_unclosed_front_matter_is_reported_at_line_one(tmp_path: Path) -> None:
    path = write(tmp_path, "---\nid: x\ntitle: y\n\n## Step\n\nbody\n")
    assert problems(path) == [
        (1, 1, "the front matter opened on line 1 is never closed; add a '---' line after it")
    ]


def test_empty_front_matter_is_reported_with_the_required_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "---\n---\n\n## Step\n\nbody\n")
    assert problems(path) == [
        (
            2,
            1,
            "the front matter is empty; it needs at least: "
            "id, title, order, summary, objectives, minutes",
        )
    ]


def test_front_matter_that_is_a_list_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "---\n- id: x\n- title: y\n---\n\n## Step\n\nbody\n")
    assert problems(path) == [
        (2, 1, "the front matter must be a mapping of 'key: value' lines, not a list")
    ]


def test_front_matter_that_is_text_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "---\njust words\n---\n\n## Step\n\nbody\n")
    assert problems(path) == [
        (2, 1, "the front matter must be a mapping of 'key: value' lines, not text")
    ]


def test_invalid_yaml_in_front_matter_is_reported_at_its_file_line(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(title="a: b"))
    assert problems(path) == [
        (3, 9, "invalid YAML: mapping values are not allowed in this context")
    ]


def test_duplicate_key_in_front_matter_is_reported_at_its_file_line(tmp_path: Path) -> None:
    text = lesson_text().replace("minutes: 7\n", "minutes: 7\norder: 3\n")
    path = write(tmp_path, text)
    assert problems(path) == [(8, 1, "duplicate key 'order' (first defined at line 4)")]


@pytest.mark.parametrize("key", ["id", "title", "order", "summary", "objectives", "minutes"])
def test_missing_required_key_is_reported_at_the_front_matter(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, lesson_text(**{key: None}))
    assert problems(path) == [(2, 1, f"the front matter is missing the required key '{key}'")]


def test_misspelled_key_suggests_the_right_one_at_the_key(tmp_path: Path) -> None:
    text = lesson_text().replace("title:", "titel:")
    path = write(tmp_path, text)
    assert problems(path) == [
        (2, 1, "the front matter is missing the required key 'title'"),
        (3, 1, "unknown key 'titel' in the front matter; did you mean 'title'?"),
    ]


def test_unrelated_unknown_key_lists_the_expected_keys(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(colour="blue"))
    assert problems(path) == [
        (
            8,
            1,
            "unknown key 'colour' in the front matter; expected one of: "
            "id, title, order, summary, objectives, minutes, prerequisites, sources",
        ),
    ]


def test_order_written_as_text_is_a_type_error_at_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(order='"2"'))
    assert problems(path) == [(4, 8, "'order' must be a whole number, not text")]


def test_order_true_is_not_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(order="true"))
    assert problems(path) == [(4, 8, "'order' must be a whole number, not true/false")]


def test_minutes_zero_is_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(minutes="0"))
    assert problems(path) == [(7, 10, "'minutes' must be between 1 and 600; got 0")]


def test_minutes_decimal_is_not_a_whole_number(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(minutes="2.5"))
    assert problems(path) == [(7, 10, "'minutes' must be a whole number, not a decimal number")]


def test_objectives_as_text_must_be_a_list(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(objectives="Name the kinds"))
    assert problems(path) == [(6, 13, "'objectives' must be a list, not text")]


def test_objectives_left_empty_must_be_a_list(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(objectives=""))
    assert problems(path) == [(6, 12, "'objectives' must be a list, not nothing (null)")]


def test_empty_objectives_list_needs_one_objective(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(objectives="[]"))
    assert problems(path) == [(6, 13, "'objectives' needs at least one learning objective")]


def test_blank_objective_is_reported_at_the_item(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(objectives='[Fine, "  "]'))
    [(line, col, message)] = problems(path)
    assert (line, col) == (6, 20)
    assert message == "item 2 of 'objectives' is empty; write some text"


def test_invalid_id_pattern_is_reported_at_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(id="Firm_Types"))
    assert problems(path) == [
        (
            2,
            5,
            "'id' must be lowercase letters and digits joined by single hyphens, "
            "such as 'firm-types'; got 'Firm_Types'",
        )
    ]


@pytest.mark.parametrize("bad", ["firm--types", "-firm", "firm-", "firm types"])
def test_ids_with_stray_hyphens_or_spaces_are_invalid(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, lesson_text(id=f'"{bad}"'))
    [(line, col, message)] = problems(path)
    assert (line, col) == (2, 5)
    assert message.endswith(f"got {bad!r}")


def test_sources_must_be_a_list(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(sources="viewpoint"))
    assert problems(path) == [(8, 10, "'sources' must be a list of {article, part} entries")]


def test_source_without_article_is_reported_at_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(sources="[{part: Opening}]"))
    assert problems(path) == [(8, 11, "a source is missing the required key 'article'")]


def test_text_before_first_step_is_reported_at_its_line(tmp_path: Path) -> None:
    body = "\nAn introduction without a heading.\n\n## Step\n\nbody\n"
    path = write(tmp_path, lesson_text(body))
    assert problems(path) == [
        (10, 1, "text before the first step; start every step with a '## ' heading")
    ]


def test_lesson_without_steps_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text("\n"))
    assert problems(path) == [(9, 1, "the lesson has no steps; add at least one '## ' section")]


def test_only_a_level_three_heading_is_no_step(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text("### Not a step\n\nbody\n"))
    assert problems(path) == [
        (9, 1, "text before the first step; start every step with a '## ' heading")
    ]


def test_empty_step_is_reported_at_its_heading(tmp_path: Path) -> None:
    body = "\n## First\n\n## Second\n\nbody\n"
    path = write(tmp_path, lesson_text(body))
    assert problems(path) == [(10, 1, "step 1 ('First') is empty")]


def test_empty_heading_is_reported_after_the_hashes(tmp_path: Path) -> None:
    body = "\n## \n\nbody\n"
    path = write(tmp_path, lesson_text(body))
    assert problems(path) == [(10, 4, "step 1 has an empty heading")]


def test_every_problem_in_a_file_is_reported_in_one_error(tmp_path: Path) -> None:
    text = lesson_text(
        "\n## Good\n\nbody\n\n## Hollow\n\n",
        id="Bad_Id",
        order='"two"',
        minutes="0",
        objectives="[]",
        colour="red",
    )
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_lesson(path)
    assert caught.value.name == "Bad_Id"
    assert [(d.line, d.col, d.message) for d in caught.value.diagnostics] == [
        (
            2,
            5,
            "'id' must be lowercase letters and digits joined by single hyphens, "
            "such as 'firm-types'; got 'Bad_Id'",
        ),
        (4, 8, "'order' must be a whole number, not text"),
        (6, 13, "'objectives' needs at least one learning objective"),
        (7, 10, "'minutes' must be between 1 and 600; got 0"),
        (
            8,
            1,
            "unknown key 'colour' in the front matter; expected one of: "
            "id, title, order, summary, objectives, minutes, prerequisites, sources",
        ),
        (15, 1, "step 2 ('Hollow') is empty"),
    ]
    assert str(caught.value) == (
        f"{path}:2:5: error: 'id' must be lowercase letters and digits joined by single "
        "hyphens, such as 'firm-types'; got 'Bad_Id'"
    )


def test_content_error_carries_the_declared_lesson_id(tmp_path: Path) -> None:
    path = write(tmp_path, lesson_text(minutes="0"))
    with pytest.raises(ContentError) as caught:
        load_lesson(path)
    assert caught.value.name == "firm-types"


def test_unreadable_lesson_is_a_content_error(tmp_path: Path) -> None:
    path = tmp_path / "missing.md"
    assert problems(path) == [(1, 1, "cannot read file: No such file or directory")]
