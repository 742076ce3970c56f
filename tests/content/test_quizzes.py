"""Quiz files: a lesson id, a pass mark and a list of questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content.model import ContentError, Question, Quiz
from dprk_it_tutor.content.quizzes import load_quiz
from dprk_it_tutor.quiz.grading import grade_single

# A question is written one key per line: the first after "  - ", the rest indented by four.
BASE_QUESTION: dict[str, str] = {
    "id": "q-one",
    "type": "single",
    "prompt": "Which one?",
    "choices": "[A, B, C]",
    "answer": "B",
    "explanation": "Because B.",
}


def question(**changes: str | None) -> list[str]:
    fields = dict(BASE_QUESTION)
    for key, value in changes.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
    lines = [f"{key}: {value}" for key, value in fields.items()]
    return ["  - " + lines[0], *("    " + line for line in lines[1:])]


def quiz_text(*questions: list[str], lesson: str = "origins", pass_mark: str = "70") -> str:
    """Line 1 lesson, line 2 pass_mark, line 3 'questions:', questions from line 4."""
    lines = [f"lesson: {lesson}", f"pass_mark: {pass_mark}", "questions:"]
    for q in questions or (question(),):
        lines += q
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, text: str, name: str = "quiz.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int, int, str]]:
    with pytest.raises(ContentError) as caught:
        load_quiz(path)
    assert all(d.path == str(path) for d in caught.value.diagnostics)
    return [(d.line, d.col, d.message) for d in caught.value.diagnostics]


FULL_QUIZ = """\
# Quiz for the origins lesson
lesson: origins
pass_mark: 60
questions:
  - id: origins-decade
    type: single
    prompt: In which decade did the sector begin?
    choices:
      - "1970s"
      - "1980s"
    answer: "1980s"
    feedback:
      "1970s": "Too early."
    explanation: Research bodies and faculties appeared in the 1980s.
    hint: Before 1990.
    step: 3

  - id: origins-size
    type: single
    prompt: How many professionals?
    choices: ["About 1,000", "About 10,000"]
    answer: "About 10,000"
    explanation: About 10,000.
