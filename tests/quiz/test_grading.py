"""Grading every question type: pure functions from (question, response) to a Grade."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dprk_it_tutor.content.model import QUESTION_TYPES, Question
from dprk_it_tutor.quiz.grading import (
    GRADERS,
    Grade,
    describe_answer,
    format_number,
    grade,
    grade_matching,
    grade_multiple,
    grade_numeric,
    grade_ordering,
    grade_short,
    grade_single,
    grade_true_false,
    normalise,
    parse_number,
    typo_distance,
)


def single(
    choices: tuple[str, ...] = ("1970s", "1980s", "1990s"),
    answer: str = "1980s",
    feedback: dict[str, str] | None = None,
) -> Question:
    return Question(
        id="q",
        type="single",
        prompt="Which decade?",
        answer=answer,
        choices=choices,
        feedback=feedback or {},
        explanation="The 1980s.",
    )


def make(qtype: str, answer: Any, **fields: Any) -> Question:
    return Question(id="q", type=qtype, prompt="?", answer=answer, explanation="Because.", **fields)


def multiple(
    choices: tuple[str, ...] = ("A", "B", "C", "D"),
    answer: tuple[str, ...] = ("A", "B"),
    feedback: dict[str, str] | None = None,
) -> Question:
    return make("multiple", answer, choices=choices, feedback=feedback or {})


def true_false(answer: bool = True, feedback: dict[str, str] | None = None) -> Question:
    return make("true_false", answer, choices=("True", "False"), feedback=feedback or {})


def short(*accepted: str, allow_typo: bool = True) -> Question:
    return make("short", accepted or ("Pyongyang",), allow_typo=allow_typo)


def numeric(
    answer: float = 1000.0, tolerance: float = 0.0, percent: float = 0.0, unit: str = ""
) -> Question:
    return make("numeric", answer, tolerance=tolerance, tolerance_percent=percent, unit=unit)


def ordering(*items: str) -> Question:
    items = items or ("visit", "exchange", "pilot", "onsite", "offshore")
    return make("ordering", items, choices=items)


PAIRS = (
    ("KCC", "specialist"),
    ("Unha", "in-house"),
    ("Nosotek", "joint venture"),
    ("Hana", "joint venture"),
)


def matching(
    pairs: tuple[tuple[str, str], ...] = PAIRS, distractors: tuple[str, ...] = ()
) -> Question:
    rights = tuple(dict.fromkeys(right for _, right in pairs))
    return make("matching", pairs, choices=rights + distractors)


# -- dispatch and Grade -----------------------------------------------------------------------------


def test_every_question_type_has_a_grader() -> None:
    assert tuple(GRADERS) == QUESTION_TYPES


def test_grade_dispatches_on_question_type() -> None:
    assert GRADERS["single"] is grade_single
    assert GRADERS["multiple"] is grade_multiple
    assert GRADERS["true_false"] is grade_true_false
    assert GRADERS["short"] is grade_short
    assert GRADERS["numeric"] is grade_numeric
    assert GRADERS["ordering"] is grade_ordering
    assert GRADERS["matching"] is grade_matching
    assert grade(single(), "1980s").score == 1.0
    assert grade(single(), "1970s").score == 0.0
    assert grade(numeric(), "1,000").score == 1.0


def test_verdict_words() -> None:
    assert Grade(1.0).verdict == "right"
    assert Grade(0.0).verdict == "wrong"
    assert Grade(0.5).verdict == "partly right"


def test_correct_needs_full_marks() -> None:
    assert Grade(1.0).correct
    assert not Grade(0.99).correct


# -- single ---------------------------------------------------------------------------------------


def test_right_choice_scores_one() -> None:
    result = grade_single(single(), "1980s")
    assert result == Grade(1.0, "")
    assert result.correct


def test_wrong_choice_scores_zero() -> None:
    result = grade_single(single(), "1990s")
    assert result.score == 0.0
    assert not result.correct


@pytest.mark.parametrize("response", [None, 1980, ["1980s"], {"1980s": True}])
def test_single_malformed_response_scores_zero(response: Any) -> None:
    assert grade_single(single(), response) == Grade(0.0)


def test_feedback_is_the_authors_text_for_the_chosen_choice() -> None:
    question = single(feedback={"1990s": "KCC was founded in 1990.", "1980s": "Yes."})
    assert grade_single(question, "1990s") == Grade(0.0, "KCC was founded in 1990.")
    assert grade_single(question, "1980s") == Grade(1.0, "Yes.")
    assert grade_single(question, "1970s") == Grade(0.0, "")


# -- multiple -------------------------------------------------------------------------------------


def test_multiple_exactly_the_right_set_scores_one() -> None:
    assert grade_multiple(multiple(), ["A", "B"]) == Grade(1.0)
    assert grade_multiple(multiple(), ["B", "A"]) == Grade(1.0)


@pytest.mark.parametrize(
    ("picks", "score"),
    [
        (["A"], 0.5),  # half the right ones, no wrong one
        (["A", "C"], 0.0),  # 1/2 right minus 1/2 wrong
        (["A", "B", "C"], 0.5),  # 2/2 right minus 1/2 wrong
        (["A", "B", "C", "D"], 0.0),  # everything ticked
        (["C", "D"], 0.0),  # would be negative: clamped at 0
        ([], 0.0),
    ],
)
def test_multiple_partial_credit_penalises_wrong_picks(picks: list[str], score: float) -> None:
    assert grade_multiple(multiple(), picks).score == pytest.approx(score)


def test_multiple_with_uneven_counts_uses_the_share_of_each_side() -> None:
    question = multiple(choices=("A", "B", "C", "D", "E"), answer=("A", "B", "C"))
    assert grade_multiple(question, ["A", "B", "D"]).score == pytest.approx(2 / 3 - 1 / 2)
    assert grade_multiple(question, ["A", "B", "C", "D"]).score == pytest.approx(0.5)


def test_multiple_where_every_choice_is_right_has_no_penalty_term() -> None:
    question = multiple(choices=("A", "B"), answer=("A", "B"))
    assert grade_multiple(question, ["A", "B"]).score == 1.0
    assert grade_multiple(question, ["A"]).score == 0.5


def test_multiple_accepts_tuples_sets_and_repeated_picks() -> None:
    assert grade_multiple(multiple(), ("B", "A")).score == 1.0
    assert grade_multiple(multiple(), {"A", "B"}).score == 1.0
    assert grade_multiple(multiple(), ["A", "A", "B"]).score == 1.0


@pytest.mark.parametrize("response", [None, "A", 3, ["A", 1], [["A"]], {"A": True}])
def test_multiple_malformed_response_scores_zero(response: Any) -> None:
    assert grade_multiple(multiple(), response) == Grade(0.0)


def test_multiple_feedback_joins_picked_choices_in_choice_order() -> None:
    question = multiple(feedback={"A": "A is right.", "C": "C is a trap.", "D": "D too."})
    assert grade_multiple(question, ["C", "A"]) == Grade(0.0, "A is right. C is a trap.")
    assert grade_multiple(question, ["B"]).feedback == ""


# -- true_false -----------------------------------------------------------------------------------


def test_true_false_scores_equality() -> None:
    assert grade_true_false(true_false(True), True).score == 1.0
    assert grade_true_false(true_false(True), False).score == 0.0
    assert grade_true_false(true_false(False), False).score == 1.0
    assert grade_true_false(true_false(False), True).score == 0.0


def test_true_false_accepts_the_choice_text() -> None:
    assert grade_true_false(true_false(False), "False").score == 1.0
    assert grade_true_false(true_false(False), " false ").score == 1.0
    assert grade_true_false(true_false(False), "True").score == 0.0


@pytest.mark.parametrize("response", [None, 0, 1, "no", "", [True]])
def test_true_false_malformed_response_scores_zero(response: Any) -> None:
    assert grade_true_false(true_false(False), response) == Grade(0.0)
    assert grade_true_false(true_false(True), response) == Grade(0.0)


def test_true_false_feedback_is_keyed_by_the_response() -> None:
    question = true_false(False, feedback={"True": "KCC was founded in 1990.", "False": "Yes."})
    assert grade_true_false(question, True) == Grade(0.0, "KCC was founded in 1990.")
    assert grade_true_false(question, False) == Grade(1.0, "Yes.")


# -- short ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Red   Star ", "red star"),
        ("RED STAR!", "red star"),
        ("«Red Star»", "red star"),  # Unicode punctuation at the edges
        ("'Red Star.'", "red star"),
        ("\uff32\uff45\uff44 \uff33\uff54\uff41\uff52", "red star"),  # full-width letters, via NFKC
        ("Red\u00a0\tStar", "red star"),
        ("Kim Il-Sung", "kim il-sung"),  # inner punctuation is kept
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefold, not lower
        ("?!", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "typed", ["Pyongyang", "pyongyang", "  PYONGYANG. ", "Pyongyang!", "'Pyongyang'"]
)
def test_short_exact_after_normalising_scores_one_without_a_note(typed: str) -> None:
    assert grade_short(short(), typed) == Grade(1.0)


@pytest.mark.parametrize(
    "typed",
    [
        "Pyongyeng",  # one letter substituted
        "Pyongyng",  # one letter missing
        "Pyongyanng",  # one letter extra
        "Pyonygang",  # two neighbours swapped
    ],
)
def test_short_one_typo_in_a_long_answer_is_accepted_with_the_spelling(typed: str) -> None:
    assert grade_short(short(), typed) == Grade(1.0, "Accepted; the usual spelling is 'Pyongyang'.")


@pytest.mark.parametrize("typed", ["Pyongyeng", "Pyonygang"])
def test_short_typo_is_refused_when_the_author_turns_it_off(typed: str) -> None:
    assert grade_short(short(allow_typo=False), typed) == Grade(0.0)


def test_short_two_typos_are_wrong() -> None:
    assert grade_short(short(), "Pyengyeng").score == 0.0
    assert grade_short(short(), "Pyonyagng").score == 0.0  # two separate swaps


def test_short_typo_needs_six_letters_in_the_accepted_answer() -> None:
    assert grade_short(short("Linux"), "Linus").score == 0.0  # five letters: must be exact
    assert grade_short(short("Nosotek"), "Nosotec").score == 1.0
    assert grade_short(short("Unha 1"), "Unha 2").score == 0.0  # four letters and a digit


def test_short_any_accepted_answer_counts_and_the_matched_spelling_is_shown() -> None:
    question = short("Red Star", "Red Star OS", "Pulgunbyol")
    assert grade_short(question, "red star os") == Grade(1.0)
    assert grade_short(question, "Pulgunbyul") == Grade(
        1.0, "Accepted; the usual spelling is 'Pulgunbyol'."
    )


def test_short_exact_match_beats_a_typo_match_of_an_earlier_answer() -> None:
    question = short("Pyongyanx", "Pyongyang")
    assert grade_short(question, "Pyongyang") == Grade(1.0)


@pytest.mark.parametrize("response", [None, "", "   ", "...", 5, ["Pyongyang"]])
def test_short_blank_or_malformed_response_scores_zero(response: Any) -> None:
    assert grade_short(short(), response) == Grade(0.0)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "abc", 0),
        ("abc", "abd", 1),
        ("abc", "ab", 1),
        ("ab", "abc", 1),
        ("abc", "xabc", 1),
        ("abc", "bac", 1),
        ("abcd", "abdc", 1),
        ("abc", "cba", 2),
        ("abc", "a", 2),
        ("abcd", "badc", 2),
        ("ca", "abc", 2),  # 3 edits in OSA (2 in full Damerau-Levenshtein): capped at 2
    ],
)
def test_typo_distance(a: str, b: str, distance: int) -> None:
    assert typo_distance(a, b) == distance
    assert typo_distance(b, a) == distance


def reference_osa(a: str, b: str) -> int:
    """Textbook optimal-string-alignment distance, unbounded, for checking the bounded one."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


