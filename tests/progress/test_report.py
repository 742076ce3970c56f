"""The progress report behind ``dprk-it-tutor progress`` and its documented JSON shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.paths import builtin_course_dir
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.progress.report import now_for_reviews, progress_report

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
    assert data["version"] == example["version"] == 1
