"""Export, import (a merge) and reset of a learner's history, at the level of the store."""

from __future__ import annotations

import copy
import csv
import io
import itertools
import json
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dprk_it_tutor.progress import store as store_module
from dprk_it_tutor.progress.export import export_history
from dprk_it_tutor.progress.export_csv import export_csv
from dprk_it_tutor.progress.export_format import CSV_COLUMNS, ExportFileError, check_export
from dprk_it_tutor.progress.merge import ImportSummary, import_history
from dprk_it_tutor.progress.reset import check_lesson_to_reset, reset_progress
from dprk_it_tutor.progress.store import ProgressStore, ReviewCard, StoreError


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strictly increasing timestamps, so merges by time never depend on the real clock."""
    ticks = itertools.count(1)
    monkeypatch.setattr(
        store_module, "utc_now", lambda: f"2030-01-01T00:00:{next(ticks):06d}+00:00"
    )


@pytest.fixture
def store(tmp_path: Path, clock: None) -> Iterator[ProgressStore]:
    with ProgressStore.open(tmp_path / "a") as opened:
        yield opened


@pytest.fixture
def other(tmp_path: Path, clock: None) -> Iterator[ProgressStore]:
    with ProgressStore.open(tmp_path / "b") as opened:
        yield opened


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The export without the moment it was written."""
    return {key: value for key, value in document.items() if key != "exported_at"}


def study(store: ProgressStore, lesson: str = "origins", visit: str = "v1") -> int:
    """A little of everything: steps, a finished quiz with answers, a review, reading time."""
    store.visit_step(lesson, 1)
    store.visit_step(lesson, 2)
    attempt = store.start_attempt(lesson, 7, [f"{lesson}-q1", f"{lesson}-q2"])
    store.record_answer(attempt, f"{lesson}-q1", ["a", "b"], 1.0, seconds=4.5)
    store.record_answer(attempt, f"{lesson}-q2", "=SUM(A1)", 0.0, hint_used=True)
    store.finish_attempt(attempt, 0.5, False)
    store.save_review(ReviewCard(f"{lesson}-q2", lesson, '{"state": 1}', "2030-02-01"), 3)
    store.add_study_time(visit, lesson, 30.0)
    return attempt


# -- export ---------------------------------------------------------------------------------------


def test_export_holds_every_record_of_the_learner(store: ProgressStore) -> None:
    study(store)
    store.set_setting("theme", "dark")
    document = export_history(store)
    assert document["format"] == "dprk-it-tutor-export" and document["version"] == 1
    assert document["profile"] == "default"
    (lesson,) = document["lessons"]
    assert lesson["lesson_id"] == "origins" and lesson["current_step"] == 2
    assert [seen["step"] for seen in lesson["steps_seen"]] == [1, 2]
    (attempt,) = document["attempts"]
    assert attempt["kind"] == "quiz" and attempt["seed"] == 7 and len(attempt["uid"]) == 32
    assert (attempt["score"], attempt["passed"]) == (0.5, False)
    assert attempt["question_ids"] == ["origins-q1", "origins-q2"]
    assert [
        (a["question_id"], a["response"], a["hint_used"], a["seconds"]) for a in attempt["answers"]
    ] == [
        ("origins-q1", ["a", "b"], False, 4.5),
        ("origins-q2", "=SUM(A1)", True, None),
    ]
    (card,) = document["review_cards"]
    assert (card["question_id"], card["card"], card["due"]) == (
        "origins-q2",
        '{"state": 1}',
        "2030-02-01",
    )
    assert [(r["question_id"], r["rating"]) for r in document["review_log"]] == [("origins-q2", 3)]
    assert [(v["uid"], v["seconds"]) for v in document["study_time"]] == [("v1", 30.0)]
    assert document["activity_days"] == [store.today().isoformat()]
    assert document["settings"] == {"theme": "dark"}
    assert check_export(json.loads(json.dumps(document)), "x") is not None


def test_export_needs_no_course_and_keeps_lessons_removed_from_it(store: ProgressStore) -> None:
    study(store, lesson="a-lesson-long-gone")
    document = export_history(store)
    assert [lesson["lesson_id"] for lesson in document["lessons"]] == ["a-lesson-long-gone"]
    assert document["attempts"][0]["lesson_id"] == "a-lesson-long-gone"


