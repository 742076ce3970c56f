"""One small bad course per validation rule, and the exact lines `validate` must print for it.

Each case writes a few files into a course root and lists every diagnostic the course must
produce, in order, as `path:line:col: severity: message`; nothing else may be reported, so a rule
that starts to fire twice, or a second rule that fires on the same mistake, fails here too.
``{root}`` in an expected line stands for the course root.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content.course import load_course

L = "{root}/lessons/origins.md"
Q = "{root}/quizzes/origins.yaml"
G = "{root}/glossary.yaml"
T = "{root}/timeline.yaml"
STEPS = "## One\n\nStep one.\n\n## Two\n\nStep two.\n"


def lesson(
    lesson_id: str = "origins", order: int = 10, *, extra: str = "", body: str = STEPS
) -> str:
    """A valid lesson: ``id:`` on line 2, ``order:`` on line 4 (its value at column 8), ``extra``
    front-matter lines from line 8, and, without extra lines, the step headings on lines 10
    and 14."""
    return (
        f"---\nid: {lesson_id}\ntitle: Lesson {lesson_id}\norder: {order}\nsummary: A summary.\n"
        f"objectives: [Learn]\nminutes: 5\n{extra}---\n\n{body}"
    )


def linked(*term_ids: str) -> str:
    """Two steps; step one (line 12 of a lesson) links each term: the first id at column 23
    when it is ten letters long, as in ``[kwangmyong](glossary:kwangmyong)``."""
    links = " ".join(f"[{term_id}](glossary:{term_id})" for term_id in term_ids)
    return f"## One\n\n{links}\n\n## Two\n\nStep two.\n"


def quiz(qtype: str, *lines: str, lesson: str = "origins", tail: str = "") -> str:
    """A quiz with one question: ``lesson:`` on line 1 (value at column 9), ``questions:`` on
    line 3, the question's ``id: q1`` on line 4, type 5, prompt 6, explanation 7, and ``lines``
    from line 8, indented four spaces (so the value of ``answer: `` starts at column 13).
    ``tail`` holds top-level lines written after the question."""
    head = (
        f"lesson: {lesson}\npass_mark: 70\nquestions:\n  - id: q1\n    type: {qtype}\n"
        "    prompt: Which?\n    explanation: Because.\n"
    )
    return head + "".join(f"    {line}\n" for line in lines) + tail


SINGLE = ("choices: [A, B]", "answer: A")


def term(term_id: str = "kwangmyong", name: str = "Kwangmyong", extra: str = "") -> str:
    """A glossary term, three lines from its ``- id:`` (value at column 9) plus ``extra``."""
    return f"  - id: {term_id}\n    term: {name}\n    definition: A definition.\n{extra}"


def glossary(*terms: str) -> str:
    """``terms:`` on line 1, then the terms: the first one's ``id`` on line 2."""
    return "terms:\n" + "".join(terms)


def event(extra: str = "", lesson: str = "origins", when: str = "2009") -> str:
    """One event: ``when`` on line 2 (value at column 11), ``title: T`` 3, ``lesson`` 4 (value at
    column 13), ``extra`` from line 5 (so the value of ``step: `` starts at column 11)."""
    return f"events:\n  - when: {when}\n    title: T\n    lesson: {lesson}\n{extra}"


def case(rule: str, files: dict[str, str | bytes], *expected: str, also: str = ""):
    """``files`` maps a path under the root to its text; ``also`` names one more path to load."""
    return pytest.param(files, expected, also, id=rule)


