"""Regenerate the README screenshots: python docs/screenshots.py (from the repository root)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app

OUT = Path(__file__).resolve().parent
SIZE = (100, 30)


async def main() -> None:
    course = load_course([paths.builtin_course_dir()])
    with tempfile.TemporaryDirectory() as data, ProgressStore.open(Path(data)) as store:
        first = course.lessons[0]
        for step in range(1, first.step_count + 1):
            store.visit_step(first.id, step)
        store.add_study_time("visit-1", first.id, 19 * 60 + 40)
        for score in (0.5, 0.625, 0.875):  # three attempts, for the dashboard's chart
            attempt = store.start_attempt(
                first.id, 1, [q.id for q in course.quiz_for(first.id).questions]
            )
            store.finish_attempt(attempt, score, score >= 0.8)
        store.visit_step(course.lessons[1].id, 1)
        store.visit_step(course.lessons[1].id, 2)
        store.add_study_time("visit-2", course.lessons[1].id, 6 * 60 + 15)
        app = make_app(course, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down")
            await pilot.pause()
            app.save_screenshot("home.svg", str(OUT))
            await pilot.press("c")
            await pilot.pause()
            app.save_screenshot("lesson.svg", str(OUT))
            await pilot.press("escape", "g")
            for key in "intranet":
                await pilot.press(key)
            await pilot.pause()
            app.save_screenshot("glossary.svg", str(OUT))
            await pilot.press("escape", "t", *["down"] * 13)
            await pilot.pause()
            app.save_screenshot("timeline.svg", str(OUT))
            await pilot.press("escape", "d")
            await pilot.pause()
            app.save_screenshot("dashboard.svg", str(OUT))
            await pilot.press("q")


if __name__ == "__main__":
    asyncio.run(main())
