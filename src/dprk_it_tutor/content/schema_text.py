"""What an editor shows a teacher on hover: one description per key of every content file.

Keyed by the key's name, with "." for the mapping itself. Plain ASCII, so that the schema prints
the same on every terminal. Limits that come from the loaders are added by schema.py rather than
written here, so that they cannot disagree.
"""

from __future__ import annotations

LESSON_TEXT = {
    ".": "The front matter of a lesson: the YAML between the '---' line that starts the file "
    "and the next '---' line. After it, every '## ' heading starts a step.",
    "id": "The lesson's id. Quizzes, prerequisites and the timeline refer to the lesson by it, "
    "and learners' progress is kept under it, so never change it once learners have started.",
    "title": "The lesson's title, shown on the course map and above every step.",
    "order": "Where the lesson comes in the course: lessons are shown in increasing order. "
    "Numbering in tens (10, 20, 30) leaves room to put a lesson between two others.",
    "summary": "One or two sentences saying what the lesson covers, shown beside the course map.",
    "objectives": "What the learner will be able to do after the lesson: a list of at least "
    "one learning objective.",
    "minutes": "About how many minutes the lesson takes.",
    "prerequisites": "The ids of lessons to take before this one (optional).",
    "sources": "Which article, and which part of it, the lesson is built from (optional).",
}

SOURCE_TEXT = {
    ".": "One source of the lesson: an article and, optionally, the part of it used.",
    "article": "The article, by the short name the course uses for it, such as 'viewpoint'.",
    "part": "The part of the article, such as a section heading (optional).",
}

QUIZ_TEXT = {
    ".": "A quiz, quizzes/<lesson-id>.yaml: the lesson it belongs to, its pass mark and its "
    "questions.",
    "lesson": "The id of the lesson this quiz belongs to.",
    "pass_mark": "The percent of the total score needed to pass, a whole number.",
    "questions": "The questions, at least one. Every question has an id, a type, a prompt and "
    "an explanation; the other keys depend on its type.",
    "shuffle": "true to ask the questions in a random order; false (the default) asks them "
    "as written.",
    "shuffle_choices": "true to show the choices of single and multiple questions in a random "
    "order; false (the default) shows them as written.",
    "draw": "Ask only this many questions, drawn at random, so that a retake can ask different "
    "ones: a whole number from 1 to the number of questions (optional).",
}

QUESTION_TEXT = {
    ".": "One question. Its 'type' decides which other keys it has.",
    "id": "The question's id, unique in the whole course. Learners' progress is kept under it: "
    "never change it once learners have started, and give a question a new id when you rewrite "
    "it so that old answers no longer make sense.",
    "type": "What kind of question: single (pick one choice), multiple (tick every correct "
    "choice), true_false (judge a statement), short (type a word or phrase), numeric (type a "
    "number), ordering (put items in order) or matching (pair items with options).",
    "prompt": "The question as the learner reads it. Put it in quotes if it contains ': '.",
    "explanation": "Shown after the learner answers, right or wrong: why the answer is what it is.",
    "hint": "A nudge the learner can ask for before answering (optional).",
    "step": "The step of the lesson that teaches this (the first '## ' section is step 1); "
    "the feedback after an answer names it (optional).",
    "skill": "What the question asks of the learner: recall (remember a fact; the default), "
    "compare (set two things side by side), explain (say why) or apply (use what was taught on "
    "a new case).",
}

TYPE_TEXT = {
    "single": "A single question: the learner picks one choice; scores 1 or 0.",
    "multiple": "A multiple question: the learner ticks any number of choices; scores the share "
    "of right ticks minus the share of wrong ticks, at least 0.",
    "true_false": "A true_false question: the learner judges a statement True or False; there "
    "are no choices.",
    "short": "A short question: the learner types a word or phrase, compared without regard to "
    "case, spacing or punctuation at either end.",
    "numeric": "A numeric question: the learner types a number, right within the tolerance.",
    "ordering": "An ordering question: the learner puts the items in order; scores the share of "
    "pairs of items in the right order. There is no 'answer': 'items' is written in the correct "
    "order.",
    "matching": "A matching question: the learner pairs each left-hand item with an option; "
    "scores the share of items matched rightly. There is no 'answer': 'pairs' holds the correct "
    "matches.",
}