"""


def test_valid_quiz_loads_every_field(tmp_path: Path) -> None:
    path = write(tmp_path, FULL_QUIZ)
    quiz = load_quiz(path)
    assert quiz == Quiz(
        lesson_id="origins",
        pass_mark=60,
        questions=(
            Question(
                id="origins-decade",
                type="single",
                prompt="In which decade did the sector begin?",
                answer="1980s",
                choices=("1970s", "1980s"),
                feedback={"1970s": "Too early."},
                explanation="Research bodies and faculties appeared in the 1980s.",
                hint="Before 1990.",
                step=3,
                line=5,
                step_line=16,
            ),
            Question(
                id="origins-size",
                type="single",
                prompt="How many professionals?",
                answer="About 10,000",
                choices=("About 1,000", "About 10,000"),
                feedback={},
                explanation="About 10,000.",
                hint="",
                step=None,
                line=18,
                step_line=18,
            ),
        ),
        path=path,
        lesson_line=2,
    )


def test_answer_not_among_choices_is_reported_at_the_answer(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(answer="D")))
    assert problems(path) == [(8, 13, "the answer 'D' is not one of the choices")]


def test_answer_matching_is_exact_text(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(answer="b")))
    assert problems(path) == [(8, 13, "the answer 'b' is not one of the choices")]


def test_duplicated_choice_is_reported_at_the_repeat(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(choices="[A, B, A]")))
    assert problems(path) == [(7, 21, "choice 'A' is listed twice")]


def test_fewer_than_two_choices_is_reported_at_the_choices(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(choices="[B]")))
    assert problems(path) == [(7, 14, "a choice question needs at least two choices")]


def test_choices_that_are_not_a_list_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(choices="A or B")))
    assert problems(path) == [(7, 14, "'choices' must be a list, not text")]


def test_feedback_for_a_non_choice_is_reported_at_its_key(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(feedback="{A: Close, D: Nope}")))
    assert problems(path) == [(10, 26, "feedback is given for 'D', which is not a choice")]


def test_feedback_that_is_not_a_mapping_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(feedback="[A]")))
    assert problems(path) == [(10, 15, "'feedback' must map choice text to a message")]


def test_unknown_question_type_suggests_the_close_one(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(type="singel")))
    assert (5, 11, "unknown question type 'singel'; did you mean 'single'?") in problems(path)


def test_misspelled_type_is_the_only_problem_reported(tmp_path: Path) -> None:
    # 'choices' is right for the type the author meant; calling it an unknown key would send
    # them to delete a correct line.
    path = write(tmp_path, quiz_text(question(type="singel")))
    assert problems(path) == [(5, 11, "unknown question type 'singel'; did you mean 'single'?")]


def test_unknown_question_type_without_a_close_match_lists_supported_types(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, quiz_text(question(type="essay")))
    assert (5, 11, "unknown question type 'essay'; supported types: single") in problems(path)


def test_duplicate_question_id_in_one_file_names_the_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(), question()))
    assert problems(path) == [(10, 9, "question id 'q-one' is already used on line 4")]


@pytest.mark.parametrize("mark", ["101", "-1"])
def test_pass_mark_out_of_range_is_reported_at_the_value(tmp_path: Path, mark: str) -> None:
    path = write(tmp_path, quiz_text(pass_mark=mark))
    assert problems(path) == [(2, 12, f"'pass_mark' must be between 0 and 100; got {mark}")]


@pytest.mark.parametrize("mark", ["0", "100"])
def test_pass_mark_bounds_are_allowed(tmp_path: Path, mark: str) -> None:
    assert load_quiz(write(tmp_path, quiz_text(pass_mark=mark))).pass_mark == int(mark)


def test_pass_mark_as_percent_text_is_a_type_error(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(pass_mark="70%"))
    assert problems(path) == [(2, 12, "'pass_mark' must be a whole number, not text")]


def test_empty_questions_list_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "lesson: origins\npass_mark: 70\nquestions: []\n")
    [(line, col, message)] = problems(path)
    assert (line, col) == (3, 12)
    assert message == "'questions' is empty; add at least one question"


def test_questions_that_are_not_a_list_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "lesson: origins\npass_mark: 70\nquestions: none yet\n")
    assert problems(path) == [(3, 12, "'questions' must be a list of questions, not text")]


def test_missing_explanation_is_reported_at_the_question(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(explanation=None)))
    assert problems(path) == [(4, 5, "question 1 is missing the required key 'explanation'")]


def test_missing_quiz_keys_are_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "lesson: origins\n")
    assert problems(path) == [
        (1, 1, "a quiz file is missing the required key 'pass_mark'"),
        (1, 1, "a quiz file is missing the required key 'questions'"),
    ]


def test_quiz_file_that_is_a_list_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "- lesson: origins\n")
    assert problems(path) == [
        (1, 1, "a quiz file must be a mapping of 'key: value' lines, not a list")
    ]


def test_question_that_is_not_a_mapping_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "lesson: origins\npass_mark: 70\nquestions:\n  - just text\n")
    assert problems(path) == [
        (4, 5, "question 1 must be a mapping of 'key: value' lines, not text")
    ]


def test_step_zero_is_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(step="0")))
    assert problems(path) == [(10, 11, "'step' must be between 1 and 1000; got 0")]


def test_problems_in_several_questions_are_all_reported(tmp_path: Path) -> None:
    text = quiz_text(question(answer="D"), question(id="q-two", choices="[A]", answer="A"))
    path = write(tmp_path, text)
    assert problems(path) == [
        (8, 13, "the answer 'D' is not one of the choices"),
        (13, 14, "a choice question needs at least two choices"),
    ]


def test_unquoted_numbers_as_choices_and_answer_still_match(tmp_path: Path) -> None:
    q = question(choices="[1980, 1990, 2009]", answer="1990", feedback="{1980: Too early.}")
    quiz = load_quiz(write(tmp_path, quiz_text(q)))
    [loaded] = quiz.questions
    assert loaded.choices == ("1980", "1990", "2009")
    assert loaded.answer == "1990"
    assert dict(loaded.feedback) == {"1980": "Too early."}
    assert grade_single(loaded, "1990").score == 1.0
    assert grade_single(loaded, "1980").feedback == "Too early."


def test_content_error_carries_the_lesson_id(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(answer="D"), lesson="firm-types"))
    with pytest.raises(ContentError) as caught:
        load_quiz(path)
    assert caught.value.name == "firm-types"
