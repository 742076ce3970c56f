"""Interaction latencies measured in the running app with Textual's Pilot; run by run.py.

    python benchmarks/interaction.py steps|answers|dashboard-first|dashboard-again --data-dir D [--profile NAME] [--runs N]

Prints a JSON list of milliseconds, one per interaction. Each figure is the time from the moment
the key is sent to the last frame that changed the screen in answer to it: what the learner waits
for. Frames that repaint what is already shown (the lesson's pages built hidden for later, say)
are not counted: see ``PaintClock``. Paints are timestamped by wrapping the app's display call;
``pilot.press`` itself cannot be timed, since it sleeps until the process looks idle.

- ``steps``: ``right`` (next step) through the first lessons of the course, step after step,
  half a second on each step before the next (``READING``).
- ``answers``: the key that submits an answer, question after question of the first quizzes (a
  digit for single choice, ``t`` for true/false, ``enter`` for the rest once the answer is given).
- ``dashboard-first``: ``d`` on the course map of a new session, until the dashboard is painted
  (a session, that is an app, per sample, all in one process).
- ``dashboard-again``: ``d`` once more after ``escape``, nothing having changed in between.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from rich.segment import ControlType
from rich.style import Style
from textual._compositor import CompositorUpdate

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import TutorApp, make_app
from dprk_it_tutor.tui.screens.dashboard import DashboardScreen
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap

SIZE = (100, 30)


class PaintClock:
    """Timestamps every frame the app paints, and tells which of them changed the screen.

    A frame can repaint what is already there (a page built hidden for later, a layout pass
    that moves nothing), and the learner waits for none of those: a key is answered by the
    last frame that changed a cell. The frames are kept as they come, timed, and replayed onto
    a copy of the screen once the key has been answered, so that telling them apart costs the
    app nothing while it is timed.
    """

    def __init__(self, app: TutorApp) -> None:
        self._frames: list[tuple[float, CompositorUpdate]] = []
        self._screen = ScreenCopy()
        display = app._display

        def timed_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if isinstance(renderable, CompositorUpdate):
                self._frames.append((time.perf_counter(), renderable))
            display(screen, renderable)

        app._display = timed_display  # type: ignore[method-assign]

    def last_change(self) -> float:
        """The time of the last frame so far that changed the screen (0 if none did)."""
        last = 0.0
        for painted, update in self._frames:
            if self._screen.apply(update):
                last = painted
        self._frames.clear()
        return last

    async def time_key(self, pilot, key: str) -> float:  # type: ignore[no-untyped-def]
        """Milliseconds from sending ``key`` to the last change to the screen it caused."""
        self.last_change()  # what was painted before the key is the screen it changes
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        last = self.last_change()
        if last <= start:
            raise SystemExit(f"benchmarks: pressing {key!r} changed nothing on the screen")
        return (last - start) * 1000


class ScreenCopy:
    """What the terminal shows, cell by cell, kept up to date from the compositor's updates."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], tuple[str, Style | None]] = {}

    def apply(self, update: CompositorUpdate) -> bool:
        """Write ``update`` onto the copy; whether any cell changed."""
        changed = False
        cells = self._cells
        x = y = 0
        # An update renders itself as text segments, each placed by a cursor move before it.
        for segment in update.__rich_console__(None, None):  # type: ignore[attr-defined,arg-type]
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            style = segment.style
            for character in segment.text:
                if character == "\n":
                    continue
                cell = (character, style)
                if cells.get((x, y)) != cell:
                    cells[(x, y)] = cell
                    changed = True
                x += cell_len(character)
        return changed


Session = Callable[[], tuple[TutorApp, PaintClock]]  # a new app on the store, and its clock
READING = 0.5  # seconds on a step before "next": a glance, not a read


async def read(pilot) -> None:  # type: ignore[no-untyped-def]
    """Stay on the step shown for a moment, as a learner reading it does (the lesson screen
    prepares the steps either side meanwhile)."""
    await pilot.pause()
    await asyncio.sleep(READING)
    await pilot.pause()


