"""Quiz files: a lesson id, a pass mark and a list of questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content.model import QUESTION_TYPES, ContentError, Question, Quiz
from dprk_it_tutor.content.quizzes import load_quiz
from dprk_it_tutor.quiz.grading import grade, grade_single

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
                col=5,
                step_line=16,
                step_col=11,
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
                col=5,
                step_line=18,
                step_col=5,  # no step: the question's own position
            ),
        ),
        path=path,
        lesson_line=2,
        lesson_col=9,
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
    assert problems(path) == [
        (
            5,
            11,
            "unknown question type 'essay'; supported types: single, multiple, true_false, "
            "short, numeric, ordering, matching",
        )
    ]


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


# -- every question type ---------------------------------------------------------------------------


def typed(qtype: str, *lines: str) -> list[str]:
    """A question of ``qtype``: id on line 4, type on 5, prompt on 6, ``lines`` from line 7, then
    the explanation. Each of ``lines`` is written indented by four, as a question's keys are."""
    body = [f"type: {qtype}", "prompt: Which?", *lines, "explanation: Because."]
    return ["  - id: q-one", *("    " + line for line in body)]


def load_one(tmp_path: Path, *lines: str, qtype: str) -> Question:
    [loaded] = load_quiz(write(tmp_path, quiz_text(typed(qtype, *lines)))).questions
    return loaded


def typed_problems(tmp_path: Path, qtype: str, *lines: str) -> list[tuple[int, int, str]]:
    return problems(write(tmp_path, quiz_text(typed(qtype, *lines))))


def test_answer_is_required_by_the_types_that_have_one(tmp_path: Path) -> None:
    for qtype, lines in [
        ("single", ["choices: [A, B]"]),
        ("multiple", ["choices: [A, B]"]),
        ("true_false", []),
        ("short", []),
        ("numeric", []),
    ]:
        assert typed_problems(tmp_path, qtype, *lines) == [
            (4, 5, "question 1 is missing the required key 'answer'")
        ], qtype


def test_ordering_and_matching_require_their_own_keys(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "ordering") == [
        (4, 5, "question 1 is missing the required key 'items'")
    ]
    assert typed_problems(tmp_path, "matching") == [
        (4, 5, "question 1 is missing the required key 'pairs'")
    ]


def test_answer_in_an_ordering_question_says_where_the_order_goes(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "ordering", "answer: [a, b, c]", "items: [a, b, c]") == [
        (
            7,
            5,
            "an ordering question has no 'answer'; list the items in their correct order "
            "under 'items'",
        )
    ]


def test_answer_in_a_matching_question_says_where_the_pairs_go(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "matching", "pairs: {a: b, c: d}", "answer: b") == [
        (8, 5, "a matching question has no 'answer'; write the correct pairs under 'pairs'")
    ]


def test_choices_in_a_true_false_question_is_explained(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "true_false", "choices: [yes, no]", "answer: true") == [
        (7, 5, "a true_false question has no 'choices'; learners always pick True or False")
    ]


def test_key_of_another_type_names_the_types_that_use_it(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", "answer: Red Star", "choices: [A, B]") == [
        (
            8,
            5,
            "'choices' is not used in a short question; only single and multiple questions have it",
        )
    ]
    assert typed_problems(tmp_path, "numeric", "answer: 3", "feedback: {3: Yes}") == [
        (
            8,
            5,
            "'feedback' is not used in a numeric question; only single, multiple and true_false "
            "questions have it",
        )
    ]


def test_misspelled_type_specific_key_gets_a_suggestion(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "ordering", "itmes: [a, b, c]") == [
        (4, 5, "question 1 is missing the required key 'items'"),
        (7, 5, "unknown key 'itmes' in question 1; did you mean 'items'?"),
    ]


def test_unknown_key_lists_only_this_types_keys(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "ordering", "items: [a, b, c]", "colour: red") == [
        (
            8,
            5,
            "unknown key 'colour' in question 1; expected one of: id, type, prompt, "
            "explanation, items, hint, step, skill",
        )
    ]


