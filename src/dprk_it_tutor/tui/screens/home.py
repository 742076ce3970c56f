"""The home screen: the course map, the highlighted lesson's details and "continue"."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Static

from dprk_it_tutor.content import BrokenFile, Course, Lesson
from dprk_it_tutor.progress import LessonOverview, LessonStatus, course_overview
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import (
    OpenDashboard,
    OpenFinalExam,
    OpenGlossary,
    OpenLearners,
    OpenLesson,
    OpenReview,
    OpenTimeline,
)
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.course_map import CourseMap
from dprk_it_tutor.tui.widgets.footer import Footer


def continue_target(rows: list[LessonOverview], last_lesson: str | None) -> LessonOverview | None:
    """The lesson "continue" opens: the last one worked in unless done, else the first not done."""
    by_id = {row.lesson.id: row for row in rows}
    last = by_id.get(last_lesson or "")
    if last is not None and last.status is not LessonStatus.COMPLETED:
        return last
    return next((row for row in rows if row.status is not LessonStatus.COMPLETED), None)


class HomeScreen(TutorScreen):
    # Every action here has a button too; the footer shows only as many keys as fit 80
    # columns with quit and help, and the help screen lists them all.
    BINDINGS = [
        Binding("c", "continue", "Continue"),
        Binding("r", "review", "Review"),
        Binding("e", "final_exam", "Final exam", show=False),
        Binding("g", "glossary", "Glossary"),
        Binding("t", "timeline", "Timeline", show=False),
        Binding("u", "learners", "Learner", show=False),
        Binding("d", "dashboard", "Progress"),
    ]

    def __init__(self, course: Course, progress: ProgressRecorder) -> None:
        super().__init__()
        self.course = course
        self.progress = progress
        self._target: LessonOverview | None = None
        self._filled = False  # the map is as fresh as it can be: showing it needs no refresh
        # Whether the Review and Final exam actions can be taken, as their buttons show; kept
        # here for check_action, which the footer calls before those buttons are mounted.
        self._review_usable = False
        self._exam_usable = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-layout"):
            with Vertical(id="map-column"):
                yield Button("Continue", id="continue", variant="primary")
                with Horizontal(id="home-actions"):
                    yield Button("Review", id="review", compact=True)
                    yield Button("Final exam", id="final-exam", compact=True)
                    yield Button("Learner", id="learner", compact=True)
                with Horizontal(id="home-reference"):
                    yield Button("Glossary", id="open-glossary", compact=True)
                    yield Button("Timeline", id="open-timeline", compact=True)
                    yield Button("Progress", id="open-dashboard", compact=True)
                yield CourseMap(show_packs=len(self.course.packs) > 1, id="course-map")
            with VerticalScroll(id="lesson-details"):
                yield Static(id="details", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_map()
        self.query_one(CourseMap).focus()
        self._filled = True

    def on_screen_resume(self) -> None:
        # The first resume comes straight after mounting, which has just filled the map.
        if self._filled:
            self._filled = False
        else:
            self.refresh_map()

    def refresh_map(self) -> None:
        learner = self.progress.learner
        self.query_one("#learner", Button).label = Content(printable(f"Learner: {learner}"))
        rows = course_overview(self.course, self.progress.lesson_records())
        self.query_one(CourseMap).show(rows, self.course.broken)
        self._target = continue_target(rows, self.progress.last_visited_lesson())
        self._refresh_actions(rows)
        button = self.query_one("#continue", Button)
        if not rows:
            button.label = "No lessons found: run 'dprk-it-tutor validate' to see why"
            button.disabled = True
        elif self._target is None:
            button.label = "Course complete: pick any lesson to revisit"
            button.disabled = True
        else:
            started = self._target.status is LessonStatus.IN_PROGRESS
            verb = "Continue" if started else "Start"
            step = (
                f" (step {self._target.current_step} of {self._target.lesson.step_count})"
                if started
                else ""
            )
            # Content: a label string would be read as markup, and a title may hold "[/b]".
            button.label = Content(printable(f"{verb}: {self._target.lesson.title}{step}"))
            button.disabled = False

    def _refresh_actions(self, rows: list[LessonOverview]) -> None:
        due = self.progress.count_due_reviews()
        review = self.query_one("#review", Button)
        review.label = f"Review: {due} due" if due else "Review: nothing due"
        self._review_usable = due > 0
        review.disabled = not self._review_usable
        exam = self.query_one("#final-exam", Button)
        done = self._exam_usable = bool(rows) and all(
            row.status is LessonStatus.COMPLETED for row in rows
        )
        exam.disabled = not done
        exam.label = "Final exam" if done else "Final exam (locked)"
        exam.tooltip = None if done else "Opens once every lesson is completed"
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return self._review_usable or None
        if action == "final_exam":
            return self._exam_usable or None
        return True

    def action_review(self) -> None:
        self.post_message(OpenReview())

    def action_final_exam(self) -> None:
        self.post_message(OpenFinalExam())

    def action_glossary(self) -> None:
        self.post_message(OpenGlossary())

    def action_timeline(self) -> None:
        self.post_message(OpenTimeline())

    def action_learners(self) -> None:
        self.post_message(OpenLearners())

    @on(Button.Pressed, "#learner")
    def learner_pressed(self) -> None:
        self.action_learners()

    def action_dashboard(self) -> None:
        self.post_message(OpenDashboard())

    @on(Button.Pressed, "#review")
    def review_pressed(self) -> None:
        self.action_review()

    @on(Button.Pressed, "#open-glossary")
    def glossary_pressed(self) -> None:
        self.action_glossary()

    @on(Button.Pressed, "#open-timeline")
    def timeline_pressed(self) -> None:
        self.action_timeline()

    @on(Button.Pressed, "#open-dashboard")
    def dashboard_pressed(self) -> None:
        self.action_dashboard()

    @on(Button.Pressed, "#final-exam")
    def exam_pressed(self) -> None:
        self.action_final_exam()

    def action_continue(self) -> None:
        if self._target is not None:
            self.post_message(OpenLesson(self._target.lesson.id))

    @on(Button.Pressed, "#continue")
    def continue_pressed(self) -> None:
        self.action_continue()

    @on(CourseMap.LessonChosen)
    def lesson_chosen(self, message: CourseMap.LessonChosen) -> None:
        self.post_message(OpenLesson(message.lesson_id))

    @on(CourseMap.BrokenChosen)
    def broken_chosen(self, message: CourseMap.BrokenChosen) -> None:
        self.notify(
            printable(message.broken.first_problem),
            title="This file could not be loaded",
            severity="error",
            markup=False,
        )

    def _where(self, lesson: Lesson) -> tuple[str | tuple[str, str], ...]:
        """The part of the course a lesson is in, and its pack when there are several."""
        pack = self.course.pack(lesson.pack)
        lines: list[str | tuple[str, str]] = []
        if lesson.part:
            lines += [("Part: ", "bold"), printable(lesson.part), "\n"]
        if pack is not None and len(self.course.packs) > 1:
            lines += [("Pack: ", "bold"), printable(pack.label), "\n"]
        return tuple(lines)

    @on(CourseMap.Highlighted)
    def show_details(self, message: CourseMap.Highlighted) -> None:
        details = self.query_one("#details", Static)
        item = message.item
        if isinstance(item, BrokenFile):
            problems = "\n".join(f"• {printable(str(d))}" for d in item.diagnostics)
            details.update(
                Content.assemble(
                    ("This file could not be loaded\n\n", "bold $text-error"),
                    problems,
                    "\n\nFix it and run 'dprk-it-tutor validate' to check.",
                )
            )
            return
        lesson = item.lesson
        objectives = "\n".join(f"• {printable(o)}" for o in lesson.objectives)
        prerequisites = ", ".join(
            printable(self.course.lesson(p).title if self.course.lesson(p) else p)
            for p in lesson.prerequisites
        )
        details.update(
            Content.assemble(
                (printable(lesson.title), "bold"),
                "\n\n",
                printable(lesson.summary),
                "\n\n",
                ("You will be able to\n", "bold"),
                objectives,
                "\n\n",
                ("Before this: ", "bold"),
                prerequisites or "nothing",
                "\n",
                *self._where(lesson),
                ("Length: ", "bold"),
                f"{lesson.step_count} steps, about {lesson.minutes} min",
                "\n",
                ("Progress: ", "bold"),
                f"{item.status.value}, {item.steps_seen} of {lesson.step_count} steps seen",
                *(
                    ("\n", ("Quiz: ", "bold"), f"{item.attempts} attempt(s)")
                    if item.has_quiz
                    else ()
                ),
            )
        )
