"""Korean, Chinese, Japanese and emoji titles and terms keep every column in line, and text that
looks like markup ("[/b]") is shown as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app

from .rendering import screen_lines

WIDE = Path(__file__).parent / "data" / "wide"
SIZE = (100, 30)


@pytest.fixture(scope="module")
def wide() -> Course:
    course = load_course([WIDE])
    assert not course.diagnostics
    assert any("[/b]" in lesson.title for lesson in course.lessons)
    return course


def cells_before(line: str, marker: str) -> int:
    """The terminal column (in cells, a wide character counting two) where ``marker`` starts."""
    return cell_len(line[: line.index(marker)])


def rows_holding(lines: list[str], texts: list[str]) -> list[str]:
    rows = [next(line for line in lines if text in line) for text in texts]
    assert len(rows) == len(texts)
    return rows


def assert_lines_fill_the_width(lines: list[str]) -> None:
    assert {cell_len(line) for line in lines} == {SIZE[0]}


async def test_the_course_map_and_dashboard_keep_their_columns_in_line(
    wide: Course, store: ProgressStore
) -> None:
    titles = [lesson.title for lesson in wide.lessons]
    async with make_app(wide, store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(pilot.app)
        assert_lines_fill_the_width(lines)
        # The map's Lesson column is the last and may cut a long title: its first word shows.
        rows = rows_holding(lines, [f"not started  none  {n}  " for n in range(1, 7)])
        starts = {
            cells_before(row, title.split()[0]) for row, title in zip(rows, titles, strict=True)
        }
        assert len(starts) == 1, rows
        # The details panel's edge, after the map, is in the same column on every row.
        assert len({cells_before(row, "▊") for row in rows}) == 1, rows

        await pilot.press("d")
        await pilot.pause()
        lines = screen_lines(pilot.app)
        assert_lines_fill_the_width(lines)
        rows = rows_holding(lines, titles)  # the dashboard's Lesson column is wide enough
        assert len({cells_before(row, title) for row, title in zip(rows, titles, strict=True)}) == 1
        assert len({cells_before(row, "not started") for row in rows}) == 1, rows
        assert len({cells_before(row, "0/1") for row in rows}) == 1, rows


async def test_the_glossary_list_keeps_its_edge_in_line(wide: Course, store: ProgressStore) -> None:
    async with make_app(wide, store).run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        lines = screen_lines(pilot.app)
        assert_lines_fill_the_width(lines)
        short_terms = [term.term for term in wide.glossary if cell_len(term.term) <= 28]
        rows = rows_holding(lines, short_terms)
        assert (
            len({cells_before(row, term) for row, term in zip(rows, short_terms, strict=True)}) == 1
        )
        assert len({cells_before(row, "▎") for row in rows}) == 1, rows  # the list's right edge
        shown = " ".join(" ".join(lines).split())
        assert "KCC 조선콤퓨터중심 と 朝鲜 ✅" in shown and "[/b] markup" in shown