@pytest.mark.parametrize(
    ("misspelled", "meant", "lines"),
    [
        ("multi", "multiple", ["choices: [A, B]", "answer: [A]", "feedback: {A: Yes}"]),
        ("truefalse", "true_false", ["answer: true", "feedback: {true: Yes}"]),
        ("ordring", "ordering", ["items: [a, b, c]"]),
        ("matchng", "matching", ["pairs: {a: b, c: d}", "distractors: [e]"]),
        ("numerc", "numeric", ["answer: 3", "tolerance: 1", "unit: km"]),
        ("shrt", "short", ["answer: x", "allow_typo: false"]),
    ],
)
def test_misspelled_type_of_every_kind_is_the_only_problem(
    tmp_path: Path, misspelled: str, meant: str, lines: list[str]
) -> None:
    assert typed_problems(tmp_path, misspelled, *lines) == [
        (5, 11, f"unknown question type '{misspelled}'; did you mean '{meant}'?")
    ]


def test_every_type_is_read() -> None:
    from dprk_it_tutor.content import quizzes

    assert tuple(quizzes.QUESTION_TYPES) == QUESTION_TYPES


# -- multiple -------------------------------------------------------------------------------------


def test_multiple_loads_the_answer_in_the_order_of_the_choices(tmp_path: Path) -> None:
    loaded = load_one(
        tmp_path,
        "choices: [A, B, C, D]",
        "answer: [D, B]",
        "feedback: {C: Not this one.}",
        qtype="multiple",
    )
    assert loaded.answer == ("B", "D")
    assert loaded.choices == ("A", "B", "C", "D")
    assert dict(loaded.feedback) == {"C": "Not this one."}
    assert grade(loaded, ["D", "B"]).score == 1.0


def test_multiple_answer_must_be_a_list(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "multiple", "choices: [A, B]", "answer: A") == [
        (
            8,
            13,
            "'answer' of a multiple question must be a list of every correct choice, such as "
            "[A, C], not text",
        )
    ]


def test_multiple_answer_not_among_choices_is_reported_at_the_item(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "multiple", "choices: [A, B, C]", "answer: [A, E]") == [
        (8, 17, "the answer 'E' is not one of the choices")
    ]


def test_multiple_answer_listed_twice_is_reported_at_the_repeat(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "multiple", "choices: [A, B, C]", "answer: [B, A, B]") == [
        (8, 20, "the answer 'B' is listed twice")
    ]


def test_multiple_answer_needs_at_least_one_choice(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "multiple", "choices: [A, B, C]", "answer: []") == [
        (8, 13, "'answer' must list at least one correct choice")
    ]


def test_multiple_choices_follow_the_single_choice_rules(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "multiple", "choices: [A]", "answer: [A]") == [
        (7, 14, "a choice question needs at least two choices")
    ]
    assert typed_problems(tmp_path, "multiple", "choices: [A, B, A]", "answer: [A]") == [
        (7, 21, "choice 'A' is listed twice")
    ]


def test_multiple_feedback_for_a_non_choice_is_reported_even_with_a_bad_answer(
    tmp_path: Path,
) -> None:
    lines = ("choices: [A, B]", "answer: A", "feedback: {Z: Nope}")
    assert typed_problems(tmp_path, "multiple", *lines) == [
        (
            8,
            13,
            "'answer' of a multiple question must be a list of every correct choice, such as "
            "[A, C], not text",
        ),
        (9, 16, "feedback is given for 'Z', which is not a choice"),
    ]


# -- true_false -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "value"), [("true", True), ("false", False), ("False", False)])
def test_true_false_loads_a_yaml_boolean(tmp_path: Path, written: str, value: bool) -> None:
    loaded = load_one(tmp_path, f"answer: {written}", qtype="true_false")
    assert loaded.answer is value
    assert loaded.choices == ("True", "False")
    assert dict(loaded.feedback) == {}


def test_true_false_feedback_keys_may_be_booleans_or_text(tmp_path: Path) -> None:
    loaded = load_one(
        tmp_path,
        "answer: false",
        "feedback:",
        "  true: KCC was founded in 1990.",
        '  "False": Right.',
        qtype="true_false",
    )
    assert dict(loaded.feedback) == {"True": "KCC was founded in 1990.", "False": "Right."}
    assert grade(loaded, True).feedback == "KCC was founded in 1990."