def test_export_holds_only_the_current_learner(store: ProgressStore) -> None:
    study(store)
    store.use_profile("kim")
    assert export_history(store)["lessons"] == []
    assert export_history(store)["profile"] == "kim"


def test_csv_has_one_row_per_event_in_time_order(store: ProgressStore) -> None:
    attempt = store.attempt(study(store))
    assert attempt is not None
    rows = list(csv.reader(io.StringIO(export_csv(export_history(store)))))
    assert tuple(rows[0]) == CSV_COLUMNS
    events = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [event["event"] for event in events] == [
        "step_seen",
        "step_seen",
        "attempt_started",
        "answer",
        "answer",
        "attempt_finished",
        "review",
        "study_time",
    ]
    assert [event["at"] for event in events] == sorted(event["at"] for event in events)
    first, second = events[3], events[4]
    assert first["attempt_uid"] == attempt.uid and first["response"] == '["a", "b"]'
    assert (first["score"], first["hint_used"], first["seconds"]) == ("1.0", "false", "4.5")
    assert second["response"] == '"=SUM(A1)"'  # JSON-encoded: a spreadsheet shows it as text
    assert (events[5]["score"], events[5]["passed"]) == ("0.5", "false")
    assert (events[6]["lesson_id"], events[6]["rating"]) == ("origins", "3")


def test_csv_never_starts_a_text_cell_with_a_formula(store: ProgressStore) -> None:
    store.visit_step("=HYPERLINK(1)", 1)
    rows = list(csv.reader(io.StringIO(export_csv(export_history(store)))))
    assert rows[1][2] == "'=HYPERLINK(1)"


# -- import ---------------------------------------------------------------------------------------


def test_import_into_an_empty_store_gives_the_same_history(
    store: ProgressStore, other: ProgressStore
) -> None:
    study(store)
    store.start_attempt("origins", 8, ["origins-q1"], kind="retry")  # left unfinished
    document = export_history(store)
    summary = import_history(other, document)
    assert (summary.attempts, summary.answers, summary.lessons, summary.steps_seen) == (2, 2, 1, 2)
    assert summary.already_present == 0
    assert comparable(export_history(other)) == comparable(document)
    assert other.lesson_records()["origins"].last_score == 0.5


def test_importing_the_same_file_twice_changes_nothing(
    store: ProgressStore, other: ProgressStore
) -> None:
    study(store)
    document = export_history(store)
    import_history(other, document)
    before = comparable(export_history(other))
    again = import_history(other, document)
    assert again == ImportSummary(already_present=again.already_present)
    # 1 lesson, 2 steps, 1 attempt, 2 answers, 1 card, 1 review, 1 visit, 1 day
    assert again.already_present == 10
    assert comparable(export_history(other)) == before


def test_merging_two_stores_keeps_the_attempts_of_both(
    store: ProgressStore, other: ProgressStore
) -> None:
    mine = store.attempt(study(store, visit="mine"))
    theirs = other.attempt(study(other, visit="theirs"))
    assert mine is not None and theirs is not None
    import_history(store, export_history(other))
    import_history(other, export_history(store))
    for merged in (store, other):
        uids = {attempt["uid"] for attempt in export_history(merged)["attempts"]}
        assert uids == {mine.uid, theirs.uid}
        assert {v["uid"] for v in export_history(merged)["study_time"]} == {"mine", "theirs"}
    assert comparable(export_history(store)) == comparable(export_history(other))
    (lesson,) = export_history(store)["lessons"]
    # The earliest start of either copy; steps seen keep their earliest moment.
    assert lesson["started_at"] == min(
        export_history(s)["lessons"][0]["started_at"] for s in (store, other)
    )


def test_an_unfinished_attempt_takes_the_result_and_answers_of_a_finished_copy(
    store: ProgressStore, other: ProgressStore
) -> None:
    study(store)
    finished = export_history(store)
    partial = copy.deepcopy(finished)
    attempt = partial["attempts"][0]
    attempt.update(finished_at=None, score=None, passed=None, answers=attempt["answers"][:1])
    import_history(other, partial)
    summary = import_history(other, finished)
    assert (summary.attempts, summary.answers) == (1, 1)
    assert export_history(other)["attempts"] == finished["attempts"]


