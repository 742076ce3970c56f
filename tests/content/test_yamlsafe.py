"""The single safe entry point for reading content files and parsing YAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dprk_it_tutor.content.model import ContentError, Diagnostic
from dprk_it_tutor.content.yamlsafe import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Position,
    parse_yaml,
    read_text,
)


def yaml_error(text: str, *, line_offset: int = 0) -> Diagnostic:
    """Parse ``text`` expecting exactly one diagnostic, and return it."""
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "f.yaml", line_offset=line_offset)
    assert len(caught.value.diagnostics) == 1
    return caught.value.diagnostics[0]


def read_error(path: Path) -> Diagnostic:
    with pytest.raises(ContentError) as caught:
        read_text(path)
    assert len(caught.value.diagnostics) == 1
    return caught.value.diagnostics[0]


# -- plain data and positions -----------------------------------------------------------------


def test_plain_data_round_trips_to_python_values() -> None:
    text = (
        "title: Origins\n"
        "order: 3\n"
        "ratio: 0.5\n"
        "draft: false\n"
        "nothing: null\n"
        "tags: [a, b]\n"
        "nested:\n"
        "  - name: x\n"
        "    size: 2\n"
    )
    doc = parse_yaml(text, "f.yaml")
    assert doc.data == {
        "title": "Origins",
        "order": 3,
        "ratio": 0.5,
        "draft": False,
        "nothing": None,
        "tags": ["a", "b"],
        "nested": [{"name": "x", "size": 2}],
    }
    assert doc.path == "f.yaml"


def test_value_and_key_positions_are_one_based_line_and_column() -> None:
    doc = parse_yaml("a: 1\nb: [x, {c: d}]\n", "f.yaml")
    assert doc.positions[()] == Position(1, 1)
    assert doc.positions[("a",)] == Position(1, 4)
    assert doc.positions[("b",)] == Position(2, 4)
    assert doc.positions[("b", 0)] == Position(2, 5)
    assert doc.positions[("b", 1)] == Position(2, 8)
    assert doc.positions[("b", 1, "c")] == Position(2, 12)
    assert doc.key_positions[("a",)] == Position(1, 1)
    assert doc.key_positions[("b",)] == Position(2, 1)
    assert doc.key_positions[("b", 1, "c")] == Position(2, 9)


def test_line_offset_shifts_lines_but_not_columns() -> None:
    doc = parse_yaml("a: 1\nb:\n  c: 2\n", "f.md", line_offset=1)
    assert doc.positions[()] == Position(2, 1)
    assert doc.positions[("a",)] == Position(2, 4)
    assert doc.positions[("b", "c")] == Position(4, 6)
    assert doc.key_positions[("b", "c")] == Position(4, 3)


def test_position_of_absent_value_falls_back_to_nearest_enclosing_value() -> None:
    doc = parse_yaml("a:\n  b: 1\n", "f.yaml")
    assert doc.position(("a", "missing", "deeper")) == Position(2, 3)
    assert doc.position(("nowhere",)) == Position(1, 1)
    assert doc.position(("a", "b"), of_key=True) == Position(2, 3)
    assert doc.position(("a", "b")) == Position(2, 6)


def test_empty_document_is_none_and_positions_fall_back_to_start() -> None:
    doc = parse_yaml("# just a comment\n", "f.md", line_offset=1)
    assert doc.data is None
    assert doc.position(("id",)) == Position(2, 1)
    assert doc.diagnostic(("id",), "boom") == Diagnostic("f.md", 2, 1, "boom")


def test_explicit_document_markers_are_allowed_for_a_single_document() -> None:
    doc = parse_yaml("---\na: 1\n...\n", "f.yaml")
    assert doc.data == {"a": 1}
    assert doc.positions[("a",)] == Position(2, 4)


def test_dates_stay_as_the_text_the_author_wrote() -> None:
    doc = parse_yaml("day: 2013-03-01\nwhen: 2013-03-01 10:30:00\n", "f.yaml")
    assert doc.data == {"day": "2013-03-01", "when": "2013-03-01 10:30:00"}
    assert all(isinstance(v, str) for v in doc.data.values())


def test_explicit_str_tag_is_a_plain_tag_and_allowed() -> None:
    assert parse_yaml("year: !!str 1990\n", "f.yaml").data == {"year": "1990"}


# -- rejected constructs ----------------------------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    diag = yaml_error("a: 1\nb: 2\na: 3\n")
    assert (diag.path, diag.line, diag.col) == ("f.yaml", 3, 1)
    assert diag.message == "duplicate key 'a' (first defined at line 1)"


def test_nested_duplicate_key_position_includes_line_offset() -> None:
    diag = yaml_error("x:\n  y: 1\n  y: 2\n", line_offset=1)
    assert (diag.line, diag.col) == (4, 3)
    assert diag.message == "duplicate key 'y' (first defined at line 3)"


def test_duplicate_key_in_flow_mapping_is_reported() -> None:
    diag = yaml_error("m: {k: 1, k: 2}\n")
    assert (diag.line, diag.col) == (1, 11)
    assert "duplicate key 'k'" in diag.message


def test_anchor_on_a_scalar_is_rejected() -> None:
    diag = yaml_error("a: &x 1\nb: 2\n")
    assert (diag.line, diag.col, diag.message) == (1, 4, "YAML anchors (&name) are not allowed")


def test_anchor_on_a_collection_is_rejected() -> None:
    diag = yaml_error("a: 1\nb: &list [1, 2]\n")
    assert (diag.line, diag.col, diag.message) == (2, 4, "YAML anchors (&name) are not allowed")


def test_alias_is_rejected() -> None:
    diag = yaml_error("a: 1\nb: *x\n")
    assert (diag.line, diag.col) == (2, 4)
    assert diag.message == "YAML aliases (*name) are not allowed; write the value out in full"


def test_billion_laughs_is_rejected_at_its_first_anchor() -> None:
    text = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'
    diag = yaml_error(text)
    assert (diag.line, diag.col) == (1, 4)
    assert "anchors" in diag.message


@pytest.mark.parametrize(
    ("text", "col", "shown"),
    [
        ("a: !!python/object:os.system x\n", 4, "!!python/object:os.system"),
        ("a: !!python/object/apply:os.system [ls]\n", 4, "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system\n", 4, "!!python/name:os.system"),
        ("a: !!binary aGVsbG8=\n", 4, "!!binary"),
        ("a: !!set {x, y}\n", 4, "!!set"),
        ("a: !!omap [b: 1]\n", 4, "!!omap"),
        ("a: !custom value\n", 4, "!custom"),
    ],
)
def test_constructing_and_non_plain_tags_are_rejected(text: str, col: int, shown: str) -> None:
    diag = yaml_error(text)
    assert (diag.line, diag.col) == (1, col)
    assert diag.message == f"YAML tag {shown} is not allowed"


def test_merge_key_is_rejected_at_the_merge_key() -> None:
    diag = yaml_error("base: {a: 1}\nc:\n  <<: {a: 2}\n")
    assert (diag.line, diag.col, diag.message) == (3, 3, "YAML merge keys (<<) are not allowed")


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("? [a, b]\n: 1\n", 1, 3),
        ("{a: 1}: 2\n", 1, 1),
        ("ok: 1\n~: 2\n", 2, 1),
    ],
)
def test_non_scalar_or_null_mapping_keys_are_rejected(text: str, line: int, col: int) -> None:
    diag = yaml_error(text)
    assert (diag.line, diag.col, diag.message) == (line, col, "mapping keys must be plain text")


def test_second_document_is_rejected_at_its_start() -> None:
    diag = yaml_error("a: 1\n---\nb: 2\n")
    assert (diag.line, diag.col, diag.message) == (2, 1, "only one YAML document is allowed here")


def test_nesting_up_to_max_depth_is_accepted() -> None:
    doc = parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "f.yaml")
    depth, value = 0, doc.data
    while isinstance(value, list):
        depth += 1
        value = value[0] if value else None
    assert depth == MAX_DEPTH


def test_nesting_one_deeper_than_max_depth_is_rejected_at_the_extra_level() -> None:
    diag = yaml_error("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert (diag.line, diag.col) == (1, MAX_DEPTH + 1)
    assert diag.message == f"YAML is nested more than {MAX_DEPTH} levels deep"


def test_deep_block_nesting_is_rejected() -> None:
    text = (
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 1))
        + "  " * (MAX_DEPTH + 1)
        + "v\n"
    )
    diag = yaml_error(text)
    assert diag.line == MAX_DEPTH + 1
    assert diag.message == f"YAML is nested more than {MAX_DEPTH} levels deep"


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_hundred_thousand_nested_openers_raise_content_error_without_crashing(opener: str) -> None:
    # Run in a child interpreter: a crash in libyaml (a segfault) would otherwise take the whole
    # test run down instead of failing this one test.
    program = (
        "from dprk_it_tutor.content.yamlsafe import parse_yaml\n"
        "from dprk_it_tutor.content.model import ContentError\n"
        f"text = {opener!r} * 100_000\n"
        "try:\n"
        "    parse_yaml(text, 'deep.yaml')\n"
        "except ContentError as exc:\n"
        "    print(exc.diagnostics[0])\n"
        "else:\n"
        "    print('parsed without error')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"YAML is nested more than {MAX_DEPTH} levels deep" in result.stdout
    assert result.stdout.startswith("deep.yaml:1:")


def test_hundred_thousand_nested_brackets_in_process() -> None:
    diag = yaml_error("[" * 100_000)
    assert (diag.line, diag.col) == (1, MAX_DEPTH + 1)


def test_tab_indentation_gets_the_tab_message_at_the_tab() -> None:
    diag = yaml_error("a:\n  b: 1\n\tc: 2\n", line_offset=1)
    assert (diag.line, diag.col) == (4, 1)
    assert diag.message == "invalid YAML: tab characters cannot be used for indentation; use spaces"


def test_tab_before_a_list_item_gets_the_tab_message() -> None:
    diag = yaml_error("a:\n  - 1\n\t- 2\n")
    assert (diag.line, diag.col) == (3, 1)
    assert "tab characters cannot be used for indentation" in diag.message


def test_other_syntax_errors_keep_libyaml_problem_text() -> None:
    diag = yaml_error("a: b: c\n")
    assert (diag.line, diag.col) == (1, 5)
    assert diag.message == "invalid YAML: mapping values are not allowed in this context"


def test_huge_integer_is_a_content_error_not_value_error() -> None:
    digits = "1" * 5000
    diag = yaml_error(f"order: {digits}\n")
    assert (diag.line, diag.col) == (1, 8)
    assert diag.message == f"cannot read {digits[:30]!r} as a number"


# -- read_text --------------------------------------------------------------------------------


def test_read_text_strips_bom_and_normalises_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\rc: 3\n")
    assert read_text(path) == "a: 1\nb: 2\nc: 3\n"


def test_read_text_keeps_non_ascii_text(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_text("Kim Chaek — 김책\n", encoding="utf-8")
    assert read_text(path) == "Kim Chaek — 김책\n"


def test_crlf_file_parses_with_the_same_positions_as_lf(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\r\nb: 2\r\nb: 3\r\n")
    with pytest.raises(ContentError) as caught:
        parse_yaml(read_text(path), path)
    assert str(caught.value.diagnostics[0]) == (
        f"{path}:3:1: error: duplicate key 'b' (first defined at line 2)"
    )


def test_invalid_utf8_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"first line\nab\xffcd\n")
    diag = read_error(path)
    assert (diag.path, diag.line, diag.col) == (str(path), 2, 3)
    assert diag.message == "file is not valid UTF-8 text (is it a binary file?)"


def test_invalid_utf8_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    # "é" is two bytes but one column, as in the YAML diagnostics.
    path = tmp_path / "f.md"
    path.write_bytes("x\né".encode() + b"\xff\n")
    diag = read_error(path)
    assert (diag.line, diag.col) == (2, 2)


def test_nul_byte_column_counts_characters_after_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"\xef\xbb\xbf" + "é\x00".encode())
    diag = read_error(path)
    assert (diag.line, diag.col) == (1, 2)


def test_invalid_utf8_after_crlf_lines_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"a\r\nb\r\nc\xff\n")
    diag = read_error(path)
    assert (diag.line, diag.col) == (3, 2)


def test_invalid_utf8_after_a_bom_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    # The BOM is invisible to the author: "a" is 1:1, "b" is 2:1 and the bad byte is 2:2.
    path = tmp_path / "f.md"
    path.write_bytes(b"\xef\xbb\xbfa\nb\xff\n")
    diag = read_error(path)
    assert (diag.line, diag.col) == (2, 2)


def test_invalid_utf8_in_a_file_with_cr_line_endings_is_reported_at_its_line(
    tmp_path: Path,
) -> None:
    # read_text accepts lone CR as a line ending, so line 3 is "c\xff".
    path = tmp_path / "f.md"
    path.write_bytes(b"a\rb\rc\xff\r")
    diag = read_error(path)
    assert (diag.line, diag.col) == (3, 2)


def test_nul_byte_is_rejected_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"one\ntwo\nth\x00ree\n")
    diag = read_error(path)
    assert (diag.line, diag.col) == (3, 3)
    assert diag.message == "file contains NUL bytes (is it a binary file?)"


def test_nul_byte_in_a_file_with_cr_line_endings_is_rejected_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"one\rtwo\rth\x00ree\r")
    diag = read_error(path)
    assert (diag.line, diag.col) == (3, 3)
    assert "NUL bytes" in diag.message


def test_file_of_exactly_max_bytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"x" * MAX_FILE_BYTES)
    assert len(read_text(path)) == MAX_FILE_BYTES


def test_file_over_max_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    diag = read_error(path)
    assert (diag.line, diag.col) == (1, 1)
    assert diag.message == f"file is larger than the {MAX_FILE_BYTES // 1024} KiB limit"


def test_missing_file_is_a_content_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.md"
    diag = read_error(path)
    assert str(diag) == f"{path}:1:1: error: cannot read file: No such file or directory"


def test_unreadable_path_is_a_content_error(tmp_path: Path) -> None:
    # A directory cannot be read as a file, even by root (who can read a chmod 000 file).
    folder = tmp_path / "lesson.md"
    folder.mkdir()
    diag = read_error(folder)
    assert (diag.path, diag.line, diag.col) == (str(folder), 1, 1)
    assert diag.message.startswith("cannot read file: ")


# -- property: nothing but ContentError escapes -----------------------------------------------

YAMLISH = st.text(alphabet=list("[]{}:-,?&*!|>#'\"%@`~\\\t\n\r ab1.<"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), YAMLISH))
def test_parse_yaml_on_any_text_returns_or_raises_content_error(text: str) -> None:
    try:
        doc = parse_yaml(text, "any.yaml")
    except ContentError as exc:
        assert exc.diagnostics
        assert all(d.line >= 1 and d.col >= 1 for d in exc.diagnostics)
    else:
        assert doc.path == "any.yaml"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.binary(max_size=200))
def test_read_then_parse_any_bytes_returns_or_raises_content_error(
    tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "any.yaml"
    path.write_bytes(raw)
    try:
        parse_yaml(read_text(path), path)
    except ContentError as exc:
        assert exc.diagnostics
        assert all(d.line >= 1 and d.col >= 1 for d in exc.diagnostics)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 2000, (1, MAX_DEPTH + 1)),
        ("{a: " * 2000, (1, 4 * MAX_DEPTH + 1)),
        ("- " * 2000, (1, 2 * MAX_DEPTH + 1)),
        ("x:\n  " + "[" * 1500, (2, MAX_DEPTH + 2)),
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences", "under-a-key"],
)
def test_nesting_past_libyamls_own_limit_is_placed_at_the_level_past_ours(
    text: str, where: tuple[int, int]
) -> None:
    # libyaml 0.2.6 (in PyYAML 6.0.4) stops at 1000 levels by itself, and may get there while
    # looking ahead, before the 33rd level has reached the builder.
    diag = yaml_error(text)
    assert (diag.line, diag.col) == where
    assert diag.message == f"YAML is nested more than {MAX_DEPTH} levels deep"