small_words = st.text(alphabet="abc", max_size=6)


@settings(max_examples=200, deadline=None)
@given(a=small_words, b=small_words)
def test_property_typo_distance_is_the_capped_osa_distance(a: str, b: str) -> None:
    assert typo_distance(a, b) == min(reference_osa(a, b), 2)


# -- numeric --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1000", 1000.0),
        ("1,000", 1000.0),
        ("1 000", 1000.0),
        ("1\u00a0000", 1000.0),  # no-break space
        ("1\u202f000", 1000.0),  # narrow no-break space
        ("1\u2009000", 1000.0),  # thin space
        ("1,000.5", 1000.5),
        ("1 000.25", 1000.25),
        ("10,000,000", 10_000_000.0),
        ("  42  ", 42.0),
        ("+3", 3.0),
        ("-1,000", -1000.0),
        ("\u22122.5", -2.5),  # typographic minus
        ("0.25", 0.25),
        (".5", 0.5),
        ("1990.", 1990.0),
        ("007", 7.0),
        ("\uff11\uff19\uff19\uff10", 1990.0),  # full-width digits
    ],
)
def test_parse_number_accepts(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "ten",
        "1,00",  # a comma group must have three digits
        "1,0000",
        "1.000.000",
        "1,000 000",  # mixed separators
        "1  000",  # two spaces
        "0,500",  # could be a decimal comma
        "1,5",
        "1000,000",
        ",100",
        "1e3",
        "inf",
        "nan",
        "--5",
        "- 5",
        "5-",
        "1,000 employees",
        "١٢٣",  # other scripts' digits are not read
        ".",
        "+",
        "1" * 100,
        None,
        1000,
    ],
)
def test_parse_number_rejects(text: Any) -> None:
    assert parse_number(text) is None


