"""The text that ``dprk-it-tutor new`` writes: a lesson with every front-matter key and two
example steps, and a quiz with one example of every question type, commented for a teacher.

The placeholders in braces are filled with ``str.format``, so the templates hold no other braces.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml

from dprk_it_tutor.content.quizzes import QUESTION_TYPES
from dprk_it_tutor.terminal_text import printable

EXAMPLE_STEPS = 2  # the lesson template has two steps; quiz examples point at them in turn

# The front matter is built line by line in scaffold.py; these are the comments after each key.
LESSON_KEY_COMMENTS = {
    "id": "progress is kept under it: never change it once in use",
    "title": "shown on the course map and above every step",
    "order": "lessons are shown in increasing order",
    "summary": "shown beside the course map",
    "objectives": "what a learner can do after it; at least one",
    "prerequisites": "ids of lessons to take first, such as [origins]",
    "minutes": "estimated time, 1 to 600",
    "sources": "optional: what it is built from, such as:",
}
LESSON_PLACEHOLDERS = {
    "summary": "Replace this with a sentence or two on what the lesson covers.",
    "objective": "Replace this with something a learner can do after the lesson",
    "minutes": "5",
}
SOURCES_EXAMPLE = ("#  - article: viewpoint", '#    part: "North Korea\'s IT Sector"')

LESSON_BODY = """\
## Replace this with the first step's heading

A step is one screen of the lesson: a heading that starts with two `#` signs and a space, and the
text under it, up to the next such heading. Keep each step to one idea and short enough to read
without scrolling, about 80 to 180 words.

Write ordinary Markdown: **bold** for key terms, and lists whose lines start with `-`. Link a key
term to the glossary as `[Kwangmyong](glossary:kwangmyong)` (shown here as code, so that it is not
a link): the text in brackets is what the learner reads, and after `glossary:` comes the id of a
term in a `glossary.yaml` of the course.

## Replace this with the second step's heading

Every heading of that level starts a new step; add as many as the lesson needs. Only blank lines
may come between the front matter and the first step. A quiz question names the step that teaches
it by its number: this one is `step: 2`.

Replace these instructions with your own text, then check the lesson with `{validate}` and
give it a quiz with `{new_quiz}`.
"""

QUIZ_HEADER = """\
# The quiz of lesson '{lesson_id}', with one example of every question type.
# Rewrite the questions you want, delete the others (keep at least one), then check with:
#   {validate}
{lesson_line}
pass_mark: 70               # percent of the total score needed to pass, 0 to 100
# shuffle: true             # optional: ask the questions in a random order
# shuffle_choices: true     # optional: show the choices of single and multiple in a random order
# draw: 5                   # optional: ask only this many questions, drawn at random
questions:
"""

# One example per question type, keyed by type. tests/content/test_scaffold.py checks that every
# type in quizzes.QUESTION_TYPES has one, so a new type cannot be left out of the template.
QUIZ_EXAMPLES = {
    "single": """\
  # single: the learner picks one choice; it scores 1 or 0.
  - id: {qid}   # unique in the course; progress is kept under it: never change it
    type: single
    prompt: Replace this with a question that has one right answer.
    choices:                # at least two different texts; put numbers in quotes, like "1990"
      - Replace this with the right choice
      - Replace this with a wrong choice
      - Replace this with another wrong choice
    answer: Replace this with the right choice   # one of the choices, written exactly the same
    feedback:               # optional: a message for the learner who picks that choice
      Replace this with a wrong choice: Say why this choice is wrong.
    explanation: Replace this with why the answer is right; it is shown after every answer.
    hint: Replace this with a hint, or delete the line.   # optional: shown on request
    step: {step}                 # optional: the step of the lesson (from 1) that teaches this
    skill: recall           # optional: recall (the default), compare, explain or apply
""",
    "multiple": """\
  # multiple: the learner ticks every correct choice; it scores the share of right ticks minus
  # the share of wrong ticks, never below 0.
  - id: {qid}
    type: multiple
    prompt: Replace this with a question that has several right answers. Tick every one.
    choices:                # at least two different texts
      - Replace this with a right choice
      - Replace this with another right choice
      - Replace this with a wrong choice
    answer:                 # every correct choice, at least one
      - Replace this with a right choice
      - Replace this with another right choice
    feedback:               # optional: shown for each choice the learner ticks
      Replace this with a wrong choice: Say why this choice is wrong.
    explanation: Replace this with why those choices are the right ones.
    step: {step}
    skill: compare
""",
    "true_false": """\
  # true_false: the learner judges a statement True or False; it scores 1 or 0. No choices.
  - id: {qid}
    type: true_false
    prompt: "True or false: replace this with a statement."   # quote a prompt holding ': '
    answer: true            # true or false, without quotes
    feedback:               # optional: a message for the learner who picks true or false
      false: Say why the statement is true after all.
    explanation: Replace this with why the statement is true.
    step: {step}
