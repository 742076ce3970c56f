"""The glossary and timeline files, and the links between them and the lessons."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content import ContentError, load_course
from dprk_it_tutor.content.glossary import load_glossary
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.timeline import load_timeline

from .test_course import add, lesson_md

GLOSSARY = """\
terms:
  - id: kwangmyong
    term: Kwangmyong
    aliases: [national intranet]
    definition: The national network.
    see: [koryolink]
  - id: koryolink
    term: Koryolink
    definition: The mobile operator.
"""


def problems(error: pytest.ExceptionInfo[ContentError]) -> list[str]:
    return [f"{d.line}:{d.col}: {d.message}" for d in error.value.diagnostics]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- glossary file ---------------------------------------------------------------------------------


def test_glossary_terms_load_with_aliases_related_terms_and_lines(tmp_path: Path) -> None:
    terms = load_glossary(write(tmp_path, "glossary.yaml", GLOSSARY))
    assert [t.id for t in terms] == ["kwangmyong", "koryolink"]
    assert terms[0].aliases == ("national intranet",)
    assert terms[0].see == ("koryolink",)
    assert (terms[0].line, terms[1].line) == (2, 7)


def test_a_term_id_used_twice_is_an_error_at_the_second(tmp_path: Path) -> None:
    text = GLOSSARY + "  - id: koryolink\n    term: Koryo\n    definition: Again.\n"
    with pytest.raises(ContentError) as error:
        load_glossary(write(tmp_path, "glossary.yaml", text))
    assert problems(error) == ["10:9: term id 'koryolink' is already used on line 7"]


def test_a_name_or_alias_defined_twice_is_an_error_whatever_the_case(tmp_path: Path) -> None:
    text = GLOSSARY + (
        "  - id: network\n    term: KORYOLINK\n    aliases: [National Intranet]\n"
        "    definition: Clash.\n"
    )
    with pytest.raises(ContentError) as error:
        load_glossary(write(tmp_path, "glossary.yaml", text))
    assert problems(error) == [
        "11:11: 'KORYOLINK' is already defined as term 'koryolink' on line 7; "
        "each name or alias may belong to only one term",
        "12:15: 'National Intranet' is already defined as term 'kwangmyong' on line 2; "
        "each name or alias may belong to only one term",
    ]


def test_missing_and_misspelled_term_keys_are_located(tmp_path: Path) -> None:
    text = "terms:\n  - id: a\n    term: A\n    defintion: Typo.\n"
    with pytest.raises(ContentError) as error:
        load_glossary(write(tmp_path, "glossary.yaml", text))
    assert any("did you mean 'definition'" in p for p in problems(error))
    assert any("definition" in p and "missing" in p for p in problems(error))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms: []\n", "1:8: 'terms' is empty; add at least one term"),
        ("terms: word\n", "1:8: 'terms' must be a list of terms, not text"),
    ],
)
def test_an_empty_or_mistyped_term_list_is_an_error(tmp_path: Path, text, expected) -> None:
    with pytest.raises(ContentError) as error:
        load_glossary(write(tmp_path, "glossary.yaml", text))
    assert problems(error) == [expected]


def test_search_ranks_names_then_aliases_then_definitions_from_three_letters(
    tmp_path: Path,
) -> None:
    kwangmyong = load_glossary(write(tmp_path, "glossary.yaml", GLOSSARY))[0]
    assert kwangmyong.search_rank("KWANG") == 0  # the name starts with it, whatever the case
    assert kwangmyong.search_rank("nat") == 0  # so does an alias
    assert kwangmyong.search_rank("myong") == 1  # inside the name
    assert kwangmyong.search_rank("intranet") == 1  # inside an alias
    assert kwangmyong.search_rank("network") == 2  # only in the definition
    assert kwangmyong.search_rank("etw") == 2
    assert kwangmyong.search_rank("tw") is None  # too short to search definitions
    assert kwangmyong.search_rank("mobile") is None
    assert kwangmyong.search_rank("  ") == 0


# -- timeline file ---------------------------------------------------------------------------------

TIMELINE = """\
events:
  - when: "2013-03-16"
    title: Report
    lesson: a
  - when: 1980s
    approximate: true
    title: Roots
    detail: Research bodies.
    lesson: a
    step: 1
  - when: 2012-10
    title: Exhibition
    lesson: a
  - when: 1990
    title: Founded
    lesson: a