@pytest.mark.parametrize("written", ['"true"', "'False'", '"yes"'])
def test_true_false_quoted_answer_is_an_error_with_advice(tmp_path: Path, written: str) -> None:
    text = written.strip("'\"")
    assert typed_problems(tmp_path, "true_false", f"answer: {written}") == [
        (7, 13, f"'answer' must be true or false written without quotes; got the text {text!r}")
    ]


@pytest.mark.parametrize(
    ("written", "kind"), [("1", "a number"), ("maybe", "text"), ("[true]", "a list")]
)
def test_true_false_answer_of_another_kind_is_an_error(
    tmp_path: Path, written: str, kind: str
) -> None:
    assert typed_problems(tmp_path, "true_false", f"answer: {written}") == [
        (7, 13, f"'answer' of a true_false question must be true or false, not {kind}")
    ]


def test_true_false_feedback_for_something_else_is_reported_at_its_key(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "true_false", "answer: true", "feedback: {maybe: Hm}") == [
        (
            8,
            16,
            "feedback is given for 'maybe'; a true_false question's feedback keys are true and "
            "false",
        )
    ]


def test_true_false_feedback_given_twice_is_reported(tmp_path: Path) -> None:
    lines = ("answer: true", 'feedback: {true: Right, "TRUE": Again}')
    assert typed_problems(tmp_path, "true_false", *lines) == [
        (8, 29, "feedback for true is given twice")
    ]


def test_true_false_feedback_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "true_false", "answer: true", "feedback: Yes") == [
        (8, 15, "'feedback' must map true and false to a message")
    ]


# -- short ----------------------------------------------------------------------------------------


def test_short_answer_may_be_one_text(tmp_path: Path) -> None:
    loaded = load_one(tmp_path, "answer: Red Star", qtype="short")
    assert loaded.answer == ("Red Star",)
    assert loaded.allow_typo is True
    assert loaded.choices == ()


def test_short_answer_may_be_a_list_and_typos_may_be_refused(tmp_path: Path) -> None:
    loaded = load_one(
        tmp_path, 'answer: [Red Star, "Red Star OS", 1990]', "allow_typo: false", qtype="short"
    )
    assert loaded.answer == ("Red Star", "Red Star OS", "1990")
    assert loaded.allow_typo is False
    assert grade(loaded, "red star os").score == 1.0


def test_short_empty_list_is_reported(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", "answer: []") == [
        (7, 13, "'answer' must list at least one accepted answer")
    ]


def test_short_blank_accepted_answer_is_reported_at_it(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", 'answer: [Red Star, "  "]') == [
        (7, 24, "item 2 of 'answer' is empty; write some text")
    ]


def test_short_answer_of_only_punctuation_is_reported(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", 'answer: [Red Star, "?!"]') == [
        (
            7,
            24,
            "the accepted answer '?!' has nothing left to compare once spaces and punctuation "
            "around it are ignored",
        )
    ]


def test_short_answers_equal_once_normalised_are_reported_at_the_repeat(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", 'answer: [Red Star, "red  star."]') == [
        (
            7,
            24,
            "the accepted answer 'red  star.' is the same as 'Red Star' once case, spacing and "
            "punctuation are ignored",
        )
    ]


def test_short_unquoted_yes_gets_advice_to_quote_it(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", "answer: [Red Star, yes]") == [
        (7, 24, "YAML reads yes/no/true/false as true/false; put this answer in quotes")
    ]
    assert typed_problems(tmp_path, "short", "answer: no") == [
        (
            7,
            13,
            "'answer' of a short question must be text or a list of accepted texts, not "
            "true/false; YAML reads yes/no/true/false as true/false, so put the answer in quotes",
        )
    ]


def test_short_answer_of_another_kind_is_reported(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", "answer: {a: b}") == [
        (
            7,
            13,
            "'answer' of a short question must be text or a list of accepted texts, not a mapping",
        )
    ]


def test_short_allow_typo_must_be_a_boolean(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "short", "answer: Red Star", "allow_typo: 1") == [
        (8, 17, "'allow_typo' must be true or false, not a number")
    ]
    assert typed_problems(tmp_path, "short", "answer: Red Star", 'allow_typo: "no"') == [
        (8, 17, "'allow_typo' must be true or false written without quotes; got the text 'no'")
    ]