def test_merge_rules_for_positions_steps_time_cards_reviews_and_settings(
    store: ProgressStore,
) -> None:
    study(store)
    store.set_setting("theme", "dark")
    local = export_history(store)
    incoming = copy.deepcopy(local)
    lesson = incoming["lessons"][0]
    lesson.update(current_step=5, started_at="2029", updated_at="2031")
    lesson["steps_seen"][0]["seen_at"] = "2029"
    lesson["steps_seen"][1]["seen_at"] = "2031"  # later than here: the local moment stays
    incoming["study_time"][0]["seconds"] = 10.0  # less than here: the local time stays
    incoming["review_cards"][0].update(card="newer", updated_at="2031")
    incoming["review_log"].append({"question_id": "x", "rating": 1, "reviewed_at": "2031"})
    incoming["settings"] = {"theme": "light", "font": "big"}
    import_history(store, incoming)
    merged = export_history(store)
    (lesson,) = merged["lessons"]
    assert (lesson["current_step"], lesson["started_at"], lesson["updated_at"]) == (
        5,
        "2029",
        "2031",
    )
    assert [s["seen_at"] for s in lesson["steps_seen"]] == [
        "2029",
        local["lessons"][0]["steps_seen"][1]["seen_at"],
    ]
    assert merged["study_time"][0]["seconds"] == 30.0
    assert merged["review_cards"][0]["card"] == "newer"
    assert len(merged["review_log"]) == 2
    assert merged["settings"] == {"font": "big", "theme": "dark"}


def test_an_import_that_fails_writes_nothing(store: ProgressStore, tmp_path: Path) -> None:
    study(store)
    document = export_history(store)
    store.use_profile("kim")  # the same attempts, in the same store, belong to 'default'
    with pytest.raises(StoreError, match="belongs to learner 'default' of this store"):
        import_history(store, document)
    assert comparable(export_history(store))["lessons"] == []


# -- the import format, checked before anything is written ----------------------------------------


