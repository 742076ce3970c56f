"""One ordinary test per bug that fuzzing the loaders found (see test_fuzz_loaders.py), built
from the input that found it, so each stays covered whatever Hypothesis generates next time.

The slow-input tests assert only the result: before their fix each input took minutes (the
time grew with the square of its length), so a regression shows as a test that does not end.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dprk_it_tutor.content.course import load_course
from dprk_it_tutor.content.glossary import load_glossary
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import ContentError, Diagnostic, word_count
from dprk_it_tutor.content.quizzes import load_quiz
from dprk_it_tutor.content.yamlsafe import MAX_NODES, parse_yaml

FRONT = "---\nid: origins\ntitle: T\norder: 1\nsummary: S\nobjectives: [O]\nminutes: 5\n---\n"
NUMERIC = (
    "lesson: origins\npass_mark: 70\nquestions:\n  - id: q1\n    type: numeric\n"
    "    prompt: How many?\n    explanation: Because.\n"
)


def errors(load, path: Path, content: str | bytes) -> list[str]:
    """Every diagnostic of loading ``content`` from ``path``, as `validate` prints it."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    with pytest.raises(ContentError) as caught:
        load(path)
    return [str(d) for d in caught.value.diagnostics]


# -- numbers too big to use: OverflowError, ValueError, or quadratic time ------------------------


def test_a_400_digit_numeric_answer_is_a_content_error_not_an_overflow(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    found = errors(load_quiz, path, NUMERIC + "    answer: " + "9" * 400 + "\n")
    assert found == [
        f"{path}:8:13: error: 'answer' must be a finite number; got a number of 400 digits"
    ]


def test_a_huge_tolerance_is_a_content_error_not_an_overflow(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    text = NUMERIC + "    answer: 1\n    tolerance: " + "9" * 400 + "\n"
    assert errors(load_quiz, path, text) == [
        f"{path}:9:16: error: 'tolerance' must be a finite number; got a number of 400 digits"
    ]


def test_a_hex_number_too_long_to_print_is_a_content_error(tmp_path: Path) -> None:
    """0xfff... builds an int that str() refuses (over 4300 digits): a ValueError escaped."""
    path = tmp_path / "q.yaml"
    found = errors(load_quiz, path, "lesson: a\npass_mark: 0x" + "f" * 5000 + "\nquestions: []\n")
    assert found == [f"{path}:2:12: error: cannot read {'0x' + 'f' * 28!r} as a number"]


def test_a_long_base_60_number_is_refused_before_it_is_built() -> None:
    """YAML 1.1 reads 1:59:59 as base 60; building one of 300,000 parts took minutes. Such a
    value is now over the text limit; one just under it is over the number limit."""
    with pytest.raises(ContentError) as caught:
        parse_yaml("order: 1" + ":59" * 300_000, "f.yaml")
    assert str(caught.value).endswith(
        "this text is 900001 characters long, over the 10000 limit for one value"
    )
    with pytest.raises(ContentError) as caught:
        parse_yaml("order: 1" + ":59" * 3_000, "f.yaml")
    assert (
        str(caught.value)
        == f"f.yaml:1:8: error: cannot read {'1' + ':59' * 9 + ':5'!r} as a number"
    )


def test_numbers_up_to_the_length_limit_still_load() -> None:
    doc = parse_yaml("a: " + "9" * 100 + "\nb: 1:30\nc: 0x1f\n", "f.yaml")
    assert doc.data == {"a": int("9" * 100), "b": 90, "c": 31}


# -- characters YAML forbids, and messages that quoted them raw ----------------------------------


def test_a_control_character_in_yaml_is_one_line_at_the_character(tmp_path: Path) -> None:
    """Found as b'\\x01': PyYAML's ReaderError became a two-line message at 1:1."""
    path = tmp_path / "glossary.yaml"
    assert errors(load_glossary, path, b"terms:\n  - id: \x01") == [
        f"{path}:2:9: error: control character U+0001 is not allowed in course text "
        "(it could change what the terminal shows); delete it"
    ]


def test_a_control_character_in_front_matter_is_placed_on_its_file_line(tmp_path: Path) -> None:
    path = tmp_path / "lesson.md"
    text = FRONT.replace("summary: S", "summary: S\x1f") + "## One\n\nText.\n"
    assert errors(load_lesson, path, text) == [
        f"{path}:5:11: error: control character U+001F is not allowed in course text "
        "(it could change what the terminal shows); delete it"
    ]


def test_a_step_title_with_an_escape_sequence_is_shown_escaped(tmp_path: Path) -> None:
    """Found as a step heading '## \\x1b': the message carried the raw escape character."""
    path = tmp_path / "lesson.md"
    found = errors(load_lesson, path, FRONT + "## S\x1b[31m\x0bx\n")
    assert found == [
        f"{path}:9:5: error: control character U+001B (escape) is not allowed in course text "
        "(it could change what the terminal shows); delete it"
    ]


def test_a_key_holding_a_line_break_is_shown_escaped(tmp_path: Path) -> None:
    """Found as the quiz '"\\n": null': the message was split over two lines."""
    path = tmp_path / "q.yaml"
    text = 'lesson: a\npass_mark: 1\nquestions: []\n"\\n\\t\\u202e": 1\n'
    assert f"{path}:4:1: error: unknown key '\\n\\t\\u202e' in a quiz file; expected one of: " in (
        "\n".join(errors(load_quiz, path, text))
    )


def test_every_diagnostic_message_is_one_line_of_visible_text() -> None:
    diagnostic = Diagnostic("f.md", 1, 1, "a\nb\r\x1b[2J\x85\u2028\u2029\u202e\t é")
    assert diagnostic.message == "a\\nb\\r\\x1b[2J\\x85\\u2028\\u2029\\u202e\\t é"
    assert str(diagnostic) == f"f.md:1:1: error: {diagnostic.message}"


# -- positions that were not in the file ---------------------------------------------------------


def test_an_error_at_the_end_of_the_file_is_placed_on_its_last_line(tmp_path: Path) -> None:
    """Found as the one-byte quiz '{': libyaml put the error on line 2 of a one-line file."""
    path = tmp_path / "q.yaml"
    assert errors(load_quiz, path, "{") == [
        f"{path}:1:2: error: invalid YAML: did not find expected node content"
    ]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])  # U+0085 is a refused C1 control
