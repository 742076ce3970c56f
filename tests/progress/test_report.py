"""The progress report behind ``dprk-it-tutor progress`` and its documented JSON shape."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.paths import builtin_course_dir
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.progress.report import (
    StreakSummary,
    format_duration,
    now_for_reviews,
    progress_report,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "progress.md"


def course() -> Course:
    return load_course([builtin_course_dir()])


def test_a_new_learner_has_nothing_done(tmp_path: Path) -> None:
    shipped = course()
    with ProgressStore.open(tmp_path) as store:
        report = progress_report(shipped, store, now_for_reviews())
    assert [lesson.id for lesson in report.lessons] == [lesson.id for lesson in shipped.lessons]
    assert {lesson.status for lesson in report.lessons} == {"not started"}
    totals = report.totals
    assert (totals.lessons, totals.not_started, totals.completed) == (len(shipped.lessons),) * 2 + (
        0,
    )
    assert totals.completion == 0.0 and report.reviews_due == 0


def test_steps_attempts_and_scores_are_counted_per_lesson_and_in_total(tmp_path: Path) -> None:
    shipped = course()
    first, second = shipped.lessons[:2]
    with ProgressStore.open(tmp_path) as store:
        for step in range(1, first.step_count + 1):
            store.visit_step(first.id, step)
        ids = [q.id for q in shipped.quiz_for(first.id).questions]
        store.finish_attempt(store.start_attempt(first.id, 1, ids), 0.5, False)
        store.finish_attempt(store.start_attempt(first.id, 2, ids), 0.875, True)
        store.visit_step(second.id, 2)
        report = progress_report(shipped, store, now_for_reviews())
    one, two = report.lessons[:2]
    assert (one.status, one.steps_seen, one.best_score, one.last_score, one.attempts) == (
        "completed",
        first.step_count,
        87.5,
        87.5,
        2,
    )
    assert (two.status, two.current_step, two.steps_seen, two.best_score) == (
        "in progress",
        2,
        1,
        None,
    )
    totals = report.totals
    assert (totals.completed, totals.in_progress, totals.attempts) == (1, 1, 2)
    assert totals.steps_seen == first.step_count + 1
    assert totals.completion == round(100 / len(shipped.lessons), 1)


def test_the_json_has_exactly_the_documented_fields(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        data = json.loads(json.dumps(progress_report(course(), store, now_for_reviews()).as_json()))
    example = json.loads(re.search(r"```json\n(.*?)```", DOC.read_text(), re.DOTALL).group(1))
    assert data.keys() == example.keys()
    assert data["lessons"][0].keys() == example["lessons"][0].keys()
    assert data["totals"].keys() == example["totals"].keys()
    assert data["streak"].keys() == example["streak"].keys()
    assert data["version"] == example["version"] == 1


def test_time_and_scores_per_lesson_and_the_total_time(tmp_path: Path) -> None:
    shipped = course()
    first, second = shipped.lessons[:2]
    ids = [q.id for q in shipped.quiz_for(first.id).questions]
    with ProgressStore.open(tmp_path) as store:
        store.visit_step(first.id, 1)
        store.add_study_time("visit-1", first.id, 600.04)
        store.add_study_time("visit-1", first.id, 60)
        for score in (0.5, 0.7, 0.9):
            attempt = store.start_attempt(first.id, 1, ids)
            store.record_answer(attempt, ids[0], "x", score, seconds=10)
            store.finish_attempt(attempt, score, score > 0.8)
        store.start_attempt(first.id, 2, ids)  # unfinished: neither a score nor an attempt
        store.add_study_time("visit-2", second.id, 30)
        report = progress_report(shipped, store, now_for_reviews())
    one, two, three = report.lessons[:3]
    assert (one.time_seconds, one.scores, one.attempts) == (690.0, (50.0, 70.0, 90.0), 3)
    assert (two.time_seconds, two.scores) == (30.0, ())
    assert (three.time_seconds, three.scores) == (0.0, ())
    assert report.totals.time_seconds == 720.0
    data = json.loads(json.dumps(report.as_json()))
    assert data["lessons"][0]["scores"] == [50.0, 70.0, 90.0]
    assert data["totals"]["time_seconds"] == 720.0


def test_the_learner_and_the_streak_are_reported(tmp_path: Path) -> None:
    shipped = course()
    lesson = shipped.lessons[0]
    with ProgressStore.open(tmp_path, profile="Ana") as store:
        assert progress_report(shipped, store, now_for_reviews()).streak == StreakSummary(
            0, 0, None
        )
        for day in (1, 2, 3, 6, 7):
            store.today = lambda day=day: date(2026, 11, day)
            store.visit_step(lesson.id, 1)
        report = progress_report(shipped, store, now_for_reviews())
    assert report.profile == "Ana"
    assert report.streak == StreakSummary(2, 3, "2026-11-07")
    data = json.loads(json.dumps(report.as_json()))
    assert data["profile"] == "Ana"
    assert data["streak"] == {"current": 2, "longest": 3, "last_active": "2026-11-07"}


def test_the_streak_is_described_for_people() -> None:
    assert StreakSummary(3, 5, "2026-11-07").describe() == "3-day streak · longest 5"
    assert StreakSummary(0, 0, None).describe() == "No streak yet: study today to start one"
    assert StreakSummary(0, 4, "2026-10-01").describe() == "No current streak · longest 4"


def test_lessons_no_longer_in_the_course_are_left_out(tmp_path: Path) -> None:
    shipped = course()
    with ProgressStore.open(tmp_path) as store:
        store.visit_step("a-removed-lesson", 3)
        store.add_study_time("visit", "a-removed-lesson", 3600)
        store.finish_attempt(store.start_attempt("a-removed-lesson", 1, ["q"]), 1.0, True)
        report = progress_report(shipped, store, now_for_reviews())
    assert "a-removed-lesson" not in {lesson.id for lesson in report.lessons}
    assert (report.totals.time_seconds, report.totals.attempts, report.totals.steps_seen) == (
        0.0,
        0,
        0,
    )
    assert report.streak.current == 1  # a day of study is still a day of study


def test_durations_are_written_in_hours_and_minutes() -> None:
    assert [format_duration(s) for s in (0, 12, 60, 12 * 60 + 59, 3600 + 5 * 60, 36000)] == [
        "-",
        "<1m",
        "1m",
        "12m",
        "1h05m",
        "10h00m",
    ]
    assert format_duration(2 * 3600 + 600, spaced=True) == "2h 10m"


def test_mastery_weighs_the_best_score_and_the_recent_ones_equally() -> None:
    from dprk_it_tutor.progress.report import mastery, mastery_level

    assert mastery([]) is None and mastery_level(None) is None
    assert mastery([80.0]) == 80.0
    # Best 100, recent three average (100 + 40 + 40) / 3 = 60: a lesson since forgotten.
    assert mastery([20.0, 100.0, 40.0, 40.0]) == 80.0
    assert [mastery_level(p) for p in (95.0, 90.0, 70.0, 69.9, 50.0, 10.0)] == [
        "mastered",
        "mastered",
        "secure",
        "developing",
        "developing",
        "needs work",
    ]


def test_all_scores_run_oldest_first_across_lessons_and_leave_out_lessons_not_in_the_course(
    tmp_path: Path,
) -> None:
    shipped = course()
    first, second = shipped.lessons[:2]
    with ProgressStore.open(tmp_path) as store:
        for lesson, score in [(first, 0.5), (second, 0.25), ("gone", 1.0), (first, 0.75)]:
            lesson_id = getattr(lesson, "id", lesson)
            store.finish_attempt(store.start_attempt(lesson_id, 1, ["q"]), score, False)
        retry = store.start_attempt(first.id, 1, ["q"], kind="retry")  # not a quiz score
        store.finish_attempt(retry, 0.1, False)
        report = progress_report(shipped, store, now_for_reviews())
    assert report.all_scores == (50.0, 25.0, 75.0)
    assert report.lessons[0].scores == (50.0, 75.0) and report.lessons[1].scores == (25.0,)
    assert "all_scores" not in report.as_json()  # the JSON stays as documented
