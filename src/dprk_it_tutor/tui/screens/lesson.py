"""The lesson screen: one step at a time, "step k of n", and the quiz at the end."""

from __future__ import annotations

import time
import uuid
from urllib.parse import urlparse

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Header, Label, Markdown, ProgressBar

from dprk_it_tutor.content import Lesson
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import GoHome, OpenGlossary, OpenQuiz, OpenTerms
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.screens.base import TutorScreen
from dprk_it_tutor.tui.widgets.footer import Footer
from dprk_it_tutor.tui.widgets.term_view import term_id_from_link

WEB_SCHEMES = {"http", "https"}
# Reading time counted for one step at most: a lesson left open overnight is not ten hours' study.
MAX_SECONDS_PER_STEP = 10 * 60
clock = time.monotonic  # replaced in tests
STEP_KEYS = Binding.Group("Step")
# How long a step is shown before the steps either side are built: built at once, they held up
# the last frames of the step change itself (a Markdown page mounts its blocks in one batch,
# during which the screen paints nothing); a learner reading a step gives them all the time
# they need.
NEIGHBOURS_AFTER = 0.15  # seconds


class LessonScreen(TutorScreen):
    # Priority: the scrolling step body would otherwise take left/right for sideways scrolling.
    # One footer entry for both arrows, so that the footer's keys fit an 80-column terminal.
    BINDINGS = [
        Binding("left,p", "previous_step", "Previous", priority=True, group=STEP_KEYS),
        Binding("right,n", "next_step", "Next", priority=True, group=STEP_KEYS),
        Binding("t", "take_quiz", "Take quiz"),
        Binding("g", "terms", "Terms"),
        Binding("escape,h", "home", "Course map"),
        Binding("escape,h", "back_to_quiz", "Go back"),
    ]

    step: reactive[int] = reactive(1, init=False)

    def __init__(
        self,
        lesson: Lesson,
        progress: ProgressRecorder,
        *,
        has_quiz: bool,
        step: int = 1,
        peek: bool = False,
        came_from: str = "the quiz",
    ) -> None:
        super().__init__()
        self.lesson = lesson
        self.progress = progress
        self.has_quiz = has_quiz and not peek
        # Opened from a quiz (or the timeline) to reread a step: escape returns there.
        self.peek = peek
        self.came_from = came_from
        self._start_step = max(1, min(step, lesson.step_count))
        self._visit_id = uuid.uuid4().hex
        self._reading_since: float | None = None
        self._pages: dict[int, Markdown] = {}  # step number: its page, for the steps built
        self._neighbours_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="lesson-bar"):
            yield Label(printable(self.lesson.title), id="lesson-title", markup=False)
            yield Label("", id="step-counter")
        yield ProgressBar(
            total=self.lesson.step_count, show_eta=False, show_percentage=False, id="step-progress"
        )
        with VerticalScroll(id="step-scroll"):
            yield ContentSwitcher(id="step-pages")
        with Horizontal(id="step-nav"):
            yield Button("◀ Previous", id="previous")
            yield Button("Next ▶", id="next", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        if self.peek:
            self.sub_title = f"Reading from {self.came_from}: escape goes back to it"
        else:
            self.progress.set_resume_lesson(self.lesson.id)
        self.set_reactive(LessonScreen.step, self._start_step)
        self._show_step()
        self.query_one("#step-scroll").focus()

    # Reading time: counted while this screen is on top, saved at every step change so that a
    # killed terminal loses one step's time at most.
    def on_screen_resume(self) -> None:
        self._reading_since = clock()

    def on_screen_suspend(self) -> None:
        self._save_reading_time()

    def on_unmount(self) -> None:
        self._save_reading_time()

    def _save_reading_time(self) -> None:
        if self._reading_since is None:
            return
        seconds = min(clock() - self._reading_since, MAX_SECONDS_PER_STEP)
        self._reading_since = None
        if seconds > 0:
            self.progress.add_study_time(self._visit_id, self.lesson.id, round(seconds, 1))

    def watch_step(self) -> None:
        if self._reading_since is not None:
            self._save_reading_time()
            self._reading_since = clock()
        self._show_step()

    # Each step is its own Markdown page. Building one (parsing it, then mounting and styling a
    # widget per block) was much of the time "next" took, so the steps either side of the one
    # shown are built while the learner reads (NEIGHBOURS_AFTER), and turning to one only swaps
    # the page shown. Pages further away are let go: a long lesson keeps three at most.
    def _page(self, number: int) -> Markdown:
        """Step ``number``'s page, built now (and hidden) if it is not built yet."""
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = Markdown(
                printable(self.lesson.steps[number - 1].markdown),
                id=f"step-{number}",
                classes="step-body",
                open_links=False,
            )
            page.display = False
            self.query_one("#step-pages", ContentSwitcher).mount(page)
        return page

    def _build_neighbours(self) -> None:
        if not self.is_mounted:
            return  # closed in the meantime
        for number in [n for n in self._pages if abs(n - self.step) > 1]:
            self._pages.pop(number).remove()
        for number in (self.step + 1, self.step - 1):
            if 1 <= number <= self.lesson.step_count:
                self._page(number)

    def _show_step(self) -> None:
        last = self.step == self.lesson.step_count
        self.query_one("#step-counter", Label).update(
            f"Step {self.step} of {self.lesson.step_count}"
        )
        self.query_one("#step-progress", ProgressBar).update(progress=self.step)
        self.query_one("#step-pages", ContentSwitcher).current = self._page(self.step).id
        self.query_one("#step-scroll").scroll_home(animate=False)
        self.query_one("#previous", Button).disabled = self.step == 1
        next_button = self.query_one("#next", Button)
        if not last:
            next_button.label = "Next ▶"
        else:
            next_button.label = "Take the quiz ▶" if self.has_quiz else "Finish ✓"
        self.progress.visit_step(self.lesson.id, self.step)
        self.refresh_bindings()
        if self._neighbours_timer is not None:
            self._neighbours_timer.stop()  # the learner moved on before they were built
        self._neighbours_timer = self.set_timer(NEIGHBOURS_AFTER, self._build_neighbours)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "previous_step":
            return self.step > 1 or None  # None: shown greyed out in the footer
        if action == "take_quiz":
            return self.has_quiz
        if action in ("home", "back_to_quiz"):
            return self.peek == (action == "back_to_quiz")
        return True

    def action_next_step(self) -> None:
        if self.step < self.lesson.step_count:
            self.step += 1
        elif self.has_quiz:
            self.action_take_quiz()
        else:
            self.notify(
                f"You have finished '{printable(self.lesson.title)}'.",
                title="Lesson complete",
                markup=False,
            )
            self.action_home()

    def action_previous_step(self) -> None:
        if self.step > 1:
            self.step -= 1

    def action_take_quiz(self) -> None:
        if self.has_quiz:
            self.post_message(OpenQuiz(self.lesson.id))

    def action_back_to_quiz(self) -> None:
        self.dismiss()

    def action_home(self) -> None:
        if self.peek:
            self.dismiss()
            return
        self.progress.set_resume_lesson(None)
        self.post_message(GoHome())

    @on(Button.Pressed, "#next")
    def next_pressed(self) -> None:
        self.action_next_step()

    @on(Button.Pressed, "#previous")
    def previous_pressed(self) -> None:
        self.action_previous_step()

    def action_terms(self) -> None:
        terms = self.lesson.terms_in_step(self.step)
        self.post_message(OpenTerms(terms) if terms else OpenGlossary())

    @on(Markdown.LinkClicked)
    def link_clicked(self, event: Markdown.LinkClicked) -> None:
        term_id = term_id_from_link(event.href)
        if term_id is not None:
            self.post_message(OpenTerms(self.lesson.terms_in_step(self.step), term_id))
        # Only web links leave the app; file:, javascript: and the like are never opened.
        elif urlparse(event.href).scheme.lower() in WEB_SCHEMES:
            self.app.open_url(event.href)
        else:
            self.notify(f"Not opened: {printable(event.href)}", severity="warning", markup=False)