def test_yaml_line_breaks_other_than_newline_do_not_shift_later_lines(
    tmp_path: Path, separator: str
) -> None:
    """Found as b'\\xc2\\x85(': YAML also ends lines at NEL, LS and PS, so its line numbers ran
    ahead of the file's (``2:1`` in a one-line file)."""
    path = tmp_path / "q.yaml"
    text = f'lesson: a\nnote: "x{separator}y"\nlesson: b\n'
    assert errors(load_quiz, path, text) == [
        f"{path}:3:1: error: duplicate key 'lesson' (first defined at line 1)"
    ]
    assert errors(load_glossary, tmp_path / "glossary.yaml", f"{separator}(") == [
        f"{tmp_path / 'glossary.yaml'}:1:2: error: a glossary file must be a mapping of "
        "'key: value' lines, not text"
    ]


# -- inputs that took time growing with the square of their length -------------------------------


def test_a_line_of_many_brackets_loads(tmp_path: Path) -> None:
    """Found as a mutated lesson with a long run of '['; 100,000 of them took two minutes."""
    path = tmp_path / "lesson.md"
    path.write_text(FRONT + "## One\n\n" + "[" * 19_000 + "\n", encoding="utf-8")
    assert load_lesson(path).steps[0].body == "[" * 19_000


@pytest.mark.parametrize(
    # Each just under the 20,000 characters a step may hold.
    "line",
    ["`" * 19_000 + "x", "[a](glossary:" * 1_400, "[a](  glossary:x  " * 1_000],
)
def test_long_lines_of_link_and_code_marks_load(tmp_path: Path, line: str) -> None:
    path = tmp_path / "lesson.md"
    path.write_text(FRONT + "## One\n\n" + line + "\n", encoding="utf-8")
    assert load_lesson(path).term_links == ()


def test_the_innermost_brackets_of_a_glossary_link_are_its_text(tmp_path: Path) -> None:
    path = tmp_path / "lesson.md"
    body = "## One\n\nSee [the [KCC](glossary:kcc) and `[x](glossary:y)` and ``a`[b](glossary:b)\n"
    path.write_text(FRONT + body, encoding="utf-8")
    assert [(link.text, link.term_id) for link in load_lesson(path).term_links] == [
        ("KCC", "kcc"),
        ("b", "b"),
    ]


def test_a_step_of_one_long_run_of_dashes_is_counted_quickly() -> None:
    """word_count used \\S*\\w\\S*, which backtracks quadratically over "-----..."."""
    assert word_count("-" * 200_000) == 0
    assert word_count("a -- b | c **d** 1990") == 5


def test_a_course_with_a_long_rule_line_in_a_step_loads(tmp_path: Path) -> None:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "origins.md").write_text(
        FRONT + "## One\n\n" + "-" * 19_000 + "\n", encoding="utf-8"
    )
    course = load_course([tmp_path])
    assert [lesson.id for lesson in course.lessons] == ["origins"]


def test_a_file_of_half_a_million_values_is_refused_at_the_first_one_too_many(
    tmp_path: Path,
) -> None:
    """A 1 MiB quiz of "questions: [1,1,1,...]" took 43 s and 300 MB to report 524,268
    problems; it now stops at value MAX_NODES + 1."""
    path = tmp_path / "q.yaml"
    text = "lesson: a\npass_mark: 1\nquestions: [" + "1," * 500_000 + "]\n"
    # Seven values come before the list's items: the top mapping, three keys, two values and
    # the list itself.
    col = len("questions: [") + 1 + 2 * (MAX_NODES + 1 - 8)
    assert errors(load_quiz, path, text) == [
        f"{path}:3:{col}: error: the file holds more than {MAX_NODES} YAML keys and values; "
        "no content file needs that many"
    ]


def test_a_glossary_link_whose_id_holds_brackets_is_still_reported(tmp_path: Path) -> None:
    """Keeping the link pattern linear must not hide a mistyped link such as glossary:[kcc]."""
    path = tmp_path / "lesson.md"
    found = errors(load_lesson, path, FRONT + "## One\n\n[KCC](glossary:[kcc]) ran it.\n")
    assert found == [
        f"{path}:11:16: error: a glossary link needs a term id after 'glossary:' (lowercase "
        "letters and digits joined by single hyphens, such as 'firm-types'); found '[kcc]'"
    ]


@given(st.text(alphabet=st.sampled_from(" \t\n\x1c\u00a0\u2003-|*_#a1é\u0301。😀"), max_size=60))
def test_word_count_counts_the_tokens_holding_a_letter_digit_or_underscore(text: str) -> None:
    """The two-count formula agrees with the definition, token by token."""
    assert word_count(text) == sum(1 for token in text.split() if re.search(r"\w", token))
