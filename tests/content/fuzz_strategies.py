"""Hypothesis strategies for fuzzing the content loaders (see test_fuzz_loaders.py).

From blind to structure-aware: arbitrary bytes and text; YAML-like documents (any nesting of
null, booleans, huge integers, nan/inf, text, lists and mappings) whose keys are often the real
ones; the shipped files with a slice or a value replaced; and quizzes whose questions are valid
apart from a few fields given values of the wrong type or shape.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from dprk_it_tutor.content.glossary import GLOSSARY_KEYS, TERM_KEYS, TERM_OPTIONAL
from dprk_it_tutor.content.lessons import OPTIONAL, REQUIRED, SOURCE_KEYS, SOURCE_OPTIONAL
from dprk_it_tutor.content.packs import MANIFEST_KEYS, MANIFEST_OPTIONAL, PART_KEYS
from dprk_it_tutor.content.quizzes import (
    COMMON_OPTIONAL,
    COMMON_REQUIRED,
    QUESTION_TYPES,
    QUIZ_KEYS,
    QUIZ_OPTIONAL,
)
from dprk_it_tutor.content.timeline import EVENT_KEYS, EVENT_OPTIONAL, TIMELINE_KEYS
from dprk_it_tutor.paths import builtin_course_dir

COURSE = builtin_course_dir()
SHIPPED_LESSONS = sorted((COURSE / "lessons").glob("*.md"))
SHIPPED_QUIZZES = sorted((COURSE / "quizzes").glob("*.yaml"))
SHIPPED_REFERENCE = [COURSE / name for name in ("glossary.yaml", "timeline.yaml", "course.yaml")]

QUESTION_KEYS = tuple(
    dict.fromkeys(
        [
            *COMMON_REQUIRED,
            *COMMON_OPTIONAL,
            *(k for t in QUESTION_TYPES.values() for k in t.all_keys),
        ]
    )
)
CONTENT_KEYS = tuple(
    dict.fromkeys(
        [
            *REQUIRED, *OPTIONAL, *SOURCE_KEYS, *SOURCE_OPTIONAL, *QUIZ_KEYS, *QUIZ_OPTIONAL,
            *QUESTION_KEYS, *QUESTION_TYPES, *GLOSSARY_KEYS, *TERM_KEYS, *TERM_OPTIONAL,
            *TIMELINE_KEYS, *EVENT_KEYS, *EVENT_OPTIONAL, *MANIFEST_KEYS, *MANIFEST_OPTIONAL,
            *PART_KEYS, "True", "false", "yes",
        ]
    )
)  # fmt: skip

# Characters that mean something to YAML or Markdown; a run of one of them is the classic way
# to make a backtracking regular expression or a naive scanner take quadratic time.
SYNTAX = "[]()`~#*_-:{},'\"\\|>!&%@ \t\n"

# -- text ---------------------------------------------------------------------------------------

# Any character but surrogates (which cannot be written as UTF-8), with the awkward ones
# (controls, BOM, line and paragraph separators, bidi overrides) made common.
AWKWARD = "\x00\x01\x07\x08\t\x0b\x0c\r\x1b\x1c\x7f\x85\xa0\ufeff\u2028\u2029\u202e\U0001f600"
any_char = st.characters(codec="utf-8") | st.sampled_from(AWKWARD + SYNTAX)
fuzz_text = st.text(any_char, max_size=60)
# Text that is valid inside a YAML document (no NUL, no other C0 controls but tab and newline).
yaml_safe_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from(SYNTAX),
    max_size=40,
)


@st.composite
def amplified(draw: st.DrawFn) -> str:
    """A short run of syntax characters repeated thousands of times: slow parsing shows up as a
    missed deadline rather than only on someone's 1 MB file."""
    chunk = draw(st.text(st.sampled_from(SYNTAX + "ab1"), min_size=1, max_size=3))
    return chunk * draw(st.integers(1_000, 40_000))


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def with_line_endings(text: str, ending: str) -> str:
    return text.replace("\n", ending)


any_bytes = st.binary(max_size=400)
any_text = fuzz_text | st.builds(
    lambda bom, text, ending: bom + with_line_endings(text, ending),
    st.sampled_from(["", "\ufeff"]),
    st.text(any_char, max_size=300),
    st.sampled_from(["\n", "\r\n", "\r"]),
)

# -- YAML-like documents ------------------------------------------------------------------------

# Past float range and past str()'s 4300 digits; and big but still readable.
huge_int = st.integers(min_value=10**300, max_value=10**4000) | st.integers(
    max_value=-(10**300), min_value=-(10**4000)
)
big_int = st.integers(min_value=10**15, max_value=10**99) | st.integers(-(10**99), -(10**15))
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | huge_int
    | big_int
    | st.floats()  # includes nan and both infinities
    | yaml_safe_text
    | st.sampled_from(["", " ", "true", "yes", "1,000", "0x1f", "1_000", "2012-10-01", "~"])
)
keys = st.sampled_from(CONTENT_KEYS) | yaml_safe_text | st.integers() | st.booleans() | st.floats()
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


def dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=1000)