# -- numeric --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [("1990", 1990.0), ("2.5", 2.5), ("-3", -3.0), ('"1,000"', 1000.0), ('"10 000"', 10000.0)],
)
def test_numeric_answer_is_a_number_or_text_that_reads_as_one(
    tmp_path: Path, written: str, value: float
) -> None:
    loaded = load_one(tmp_path, f"answer: {written}", qtype="numeric")
    assert loaded.answer == value
    assert isinstance(loaded.answer, float)
    assert (loaded.tolerance, loaded.tolerance_percent, loaded.unit) == (0.0, 0.0, "")


def test_numeric_tolerances_and_unit_are_read(tmp_path: Path) -> None:
    loaded = load_one(tmp_path, "answer: 1000", "tolerance: 50", "unit: employees", qtype="numeric")
    assert (loaded.tolerance, loaded.tolerance_percent, loaded.unit) == (50.0, 0.0, "employees")
    loaded = load_one(tmp_path, "answer: 1000", "tolerance_percent: 2.5", qtype="numeric")
    assert (loaded.tolerance, loaded.tolerance_percent) == (0.0, 2.5)
    assert grade(loaded, "1,025").score == 1.0


@pytest.mark.parametrize("written", ['"1,00"', '"ten"', '"1.000.000"', '""'])
def test_numeric_text_that_is_not_a_number_is_reported(tmp_path: Path, written: str) -> None:
    text = written.strip('"')
    assert typed_problems(tmp_path, "numeric", f"answer: {written}") == [
        (7, 13, f"cannot read {text!r} as a number; write it like 1990, 1000, 1,000 or 2.5")
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("true", "'answer' must be a number, not true/false"),
        ("[1, 2]", "'answer' must be a number, not a list"),
        (".inf", "'answer' must be a finite number; got inf"),
        (".nan", "'answer' must be a finite number; got nan"),
    ],
)
def test_numeric_answer_of_another_kind_is_reported(
    tmp_path: Path, written: str, message: str
) -> None:
    assert typed_problems(tmp_path, "numeric", f"answer: {written}") == [(7, 13, message)]


def test_numeric_negative_tolerances_are_reported(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "numeric", "answer: 3", "tolerance: -1") == [
        (8, 16, "'tolerance' must be 0 or more; got -1")
    ]
    assert typed_problems(tmp_path, "numeric", "answer: 3", "tolerance_percent: -0.5") == [
        (8, 24, "'tolerance_percent' must be 0 or more; got -0.5")
    ]


def test_numeric_tolerance_must_be_a_number(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "numeric", "answer: 3", "tolerance: 5%") == [
        (8, 16, "'tolerance' must be a number, not text")
    ]


def test_numeric_both_tolerances_is_reported_at_the_second(tmp_path: Path) -> None:
    lines = ("answer: 3", "tolerance: 1", "tolerance_percent: 5")
    assert typed_problems(tmp_path, "numeric", *lines) == [
        (9, 5, "give either 'tolerance' or 'tolerance_percent', not both")
    ]


# -- ordering -------------------------------------------------------------------------------------


def test_ordering_items_are_the_answer_and_the_choices(tmp_path: Path) -> None:
    loaded = load_one(tmp_path, "items: [visit, exchange, pilot, offshore]", qtype="ordering")
    assert loaded.answer == ("visit", "exchange", "pilot", "offshore")
    assert loaded.choices == loaded.answer


@pytest.mark.parametrize("count", [2, 8])
def test_ordering_needs_three_to_seven_items(tmp_path: Path, count: int) -> None:
    items = ", ".join(f"i{n}" for n in range(count))
    assert typed_problems(tmp_path, "ordering", f"items: [{items}]") == [
        (7, 12, f"an ordering question needs 3 to 7 items; got {count}")
    ]


@pytest.mark.parametrize("count", [3, 7])
def test_ordering_item_count_bounds_are_allowed(tmp_path: Path, count: int) -> None:
    items = ", ".join(f"i{n}" for n in range(count))
    assert len(load_one(tmp_path, f"items: [{items}]", qtype="ordering").answer) == count


def test_ordering_repeated_item_is_reported_at_the_repeat(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "ordering", "items: [a, b, a, c]") == [
        (7, 19, "item 'a' is listed twice")
    ]


def test_ordering_items_that_are_not_a_list(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "ordering", "items: a then b") == [
        (7, 12, "'items' must be a list, not text")
    ]