# Keyed by question type, then by key: 'answer' means something different in every type.
TYPE_KEY_TEXT = {
    "choices": "The choices shown to the learner: at least %d different texts. Put numbers and "
    'years in quotes ("1990") so that they stay text.',
    "single.answer": "The correct choice: exactly one of 'choices', the same text including "
    "capitals.",
    "multiple.answer": "Every correct choice, as a list such as [A, C]: at least one, each one "
    "of 'choices'.",
    "choice.feedback": "A message for particular choices (optional): each key is one of "
    "'choices' and its value is shown when the learner picks (or ticks) it.",
    "true_false.answer": 'true or false, written without quotes ("false" in quotes is text).',
    "true_false.feedback": "A message for each side (optional): keys true and false.",
    "true_false.feedback.true": "Shown when the learner answers True.",
    "true_false.feedback.false": "Shown when the learner answers False.",
    "short.answer": "The accepted answer, or a list of every accepted answer. Put yes, no, on, "
    "off, true and false in quotes, as YAML otherwise reads them as true or false.",
    "allow_typo": "true (the default) forgives one slip (a wrong, missing or extra letter, or "
    "two neighbours swapped) in answers of 6 or more letters; false wants the exact text.",
    "numeric.answer": 'The number, such as 10000; text such as "10,000" or "2.5" in quotes '
    "is also read as a number.",
    "tolerance": "How far off an answer may be and still be right, as an amount: 2 accepts 1988 "
    "to 1992 for 1990. 0 or more; give this or tolerance_percent, not both (optional).",
    "tolerance_percent": "How far off an answer may be and still be right, as a percent of the "
    "answer. 0 or more; give this or tolerance, not both (optional).",
    "unit": "Shown after the learner's input, such as 'professionals' (optional).",
    "items": "The items, in the CORRECT order: %d to %d different texts. The learner sees them "
    "shuffled.",
    "pairs": "The correct matches, one 'left-hand item: its match' line each, %d to %d lines. "
    "Matches may repeat; the options shown are every different match, then the distractors.",
    "distractors": "Extra options that match no item (optional).",
}

GLOSSARY_TEXT = {
    ".": "The glossary: the key terms that lessons link to with [Text](glossary:id).",
    "terms": "The terms, at least one, in any order; the glossary screen sorts them.",
}

TERM_TEXT = {
    ".": "One glossary term.",
    "id": "The term's id: what a lesson links to, as in [Kwangmyong](glossary:kwangmyong).",
    "term": "The name shown and searched. Each name and alias belongs to one term only.",
    "definition": "One or two sentences: what the term is and what the articles said about it.",
    "aliases": "Other names a learner might search for (optional).",
    "see": "The ids of related terms, shown as links (optional).",
}

TIMELINE_TEXT = {
    ".": "The timeline: every dated event the course teaches.",
    "events": "The events, at least one, in any order; the timeline screen sorts them by date.",
}

EVENT_TEXT = {
    ".": "One dated event, tied to the lesson that teaches it.",
    "when": "The date: %s.",
    "title": "What happened, in a few words.",
    "lesson": "The id of the lesson that teaches this event.",
    "approximate": "true when the source is vague: the date is shown as 'about ...' (optional).",
    "detail": "One or two sentences shown under the table (optional).",
    "step": "The step of the lesson that teaches it (the first '## ' section is step 1); "
    "choosing the event opens that step (optional).",
}

COURSE_TEXT = {
    ".": "A content pack's course.yaml: its name, title, description and parts.",
    "title": "The pack's title, shown in the app's header when the pack is opened on its own.",
    "name": "A short label (at most %d characters) shown beside each of the pack's lessons in "
    "'list' and on the course map. Without it, the pack's folder name is used.",
    "description": "A sentence or two about the pack.",
    "parts": "The pack's lessons, part by part, in teaching order. A lesson listed in no part "
    "is taught after the parts.",
}

PART_TEXT = {
    ".": "One part of the pack: a title and its lessons in teaching order.",
    "title": "The part's title, shown in a lesson's details.",
    "lessons": "The ids of the part's lessons, in the order they are taught; each lesson of the "
    "pack belongs to one part only.",
}