CASES = [
    # -- reading any content file -----------------------------------------------------------------
    case(
        "file-too-large",
        {"lessons/origins.md": b"x" * (1024 * 1024 + 1)},
        f"{L}:1:1: error: file is larger than the 1024 KiB limit",
    ),
    case(
        "not-utf8",
        {"lessons/origins.md": b"---\nid: a\xff\n"},
        f"{L}:2:6: error: file is not valid UTF-8 text (is it a binary file?)",
    ),
    case(
        "nul-byte",
        {"lessons/origins.md": "---\nid: a\x00\n"},
        f"{L}:2:6: error: file contains NUL bytes (is it a binary file?)",
    ),
    # -- YAML ----------------------------------------------------------------------------------------
    case(
        "yaml-syntax",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: a\n  pass_mark: 70\n"},
        f"{Q}:2:12: error: invalid YAML: mapping values are not allowed in this context",
    ),
    case(
        "yaml-tab-indent",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "questions:\n\t- id: q1\n"},
        f"{Q}:2:1: error: invalid YAML: tab characters cannot be used for indentation; use spaces",
    ),
    case(
        "yaml-two-documents",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: a\n---\nlesson: b\n"},
        f"{Q}:2:1: error: only one YAML document is allowed here",
    ),
    case(
        "yaml-alias",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: *name\n"},
        f"{Q}:1:9: error: YAML aliases (*name) are not allowed; write the value out in full",
    ),
    case(
        "yaml-anchor",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: &name origins\n"},
        f"{Q}:1:9: error: YAML anchors (&name) are not allowed",
    ),
    case(
        "yaml-object-tag",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: !!python/none x\n"},
        f"{Q}:1:9: error: YAML tag !!python/none is not allowed",
    ),
    case(
        "yaml-too-deep",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "x: " + "[" * 40 + "]" * 40},
        f"{Q}:1:35: error: YAML is nested more than 32 levels deep",
    ),
    case(
        "yaml-key-not-text",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: a\n[a]: b\n"},
        f"{Q}:2:1: error: mapping keys must be plain text",
    ),
    case(
        "yaml-merge-key",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "<<: {lesson: a}\n"},
        f"{Q}:1:1: error: YAML merge keys (<<) are not allowed",
    ),
    case(
        "yaml-duplicate-key",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "lesson: a\nlesson: b\n"},
        f"{Q}:2:1: error: duplicate key 'lesson' (first defined at line 1)",
    ),
    case(
        "yaml-not-a-number",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "pass_mark: !!int seventy\n"},
        f"{Q}:1:12: error: cannot read 'seventy' as a number",
    ),
    # -- a lesson's front matter ----------------------------------------------------------------
    case(
        "no-front-matter",
        {"lessons/origins.md": "# Origins\n"},
        f"{L}:1:1: error: a lesson must begin with a '---' line that opens its YAML front matter",
    ),
    case(
        "front-matter-unterminated",
        {"lessons/origins.md": "---\nid: origins\n\n## One\n"},
        f"{L}:1:1: error: the front matter opened on line 1 is never closed; add a '---' line "
        "after it",
    ),
    case(
        "front-matter-empty",
        {"lessons/origins.md": "---\n---\n" + STEPS},
        f"{L}:2:1: error: the front matter is empty; it needs at least: id, title, order, "
        "summary, objectives, minutes",
    ),
    case(
        "front-matter-not-a-mapping",
        {"lessons/origins.md": "---\n- origins\n---\n" + STEPS},
        f"{L}:2:1: error: the front matter must be a mapping of 'key: value' lines, not a list",
    ),
    case(
        "unknown-key-did-you-mean",
        {"lessons/origins.md": lesson(extra="prerequisits: []\n")},
        f"{L}:8:1: error: unknown key 'prerequisits' in the front matter; did you mean "
        "'prerequisites'?",
    ),
    case(
        "unknown-key-no-close-match",
        {"lessons/origins.md": lesson(extra="colour: red\n")},
        f"{L}:8:1: error: unknown key 'colour' in the front matter; expected one of: id, title, "
        "order, summary, objectives, minutes, prerequisites, sources",
    ),
    case(
        "missing-field",
        {"lessons/origins.md": lesson().replace("summary: A summary.\n", "")},
        f"{L}:2:1: error: the front matter is missing the required key 'summary'",
    ),
    case(
        "wrong-type",
        {"lessons/origins.md": lesson().replace("order: 10", "order: first")},
        f"{L}:4:8: error: 'order' must be a whole number, not text",
    ),
    case(
        "number-out-of-range",
        {"lessons/origins.md": lesson().replace("minutes: 5", "minutes: 0")},
        f"{L}:7:10: error: 'minutes' must be between 1 and 600; got 0",
    ),
    case(
        "bad-id",
        {"lessons/origins.md": lesson("Origins_1")},
        f"{L}:2:5: error: 'id' must be lowercase letters and digits joined by single hyphens, "
        "such as 'firm-types'; got 'Origins_1'",
    ),
    case(
        "empty-text",
        {"lessons/origins.md": lesson().replace("title: Lesson origins", 'title: " "')},
        f"{L}:3:8: error: 'title' is empty; write some text",
    ),
    case(
        "not-a-list",
        {"lessons/origins.md": lesson().replace("objectives: [Learn]", "objectives: Learn")},
        f"{L}:6:13: error: 'objectives' must be a list, not text",
    ),
    case(
        "no-objectives",
        {"lessons/origins.md": lesson().replace("objectives: [Learn]", "objectives: []")},
        f"{L}:6:13: error: 'objectives' needs at least one learning objective",
    ),
    case(
        "sources-not-a-list",
        {"lessons/origins.md": lesson(extra="sources: viewpoint\n")},
        f"{L}:8:10: error: 'sources' must be a list of {{article, part}} entries",
    ),
    case(
        "source-without-article",
        {"lessons/origins.md": lesson(extra="sources:\n  - part: Origins\n")},
        f"{L}:9:5: error: a source is missing the required key 'article'",
    ),
    # -- a lesson's steps -------------------------------------------------------------------------
    case(
        "text-before-the-first-step",
        {"lessons/origins.md": lesson(body="Intro.\n\n" + STEPS)},
        f"{L}:10:1: error: text before the first step; start every step with a '## ' heading",
    ),
    case(
        "no-steps",
        {"lessons/origins.md": lesson(body="")},
        f"{L}:9:1: error: the lesson has no steps; add at least one '## ' section",
    ),
    case(
        "empty-step-heading",
        {"lessons/origins.md": lesson(body="## \n\nStep one.\n")},
        f"{L}:10:4: error: step 1 has an empty heading",
    ),
    case(
        "empty-step",
        {"lessons/origins.md": lesson(body="## One\n\n## Two\n\nStep two.\n")},
        f"{L}:10:1: error: step 1 ('One') is empty",
    ),
    case(
        "long-step",
        {"lessons/origins.md": lesson(body="## One\n\n" + "word " * 251 + "\n")},
        f"{L}:10:1: warning: step 1 ('One') has 251 words; a step over 250 words rarely fits on "
        "one screen, so split it (aim for 80-180)",
    ),
    case(
        "glossary-link-without-a-term-id",
        {"lessons/origins.md": lesson(body="## One\n\nSee [K](glossary:Big_Term).\n")},
        f"{L}:12:18: error: a glossary link needs a term id after 'glossary:' (lowercase letters "
        "and digits joined by single hyphens, such as 'firm-types'); found 'Big_Term'",
    ),
    # -- the lessons together ---------------------------------------------------------------------
    case(
        "duplicate-lesson-id",
        {"lessons/origins.md": lesson(), "lessons/second.md": lesson(order=20)},
        "{root}/lessons/second.md:2:1: error: lesson id 'origins' is already used by "
        "{root}/lessons/origins.md:2",
    ),
    case(
        "unknown-prerequisite",
        {
            "lessons/origins.md": lesson(extra="prerequisites: [history, basic]\n"),
            "lessons/basics.md": lesson("basics", order=5),
        },
        f"{L}:8:17: error: prerequisite 'history' of lesson 'origins' is not a lesson in this "
        "course",
        f"{L}:8:26: error: prerequisite 'basic' of lesson 'origins' is not a lesson in this "
        "course; did you mean 'basics'?",
    ),
    case(
        "prerequisite-that-does-not-load",
        {
            "lessons/origins.md": lesson(extra="prerequisites:\n  - basics\n"),
            "lessons/basics.md": lesson("basics", order=5).replace("minutes: 5", "minutes: 0"),
        },
        "{root}/lessons/basics.md:7:10: error: 'minutes' must be between 1 and 600; got 0",
        f"{L}:9:5: error: prerequisite 'basics' of lesson 'origins' could not be loaded (see its "
        "own errors)",
    ),
    case(
        "self-prerequisite",
        {"lessons/origins.md": lesson(extra="prerequisites: [origins]\n")},
        f"{L}:8:17: error: lesson 'origins' lists itself as a prerequisite",
    ),
    case(
        "prerequisite-cycle",
        {
            "lessons/a.md": lesson("a", 10, extra="prerequisites: [b]\n"),
            "lessons/b.md": lesson("b", 20, extra="prerequisites: [c]\n"),
            "lessons/c.md": lesson("c", 30, extra="prerequisites: [a]\n"),
        },
        "{root}/lessons/c.md:8:17: error: prerequisites form a cycle: a -> b -> c -> a; each "
        "lesson needs the next, so none of them can be taken first",
    ),
    case(
        "prerequisite-listed-twice",
        {
            "lessons/origins.md": lesson(extra="prerequisites: [basics, basics]\n"),
            "lessons/basics.md": lesson("basics", order=5),
        },
        f"{L}:8:25: warning: prerequisite 'basics' is listed twice",
    ),
    case(
        "prerequisite-taught-later",
        {
            "lessons/origins.md": lesson(extra="prerequisites: [later]\n"),
            "lessons/later.md": lesson("later", order=20),
        },
        f"{L}:8:17: warning: prerequisite 'later' is taught after lesson 'origins' (its order is "
        "20, this lesson's is 10); give 'later' a smaller order or drop the prerequisite",
    ),
    case(
        "shared-order",
        {"lessons/origins.md": lesson(), "lessons/basics.md": lesson("basics", order=10)},
        f"{L}:4:8: warning: lesson 'origins' has order 10, the same as lesson 'basics' "
        "({root}/lessons/basics.md:4); lessons with the same order are taught in id order, so "
        "give each its own",
    ),
    # -- a quiz file --------------------------------------------------------------------------------
    case(
        "quiz-not-a-mapping",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": "- origins\n"},
        f"{Q}:1:1: error: a quiz file must be a mapping of 'key: value' lines, not a list",
    ),
    case(
        "quiz-unknown-key",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, tail="pass: 70\n"),
        },
        f"{Q}:10:1: error: unknown key 'pass' in a quiz file; did you mean 'pass_mark'?",
    ),
    case(
        "quiz-missing-key",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": "lesson: origins\npass_mark: 70\n",
        },
        f"{Q}:1:1: error: a quiz file is missing the required key 'questions'",
    ),
    case(
        "no-questions",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": "lesson: origins\npass_mark: 70\nquestions: []\n",
        },
        f"{Q}:3:12: error: 'questions' is empty; add at least one question",
    ),
    case(
        "questions-not-a-list",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": "lesson: origins\npass_mark: 70\nquestions: q1\n",
        },
        f"{Q}:3:12: error: 'questions' must be a list of questions, not text",
    ),
    case(
        "pass-mark-out-of-range",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE).replace(
                "pass_mark: 70", "pass_mark: 101"
            ),
        },
        f"{Q}:2:12: error: 'pass_mark' must be between 0 and 100; got 101",
    ),
    case(
        "draw-more-than-written",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, tail="draw: 2\n"),
        },
        f"{Q}:10:7: error: 'draw' must be between 1 and 1 (the number of questions); got 2",
    ),
    case(
        "draw-not-a-number",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, tail="draw: all\n"),
        },
        f"{Q}:10:7: error: 'draw' must be a whole number, not text",
    ),
    case(
        "boolean-in-quotes",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, tail='shuffle: "yes"\n'),
        },
        f"{Q}:10:10: error: 'shuffle' must be true or false written without quotes; got the "
        "text 'yes'",
    ),
    case(
        "boolean-wrong-type",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, tail="shuffle_choices: 1\n"),
        },
        f"{Q}:10:18: error: 'shuffle_choices' must be true or false, not a number",
    ),
    case(
        "question-not-a-mapping",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": "lesson: origins\npass_mark: 70\nquestions: [q1]\n",
        },
        f"{Q}:3:13: error: question 1 must be a mapping of 'key: value' lines, not text",
    ),
    case(
        "question-missing-key",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("single", "choices: [A, B]")},
        f"{Q}:4:5: error: question 1 is missing the required key 'answer'",
    ),
    case(
        "question-unknown-key",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "hnt: Think."),
        },
        f"{Q}:10:5: error: unknown key 'hnt' in question 1; did you mean 'hint'?",
    ),
    case(
        "key-of-another-question-type",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "unit: km"),
        },
        f"{Q}:10:5: error: 'unit' is not used in a single question; only numeric questions have it",
    ),
    case(
        "answer-in-an-ordering-question",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("ordering", "items: [A, B, C]", "answer: A"),
        },
        f"{Q}:9:5: error: an ordering question has no 'answer'; list the items in their correct "
        "order under 'items'",
    ),
    case(
        "unknown-question-type",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("singel", *SINGLE)},
        f"{Q}:5:11: error: unknown question type 'singel'; did you mean 'single'?",
    ),
    case(
        "unknown-skill",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "skill: recal"),
        },
        f"{Q}:10:12: error: unknown skill 'recal'; did you mean 'recall'?",
    ),
    case(
        "question-id-twice-in-a-quiz",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz(
                "true_false",
                "answer: true",
                tail="  - id: q1\n    type: true_false\n    prompt: Again?\n"
                "    explanation: Because.\n    answer: false\n",
            ),
        },
        f"{Q}:9:9: error: question id 'q1' is already used on line 4",
    ),
    case(
        "question-step-out-of-range",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "step: 3"),
        },
        f"{Q}:10:11: error: question 'q1' points to step 3, but lesson 'origins' has 2 step(s)",
    ),
    # -- single and multiple choice ---------------------------------------------------------------
    case(
        "too-few-choices",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", "choices: [A]", "answer: A"),
        },
        f"{Q}:8:14: error: a choice question needs at least two choices",
    ),
    case(
        "choice-listed-twice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", "choices: [A, B, A]", "answer: A"),
        },
        f"{Q}:8:21: error: choice 'A' is listed twice",
    ),
    case(
        "single-answer-not-a-choice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", "choices: [A, B]", "answer: C"),
        },
        f"{Q}:9:13: error: the answer 'C' is not one of the choices",
    ),
    case(
        "feedback-not-a-mapping",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "feedback: Good."),
        },
        f"{Q}:10:15: error: 'feedback' must map choice text to a message",
    ),
    case(
        "feedback-key-not-a-choice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "feedback: {C: No.}"),
        },
        f"{Q}:10:16: error: feedback is given for 'C', which is not a choice",
    ),
    case(
        "multiple-answer-not-a-list",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("multiple", "choices: [A, B]", "answer: A"),
        },
        f"{Q}:9:13: error: 'answer' of a multiple question must be a list of every correct "
        "choice, such as [A, C], not text",
    ),
    case(
        "multiple-answer-empty",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("multiple", "choices: [A, B]", "answer: []"),
        },
        f"{Q}:9:13: error: 'answer' must list at least one correct choice",
    ),
    case(
        "multiple-answer-not-a-choice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("multiple", "choices: [A, B]", "answer: [A, C]"),
        },
        f"{Q}:9:17: error: the answer 'C' is not one of the choices",
    ),
    case(
        "multiple-answer-twice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("multiple", "choices: [A, B]", "answer: [A, A]"),
        },
        f"{Q}:9:17: error: the answer 'A' is listed twice",
    ),
    # -- true or false ------------------------------------------------------------------------------
    case(
        "true-false-answer-in-quotes",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("true_false", 'answer: "false"'),
        },
        f"{Q}:8:13: error: 'answer' must be true or false written without quotes; got the text "
        "'false'",
    ),
    case(
        "true-false-answer-wrong-type",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("true_false", "answer: 1")},
        f"{Q}:8:13: error: 'answer' of a true_false question must be true or false, not a number",
    ),
    case(
        "true-false-feedback-not-a-mapping",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("true_false", "answer: true", "feedback: Yes."),
        },
        f"{Q}:9:15: error: 'feedback' must map true and false to a message",
    ),
    case(
        "true-false-feedback-key",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("true_false", "answer: true", "feedback: {maybe: No.}"),
        },
        f"{Q}:9:16: error: feedback is given for 'maybe'; a true_false question's feedback keys "
        "are true and false",
    ),
    case(
        "true-false-feedback-twice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz(
                "true_false", "answer: true", 'feedback: {true: A., "True": B.}'
            ),
        },
        f"{Q}:9:26: error: feedback for true is given twice",
    ),
    # -- short answer -------------------------------------------------------------------------------
    case(
        "short-answer-wrong-type",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("short", "answer: {a: b}")},
        f"{Q}:8:13: error: 'answer' of a short question must be text or a list of accepted "
        "texts, not a mapping",
    ),
    case(
        "short-answer-read-as-true-false",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("short", "answer: yes")},
        f"{Q}:8:13: error: 'answer' of a short question must be text or a list of accepted "
        "texts, not true/false; YAML reads yes/no/true/false as true/false, so put the answer "
        "in quotes",
    ),
    case(
        "short-answer-list-empty",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("short", "answer: []")},
        f"{Q}:8:13: error: 'answer' must list at least one accepted answer",
    ),
    case(
        "short-answer-item-read-as-true-false",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("short", "answer: [Red, no]"),
        },
        f"{Q}:8:19: error: YAML reads yes/no/true/false as true/false; put this answer in quotes",
    ),
    case(
        "short-answer-only-punctuation",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("short", 'answer: "..."')},
        f"{Q}:8:13: error: the accepted answer '...' has nothing left to compare once spaces and "
        "punctuation around it are ignored",
    ),
    case(
        "short-answers-the-same",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("short", "answer: [Red Star, red star.]"),
        },
        f"{Q}:8:24: error: the accepted answer 'red star.' is the same as 'Red Star' once case, "
        "spacing and punctuation are ignored",
    ),
    # -- numeric ------------------------------------------------------------------------------------
    case(
        "numeric-answer-unreadable",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("numeric", "answer: about ten"),
        },
        f"{Q}:8:13: error: cannot read 'about ten' as a number; write it like 1990, 1000, 1,000 "
        "or 2.5",
    ),
    case(
        "numeric-answer-not-finite",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("numeric", "answer: .inf")},
        f"{Q}:8:13: error: 'answer' must be a finite number; got inf",
    ),
    case(
        "numeric-tolerance-negative",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("numeric", "answer: 10", "tolerance: -1"),
        },
        f"{Q}:9:16: error: 'tolerance' must be 0 or more; got -1",
    ),
    case(
        "numeric-tolerance-not-a-number",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("numeric", "answer: 10", "tolerance: some"),
        },
        f"{Q}:9:16: error: 'tolerance' must be a number, not text",
    ),
    case(
        "numeric-both-tolerances",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz(
                "numeric", "answer: 10", "tolerance: 1", "tolerance_percent: 5"
            ),
        },
        f"{Q}:10:5: error: give either 'tolerance' or 'tolerance_percent', not both",
    ),
    # -- ordering -----------------------------------------------------------------------------------
    case(
        "ordering-too-few-items",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("ordering", "items: [A, B]")},
        f"{Q}:8:12: error: an ordering question needs 3 to 7 items; got 2",
    ),
    case(
        "ordering-item-twice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("ordering", "items: [A, B, A]"),
        },
        f"{Q}:8:19: error: item 'A' is listed twice",
    ),
    # -- matching -----------------------------------------------------------------------------------
    case(
        "matching-pairs-not-a-mapping",
        {"lessons/origins.md": lesson(), "quizzes/origins.yaml": quiz("matching", "pairs: [A, B]")},
        f"{Q}:8:12: error: 'pairs' must map each left-hand item to its match, one 'item: match' "
        "line each, not a list",
    ),
    case(
        "matching-too-few-pairs",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", "pairs: {A: x}", "distractors: [y]"),
        },
        f"{Q}:8:12: error: a matching question needs 2 to 8 pairs; got 1",
    ),
    case(
        "matching-item-read-as-true-false",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", "pairs: {yes: x, B: y}"),
        },
        f"{Q}:8:13: error: YAML reads yes/no/on/off/true/false as true/false; put this item in "
        "quotes",
    ),
    case(
        "matching-blank-item",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", 'pairs: {" ": x, B: y}'),
        },
        f"{Q}:8:13: error: a left-hand item must not be blank",
    ),
    case(
        "matching-item-twice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", 'pairs: {A: x, "A ": y}'),
        },
        f"{Q}:8:19: error: item 'A' is listed twice",
    ),
    case(
        "matching-distractor-is-a-match",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", "pairs: {A: x, B: y}", "distractors: [x]"),
        },
        f"{Q}:9:19: error: distractor 'x' is already the match of 'A'; a distractor must match "
        "nothing",
    ),
    case(
        "matching-distractor-twice",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", "pairs: {A: x, B: y}", "distractors: [z, z]"),
        },
        f"{Q}:9:22: error: distractor 'z' is listed twice",
    ),
    case(
        "matching-nothing-to-choose",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("matching", "pairs: {A: x, B: x}"),
        },
        f"{Q}:8:12: error: every item has the same match, so there is nothing to choose between; "
        "add a pair with another match or a 'distractors' list",
    ),
    # -- quizzes and the lessons they belong to ---------------------------------------------------
    case(
        "quiz-for-a-missing-lesson",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE, lesson="origin"),
        },
        f"{Q}:1:9: error: this quiz is for lesson 'origin', which does not exist; did you mean "
        "'origins'?",
    ),
    case(
        "quiz-for-a-lesson-that-does-not-load",
        {
            "lessons/origins.md": lesson().replace("order: 10", "order: -1"),
            "quizzes/origins.yaml": quiz("single", *SINGLE),
        },
        f"{L}:4:8: error: 'order' must be between 0 and 1000000; got -1",
        f"{Q}:1:9: error: this quiz is for lesson 'origins', which could not be loaded (see its "
        "own errors)",
    ),
    case(
        "second-quiz-for-a-lesson",
        {
            "lessons/origins.md": lesson(),
            "quizzes/origins.yaml": quiz("single", *SINGLE),
            "quizzes/other.yaml": quiz("single", *SINGLE).replace("id: q1", "id: q2"),
        },
        "{root}/quizzes/other.yaml:1:9: error: lesson 'origins' already has a quiz: "
        "{root}/quizzes/origins.yaml",
    ),
    case(
        "question-id-in-two-quizzes",
        {
            "lessons/origins.md": lesson(),
            "lessons/basics.md": lesson("basics", order=5),
            "quizzes/basics.yaml": quiz("single", *SINGLE, lesson="basics"),
            "quizzes/origins.yaml": quiz("single", *SINGLE),
        },
        f"{Q}:4:5: error: question id 'q1' is also used in {{root}}/quizzes/basics.yaml; progress "
        "is keyed by question id, so ids must be unique in a course",
    ),
    # -- the glossary ---------------------------------------------------------------------------------
    case(
        "glossary-not-a-mapping",
        {"lessons/origins.md": lesson(), "glossary.yaml": "- kwangmyong\n"},
        f"{G}:1:1: error: a glossary file must be a mapping of 'key: value' lines, not a list",
    ),
    case(
        "glossary-term-missing-key",
        {
            "lessons/origins.md": lesson(),
            "glossary.yaml": glossary(term().replace("    definition: A definition.\n", "")),
        },
        f"{G}:2:5: error: a term is missing the required key 'definition'",
    ),
    case(
        "glossary-term-id-twice",
        {
            "lessons/origins.md": lesson(),
            "glossary.yaml": glossary(term(), term(name="Intranet")),
        },
        f"{G}:5:9: error: term id 'kwangmyong' is already used on line 2",
    ),
    case(
        "glossary-name-twice",
        {
            "lessons/origins.md": lesson(),
            "glossary.yaml": glossary(
                term(), term("intranet", "Intranet", "    aliases: [kwangmyong]\n")
            ),
        },
        f"{G}:8:15: error: 'kwangmyong' is already defined as term 'kwangmyong' on line 2; each "
        "name or alias may belong to only one term",
    ),
    case(
        "glossary-term-in-two-glossaries",
        {
            "lessons/origins.md": lesson(body=linked("kwangmyong")),
            "glossary.yaml": glossary(term()),
            "pack/glossary.yaml": glossary(term()),
        },
        "{root}/pack/glossary.yaml:2:5: error: term 'Kwangmyong' (kwangmyong) is already defined "
        "in {root}/glossary.yaml:2; define each term once",
        also="pack",
    ),
    case(
        "link-to-an-undefined-term",
        {"lessons/origins.md": lesson(body=linked("kwangmyng")), "glossary.yaml": glossary(term())},
        f"{G}:2:5: warning: term 'kwangmyong' is not linked from any lesson; link it as "
        "[Kwangmyong](glossary:kwangmyong) where a lesson uses it",
        f"{L}:12:22: error: link to term 'kwangmyng', which is not in the glossary; did you mean "
        "'kwangmyong'?",
    ),
    case(
        "link-while-the-glossary-does-not-load",
        {"lessons/origins.md": lesson(body=linked("kwangmyong")), "glossary.yaml": "terms: []\n"},
        f"{G}:1:8: error: 'terms' is empty; add at least one term",
        f"{L}:12:23: error: link to term 'kwangmyong', which is not in the glossary (the glossary "
        "has errors; see them)",
    ),
    case(
        "glossary-see-an-undefined-term",
        {
            "lessons/origins.md": lesson(body=linked("kwangmyong")),
            "glossary.yaml": glossary(term(extra="    see: [kwangmyng]\n")),
        },
        f"{G}:2:5: error: term 'kwangmyong' lists 'kwangmyng' under 'see', which is not in the "
        "glossary; did you mean 'kwangmyong'?",
    ),
    case(
        "glossary-term-never-linked",
        {"lessons/origins.md": lesson(), "glossary.yaml": glossary(term())},
        f"{G}:2:5: warning: term 'kwangmyong' is not linked from any lesson; link it as "
        "[Kwangmyong](glossary:kwangmyong) where a lesson uses it",
    ),
    # -- the timeline -------------------------------------------------------------------------------
    case(
        "timeline-date-unreadable",
        {"lessons/origins.md": lesson(), "timeline.yaml": event(when="2012/10")},
        f"{T}:2:11: error: 'when' must be a year (2009), a decade (1980s), a month (2012-10) or "
        "a day (2013-03-16); got '2012/10'",
    ),
    case(
        "timeline-decade",
        {"lessons/origins.md": lesson(), "timeline.yaml": event(when="1985s")},
        f"{T}:2:11: error: a decade starts at a year ending in 0, such as 1980s",
    ),
    case(
        "timeline-month",
        {"lessons/origins.md": lesson(), "timeline.yaml": event(when="2012-13")},
        f"{T}:2:11: error: there is no month 13; months run from 01 to 12",
    ),
    case(
        "timeline-day",
        {"lessons/origins.md": lesson(), "timeline.yaml": event(when="2013-02-29")},
        f"{T}:2:11: error: there is no day 29 in February 2013",
    ),
    case(
        "timeline-approximate-not-true-or-false",
        {"lessons/origins.md": lesson(), "timeline.yaml": event("    approximate: maybe\n")},
        f"{T}:5:18: error: 'approximate' must be true or false",
    ),
    case(
        "timeline-missing-lesson",
        {"lessons/origins.md": lesson(), "timeline.yaml": event(lesson="origin")},
        f"{T}:4:13: error: event 'T' is taught in lesson 'origin', which is not a lesson in this "
        "course; did you mean 'origins'?",
    ),
    case(
        "timeline-step-out-of-range",
        {"lessons/origins.md": lesson(), "timeline.yaml": event("    step: 3\n")},
        f"{T}:5:11: error: event 'T' points to step 3, but lesson 'origins' has 2 step(s)",
    ),
    # -- what is asked to be checked --------------------------------------------------------------
    case(
        "folder-without-content",
        {},
        "{root}:1:1: error: no lesson (.md) or quiz (.yaml) files in this folder",
    ),
    case(
        "path-that-does-not-exist",
        {"lessons/origins.md": lesson()},
        "{root}/nowhere:1:1: error: no such lesson (.md) or quiz (.yaml) file or folder",
        also="nowhere",
    ),
]


