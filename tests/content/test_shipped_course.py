"""The course that ships: complete, consistent and true to the issue's content rules.

These tests load the real lessons, quizzes, glossary and timeline, so a content change that
breaks a rule fails here with the file and the rule named.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

import pytest

from dprk_it_tutor.content.course import load_course
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import QUESTION_TYPES, Course, Lesson, Question
from dprk_it_tutor.paths import builtin_course_dir
from dprk_it_tutor.quiz.grading import grade

SCREEN_WIDTH = 94  # a 100-column terminal less the lesson's padding and scroll bar
STEP_LINES = 22  # what a 100x30 terminal shows between the lesson's bars

# Every firm the two articles name, spelled as each article spells it.
FIRMS = (
    "Korea Computer Center",
    "Pyongyang Informatics Centre",
    "Pyongyang Informatics Center",
    "Korea Pioneer Technology",
    "Unha Corporation",
    "Korea Roksan General Trading Company",
    "Nosotek",
    "Hana Electronics",
    "Daeyong Corporation",
    "Daeyang IT Company",
    "Hi-Tech Development Company",
    "Phoenix Commercial Ventures",
    "Dakor",
    "SEK Studio",
    "Koryolink",
)


@pytest.fixture(scope="module")
def shipped() -> Course:
    return load_course([builtin_course_dir()])


def questions(course: Course) -> list[Question]:
    return [q for quiz in course.quizzes.values() for q in quiz.questions]


def text_of(lesson: Lesson) -> str:
    return "\n".join(step.markdown for step in lesson.steps)


def test_loads_without_any_error_or_warning(shipped: Course) -> None:
    assert [str(d) for d in shipped.diagnostics] == []
    assert shipped.broken == ()


def test_has_at_least_twelve_lessons_each_with_a_quiz(shipped: Course) -> None:
    assert len(shipped.lessons) >= 12
    assert {lesson.id for lesson in shipped.lessons} == set(shipped.quizzes)


def test_lessons_have_complete_front_matter(shipped: Course) -> None:
    for lesson in shipped.lessons:
        assert 2 <= len(lesson.objectives) <= 4, lesson.id
        assert 3 <= lesson.step_count <= 7, lesson.id
        assert lesson.sources, lesson.id
        assert lesson.summary and lesson.minutes >= 1, lesson.id
        assert all(needed in {x.id for x in shipped.lessons} for needed in lesson.prerequisites)


def test_each_step_fits_a_100x30_screen(shipped: Course) -> None:
    for lesson in shipped.lessons:
        for step in lesson.steps:
            lines = sum(
                max(1, math.ceil(len(line) / SCREEN_WIDTH)) for line in step.markdown.split("\n")
            )
            assert lines <= STEP_LINES, f"{lesson.path}:{step.line}: {lines} lines"


def test_the_course_closes_with_the_marked_context_lesson(shipped: Course) -> None:
    last = shipped.lessons[-1]
    assert last.id == "after-2013"
    assert "context" in last.title.casefold()
    assert "not taken from the two articles" in last.steps[0].body
    text = text_of(last)
    for fact in (
        "2375",
        "11 September 2017",
        "2397",
        "22 December 2017",
        "24 months",
        "22 December 2019",
        "16 May 2022",
        "Guidance on the Democratic People's Republic of Korea Information Technology Workers",
        "December 2022",
    ):
        assert fact in text, fact


def test_every_firm_the_articles_name_is_taught_and_in_the_glossary(shipped: Course) -> None:
    taught = "\n".join(text_of(lesson) for lesson in shipped.lessons)
    names = {name for term in shipped.glossary for name in (term.term, *term.aliases)}
    glossary_text = " ".join(names)
    for firm in FIRMS:
        assert firm in taught, firm
        assert firm in glossary_text, firm
    # The two spellings name two firms in the articles; the course must not merge them.
    daeyong, daeyang = shipped.term("daeyong-corporation"), shipped.term("daeyang-it-company")
    assert daeyong and daeyang and daeyong is not daeyang


def test_quizzes_have_enough_questions_of_every_type(shipped: Course) -> None:
    for lesson_id, quiz in shipped.quizzes.items():
        assert len(quiz.questions) >= 6, lesson_id
    assert len(questions(shipped)) >= 90
    used = Counter(q.type for q in questions(shipped))
    assert {t: used[t] for t in QUESTION_TYPES if used[t] < 5} == {}


def test_a_third_of_the_questions_go_beyond_recall(shipped: Course) -> None:
    beyond = [q for q in questions(shipped) if q.skill != "recall"]
    assert len(beyond) * 3 >= len(questions(shipped))


def test_questions_explain_point_to_a_real_step_and_accept_their_own_answer(
    shipped: Course,
) -> None:
    for lesson in shipped.lessons:
        for q in shipped.quiz_for(lesson.id).questions:
            assert q.explanation.strip(), q.id
            assert q.step is not None and 1 <= q.step <= lesson.step_count, q.id
            assert q.hint.strip(), q.id
            response = q.answer[0] if q.type == "short" else q.answer
            if q.type == "matching":
                response = dict(q.answer)
            assert grade(q, response).correct, q.id


def test_question_ids_are_unique(shipped: Course) -> None:
    ids = [q.id for q in questions(shipped)]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_glossary_has_thirty_terms_each_used_by_a_lesson(shipped: Course) -> None:
    assert len(shipped.glossary) >= 30
    for term in shipped.glossary:
        assert shipped.lessons_using(term.id), term.id
        assert len(term.definition.split()) <= 60, term.id  # one or two sentences


def test_every_lesson_links_to_the_glossary(shipped: Course) -> None:
    for lesson in shipped.lessons:
        assert lesson.term_links, lesson.id


def test_timeline_holds_the_articles_dates_and_the_context_dates(shipped: Course) -> None:
    dates = {(e.year, e.month, e.day) for e in shipped.timeline}
    for date in (
        (1957, 0, 0),  # SEK Studio
        (1990, 0, 0),  # the Korea Computer Center
        (2009, 0, 0),  # the 3G network
        (2012, 10, 0),  # the exhibition
        (2013, 3, 16),  # the Vientiane Times report
        (2017, 9, 11),
        (2017, 12, 22),
        (2019, 12, 22),
        (2022, 5, 16),
        (2022, 12, 0),
    ):
        assert date in dates, date
    assert any(e.decade and e.year == 1980 for e in shipped.timeline)
    assert all(e.step is not None for e in shipped.timeline)


def test_lesson_files_load_on_their_own(shipped: Course) -> None:
    for lesson in shipped.lessons:
        assert replace(load_lesson(lesson.path), pack=lesson.pack, part=lesson.part) == lesson