def flow(value: Any) -> str:
    """``value`` as one line of YAML (a flow collection or a scalar)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**9)
    return text.removesuffix("\n...\n").strip().replace("\n", " ")


def documents(top_keys: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A dumped mapping whose keys are mostly ``top_keys``, or any YAML-like value at all."""
    shaped = st.dictionaries(st.sampled_from(top_keys) | keys, values, max_size=8)
    return st.builds(dump, shaped | values)


# -- structure-aware: a valid mapping with a few of its fields made wrong --------------------------

# Values one mistake away from right: empty, blank, repeated, quoted booleans, numbers that are
# not finite or not whole, mappings with boolean or blank keys.
NEAR_MISSES = (
    [], [""], [" "], ["a"], ["a", "a"], ["a", "A", "a "], [None], [[]], [{}], [1, 2], [True],
    list("abcdefghi"), {}, {"a": "x"}, {"a": "x", "b": "x"}, {True: "x", "yes": "y"}, {"": "x"},
    {"a": ""}, {"a": None}, {"a": ["x"]}, "", " ", "true", "no", "1,00", "1,000", "ten", "x" * 300,
    True, False, None, 0, -1, 1.5, 101, 10**6 + 1, float("nan"), float("inf"), -float("inf"),
)  # fmt: skip
wrong_values = st.sampled_from(NEAR_MISSES) | values


@st.composite
def mutated_value(draw: st.DrawFn, current: Any) -> Any:
    """A wrong value for a field holding ``current``: a list or mapping with one item changed,
    dropped, repeated or added, or a wholly different value."""
    how = draw(st.sampled_from(["replace", "item", "drop", "repeat", "add"]))
    if isinstance(current, list) and current and how != "replace":
        index = draw(st.integers(0, len(current) - 1))
        changed = list(current)
        if how == "item":
            changed[index] = draw(wrong_values)
        elif how == "drop":
            del changed[index]
        elif how == "repeat":
            changed.append(changed[index])
        else:
            changed.append(draw(wrong_values))
        return changed
    if isinstance(current, dict) and current and how != "replace":
        key = draw(st.sampled_from(list(current)))
        changed = dict(current)
        if how == "drop":
            del changed[key]
        elif how == "add":
            changed[draw(keys)] = draw(wrong_values)
        else:
            changed[key] = draw(wrong_values)
        return changed
    return draw(wrong_values)


@st.composite
def mutated_mapping(
    draw: st.DrawFn, valid: dict[str, Any], own_keys: tuple[str, ...], other_keys: tuple[str, ...]
) -> dict[Any, Any]:
    """``valid`` with one to three fields made wrong, dropped, or added: mostly its own keys
    (``own_keys``), sometimes keys of its neighbours (``other_keys``)."""
    changed = dict(valid)
    names = st.sampled_from(own_keys)
    if other_keys:
        names |= st.sampled_from(other_keys)
    for _ in range(draw(st.integers(1, 3))):
        key = draw(names)
        if key in changed and draw(st.integers(0, 4)) == 0:
            del changed[key]
        else:
            changed[key] = draw(mutated_value(changed.get(key)))
    return changed


FRONT_MATTER = {
    "id": "origins", "title": "Origins", "order": 10, "summary": "Where it began.",
    "objectives": ["Name the first firms", "Date the start"], "minutes": 8,
    "prerequisites": ["firm-types"], "sources": [{"article": "viewpoint", "part": "History"}],
}  # fmt: skip

markdown_line = st.one_of(
    st.builds(lambda t: "## " + t, fuzz_text),
    st.sampled_from(["", "```", "~~~", "````python", "## ", "##", "---", "..."]),
    st.builds(lambda t, i: f"[{t}](glossary:{i})", fuzz_text, fuzz_text),
    fuzz_text,
)
markdown_body = st.builds("\n".join, st.lists(markdown_line, max_size=12))
front_matter = documents(REQUIRED + OPTIONAL) | st.builds(
    dump,
    mutated_mapping(
        FRONT_MATTER, REQUIRED + OPTIONAL, SOURCE_KEYS + SOURCE_OPTIONAL + CONTENT_KEYS
    ),
)
lesson_documents = st.builds(
    lambda front, body: f"---\n{front}---\n{body}", front_matter, markdown_body
)

# -- mutations of the shipped files -------------------------------------------------------------

_KEY_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:)( .*)?$")


@st.composite
def mutated(draw: st.DrawFn, files: list[Path]) -> str:
    """A shipped file with a slice replaced, deleted or repeated, or a key's value replaced."""
    text = draw(st.sampled_from(files)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["value", "value", "slice", "delete", "repeat", "amplify"]))
        match = _KEY_LINE.match(lines[index])
        if how == "value" and match:
            lines[index] = f"{match.group(1)} {draw(st.builds(flow, values))}"
            text = "\n".join(lines)
            continue
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        if how == "delete":
            text = text[:start] + text[end:]
        elif how == "repeat":
            text = text[:end] + text[start:end] * draw(st.integers(2, 50)) + text[end:]
        elif how == "amplify":
            text = text[:start] + draw(amplified()) + text[start:]
        else:
            text = text[:start] + draw(fuzz_text) + text[end:]
    return text