def test_numeric_exact_answer_in_any_accepted_spelling() -> None:
    for typed in ("1000", "1,000", "1 000", "1000.0", "+1000"):
        assert grade_numeric(numeric(), typed) == Grade(1.0), typed
    assert grade_numeric(numeric(), "1001").score == 0.0


def test_numeric_unreadable_text_scores_zero_with_a_message() -> None:
    assert grade_numeric(numeric(), " ten ") == Grade(0.0, "Could not read 'ten' as a number.")
    assert grade_numeric(numeric(), "1,00") == Grade(0.0, "Could not read '1,00' as a number.")
    assert grade_numeric(numeric(), "") == Grade(0.0, "Could not read '' as a number.")


def test_numeric_absolute_tolerance_is_inclusive() -> None:
    question = numeric(1990, tolerance=2)
    assert grade_numeric(question, "1992").score == 1.0
    assert grade_numeric(question, "1988").score == 1.0
    assert grade_numeric(question, "1993").score == 0.0


def test_numeric_percent_tolerance_is_of_the_answer() -> None:
    question = numeric(10_000, percent=10)
    assert grade_numeric(question, "11,000").score == 1.0
    assert grade_numeric(question, "9 000").score == 1.0
    assert grade_numeric(question, "11,001").score == 0.0


