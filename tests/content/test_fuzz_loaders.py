"""Property-based fuzzing of the content loaders: whatever a file holds, loading it returns a model
object or raises ContentError whose diagnostics each say where (a line and column inside the file)
and what (one line of printable text). Nothing else may escape, and no input may be slow.

CI runs 80 to 250 examples per property with a fixed seed (reproducible). To fuzz for longer,
with fresh random inputs each run and many more examples, use the ``fuzz`` profile that
tests/conftest.py registers:

    PYTHONPATH=src python -m pytest -p no:cacheprovider tests/content/test_fuzz_loaders.py \
        --hypothesis-profile=fuzz --hypothesis-show-statistics

Any failure it finds is printed with the smallest input that shows it; add that input to
test_fuzz_regressions.py as an ordinary test when fixing it.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dprk_it_tutor.content.course import load_course
from dprk_it_tutor.content.glossary import load_glossary
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import ContentError, Diagnostic
from dprk_it_tutor.content.packs import load_manifest
from dprk_it_tutor.content.quizzes import QUESTION_TYPES, QUIZ_KEYS, QUIZ_OPTIONAL, load_quiz
from dprk_it_tutor.content.timeline import load_timeline
from dprk_it_tutor.quiz.grading import describe_answer, grade

from .fuzz_quizzes import TEMPLATES, broken_quizzes, responses, template, valid_quizzes
from .fuzz_strategies import (
    CONTENT_KEYS,
    SHIPPED_LESSONS,
    SHIPPED_QUIZZES,
    SHIPPED_REFERENCE,
    amplified,
    any_bytes,
    any_text,
    documents,
    dump,
    lesson_documents,
    mutated,
    to_bytes,
)

# A load takes milliseconds; a second per example is generous on a slow, busy machine, yet an
# input that makes a loader quadratic (or hang) still fails.
CI = settings(
    deadline=timedelta(seconds=1),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def fuzz(examples: int) -> settings:
    """``examples`` per property in CI; under ``--hypothesis-profile=fuzz``, that profile."""
    if settings.get_current_profile_name() == "fuzz":
        return settings()
    return settings(CI, max_examples=examples)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


raw_inputs = any_bytes | any_text.map(to_bytes) | amplified().map(to_bytes)

# -- the property ---------------------------------------------------------------------------------

LINE_BREAKS = {"\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_diagnostic(diagnostic: Diagnostic, files: dict[str, bytes]) -> None:
    """Says where (a path given, a line and column inside that file) and what (one line of
    printable text)."""
    assert diagnostic.path in files, diagnostic
    assert isinstance(diagnostic.line, int) and isinstance(diagnostic.col, int)
    lines = files[diagnostic.path].removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = lines.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert 1 <= diagnostic.line <= len(lines), diagnostic
    assert 1 <= diagnostic.col <= len(lines[diagnostic.line - 1]) + 1, diagnostic
    message = diagnostic.message
    assert message.strip(), diagnostic
    assert not (LINE_BREAKS | BIDI_CONTROLS) & set(message), repr(message)
    assert all(unicodedata.category(char) != "Cc" for char in message), repr(message)
    assert diagnostic.severity in ("error", "warning")
    assert str(diagnostic).startswith(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}: ")


def load_or_content_error(load: Callable[[Path], Any], path: Path, content: bytes) -> Any:
    """What ``load`` makes of ``content`` written to ``path``: its result, or None after a
    ContentError whose every diagnostic is well formed. Anything else raised fails the test."""
    path.write_bytes(content)
    try:
        return load(path)
    except ContentError as error:
        assert error.diagnostics
        for diagnostic in error.diagnostics:
            check_diagnostic(diagnostic, {str(path): content})
        assert str(error) == str(error.diagnostics[0])
        return None


# -- lessons --------------------------------------------------------------------------------------


@fuzz(200)
@given(content=raw_inputs)
def test_lesson_from_any_bytes_or_text(workdir: Path, content: bytes) -> None:
    load_or_content_error(load_lesson, workdir / "lesson.md", content)


@fuzz(150)
@given(text=lesson_documents)
def test_lesson_from_yaml_like_front_matter(workdir: Path, text: str) -> None:
    load_or_content_error(load_lesson, workdir / "lesson.md", to_bytes(text))


@fuzz(150)
@given(text=mutated(SHIPPED_LESSONS))
def test_lesson_from_a_mutated_shipped_lesson(workdir: Path, text: str) -> None:
    load_or_content_error(load_lesson, workdir / "lesson.md", to_bytes(text))


# -- quizzes --------------------------------------------------------------------------------------


@fuzz(200)
@given(content=raw_inputs)
def test_quiz_from_any_bytes_or_text(workdir: Path, content: bytes) -> None:
    load_or_content_error(load_quiz, workdir / "quiz.yaml", content)


@fuzz(150)
@given(text=documents(QUIZ_KEYS + QUIZ_OPTIONAL))
def test_quiz_from_yaml_like_documents(workdir: Path, text: str) -> None:
    load_or_content_error(load_quiz, workdir / "quiz.yaml", to_bytes(text))


@fuzz(150)
@given(text=mutated(SHIPPED_QUIZZES))
def test_quiz_from_a_mutated_shipped_quiz(workdir: Path, text: str) -> None:
    load_or_content_error(load_quiz, workdir / "quiz.yaml", to_bytes(text))


@fuzz(250)
@given(text=broken_quizzes())
def test_quiz_with_wrongly_typed_question_fields(workdir: Path, text: str) -> None:
    load_or_content_error(load_quiz, workdir / "quiz.yaml", to_bytes(text))


def test_every_question_type_has_a_template_that_loads(workdir: Path) -> None:
    """The structure-aware fuzzing starts from these; a new question type must get one."""
    assert set(TEMPLATES) == set(QUESTION_TYPES)
    questions = [template(qtype, n) for n, qtype in enumerate(TEMPLATES, 1)]
    text = dump({"lesson": "origins", "pass_mark": 70, "questions": questions})
    quiz = load_or_content_error(load_quiz, workdir / "quiz.yaml", to_bytes(text))
    assert quiz is not None and [q.type for q in quiz.questions] == list(TEMPLATES)


# -- glossary, timeline and a pack's course.yaml --------------------------------------------------

REFERENCE_LOADERS = {"glossary.yaml": load_glossary, "timeline.yaml": load_timeline}
REFERENCE_LOADERS["course.yaml"] = load_manifest


@fuzz(150)
@given(
    name=st.sampled_from(list(REFERENCE_LOADERS)),
    content=raw_inputs
    | documents(CONTENT_KEYS).map(to_bytes)
    | mutated(SHIPPED_REFERENCE).map(to_bytes),
)
def test_glossary_timeline_and_manifest_from_any_input(
    workdir: Path, name: str, content: bytes
) -> None:
    load_or_content_error(REFERENCE_LOADERS[name], workdir / name, content)


# -- a whole course -------------------------------------------------------------------------------

FILE_KINDS = {
    "lessons/fuzz.md": mutated(SHIPPED_LESSONS) | lesson_documents,
    "quizzes/fuzz.yaml": mutated(SHIPPED_QUIZZES) | broken_quizzes(),
    "glossary.yaml": mutated(SHIPPED_REFERENCE[:1]),
    "timeline.yaml": mutated(SHIPPED_REFERENCE[1:2]),
    "course.yaml": mutated(SHIPPED_REFERENCE[2:]),
}


@fuzz(80)
@given(name=st.sampled_from(list(FILE_KINDS)), data=st.data())
def test_course_over_a_folder_holding_a_fuzzed_file(workdir: Path, name: str, data: Any) -> None:
    """load_course never raises; it lists the fuzzed file as broken, or loads it, and every
    diagnostic it reports is well formed."""
    root = workdir / "pack"
    shutil.rmtree(root, ignore_errors=True)
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    shutil.copy(SHIPPED_LESSONS[0], root / "lessons")
    shutil.copy(SHIPPED_QUIZZES[0], root / "quizzes")
    (root / name).write_bytes(to_bytes(data.draw(FILE_KINDS[name])))
    course = load_course([root])
    files = {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    for diagnostic in course.diagnostics:
        check_diagnostic(diagnostic, files)


# -- grading what a learner answers ---------------------------------------------------------------


@fuzz(100)
@given(text=valid_quizzes(), data=st.data())
def test_grading_any_response_to_a_loaded_question(workdir: Path, text: str, data: Any) -> None:
    """For every question that loads: the answer key scores 1; any response the screen or stored
    progress can send scores between 0 and 1 and can be shown."""
    quiz = load_or_content_error(load_quiz, workdir / "quiz.yaml", to_bytes(text))
    assume(quiz is not None)
    for question in quiz.questions:
        key = question.answer
        if question.type in ("multiple", "ordering"):
            key = list(key)
        elif question.type == "short":
            key = key[0]
        elif question.type == "matching":
            key = dict(key)
        assert grade(question, key).score == 1.0, (question, key)
        response = data.draw(responses(question))
        score = grade(question, response).score
        assert 0.0 <= score <= 1.0, (question, response, score)
        assert isinstance(describe_answer(question, response), str)
