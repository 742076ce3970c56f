"""The JSON Schemas agree with the loaders.

The shipped course passes its schemas; an example of every question type passes both the schema
and the loader; and a document changed key by key (removed, emptied, of the wrong type, out of
range, or given a key of another question type) is accepted by the schema exactly when the loader
accepts it. Where a schema is knowingly more lenient (it cannot compare values, such as whether an
answer is among the choices), the examples below avoid that ground.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator

from dprk_it_tutor.content import load_course, quizzes
from dprk_it_tutor.content.glossary import load_glossary
from dprk_it_tutor.content.lessons import load_lesson
from dprk_it_tutor.content.model import ContentError
from dprk_it_tutor.content.packs import load_manifest
from dprk_it_tutor.content.quizzes import load_quiz
from dprk_it_tutor.content.schema import SCHEMAS
from dprk_it_tutor.content.schema_blocks import pick
from dprk_it_tutor.content.timeline import load_timeline

REPO = Path(__file__).resolve().parents[2]
LOADERS: dict[str, Callable[[Path], Any]] = {
    "lesson": load_lesson,
    "quiz": load_quiz,
    "glossary": load_glossary,
    "timeline": load_timeline,
    "course": load_manifest,
}
# The keys of these mappings are the author's own text (choices, left-hand items), which only the
# loader can check against the rest of the question, so no key is added to them below.
FREE_FORM = {"feedback", "pairs"}
ODD_VALUES = (None, "", "   ", [], [[]], {}, True)

# Every question type with every key it has, beyond the common ones.
TYPE_EXAMPLES: dict[str, dict[str, Any]] = {
    "single": {"choices": ["1957", "1990"], "answer": "1990", "feedback": {"1957": "SEK's year."}},
    "multiple": {
        "choices": ["Nosotek", "Hana Electronics", "Unha"],
        "answer": ["Nosotek", "Hana Electronics"],
        "feedback": {"Unha": "Unha had its own IT department."},
    },
    "true_false": {"answer": False, "feedback": {"true": "Most work was for the home market."}},
    "short": {"answer": ["Red Star", "Redstar"], "allow_typo": True},
    "numeric": {"answer": 10000, "tolerance": 500, "unit": "professionals"},
    "ordering": {"items": ["The sector", "KCC", "Korea Pioneer Technology"]},
    "matching": {
        "pairs": {"KCC": "provider", "Nosotek": "joint venture"},
        "distractors": ["research institute"],
    },
}
# A key left out above because it excludes one used there: 'tolerance' or 'tolerance_percent'.
OTHER_EXAMPLES: dict[str, dict[str, Any]] = {
    "numeric": {"answer": "10,000", "tolerance_percent": 10, "unit": "people"},
}


def question(qtype: str, number: int = 1, example: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": f"q{number}",
        "type": qtype,
        "prompt": "A prompt?",
        "explanation": "Why.",
        "hint": "A nudge.",
        "step": 1,
        "skill": "compare",
        **copy.deepcopy(example or TYPE_EXAMPLES[qtype]),
    }


def valid(kind: str) -> dict[str, Any]:
    """A document of ``kind`` that uses every key its loader knows."""
    if kind == "lesson":
        return {
            "id": "sample",
            "title": "A sample lesson",
            "order": 10,
            "summary": "A short lesson.",
            "objectives": ["Read a lesson"],
            "minutes": 5,
            "prerequisites": ["origins"],
            "sources": [{"article": "viewpoint", "part": "Opening"}],
        }
    if kind == "quiz":
        questions = [question(t, n) for n, t in enumerate(quizzes.QUESTION_TYPES, start=1)]
        questions += [question(t, 90 + n, e) for n, (t, e) in enumerate(OTHER_EXAMPLES.items())]
        return {
            "lesson": "sample",
            "pass_mark": 70,
            "questions": questions,
            "shuffle": True,
            "shuffle_choices": False,
            "draw": 2,
        }
    if kind == "glossary":
        term = {"id": "kcc", "term": "KCC", "definition": "A firm.", "aliases": ["Korea CC"]}
        return {"terms": [{**term, "see": ["nosotek"]}]}
    if kind == "course":
        part = {"title": "First part", "lessons": ["sample", "other"]}
        return {"title": "A pack", "name": "pack", "description": "More.", "parts": [part]}
    event = {"when": "2012-10", "title": "An exhibition", "lesson": "sample", "step": 2}
    return {"events": [{**event, "approximate": False, "detail": "Held in Pyongyang."}]}


def as_editor_sees(data: Any) -> Any:
    """YAML data as JSON, the model an editor checks: keys are text, and dates stay text."""
    return json.loads(json.dumps(data, default=str))


@cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(SCHEMAS[kind]())


@cache
def editor_validator(kind: str) -> Draft7Validator:
    """The schema as releases of the YAML language server before draft 2020-12 read it."""
    return Draft7Validator(SCHEMAS[kind]())


def schema_accepts(kind: str, document: Any) -> bool:
    """Whether the schema accepts ``document``; read as draft-07 it must say the same."""
    data = as_editor_sees(document)
    verdict = validator(kind).is_valid(data)
    assert editor_validator(kind).is_valid(data) == verdict, f"draft-07 disagrees on {data}"
    return verdict


def loader_accepts(kind: str, document: Any, folder: Path) -> bool:
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    if kind == "lesson":
        path = folder / "sample.md"
        path.write_text(f"---\n{body}---\n\n## One\n\nThe only step.\n", encoding="utf-8")
    else:
        path = folder / f"{kind}.yaml"
        path.write_text(body, encoding="utf-8")
    try:
        LOADERS[kind](path)
    except ContentError:
        return False
    return True


def key_paths(data: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path to every mapping key in ``data``, however deep."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*at, key)
            yield from key_paths(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from key_paths(value, (*at, index))


def changed(document: Any, path: tuple[Any, ...], value: Any = ..., *, delete: bool = False) -> Any:
    result = copy.deepcopy(document)
    parent = result
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return result


def disagreements(kind: str, documents: list[tuple[str, Any]], folder: Path) -> list[str]:
    found = []
    for label, document in documents:
        by_schema = schema_accepts(kind, document)
        by_loader = loader_accepts(kind, document, folder)
        if by_schema != by_loader:
            said = "accepts" if by_schema else "rejects"
            found.append(f"{kind}: {label}: the schema {said} it, the loader does not")
    return found


# -- the schemas themselves -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_each_schema_is_a_valid_2020_12_schema(kind: str) -> None:
    schema = SCHEMAS[kind]()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # Editors check a schema against the draft-07 meta-schema before they use it.
    Draft7Validator.check_schema(schema)


def described_properties(schema: Any, at: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            yield f"{at}/{name}", value
        for key, value in schema.items():
            if key not in ("if", "enum", "const"):  # an 'if' only tests; it is never shown
                yield from described_properties(value, f"{at}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from described_properties(value, f"{at}/{index}")


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_every_property_has_a_description_for_the_editor_to_show(kind: str) -> None:
    properties = list(described_properties(SCHEMAS[kind]()))
    assert properties
    assert [where for where, schema in properties if not schema.get("description")] == []


def test_every_fixed_key_mapping_refuses_keys_it_does_not_know() -> None:
    def mappings(schema: Any) -> Iterator[dict[str, Any]]:
        if isinstance(schema, dict):
            if "properties" in schema and "required" in schema:
                yield schema
            for key, value in schema.items():
                if key != "if":  # an 'if' only tests which branch applies
                    yield from mappings(value)
        elif isinstance(schema, list):
            for value in schema:
                yield from mappings(value)

    for kind in SCHEMAS:
        for mapping in mappings(SCHEMAS[kind]()):
            is_any_question = "allOf" in mapping  # defers to the branch of its type
            assert is_any_question or mapping["additionalProperties"] is False


# -- the shipped course ------------------------------------------------------------------------------


def front_matter(path: Path) -> Any:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "---"
    return yaml.safe_load("\n".join(lines[1 : lines.index("---", 1)]))


SHIPPED = [
    *(("lesson", path) for path in sorted((REPO / "lessons").glob("*.md"))),
    *(("quiz", path) for path in sorted((REPO / "quizzes").glob("*.yaml"))),
    ("glossary", REPO / "glossary.yaml"),
    ("timeline", REPO / "timeline.yaml"),
    ("course", REPO / "course.yaml"),
]


@pytest.mark.parametrize(("kind", "path"), SHIPPED, ids=[p.name for _, p in SHIPPED])
def test_shipped_file_passes_its_schema(kind: str, path: Path) -> None:
    if kind == "lesson":
        data = front_matter(path)
    else:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for dialect in (validator, editor_validator):
        errors = [
            f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in dialect(kind).iter_errors(as_editor_sees(data))
        ]
        assert errors == []


def test_shipped_course_has_every_kind_of_file() -> None:
    assert {kind for kind, _ in SHIPPED} == set(SCHEMAS)
    assert len([kind for kind, _ in SHIPPED if kind == "quiz"]) > 1


# -- schema and loader agree -----------------------------------------------------------------------


def test_examples_cover_every_key_of_every_question_type() -> None:
    assert set(TYPE_EXAMPLES) == set(quizzes.QUESTION_TYPES)
    for name, kind in quizzes.QUESTION_TYPES.items():
        used = {*TYPE_EXAMPLES[name], *OTHER_EXAMPLES.get(name, {})}
        assert used == set(kind.all_keys), name


EXAMPLES = [*TYPE_EXAMPLES.items(), *OTHER_EXAMPLES.items()]


@pytest.mark.parametrize(("qtype", "example"), EXAMPLES, ids=[qtype for qtype, _ in EXAMPLES])
def test_an_example_of_each_question_type_passes_schema_and_loader(
    qtype: str, example: dict[str, Any], tmp_path: Path
) -> None:
    document = {"lesson": "sample", "pass_mark": 70, "questions": [question(qtype, 1, example)]}
    assert schema_accepts("quiz", document)
    assert loader_accepts("quiz", document, tmp_path)


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_the_full_example_of_each_file_passes_schema_and_loader(kind: str, tmp_path: Path) -> None:
    assert schema_accepts(kind, valid(kind))
    assert loader_accepts(kind, valid(kind), tmp_path)


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_removing_any_key_is_judged_alike(kind: str, tmp_path: Path) -> None:
    document = valid(kind)
    cases = [
        (f"without {path}", changed(document, path, delete=True)) for path in key_paths(document)
    ]
    assert disagreements(kind, cases, tmp_path) == []


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_an_odd_value_for_any_key_is_judged_alike(kind: str, tmp_path: Path) -> None:
    """Nothing, blank text, empty or nested lists, a mapping or true, anywhere: some keys take
    some of these (an empty 'prerequisites', a 'feedback' with nothing under it), most do not."""
    document = valid(kind)
    cases = [
        (f"{path} = {value!r}", changed(document, path, value))
        for path in key_paths(document)
        for value in ODD_VALUES
    ]
    assert disagreements(kind, cases, tmp_path) == []


def mapping_paths(data: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path to every mapping in ``data`` whose keys are fixed by the format."""
    if isinstance(data, dict):
        if not at or at[-1] not in FREE_FORM:
            yield at
            for key, value in data.items():
                yield from mapping_paths(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from mapping_paths(value, (*at, index))


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_an_unknown_key_anywhere_is_refused_by_both(kind: str, tmp_path: Path) -> None:
    document = valid(kind)
    cases = [
        (f"colour in {path}", changed(document, (*path, "colour"), "red"))
        for path in mapping_paths(document)
    ]
    assert len(cases) >= 2
    assert [label for label, case in cases if schema_accepts(kind, case)] == []
    assert [label for label, case in cases if loader_accepts(kind, case, tmp_path)] == []


@pytest.mark.parametrize("qtype", list(quizzes.QUESTION_TYPES))
def test_a_key_of_another_question_type_is_refused_by_both(qtype: str, tmp_path: Path) -> None:
    own = set(quizzes.QUESTION_TYPES[qtype].all_keys)
    cases = []
    for other in quizzes.QUESTION_TYPES:
        for key, value in TYPE_EXAMPLES[other].items():
            if key not in own:
                bad = {**question(qtype), key: copy.deepcopy(value)}
                cases.append(
                    (f"{other}'s {key}", {"lesson": "x", "pass_mark": 70, "questions": [bad]})
                )
    assert cases
    assert disagreements("quiz", cases, tmp_path) == []
    assert not any(schema_accepts("quiz", case) for _, case in cases)


LIMITS = [
    ("lesson", ("minutes",), [0, 1, 600, 601]),
    ("lesson", ("order",), [-1, 0, 1_000_000, 1_000_001]),
    ("lesson", ("id",), ["firm-types", "Firm-Types", "firm--types", "firm_types", 2013, -1]),
    ("quiz", ("pass_mark",), [-1, 0, 100, 150]),
    ("quiz", ("draw",), [0, 1, "2", 2.5]),
    ("quiz", ("lesson",), ["sample", "a sample", ""]),
    ("quiz", ("questions", 0, "choices"), [["only"], ["1957", "1990", "1990"]]),
    ("quiz", ("questions", 0, "step"), [0, 1, 1000, 1001]),
    ("quiz", ("questions", 0, "skill"), ["recall", "apply", "remember", "Recall"]),
    ("quiz", ("questions", 0, "type"), ["essay", "Single"]),
    ("quiz", ("questions", 0, "id"), ["q 1", "Q1", "q-1"]),
    ("quiz", ("questions", 1, "answer"), ["Nosotek", ["Nosotek", "Nosotek"]]),
    ("quiz", ("questions", 2, "answer"), ["false", "no", 0]),
    ("quiz", ("questions", 2, "feedback"), [{"maybe": "?"}, {"TRUE": "!"}, {"false": "!"}]),
    ("quiz", ("questions", 3, "answer"), ["Red Star", 1990, [1990, "MCMXC"], False]),
    ("quiz", ("questions", 4, "answer"), [1990, 2.5, "10,000", "ten", False]),
    ("quiz", ("questions", 4, "tolerance"), [-1, 0, 2.5, "2"]),
    ("quiz", ("questions", 4, "tolerance_percent"), [10]),
    (
        "quiz",
        ("questions", 5, "items"),
        [list("ab"), list("abc"), list("abcdefg"), list("abcdefgh")],
    ),
    ("quiz", ("questions", 5, "items"), [list("aab")]),
    (
        "quiz",
        ("questions", 6, "pairs"),
        [{"a": "1"}, {f"l{n}": "r" for n in range(8)} | {"x": "y"}],
    ),
    ("quiz", ("questions", 6, "pairs"), [{f"l{n}": str(n) for n in range(9)}, {"a": "1", "b": 2}]),
    ("quiz", ("questions", 6, "distractors"), [["x", "x"], ["x"]]),
    ("quiz", ("shuffle",), [False, "yes", "true", 1]),
    ("glossary", ("terms", 0, "see"), [["nosotek", "kwangmyong"], [2013], ["x", ""]]),
    ("timeline", ("events", 0, "when"), [2009, "2009", "1980s", "2013-03-16", "March 2013", 209]),
    ("timeline", ("events", 0, "when"), ["2012-10-5", "20121", 12009]),
    ("timeline", ("events", 0, "step"), [0, 1, 1000, 1001]),
    ("timeline", ("events", 0, "approximate"), [True, None, "yes"]),
]


@pytest.mark.parametrize(("kind", "path", "values"), LIMITS, ids=[str(case[:2]) for case in LIMITS])
def test_limits_and_formats_are_judged_alike(
    kind: str, path: tuple[Any, ...], values: list[Any], tmp_path: Path
) -> None:
    document = valid(kind)
    cases = [(f"{path} = {value!r}", changed(document, path, value)) for value in values]
    assert disagreements(kind, cases, tmp_path) == []


def test_the_cases_the_issue_names_are_refused_by_the_schema() -> None:
    """The schema must at least refuse what an author most often gets wrong."""
    quiz = valid("quiz")
    refused = [
        ("lesson", changed(valid("lesson"), ("author",), "me")),
        ("lesson", changed(valid("lesson"), ("minutes",), "five")),
        ("lesson", changed(valid("lesson"), ("summary",), delete=True)),
        ("lesson", changed(valid("lesson"), ("id",), "Sample Lesson")),
        ("quiz", changed(quiz, ("pass_mark",), 150)),
        ("quiz", changed(quiz, ("questions", 0, "type"), "essay")),
        ("quiz", changed(quiz, ("questions", 0, "items"), ["a", "b", "c"])),
        ("quiz", changed(quiz, ("questions", 5, "answer"), "a")),
        ("quiz", changed(quiz, ("questions", 2, "choices"), ["True", "False"])),
        ("quiz", changed(quiz, ("questions", 4, "tolerance_percent"), 10)),
        ("glossary", changed(valid("glossary"), ("terms", 0, "definition"), delete=True)),
        ("timeline", changed(valid("timeline"), ("events", 0, "when"), "Oct 2012")),
    ]
    assert [(kind, doc) for kind, doc in refused if schema_accepts(kind, doc)] == []


def test_a_reference_that_cannot_be_an_id_is_refused_by_schema_and_by_validate(
    tmp_path: Path,
) -> None:
    """The loaders read 'prerequisites' and 'see' as any text and validate then finds that no
    lesson or term has it; the schema says so while the author types."""
    lesson = changed(valid("lesson"), ("prerequisites",), ["Not An Id"])
    terms = changed(valid("glossary"), ("terms", 0, "see"), ["Not An Id"])
    assert not schema_accepts("lesson", lesson)
    assert not schema_accepts("glossary", terms)
    (tmp_path / "lessons").mkdir()
    body = yaml.safe_dump(lesson, sort_keys=False)
    step = "## One\n\nThe [KCC](glossary:kcc) was a firm.\n"
    (tmp_path / "lessons" / "sample.md").write_text(f"---\n{body}---\n\n{step}", encoding="utf-8")
    (tmp_path / "glossary.yaml").write_text(yaml.safe_dump(terms), encoding="utf-8")
    errors = [d.message for d in load_course([tmp_path]).errors]
    assert any("prerequisite 'Not An Id'" in message for message in errors), errors
    assert any("lists 'Not An Id' under 'see'" in message for message in errors), errors


def test_a_key_the_schema_does_not_describe_stops_it_being_built() -> None:
    """What keeps a key added to a loader from being silently left out of its schema."""
    with pytest.raises(
        LookupError, match="the quiz schema does not describe the key\\(s\\): colour"
    ):
        pick({"lesson": {}}, ("lesson", "colour"), "quiz")