def test_numeric_uses_the_larger_of_the_two_tolerances() -> None:
    question = numeric(100, tolerance=5, percent=10)
    assert grade_numeric(question, "110").score == 1.0
    assert grade_numeric(question, "111").score == 0.0


def test_numeric_float_noise_does_not_fail_an_exact_answer() -> None:
    assert grade_numeric(numeric(0.3), "0.30000000000000004").score == 1.0
    assert grade_numeric(numeric(0.3, tolerance=0.1), "0.4").score == 1.0  # 0.4-0.3 > 0.1 in floats


def test_numeric_accepts_a_number_response_but_not_a_bool() -> None:
    assert grade_numeric(numeric(), 1000).score == 1.0
    assert grade_numeric(numeric(), 1000.0).score == 1.0
    assert grade_numeric(numeric(1), True).score == 0.0
    assert grade_numeric(numeric(), math.inf).score == 0.0
    assert grade_numeric(numeric(), 10**400).score == 0.0
    assert grade_numeric(numeric(), None).score == 0.0


def test_numeric_negative_answers() -> None:
    question = numeric(-40, percent=5)
    assert grade_numeric(question, "-42").score == 1.0
    assert grade_numeric(question, "40").score == 0.0


# -- ordering -------------------------------------------------------------------------------------


def test_ordering_right_order_scores_one_and_reverse_zero() -> None:
    question = ordering()
    assert grade_ordering(question, list(question.answer)) == Grade(1.0)
    assert grade_ordering(question, list(reversed(question.answer))) == Grade(0.0)