"""


def test_events_load_in_date_order_with_readable_dates(tmp_path: Path) -> None:
    events = load_timeline(write(tmp_path, "timeline.yaml", TIMELINE))
    assert [e.when for e in events] == ["about 1980s", "1990", "October 2012", "16 March 2013"]
    assert events[0].detail == "Research bodies." and events[0].step == 1


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("1985s", "a decade starts at a year ending in 0, such as 1980s"),
        ("2012-13", "there is no month 13; months run from 01 to 12"),
        ("2013-02-29", "there is no day 29 in February 2013"),
        ("March 2013", "'when' must be a year (2009), a decade (1980s), a month (2012-10) or a "
         "day (2013-03-16); got 'March 2013'"),
    ],
)  # fmt: skip
def test_a_bad_date_is_an_error_at_its_value(tmp_path: Path, when: str, message: str) -> None:
    text = f"events:\n  - when: {when}\n    title: T\n    lesson: a\n"
    with pytest.raises(ContentError) as error:
        load_timeline(write(tmp_path, "timeline.yaml", text))
    assert problems(error) == [f"2:11: {message}"]


def test_approximate_must_be_true_or_false(tmp_path: Path) -> None:
    text = "events:\n  - when: 2009\n    approximate: maybe\n    title: T\n    lesson: a\n"
    with pytest.raises(ContentError) as error:
        load_timeline(write(tmp_path, "timeline.yaml", text))
    assert problems(error) == ["3:18: 'approximate' must be true or false"]


# -- glossary links in lessons ---------------------------------------------------------------------


def linked_lesson(body: str) -> str:
    return lesson_md("a", steps=0) + "\n## Step 1\n\n" + body


def test_links_are_found_per_step_with_the_position_of_the_term_id(tmp_path: Path) -> None:
    text = lesson_md("a", steps=0) + (
        "\n## One\n\nThe **[Kwangmyong](glossary:kwangmyong)** network.\n"
        "\n## Two\n\n[Koryolink]( glossary:koryolink ) and [again](glossary:kwangmyong),"
        " [the web](https://example.org).\n"
    )
    lesson = load_lesson(write(tmp_path, "a.md", text))
    assert [(x.term_id, x.text, x.step, x.line, x.col) for x in lesson.term_links] == [
        ("kwangmyong", "Kwangmyong", 1, 13, 29),
        ("koryolink", "Koryolink", 2, 17, 23),
        ("kwangmyong", "again", 2, 17, 56),
    ]
    assert lesson.terms_in_step(2) == ("koryolink", "kwangmyong")
    assert lesson.terms_in_step(1) == ("kwangmyong",)


def test_links_in_code_are_not_links(tmp_path: Path) -> None:
    body = "`[x](glossary:in-code)` and\n\n```\n[y](glossary:in-fence)\n```\n"
    lesson = load_lesson(write(tmp_path, "a.md", linked_lesson(body)))
    assert lesson.term_links == ()


@pytest.mark.parametrize("target", ["", "Kwangmyong"])
def test_a_link_without_a_valid_term_id_is_an_error(tmp_path: Path, target: str) -> None:
    with pytest.raises(ContentError) as error:
        load_lesson(write(tmp_path, "a.md", linked_lesson(f"See [x](glossary:{target}).\n")))
    message = problems(error)[0]
    assert message.startswith("13:18: a glossary link needs a term id after 'glossary:'")


def reference_course(root: Path, glossary: str = GLOSSARY, timeline: str | None = None):
    add(root, "glossary.yaml", glossary)
    if timeline is not None:
        add(root, "timeline.yaml", timeline)
    return load_course([root])


def test_course_loads_glossary_and_timeline_from_its_root(root: Path) -> None:
    add(root, "lessons/a.md", linked_lesson("[K](glossary:kwangmyong), [R](glossary:koryolink)\n"))
    course = reference_course(root, timeline=TIMELINE)
    assert not course.diagnostics
    assert [t.term for t in course.glossary] == ["Koryolink", "Kwangmyong"]  # sorted
    assert len(course.timeline) == 4
    assert course.term("koryolink").definition == "The mobile operator."
    assert [lesson.id for lesson in course.lessons_using("kwangmyong")] == ["a"]


def test_a_link_to_an_unknown_term_is_an_error_at_the_link(root: Path) -> None:
    add(
        root,
        "lessons/a.md",
        linked_lesson("See [K](glossary:kwangmyung) and [R](glossary:koryolink).\n"),
    )
    course = reference_course(root)
    assert [str(d) for d in course.errors] == [
        f"{root / 'lessons/a.md'}:13:18: error: link to term 'kwangmyung', which is not in the "
        "glossary; did you mean 'kwangmyong'?"
    ]


def test_an_unlinked_term_is_a_warning_and_an_unknown_see_an_error(root: Path) -> None:
    add(root, "lessons/a.md", linked_lesson("[K](glossary:kwangmyong)\n"))
    course = reference_course(root, GLOSSARY.replace("see: [koryolink]", "see: [koryolnk]"))
    assert [(d.severity, d.line, d.message) for d in course.diagnostics] == [
        ("error", 2, "term 'kwangmyong' lists 'koryolnk' under 'see', which is not in the "
         "glossary; did you mean 'koryolink'?"),
        ("warning", 7, "term 'koryolink' is not linked from any lesson; link it as "
         "[Koryolink](glossary:koryolink) where a lesson uses it"),
    ]  # fmt: skip


def test_links_to_a_broken_glossary_point_at_its_errors(root: Path) -> None:
    add(root, "lessons/a.md", linked_lesson("[K](glossary:kwangmyong)\n"))
    course = reference_course(root, "terms: []\n")
    assert [b.kind for b in course.broken] == ["glossary"]
    assert any("the glossary has errors; see them" in d.message for d in course.errors)


def test_a_term_defined_again_in_a_second_glossary_is_an_error(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second):
        folder.mkdir()
        add(folder, "glossary.yaml", GLOSSARY)
    add(first, "a.md", linked_lesson("[K](glossary:kwangmyong), [R](glossary:koryolink)\n"))
    course = load_course([first, second])
    assert [d.message for d in course.errors] == [
        f"term 'Kwangmyong' (kwangmyong) is already defined in {first / 'glossary.yaml'}:2; "
        "define each term once",
        f"term 'Koryolink' (koryolink) is already defined in {first / 'glossary.yaml'}:7; "
        "define each term once",
    ]
    assert len(course.glossary) == 2


def test_a_flat_folder_keeps_glossary_and_timeline_apart_from_quizzes(tmp_path: Path) -> None:
    add(tmp_path, "a.md", linked_lesson("[K](glossary:kwangmyong), [R](glossary:koryolink)\n"))
    add(tmp_path, "glossary.yaml", GLOSSARY)
    add(tmp_path, "timeline.yaml", TIMELINE)
    course = load_course([tmp_path])
    assert not course.diagnostics and not course.quizzes
    assert len(course.glossary) == 2 and len(course.timeline) == 4


def test_a_glossary_file_can_be_checked_on_its_own(tmp_path: Path) -> None:
    path = add(tmp_path, "glossary.yaml", GLOSSARY)
    course = load_course([path])
    assert len(course.glossary) == 2
    assert {d.severity for d in course.diagnostics} == {"warning"}  # unlinked, but valid


def test_an_event_for_a_missing_lesson_or_step_is_an_error_at_that_line(root: Path) -> None:
    add(root, "lessons/a.md", linked_lesson("[K](glossary:kwangmyong), [R](glossary:koryolink)\n"))
    timeline = "events:\n  - when: 2009\n    title: T\n    lesson: b\n" + (
        "  - when: 2010\n    title: U\n    lesson: a\n    step: 3\n"
    )
    course = reference_course(root, timeline=timeline)
    assert [(d.line, d.message) for d in course.errors] == [
        (4, "event 'T' is taught in lesson 'b', which is not a lesson in this course"),
        (8, "event 'U' points to step 3, but lesson 'a' has 1 step(s)"),
    ]


# -- the authoring guide's examples ---------------------------------------------------------------