# -- matching -------------------------------------------------------------------------------------

MATCHING_LINES = (
    "pairs:",
    "  Korea Computer Center: specialist provider",
    "  Nosotek: joint venture",
    "  Unha Corporation: grown from an IT department",
    "  Hana Electronics: joint venture",
    "distractors: [university faculty]",
)


def test_matching_loads_pairs_in_file_order_and_options_in_first_seen_order(
    tmp_path: Path,
) -> None:
    loaded = load_one(tmp_path, *MATCHING_LINES, qtype="matching")
    assert loaded.answer == (
        ("Korea Computer Center", "specialist provider"),
        ("Nosotek", "joint venture"),
        ("Unha Corporation", "grown from an IT department"),
        ("Hana Electronics", "joint venture"),
    )
    assert loaded.choices == (
        "specialist provider",
        "joint venture",
        "grown from an IT department",
        "university faculty",
    )
    assert loaded.left_items == (
        "Korea Computer Center",
        "Nosotek",
        "Unha Corporation",
        "Hana Electronics",
    )
    assert grade(loaded, dict(loaded.answer)).score == 1.0


def test_matching_unquoted_numbers_become_text(tmp_path: Path) -> None:
    loaded = load_one(
        tmp_path, "pairs: {1990: KCC founded, 1957: SEK Studio founded}", qtype="matching"
    )
    assert loaded.answer == (("1990", "KCC founded"), ("1957", "SEK Studio founded"))


@pytest.mark.parametrize("count", [1, 9])
def test_matching_needs_two_to_eight_pairs(tmp_path: Path, count: int) -> None:
    pairs = ", ".join(f"l{n}: r{n}" for n in range(count))
    assert typed_problems(tmp_path, "matching", f"pairs: {{{pairs}}}") == [
        (7, 12, f"a matching question needs 2 to 8 pairs; got {count}")
    ]


def test_matching_pairs_must_be_a_mapping(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "matching", "pairs: [a, b]") == [
        (
            7,
            12,
            "'pairs' must map each left-hand item to its match, one 'item: match' line each, "
            "not a list",
        )
    ]


def test_matching_distractor_that_is_a_used_match_is_reported_at_it(tmp_path: Path) -> None:
    lines = (*MATCHING_LINES[:-1], "distractors: [university faculty, joint venture]")
    assert typed_problems(tmp_path, "matching", *lines) == [
        (
            12,
            39,
            "distractor 'joint venture' is already the match of 'Nosotek'; a distractor must "
            "match nothing",
        )
    ]


def test_matching_repeated_distractor_is_reported(tmp_path: Path) -> None:
    lines = ("pairs: {a: b, c: d}", "distractors: [x, y, x]")
    assert typed_problems(tmp_path, "matching", *lines) == [
        (8, 25, "distractor 'x' is listed twice")
    ]


def test_matching_with_a_single_option_is_reported(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "matching", "pairs: {a: same, b: same}") == [
        (
            7,
            12,
            "every item has the same match, so there is nothing to choose between; add a pair "
            "with another match or a 'distractors' list",
        )
    ]
    loaded = load_one(
        tmp_path, "pairs: {a: same, b: same}", "distractors: [other]", qtype="matching"
    )
    assert loaded.choices == ("same", "other")


def test_matching_boolean_key_gets_advice_to_quote_it(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "matching", "pairs: {yes: a, no: b, maybe: c}") == [
        (7, 13, "YAML reads yes/no/on/off/true/false as true/false; put this item in quotes"),
        (7, 21, "YAML reads yes/no/on/off/true/false as true/false; put this item in quotes"),
    ]


def test_matching_blank_match_is_reported_at_it(tmp_path: Path) -> None:
    assert typed_problems(tmp_path, "matching", "pairs: {a: b, c: }") == [
        (7, 22, "'c' must be non-empty text, not nothing (null)")
    ]


# -- quiz-level keys ------------------------------------------------------------------------------


def quiz_with(*settings: str, count: int = 3) -> str:
    """A quiz whose ``settings`` lines start on line 3; questions follow."""
    lines = ["lesson: origins", "pass_mark: 70", *settings, "questions:"]
    for n in range(count):
        lines += question(id=f"q-{n}")
    return "\n".join(lines) + "\n"


