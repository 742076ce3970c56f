"""The interaction benchmark times what it says it times: each sample is a real step change, a
real answer submitted and graded, a real opening of the dashboard."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from dprk_it_tutor import paths
from dprk_it_tutor.content import Course, load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import TutorApp, make_app
from dprk_it_tutor.tui.recorder import ProgressRecorder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import interaction


@pytest.fixture
def shipped() -> Course:
    return load_course(paths.course_folders([], content_only=False))


def measure(
    name: str, runs: int, course: Course, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> list[float]:
    monkeypatch.setattr(interaction, "READING", 0.0)  # the pause is the learner's, not the app's
    with ProgressStore.open(data_dir) as store:

        def session() -> tuple[TutorApp, interaction.PaintClock]:
            app = make_app(course, store)
            return app, interaction.PaintClock(app)

        samples = asyncio.run(interaction.MEASURES[name](session, runs))
    assert len(samples) == runs and all(sample > 0 for sample in samples)
    return samples


def test_every_answer_sample_submits_an_answer_and_every_type_is_timed(
    shipped: Course, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted: list[str] = []
    record = ProgressRecorder.record_answer

    def recorded(self, attempt_id, question_id, *args, **kwargs):  # type: ignore[no-untyped-def]
        submitted.append(question_id)
        return record(self, attempt_id, question_id, *args, **kwargs)

    monkeypatch.setattr(ProgressRecorder, "record_answer", recorded)
    measure("answers", 40, shipped, data_dir, monkeypatch)
    assert len(submitted) == 40  # one answer graded and saved per sample, none without
    types = {shipped.question(question_id)[0].type for question_id in submitted}
    assert types == {"single", "true_false", "multiple", "short", "numeric", "ordering", "matching"}


def test_every_step_sample_moves_on_one_step(
    shipped: Course, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    measure("steps", 6, shipped, data_dir, monkeypatch)  # it checks the step after each key


@pytest.mark.parametrize("name", ["dashboard-first", "dashboard-again"])
def test_every_dashboard_sample_opens_it(
    name: str, shipped: Course, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    measure(name, 2, shipped, data_dir, monkeypatch)  # it checks the screen after each key


def test_the_clock_counts_a_frame_only_when_it_changes_the_screen() -> None:
    from rich.segment import Segment
    from textual._compositor import ChopsUpdate, LayoutUpdate
    from textual.geometry import Region
    from textual.strip import Strip

    def layout(text: str) -> LayoutUpdate:
        return LayoutUpdate([[Strip([Segment(text)])]], Region(0, 0, len(text), 1))

    screen = interaction.ScreenCopy()
    assert screen.apply(layout("Step 2"))
    assert not screen.apply(layout("Step 2"))  # painted again, nothing new to see
    assert screen.apply(layout("Step 3"))
    chop = ChopsUpdate([{5: Strip([Segment("3")])}], [(0, 5, 6)], [[6]])
    assert not screen.apply(chop)  # the same cell, as part of a line
    assert screen.apply(ChopsUpdate([{5: Strip([Segment("4")])}], [(0, 5, 6)], [[6]]))