def test_ordering_scores_the_share_of_pairs_in_the_right_order() -> None:
    question = ordering("a", "b", "c", "d")  # 6 pairs
    assert grade_ordering(question, ["b", "a", "c", "d"]).score == pytest.approx(5 / 6)
    assert grade_ordering(question, ["d", "a", "b", "c"]).score == pytest.approx(3 / 6)
    assert grade_ordering(ordering("a", "b", "c"), ["a", "c", "b"]).score == pytest.approx(2 / 3)


def test_ordering_accepts_a_tuple() -> None:
    assert grade_ordering(ordering("a", "b", "c"), ("a", "b", "c")).score == 1.0


@pytest.mark.parametrize(
    "response",
    [
        ["a", "b"],  # one missing
        ["a", "b", "c", "d"],  # one extra
        ["a", "b", "b"],  # a repeat
        ["a", "b", "x"],  # an unknown item
        "abc",
        None,
        [1, 2, 3],
        {"a": 1},
    ],
)
def test_ordering_response_that_is_not_a_permutation_scores_zero(response: Any) -> None:
    assert grade_ordering(ordering("a", "b", "c"), response) == Grade(0.0)


# -- matching -------------------------------------------------------------------------------------


def test_matching_all_right_scores_one() -> None:
    assert grade_matching(matching(), dict(PAIRS)) == Grade(1.0)


def test_matching_scores_the_share_of_lefts_paired_correctly() -> None:
    response = {"KCC": "specialist", "Unha": "joint venture", "Nosotek": "joint venture"}
    assert grade_matching(matching(), response).score == pytest.approx(2 / 4)  # Hana missing


def test_matching_unknown_lefts_earn_nothing() -> None:
    response = {**dict(PAIRS[:2]), "Dakor": "joint venture"}
    assert grade_matching(matching(), response).score == pytest.approx(2 / 4)


def test_matching_accepts_a_list_of_pairs_as_json_returns_it() -> None:
    assert grade_matching(matching(), [list(pair) for pair in PAIRS]).score == 1.0
    assert grade_matching(matching(), PAIRS).score == 1.0


def test_matching_left_given_twice_in_a_list_of_pairs_is_wrong() -> None:
    response = [*PAIRS, ("KCC", "in-house")]
    assert grade_matching(matching(), response).score == pytest.approx(3 / 4)
    assert grade_matching(matching(), [*PAIRS, PAIRS[0]]).score == pytest.approx(3 / 4)


@pytest.mark.parametrize(
    "response", [None, "KCC", 3, ["KCC"], [("KCC",)], [(1, "specialist")], {"KCC": ["specialist"]}]
)
def test_matching_malformed_response_scores_zero(response: Any) -> None:
    assert grade_matching(matching(), response) == Grade(0.0)


# -- describe_answer ------------------------------------------------------------------------------


def test_describe_answer_of_nothing() -> None:
    for question in (
        single(),
        multiple(),
        true_false(),
        short(),
        numeric(),
        ordering(),
        matching(),
    ):
        assert describe_answer(question, None) == "(not answered)"


@pytest.mark.parametrize(
    ("question", "response", "shown"),
    [
        (single(), "1980s", "1980s"),
        (multiple(), ("A", "B"), "A; B"),  # the answer's shape
        (multiple(), ["C", "A"], "A; C"),  # a response: in the order of the choices
        (multiple(), [], "(none chosen)"),
        (multiple(), ["A", "Z"], "A; Z"),
        (true_false(), True, "True"),
        (true_false(), False, "False"),
        (true_false(), "false", "False"),
        (short("Red Star"), ("Red Star",), "Red Star"),
        (
            short("Red Star", "Red Star OS"),
            ("Red Star", "Red Star OS"),
            "Red Star (or: Red Star OS)",
        ),
        (short(), "  pyongyang ", "pyongyang"),
        (short(), "", "(blank)"),
        (numeric(1990.0), 1990.0, "1990"),
        (numeric(1000.0, unit="employees"), 1000.0, "1000 employees"),
        (numeric(2.5, unit="%"), 2.5, "2.5 %"),
        (numeric(1000.0, unit="employees"), "1,000", "1000 employees"),
        (numeric(1000.0, unit="employees"), "about ten", "about ten"),
        (numeric(), " ", "(blank)"),
        (ordering("a", "b", "c"), ("a", "b", "c"), "a → b → c"),
        (ordering("a", "b", "c"), ["c", "a", "b"], "c → a → b"),
        (matching(PAIRS[:2]), PAIRS[:2], "KCC → specialist; Unha → in-house"),
        (matching(PAIRS[:2]), {"Unha": "in-house", "KCC": "x"}, "KCC → x; Unha → in-house"),
        (matching(PAIRS[:2]), {"KCC": "specialist"}, "KCC → specialist; Unha → ?"),
        (matching(PAIRS[:2]), [["KCC", "specialist"]], "KCC → specialist; Unha → ?"),
    ],
)
def test_describe_answer(question: Question, response: Any, shown: str) -> None:
    assert describe_answer(question, response) == shown