def valid() -> dict[str, Any]:
    return {
        "format": "dprk-it-tutor-export",
        "version": 1,
        "lessons": [
            {
                "lesson_id": "origins",
                "current_step": 1,
                "started_at": "t",
                "updated_at": "t",
                "steps_seen": [{"step": 1, "seen_at": "t"}],
            }
        ],
        "attempts": [
            {
                "uid": "u1",
                "lesson_id": "origins",
                "kind": "quiz",
                "started_at": "t",
                "finished_at": None,
                "seed": 1,
                "question_ids": ["q"],
                "score": None,
                "passed": None,
                "answers": [
                    {
                        "question_id": "q",
                        "response": 1,
                        "score": 1,
                        "answered_at": "t",
                        "hint_used": False,
                        "seconds": None,
                    }
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("attempts", 0, "score"), "90%", "attempts[0].score must be a number"),
        (("attempts", 0, "passed"), 1, "attempts[0].passed must be true or false"),
        (("attempts", 0, "seed"), 1.5, "attempts[0].seed must be a whole number"),
        (("attempts", 0, "seed"), 2**64, "attempts[0].seed is too large"),
        (("attempts", 0, "uid"), "", "attempts[0].uid must not be empty"),
        (("attempts", 0, "question_ids", 0), 3, "attempts[0].question_ids[0] must be text"),
        (
            ("attempts", 0, "answers", 0, "score"),
            None,
            "attempts[0].answers[0].score must be a number",
        ),
        (
            ("attempts", 0, "answers", 0, "seconds"),
            float("inf"),
            "attempts[0].answers[0].seconds must be a finite number",
        ),
        (("lessons", 0, "current_step"), True, "lessons[0].current_step must be a whole number"),
        (("lessons", 0, "steps_seen"), {}, "lessons[0].steps_seen must be a list"),
        (
            ("lessons", 0, "steps_seen", 0, "seen_at"),
            "\ud800",
            "lessons[0].steps_seen[0].seen_at is not valid Unicode text",
        ),
        (("lessons", 0), [], "lessons[0] must be an object"),
        (("attempts",), {}, "attempts must be a list"),
        (("settings",), {"theme": 1}, "settings.theme must be text"),
        (("version",), "1", "version must be a whole number"),
        (("version",), 0, "version must be 1 or more"),
    ],
)
def test_a_field_of_the_wrong_type_is_named(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    document = valid()
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ExportFileError) as error:
        check_export(document, "backup.json")
    assert str(error.value) == f"backup.json: {message}"


def test_a_missing_field_or_a_repeated_id_is_named() -> None:
    document = valid()
    del document["attempts"][0]["kind"]
    with pytest.raises(ExportFileError, match=r"^f: attempts\[0\]\.kind is missing$"):
        check_export(document, "f")
    document = valid()
    document["attempts"].append(copy.deepcopy(document["attempts"][0]))
    with pytest.raises(ExportFileError, match=r"^f: attempts\[1\]\.uid 'u1' appears twice$"):
        check_export(document, "f")


def test_a_newer_version_or_another_format_is_refused() -> None:
    with pytest.raises(ExportFileError, match="export version 2 is newer than this dprk-it-tutor"):
        check_export({**valid(), "version": 2}, "f")
    with pytest.raises(ExportFileError, match=r"^f: not a dprk-it-tutor export"):
        check_export({**valid(), "format": "other"}, "f")
    with pytest.raises(ExportFileError, match=r"^f: not a dprk-it-tutor export"):
        check_export([valid()], "f")
    assert check_export(
        {"format": "dprk-it-tutor-export", "version": 1}, "f"
    )  # all sections optional


# -- reset ----------------------------------------------------------------------------------------


def test_reset_backs_up_then_removes_everything_but_the_learner(store: ProgressStore) -> None:
    study(store)
    store.set_setting("theme", "dark")
    before = export_history(store)
    result = reset_progress(store)
    assert result.whole and (result.lessons, result.attempts, result.answers) == (1, 1, 2)
    assert result.backup.parent == store.path.parent / "backups"
    assert stat.S_IMODE(result.backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(result.backup.parent.stat().st_mode) == 0o700
    assert result.backup.name.startswith("default-") and result.backup.suffix == ".json"
    emptied = export_history(store)
    assert all(not emptied[key] for key in ("lessons", "attempts", "review_cards", "review_log"))
    assert all(not emptied[key] for key in ("study_time", "activity_days", "settings"))
    assert [profile.name for profile in store.profiles()] == ["default"]
    backup = json.loads(result.backup.read_text(encoding="utf-8"))
    assert comparable(backup) == comparable(before)
    import_history(store, check_export(backup, str(result.backup)))
    assert comparable(export_history(store)) == comparable(before)


def test_reset_of_one_lesson_leaves_the_others(store: ProgressStore) -> None:
    study(store, "origins", visit="v1")
    study(store, "methods", visit="v2")
    store.start_attempt("methods", 1, ["q"], kind="exam")  # the exam is not one lesson's
    result = reset_progress(store, "methods")
    assert (result.lessons, result.steps_seen, result.attempts, result.review_cards) == (1, 2, 1, 1)
    document = export_history(store)
    assert [lesson["lesson_id"] for lesson in document["lessons"]] == ["origins"]
    assert [(a["lesson_id"], a["kind"]) for a in document["attempts"]] == [
        ("origins", "quiz"),
        ("methods", "exam"),
    ]
    assert [card["lesson_id"] for card in document["review_cards"]] == ["origins"]
    assert [visit["lesson_id"] for visit in document["study_time"]] == ["origins"]
    assert document["activity_days"]  # days of study are the learner's, not a lesson's


def test_two_backups_in_the_same_second_both_survive(store: ProgressStore) -> None:
    study(store)
    first = reset_progress(store).backup
    second = reset_progress(store).backup
    assert first != second and first.exists() and second.exists()
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, second.name])


def test_no_backup_means_nothing_is_deleted(store: ProgressStore) -> None:
    study(store)
    (store.path.parent / "backups").write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="cannot create the backup folder"):
        reset_progress(store)
    assert export_history(store)["attempts"]


def test_an_unknown_lesson_is_refused_with_the_closest_ids(store: ProgressStore) -> None:
    study(store, "a-lesson-long-gone")
    assert check_lesson_to_reset(store, "a-lesson-long-gone", ["origins"])
    assert not check_lesson_to_reset(store, "origins", ["origins"])
    with pytest.raises(StoreError) as error:
        check_lesson_to_reset(store, "origns", ["origins", "methods"])
    assert str(error.value) == (
        "no lesson 'origns' in the course or in the progress of learner 'default' "
        "(did you mean 'origins'?)"
    )


# -- properties -----------------------------------------------------------------------------------