""",
    "short": """\
  # short: the learner types a word or phrase; it scores 1 or 0. Capitals, extra spaces and
  # punctuation at either end are ignored; punctuation inside counts, so list every form.
  - id: {qid}
    type: short
    prompt: Replace this with a question answered in a word or two.
    answer:                 # one text, or a list of every answer to accept
      - Replace this with the answer
      - Replace this with another spelling to accept
    allow_typo: true        # optional (default true): forgive one slip in answers of 6+ letters
    explanation: Replace this with why that is the answer.
    step: {step}
""",
    "numeric": """\
  # numeric: the learner types a number (1000, 1,000 and 1 000 all work); it scores 1 or 0.
  - id: {qid}
    type: numeric
    prompt: Replace this with a question whose answer is a number.
    answer: 1000            # a number
    tolerance_percent: 10   # optional: right within 10% of the answer; or 'tolerance: 5' for an
                            # amount either side; give at most one, and neither for a year
    unit: people            # optional: shown after the learner's input
    explanation: Replace this with where the number comes from.
    step: {step}
""",
    "ordering": """\
  # ordering: the learner puts items in order; it scores the share of pairs of items placed in
  # the right order. There is no 'answer': the items are written in the correct order.
  - id: {qid}
    type: ordering
    prompt: Replace this with what to order and how, such as earliest first.
    items:                  # 3 to 7 different items, in the CORRECT order
      - Replace this with the first item
      - Replace this with the second item
      - Replace this with the third item
    explanation: Replace this with why that is the order.
    step: {step}
    skill: apply
""",
    "matching": """\
  # matching: the learner pairs each left item with an option; it scores the share of items
  # paired rightly. There is no 'answer': 'pairs' holds the correct matches.
  - id: {qid}
    type: matching
    prompt: Replace this with what to match, such as each firm with its kind.
    pairs:                  # 2 to 8 lines of 'left item: its match'; matches may repeat
      Replace this with the first item: its match
      Replace this with the second item: another match
    distractors:            # optional: more options, which match no item
      - a match that belongs to no item
    explanation: Replace this with why each pair belongs together.
    step: {step}
""",
}


def yaml_scalar(text: str) -> str:
    """``text`` as YAML that reads back as the same text: plain when it can be, else quoted
    (an id such as ``no`` or ``0x1f`` would otherwise be read as a boolean or a number)."""
    try:
        plain = yaml.safe_load(text) == text and not re.search(r"[:#\[\]{},'\"]", text)
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def validate_command(folder: Path) -> str:
    return f"dprk-it-tutor validate {_shell(folder)}"


def quiz_command(folder: Path, lesson_id: str) -> str:
    where = "" if folder == Path() else f" --dir {_shell(folder)}"
    return f"dprk-it-tutor new quiz {lesson_id}{where}"


def _shell(folder: Path) -> str:
    return printable(shlex.quote(str(folder)))  # the text lands in Markdown and YAML comments


def lesson_text(lesson_id: str, title: str, order: int, *, folder: Path = Path()) -> str:
    """A complete lesson file: every front-matter key with a comment, and two example steps."""
    comment, placeholder = LESSON_KEY_COMMENTS, LESSON_PLACEHOLDERS
    rows = [
        (f"id: {yaml_scalar(lesson_id)}", comment["id"]),
        (f"title: {json.dumps(title, ensure_ascii=False)}", comment["title"]),
        (f"order: {order}", comment["order"]),
        (f"summary: {placeholder['summary']}", comment["summary"]),
        ("objectives:", comment["objectives"]),
        (f"  - {placeholder['objective']}", ""),
        ("prerequisites: []", comment["prerequisites"]),
        (f"minutes: {placeholder['minutes']}", comment["minutes"]),
        ("sources:", comment["sources"]),
    ]
    front = [f"{line:<24} # {note}" if note else line for line, note in rows]
    body = LESSON_BODY.format(
        validate=validate_command(folder), new_quiz=quiz_command(folder, lesson_id)
    )
    return "\n".join(["---", *front, *SOURCES_EXAMPLE, "---", "", body])


def quiz_text(lesson_id: str, step_count: int = EXAMPLE_STEPS, *, folder: Path = Path()) -> str:
    """A quiz file with one example of every question type, each pointing at a step in range."""
    steps = max(1, min(EXAMPLE_STEPS, step_count))
    lesson_line = f"{'lesson: ' + yaml_scalar(lesson_id):<27} # the lesson this quiz belongs to"
    header = QUIZ_HEADER.format(
        lesson_id=lesson_id, lesson_line=lesson_line, validate=validate_command(folder)
    )
    examples = [
        QUIZ_EXAMPLES[qtype].format(qid=example_question_id(lesson_id, qtype), step=i % steps + 1)
        for i, qtype in enumerate(QUESTION_TYPES)
    ]
    return "\n".join([header, *examples])


def example_question_id(lesson_id: str, qtype: str) -> str:
    return f"{lesson_id}-example-{qtype.replace('_', '-')}"