def test_describe_answer_shows_the_correct_answer_of_every_type() -> None:
    questions = (single(), multiple(), true_false(), short(), numeric(), ordering(), matching())
    shown = [describe_answer(q, q.answer) for q in questions]
    assert shown == [
        "1980s",
        "A; B",
        "True",
        "Pyongyang",
        "1000",
        "visit → exchange → pilot → onsite → offshore",
        "KCC → specialist; Unha → in-house; Nosotek → joint venture; Hana → joint venture",
    ]


@pytest.mark.parametrize(
    ("value", "text"), [(1990.0, "1990"), (-3.0, "-3"), (0.1, "0.1"), (2.5, "2.5"), (1e20, "1e+20")]
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


# -- properties -----------------------------------------------------------------------------------

labels = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
distinct_labels = st.lists(labels, min_size=2, max_size=7, unique=True)


@st.composite
def question_and_right_response(draw: st.DrawFn) -> tuple[Question, Any]:
    """A valid question of a random type and a response that is exactly its correct answer."""
    qtype = draw(st.sampled_from(QUESTION_TYPES))
    if qtype == "single":
        choices = tuple(draw(distinct_labels))
        answer = draw(st.sampled_from(choices))
        return make(qtype, answer, choices=choices), answer
    if qtype == "multiple":
        choices = tuple(draw(distinct_labels))
        right = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
        picks = draw(st.permutations(right))
        answer = tuple(c for c in choices if c in right)
        return make(qtype, answer, choices=choices), list(picks)
    if qtype == "true_false":
        answer = draw(st.booleans())
        return make(qtype, answer, choices=("True", "False")), answer
    if qtype == "short":
        accepted = draw(
            st.lists(labels.filter(lambda t: normalise(t) != ""), min_size=1, max_size=3)
        )
        typed = draw(st.sampled_from(accepted))
        question = make(qtype, tuple(accepted), allow_typo=draw(st.booleans()))
        return question, draw(st.sampled_from([typed, typed.upper(), f"  {typed}. "]))
    if qtype == "numeric":
        scale = draw(st.sampled_from([1, 10, 100, 1000]))
        answer = draw(st.integers(-(10**12), 10**12)) / scale
        question = make(
            qtype,
            answer,
            tolerance=draw(st.floats(0, 100)),
            tolerance_percent=draw(st.floats(0, 50)),
        )
        typed = f"{answer:,}".replace(",", draw(st.sampled_from(SEPARATORS)))
        return question, draw(st.sampled_from([typed, repr(answer), answer]))
    if qtype == "ordering":
        items = tuple(draw(st.lists(labels, min_size=3, max_size=7, unique=True)))
        return make(qtype, items, choices=items), list(items)
    lefts = draw(st.lists(labels, min_size=2, max_size=8, unique=True))
    rights = draw(st.lists(labels, min_size=len(lefts), max_size=len(lefts)))
    pairs = tuple(zip(lefts, rights, strict=True))
    question = make(qtype, pairs, choices=tuple(dict.fromkeys(rights)))
    return question, dict(pairs)


@settings(max_examples=200, deadline=None)
@given(case=question_and_right_response())
def test_property_the_correct_answer_scores_one_for_every_type(case: tuple[Question, Any]) -> None:
    question, response = case
    assert grade(question, response).score == 1.0
    assert isinstance(describe_answer(question, question.answer), str)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(case=question_and_right_response(), response=json_like)
def test_property_any_response_scores_within_range_and_never_raises(
    case: tuple[Question, Any], response: Any
) -> None:
    question, _ = case
    result = grade(question, response)
    assert 0.0 <= result.score <= 1.0
    assert isinstance(result.feedback, str)
    assert isinstance(describe_answer(question, response), str)


@settings(max_examples=200, deadline=None)
@given(choices=distinct_labels, data=st.data())
def test_property_multiple_grading_ignores_the_order_of_picks(
    choices: list[str], data: st.DataObject
) -> None:
    right = data.draw(st.lists(st.sampled_from(choices), min_size=1, unique=True), label="right")
    picks = data.draw(st.lists(st.sampled_from(choices), unique=True), label="picks")
    shuffled = data.draw(st.permutations(picks), label="shuffled")
    feedback = {c: f"note {i}" for i, c in enumerate(choices) if i % 2}
    question = multiple(tuple(choices), tuple(c for c in choices if c in right), feedback)
    assert grade(question, picks) == grade(question, list(shuffled))
    assert 0.0 <= grade(question, picks).score <= 1.0


@settings(max_examples=200, deadline=None)
@given(choices=distinct_labels, data=st.data())
def test_property_ticking_every_choice_scores_zero_when_one_is_wrong(
    choices: list[str], data: st.DataObject
) -> None:
    right = data.draw(
        st.lists(st.sampled_from(choices), min_size=1, max_size=len(choices) - 1, unique=True)
    )
    question = multiple(tuple(choices), tuple(c for c in choices if c in right))
    assert grade(question, choices).score == 0.0
    assert grade(question, list(question.answer)).score == 1.0


@settings(max_examples=200, deadline=None)
@given(items=st.lists(labels, min_size=2, max_size=7, unique=True))
def test_property_ordering_reverse_scores_zero_and_right_order_one(items: list[str]) -> None:
    question = ordering(*items)
    assert grade(question, items[::-1]).score == 0.0
    assert grade(question, items).score == 1.0


@settings(max_examples=200, deadline=None)
@given(items=st.lists(labels, min_size=3, max_size=7, unique=True), data=st.data())
def test_property_ordering_score_counts_agreeing_pairs(
    items: list[str], data: st.DataObject
) -> None:
    order = data.draw(st.permutations(items))
    agreeing = sum(
        order.index(items[i]) < order.index(items[j])
        for i in range(len(items))
        for j in range(i + 1, len(items))
    )
    expected = agreeing / (len(items) * (len(items) - 1) / 2)
    assert grade(ordering(*items), list(order)).score == pytest.approx(expected)


SEPARATORS = [",", " ", "\u00a0", "\u202f", "\u2009"]


def test_parse_number_reads_the_three_spellings_of_a_thousand() -> None:
    assert parse_number("1,000") == parse_number("1000") == parse_number("1 000") == 1000.0


@settings(max_examples=200, deadline=None)
@given(
    number=st.integers(-(10**12), 10**12),
    separator=st.sampled_from(SEPARATORS),
    grouped=st.booleans(),
    plus=st.booleans(),
)
def test_property_parse_number_reads_grouped_and_plain_integers(
    number: int, separator: str, grouped: bool, plus: bool
) -> None:
    text = f"{abs(number):,}".replace(",", separator) if grouped else str(abs(number))
    sign = "-" if number < 0 else ("+" if plus else "")
    assert parse_number(sign + text) == float(number)


@settings(max_examples=200, deadline=None)
@given(value=st.floats(-1e9, 1e9, allow_nan=False))
def test_property_parse_number_reads_python_decimals(value: float) -> None:
    text = repr(value)
    assume("e" not in text)
    assert parse_number(text) == value


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=12))
def test_property_parse_number_returns_a_finite_float_or_none(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, float) and math.isfinite(value))


@settings(max_examples=200, deadline=None)
@given(
    word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=6, max_size=12),
    data=st.data(),
)
def test_property_one_typo_is_forgiven_in_long_answers_only_when_allowed(
    word: str, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(
        st.sampled_from("abcdefghijklmnopqrstuvwxyz").filter(lambda c: c != word[index])
    )
    typo = word[:index] + letter + word[index + 1 :]
    assert grade(short(word), typo) == Grade(1.0, f"Accepted; the usual spelling is '{word}'.")
    assert grade(short(word, allow_typo=False), typo).score == 0.0
    assert grade(short(word), typo + "xx").score == 0.0  # a length two away is never one edit