async def next_steps(session: Session, runs: int) -> list[float]:
    samples: list[float] = []
    app, clock = session()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for lesson in app.course.lessons:
            if len(samples) >= runs:
                break
            await _open_lesson(pilot, app, lesson.id)
            screen = app.screen
            assert isinstance(screen, LessonScreen), type(screen).__name__
            while screen.step > 1:  # a lesson reopens where it was left
                await pilot.press("left")
            for step in range(2, len(lesson.steps) + 1):
                await read(pilot)
                samples.append(await clock.time_key(pilot, "right"))
                assert screen.step == step, (lesson.id, screen.step, step)
            await pilot.press("escape")
            await pilot.pause()
    return samples[:runs]


async def _open_lesson(pilot, app: TutorApp, lesson_id: str) -> None:  # type: ignore[no-untyped-def]
    """Put the course map's cursor on ``lesson_id`` and open it with Enter, as a learner does."""
    home = app.screen
    assert isinstance(home, HomeScreen), type(home).__name__
    course_map = home.query_one(CourseMap)
    course_map.focus()
    course_map.move_cursor(row=course_map.get_row_index(lesson_id))
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def answers(session: Session, runs: int) -> list[float]:
    samples: list[float] = []
    app, clock = session()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for lesson in app.course.lessons:
            if len(samples) >= runs or lesson.id not in app.course.quizzes:
                continue
            await _open_lesson(pilot, app, lesson.id)
            await pilot.press("t")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen), type(screen).__name__
            while isinstance(app.screen, QuizScreen) and len(samples) < runs:
                question = screen.question
                submit = await _give_answer(pilot, screen)
                samples.append(await clock.time_key(pilot, submit))
                if question.id not in screen.session.grades:
                    raise SystemExit(f"benchmarks: {submit!r} did not submit {question.id}")
                await pilot.press("n")
                await pilot.pause()
            while not isinstance(app.screen, HomeScreen):
                await pilot.press("escape")
                await pilot.pause()
    return samples[:runs]


async def _give_answer(pilot, screen: QuizScreen) -> str:  # type: ignore[no-untyped-def]
    """Give an answer with keys (right or wrong: grading costs the same) and return the key that
    submits it, which is the one timed."""
    question = screen.question
    if question.type == "single":
        return "2"  # a digit chooses and submits
    if question.type == "true_false":
        return "t"
    if question.type in ("multiple", "short", "numeric"):
        await pilot.press("1", "2")  # ticks two choices, or types "12"
    elif question.type == "matching":
        # Each drop-down: open it, choose its first partner, on to the next; then the button.
        for _ in question.left_items:
            await pilot.press("enter", "down", "enter", "tab")
        check = screen.query_one("#check")
        while screen.focused is not check:
            await pilot.press("tab")
    # ordering: the order as it stands
    await pilot.pause()
    return "enter"


async def dashboard_first(session: Session, runs: int) -> list[float]:
    """``d`` in a new session, once per session: the dashboard is built and filled."""
    samples: list[float] = []
    for _ in range(runs):
        app, clock = session()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            samples.append(await clock.time_key(pilot, "d"))
            assert isinstance(app.screen, DashboardScreen), type(app.screen).__name__
    return samples


async def dashboard_again(session: Session, runs: int) -> list[float]:
    """``d`` again after ``escape``: the dashboard kept from the first time is shown again."""
    samples: list[float] = []
    app, clock = session()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(runs + 1):
            samples.append(await clock.time_key(pilot, "d"))
            assert isinstance(app.screen, DashboardScreen), type(app.screen).__name__
            await pilot.press("escape")
            await pilot.pause()
    return samples[1:]  # the first opening built it


MEASURES = {
    "steps": next_steps,
    "answers": answers,
    "dashboard-first": dashboard_first,
    "dashboard-again": dashboard_again,
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("measure", choices=MEASURES)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--profile", default=None)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    course = load_course(paths.course_folders([], content_only=False))
    with ProgressStore.open(args.data_dir, args.profile) as store:

        def session() -> tuple[TutorApp, PaintClock]:
            app = make_app(course, store)
            return app, PaintClock(app)

        samples = asyncio.run(MEASURES[args.measure](session, args.runs))
    print(json.dumps(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