def write_course(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize(("files", "expected", "also"), CASES)
def test_each_rule_reports_exactly_its_problem_at_its_place(
    root: Path, files: dict[str, str | bytes], expected: tuple[str, ...], also: str
) -> None:
    write_course(root, files)
    paths = [root, root / also] if also else [root]
    reported = [str(d) for d in load_course(paths).diagnostics]
    assert reported == [line.replace("{root}", str(root)) for line in expected]


def test_the_helpers_write_a_course_with_no_problems(root: Path) -> None:
    """Every case above changes one thing in files like these, so these must be clean."""
    write_course(
        root,
        {
            "lessons/origins.md": lesson(body=linked("kwangmyong")),
            "lessons/basics.md": lesson("basics", order=5),
            "lessons/later.md": lesson("later", order=20, extra="prerequisites: [origins]\n"),
            "quizzes/origins.yaml": quiz("single", *SINGLE, "step: 2"),
            "glossary.yaml": glossary(term()),
            "timeline.yaml": event("    step: 2\n"),
        },
    )
    course = load_course([root])
    assert course.diagnostics == ()
    assert [lesson.id for lesson in course.lessons] == ["basics", "origins", "later"]
    assert len(course.quizzes) == len(course.glossary) == len(course.timeline) == 1


def test_a_step_of_exactly_the_word_limit_is_not_long(root: Path) -> None:
    write_course(root, {"lessons/origins.md": lesson(body="## One\n\n" + "word " * 250 + "\n")})
    assert load_course([root]).diagnostics == ()


def test_markdown_marks_are_not_counted_as_words(root: Path) -> None:
    body = "## One\n\n" + "- word |\n" * 200 + "**bold** ---\n" * 25 + "\n"
    write_course(root, {"lessons/origins.md": lesson(body=body)})
    assert load_course([root]).diagnostics == ()  # 225 words; the marks would make it 650


def test_a_cycle_is_reported_once_however_many_ways_lead_into_it(root: Path) -> None:
    write_course(
        root,
        {
            "lessons/a.md": lesson("a", 10, extra="prerequisites: [b]\n"),
            "lessons/b.md": lesson("b", 20, extra="prerequisites: [c]\n"),
            "lessons/c.md": lesson("c", 30, extra="prerequisites: [a, a]\n"),
            "lessons/d.md": lesson("d", 40, extra="prerequisites: [c, a]\n"),
        },
    )
    assert [str(d) for d in load_course([root]).diagnostics] == [
        f"{root}/lessons/c.md:8:17: error: prerequisites form a cycle: a -> b -> c -> a; each "
        "lesson needs the next, so none of them can be taken first",
        f"{root}/lessons/c.md:8:20: warning: prerequisite 'a' is listed twice",
    ]  # and a -> b, which points forward, is not also warned about: the cycle says it all


def test_separate_cycles_are_each_reported(root: Path) -> None:
    write_course(
        root,
        {
            "lessons/a.md": lesson("a", 10, extra="prerequisites: [b]\n"),
            "lessons/b.md": lesson("b", 20, extra="prerequisites: [a]\n"),
            "lessons/c.md": lesson("c", 30, extra="prerequisites: [a, d]\n"),
            "lessons/d.md": lesson("d", 40, extra="prerequisites: [c]\n"),
        },
    )
    cycles = [d.message.split(";")[0] for d in load_course([root]).errors]
    assert cycles == [
        "prerequisites form a cycle: a -> b -> a",
        "prerequisites form a cycle: c -> d -> c",
    ]