stamps = st.text(alphabet="0123456789:-T", max_size=6)
ids = st.text(alphabet="abcq-1", min_size=1, max_size=4)
numbers = st.integers(-5, 5) | st.floats(allow_nan=False, allow_infinity=False)
responses = st.recursive(
    st.none() | st.booleans() | st.integers(-9, 9) | st.text(max_size=4) | numbers,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=5,
)
answers = st.fixed_dictionaries(
    {
        "question_id": ids,
        "response": responses,
        "score": numbers,
        "answered_at": stamps,
        "hint_used": st.booleans(),
        "seconds": st.none() | numbers,
    }
)
attempts = st.fixed_dictionaries(
    {
        "uid": st.sampled_from(["u1", "u2", "u3", "u4"]),
        "lesson_id": ids,
        "kind": st.sampled_from(["quiz", "retry", "exam", "review"]),
        "started_at": stamps,
        "finished_at": st.none() | stamps,
        "seed": st.integers(-(2**63), 2**63 - 1),
        "question_ids": st.lists(ids, max_size=3),
        "score": st.none() | numbers,
        "passed": st.none() | st.booleans(),
        "answers": st.lists(answers, max_size=3, unique_by=lambda a: a["question_id"]),
    }
)
lessons = st.fixed_dictionaries(
    {
        "lesson_id": ids,
        "current_step": st.integers(1, 9),
        "started_at": stamps,
        "updated_at": stamps,
        "steps_seen": st.lists(
            st.fixed_dictionaries({"step": st.integers(1, 5), "seen_at": stamps}),
            max_size=3,
            unique_by=lambda s: s["step"],
        ),
    }
)
documents = st.fixed_dictionaries(
    {
        "format": st.just("dprk-it-tutor-export"),
        "version": st.just(1),
        "lessons": st.lists(lessons, max_size=3, unique_by=lambda x: x["lesson_id"]),
        "attempts": st.lists(attempts, max_size=3, unique_by=lambda x: x["uid"]),
        "review_cards": st.lists(
            st.fixed_dictionaries(
                {
                    "question_id": ids,
                    "lesson_id": ids,
                    "card": st.text(max_size=4),
                    "due": stamps,
                    "updated_at": stamps,
                }
            ),
            max_size=3,
            unique_by=lambda x: x["question_id"],
        ),
        "review_log": st.lists(
            st.fixed_dictionaries(
                {"question_id": ids, "rating": st.integers(1, 4), "reviewed_at": stamps}
            ),
            max_size=4,
        ),
        "study_time": st.lists(
            st.fixed_dictionaries(
                {"uid": ids, "lesson_id": ids, "started_at": stamps, "seconds": numbers}
            ),
            max_size=3,
            unique_by=lambda x: x["uid"],
        ),
        "activity_days": st.lists(stamps, max_size=3),
        "settings": st.dictionaries(ids, st.text(max_size=4), max_size=2),
    }
)


def fresh_store(folder: str) -> ProgressStore:
    return ProgressStore.open(Path(folder))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=documents, second=documents)
def test_export_import_export_is_the_same_and_import_twice_is_import_once(
    first: dict[str, Any], second: dict[str, Any]
) -> None:
    with (
        tempfile.TemporaryDirectory() as a,
        tempfile.TemporaryDirectory() as b,
        fresh_store(a) as one,
        fresh_store(b) as two,
    ):
        check_export(first, "first")
        import_history(one, first)
        exported = export_history(one)
        check_export(json.loads(json.dumps(exported)), "exported")
        again = import_history(one, first)
        assert again == ImportSummary(already_present=again.already_present)
        assert comparable(export_history(one)) == comparable(exported)
        import_history(two, json.loads(json.dumps(exported)))
        assert comparable(export_history(two)) == comparable(exported)
        # After a merge of a second file, neither file adds anything again.
        import_history(one, second)
        merged = comparable(export_history(one))
        for document in (first, second):
            import_history(one, document)
            assert comparable(export_history(one)) == merged


def test_docs_show_every_field_of_the_export_and_the_csv_header(store: ProgressStore) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "progress.md").read_text()
    blocks = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", doc, re.DOTALL)]
    (example,) = [block for block in blocks if block.get("format") == "dprk-it-tutor-export"]
    study(store)
    store.set_setting("resume_lesson", "origins")
    data = export_history(store)
    assert data.keys() == example.keys()
    for section in ("lessons", "attempts", "review_cards", "review_log", "study_time"):
        assert data[section][0].keys() == example[section][0].keys(), section
    assert data["attempts"][0]["answers"][0].keys() == example["attempts"][0]["answers"][0].keys()
    assert ",".join(CSV_COLUMNS) + "\n" in doc