def test_quiz_settings_default_to_off(tmp_path: Path) -> None:
    quiz = load_quiz(write(tmp_path, quiz_with()))
    assert (quiz.shuffle, quiz.shuffle_choices, quiz.draw) == (False, False, None)


def test_quiz_settings_are_read(tmp_path: Path) -> None:
    text = quiz_with("shuffle: true", "shuffle_choices: yes", "draw: 2")
    quiz = load_quiz(write(tmp_path, text))
    assert (quiz.shuffle, quiz.shuffle_choices, quiz.draw) == (True, True, 2)


@pytest.mark.parametrize("draw", [1, 3])
def test_draw_bounds_are_allowed(tmp_path: Path, draw: int) -> None:
    assert load_quiz(write(tmp_path, quiz_with(f"draw: {draw}"))).draw == draw


@pytest.mark.parametrize("draw", [0, 4, -2])
def test_draw_out_of_range_is_reported_at_its_value(tmp_path: Path, draw: int) -> None:
    path = write(tmp_path, quiz_with(f"draw: {draw}"))
    assert problems(path) == [
        (3, 7, f"'draw' must be between 1 and 3 (the number of questions); got {draw}")
    ]


@pytest.mark.parametrize(
    ("written", "kind"), [("all", "text"), ("2.5", "a decimal number"), ("true", "true/false")]
)
def test_draw_must_be_a_whole_number(tmp_path: Path, written: str, kind: str) -> None:
    path = write(tmp_path, quiz_with(f"draw: {written}"))
    assert problems(path) == [(3, 7, f"'draw' must be a whole number, not {kind}")]


def test_draw_without_readable_questions_is_only_checked_against_one(tmp_path: Path) -> None:
    path = write(tmp_path, "lesson: origins\npass_mark: 70\ndraw: 0\nquestions: none\n")
    assert problems(path) == [
        (3, 7, "'draw' must be 1 or more; got 0"),
        (4, 12, "'questions' must be a list of questions, not text"),
    ]


@pytest.mark.parametrize("key", ["shuffle", "shuffle_choices"])
def test_shuffle_settings_must_be_booleans(tmp_path: Path, key: str) -> None:
    col = len(key) + 3
    assert problems(write(tmp_path, quiz_with(f"{key}: 1"))) == [
        (3, col, f"'{key}' must be true or false, not a number")
    ]
    assert problems(write(tmp_path, quiz_with(f'{key}: "true"'))) == [
        (3, col, f"'{key}' must be true or false written without quotes; got the text 'true'")
    ]


def test_misspelled_quiz_key_is_suggested(tmp_path: Path) -> None:
    assert problems(write(tmp_path, quiz_with("shufle: true"))) == [
        (3, 1, "unknown key 'shufle' in a quiz file; did you mean 'shuffle'?")
    ]


def test_problems_of_different_types_in_one_file_are_all_reported(tmp_path: Path) -> None:
    text = quiz_text(
        typed("ordering", "items: [a, b]"),
        [
            "  - id: q-two",
            "    type: numeric",
            "    prompt: How many?",
            "    answer: lots",
            "    explanation: Because.",
        ],
        typed("true_false", 'answer: "false"'),
        lesson="origins",
    ).replace("id: q-one\n    type: true_false", "id: q-three\n    type: true_false")
    assert problems(write(tmp_path, text)) == [
        (7, 12, "an ordering question needs 3 to 7 items; got 2"),
        (12, 13, "cannot read 'lots' as a number; write it like 1990, 1000, 1,000 or 2.5"),
        (17, 13, "'answer' must be true or false written without quotes; got the text 'false'"),
    ]


# -- the authoring guide's examples ---------------------------------------------------------------


def test_skill_defaults_to_recall_and_reads_the_other_skills(tmp_path: Path) -> None:
    quiz = load_quiz(write(tmp_path, quiz_text(question(), question(id="q-two", skill="apply"))))
    assert [q.skill for q in quiz.questions] == ["recall", "apply"]


def test_unknown_skill_suggests_the_close_one(tmp_path: Path) -> None:
    path = write(tmp_path, quiz_text(question(skill="explian")))
    assert problems(path) == [(10, 12, "unknown skill 'explian'; did you mean 'explain'?")]
