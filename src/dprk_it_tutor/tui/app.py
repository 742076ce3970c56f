"""The Textual app: a thin shell that owns the course and the store and routes between screens."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress import ProgressStore, StoreError, damaged_store_notice
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.messages import (
    GoHome,
    OpenDashboard,
    OpenFinalExam,
    OpenGlossary,
    OpenLearners,
    OpenLesson,
    OpenQuiz,
    OpenReview,
    OpenTerms,
    OpenTimeline,
    QuizFinished,
    StartQuiz,
)
from dprk_it_tutor.tui.recorder import ProgressRecorder
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.size_notice import (
    HORIZONTAL_BREAKPOINTS,
    VERTICAL_BREAKPOINTS,
    fit_classes,
    show_size_notices,
)
from dprk_it_tutor.tui.themes import DEFAULT_THEME, HIGH_CONTRAST, HIGH_CONTRAST_NAME

NOT_SAVED = "⚠ Progress is not being saved"
DASHBOARD = "dashboard"  # the name the dashboard is installed under


def course_subtitle(course: Course) -> str:
    """The first pack's title, and how many packs were added to it."""
    if not course.packs:
        return ""
    first, added = course.packs[0], len(course.packs) - 1
    more = f" + {added} pack{'s' if added > 1 else ''}" if added else ""
    return printable(first.label + more)


class TutorApp(App[None]):
    CSS_PATH = ["app.tcss", "terminal.tcss"]
    # Classes on every screen for its terminal's size: terminal.tcss fits the layout to them.
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS
    TITLE = "dprk-it-tutor"
    SUB_TITLE = "North Korea's IT sector, as reported in 2012-2013"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, course: Course, store: ProgressStore, start: str | None = None) -> None:
        super().__init__()
        self.start = start  # "review": open straight into a review session
        self.course = course
        self.progress = ProgressRecorder(store, self._progress_not_saved)
        self._damaged_notice = damaged_store_notice(store) if store.moved_aside else ""
        self._not_saved_reason = "" if store.saving else store.not_saved_reason
        self._warned_about_saving = False
        # The first unexpected exception, kept for the command line to log and report in one line
        # (dprk_it_tutor.crash) instead of the traceback Textual prints after restoring the terminal.
        self.crashed: BaseException | None = None
        self.register_theme(HIGH_CONTRAST)

    def _handle_exception(self, error: Exception) -> None:
        if self.crashed is None:
            self.crashed = error
        super()._handle_exception(error)  # stops the app and restores the terminal

    def _print_error_renderables(self) -> None:
        if self.crashed is None:
            super()._print_error_renderables()
        self._exit_renderables.clear()

    def get_screen(self, screen: Screen | str, screen_class: type[Screen] | None = None) -> Screen:
        # Every screen is pushed through here: a new one is fitted to the terminal's size first.
        next_screen = super().get_screen(screen, screen_class)
        if not next_screen.is_running:
            fit_classes(next_screen, self.size)
        return next_screen

    def get_default_screen(self) -> Screen:
        return HomeScreen(self.course, self.progress)

    def on_mount(self) -> None:
        show_size_notices(self)
        self.sub_title = course_subtitle(self.course) or self.SUB_TITLE
        self.use_learner_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.show_learner()
        if self._not_saved_reason:
            self._progress_not_saved(StoreError(self._not_saved_reason))
        if self._damaged_notice:
            self.notify(
                self._damaged_notice[0].upper() + self._damaged_notice[1:] + ".",
                title="Your progress file was damaged",
                severity="warning",
                timeout=30,
            )
        if self.course.broken:
            count = len(self.course.broken)
            self.notify(
                f"{count} content file(s) could not be loaded; they are marked as broken "
                "on the course map. Run 'dprk-it-tutor validate' for details.",
                title="Some content is broken",
                severity="warning",
                timeout=8,
            )
        if self.start == "review":
            self.post_message(OpenReview())
            return
        if self._resume_interrupted_quiz():
            return
        resume = self.progress.resume_lesson()
        if resume and self.course.lesson(resume):
            self.post_message(OpenLesson(resume))

    def _resume_interrupted_quiz(self) -> bool:
        """Reopen the quiz attempt that was open when the app last stopped, if there is one."""
        from dprk_it_tutor.quiz.resume import quiz_for_attempt

        attempt = self.progress.resume_attempt()
        if attempt is None:
            return False
        found = quiz_for_attempt(self.course, attempt.lesson_id, attempt.kind, attempt.question_ids)
        if found is None:  # its questions are no longer in the course
            self.progress.set_resume_attempt(None)
            return False
        self.post_message(StartQuiz(found.quiz, attempt.kind, found.title, resume=attempt))
        return True

    def use_learner_theme(self) -> None:
        """The theme this learner chose last (from the palette or the high-contrast command)."""
        chosen = self.progress.theme()
        self.theme = chosen if chosen in self.available_themes else DEFAULT_THEME

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != (self.progress.theme() or DEFAULT_THEME):
            self.progress.set_theme(theme.name)

    def action_toggle_high_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST_NAME else HIGH_CONTRAST_NAME

    def show_learner(self) -> None:
        """The header says who is learning, and, above all, when nothing is being saved."""
        learner = printable(self.progress.learner)
        self.title = (
            f"{NOT_SAVED} · {learner}"
            if self._warned_about_saving
            else f"dprk-it-tutor · {learner}"
        )

    def _progress_not_saved(self, error: StoreError) -> None:
        """Say why once, in a long toast, and keep saying it in the header of every screen.

        The header's title, not its sub-title: some screens set their own sub-title.
        """
        if not self._warned_about_saving:
            self._warned_about_saving = True
            self.show_learner()
            self.notify(
                f"{printable(str(error))}. What you do now is kept only until you quit.",
                title="Progress is not being saved",
                severity="error",
                timeout=60,
                markup=False,
            )

    def action_help(self) -> None:
        from dprk_it_tutor.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # -- navigation ---------------------------------------------------------------------------

    @on(OpenLesson)
    def open_lesson(self, message: OpenLesson) -> None:
        from dprk_it_tutor.tui.screens.lesson import LessonScreen

        lesson = self.course.lesson(message.lesson_id)
        if lesson is None:
            self.notify(
                f"There is no lesson '{message.lesson_id}'.", severity="error", markup=False
            )
            return
        step = message.step
        if step is None:
            record = self.progress.lesson_records().get(lesson.id)
            step = record.current_step if record else 1
        self._close_to_home()
        self.push_screen(
            LessonScreen(
                lesson,
                self.progress,
                has_quiz=self.course.quiz_for(lesson.id) is not None,
                step=step,
            )
        )

    @on(OpenQuiz)
    def open_quiz(self, message: OpenQuiz) -> None:
        lesson = self.course.lesson(message.lesson_id)
        quiz = self.course.quiz_for(message.lesson_id)
        if lesson is None or quiz is None:
            self.notify("This lesson has no quiz.", severity="warning")
            return
        from dprk_it_tutor.quiz.resume import quiz_title

        resume = self.progress.unfinished_attempt(lesson.id)
        title = quiz_title(self.course, lesson.id, "quiz")
        self.start_quiz(StartQuiz(quiz, "quiz", title, resume=resume))

    @on(StartQuiz)
    def start_quiz(self, message: StartQuiz) -> None:
        from dprk_it_tutor.tui.screens.quiz import QuizScreen

        screen = QuizScreen(
            self.course,
            message.quiz,
            self.progress,
            kind=message.kind,
            title=message.title,
            only=message.only,
            resume=message.resume,
        )
        self.push_screen(screen)

    @on(OpenFinalExam)
    def open_final_exam(self) -> None:
        from dprk_it_tutor.progress import LessonStatus, course_overview
        from dprk_it_tutor.quiz.exam import final_exam

        rows = course_overview(self.course, self.progress.lesson_records())
        if not rows or any(row.status is not LessonStatus.COMPLETED for row in rows):
            self.notify("The final exam opens once every lesson is completed.", severity="warning")
            return
        self._close_to_home()
        self.start_quiz(StartQuiz(final_exam(self.course), "exam", "Final exam"))

    @on(OpenReview)
    def open_review(self) -> None:
        from dprk_it_tutor.quiz.review import review_quiz

        quiz = review_quiz(self.course, [card.question_id for card in self.progress.due_reviews()])
        if quiz is None:
            self.notify("Nothing is due for review right now.", title="Review")
            return
        self._close_to_home()
        self.start_quiz(StartQuiz(quiz, "review", "Review"))

    @on(QuizFinished)
    def show_results(self, message: QuizFinished) -> None:
        from dprk_it_tutor.tui.screens.results import ResultsScreen

        self.switch_screen(ResultsScreen(message.session, message.kind, message.title))

    @on(OpenGlossary)
    def open_glossary(self, message: OpenGlossary) -> None:
        from dprk_it_tutor.tui.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            if message.term_id:
                self.screen.select(message.term_id)
            return
        self.push_screen(GlossaryScreen(self.course, message.term_id))

    @on(OpenTerms)
    def open_terms(self, message: OpenTerms) -> None:
        from dprk_it_tutor.tui.screens.terms import TermsDialog

        self.push_screen(TermsDialog(self.course, message.term_ids, message.selected))

    @on(OpenTimeline)
    def open_timeline(self) -> None:
        from dprk_it_tutor.tui.screens.timeline import TimelineScreen

        if not isinstance(self.screen, TimelineScreen):
            self.push_screen(TimelineScreen(self.course, self.progress))

    @on(OpenDashboard)
    def open_dashboard(self) -> None:
        from dprk_it_tutor.tui.screens.dashboard import DashboardScreen

        if any(isinstance(screen, DashboardScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, DashboardScreen):
                self.pop_screen()
            return
        # Kept once built (an installed screen stays mounted when closed): opening it again shows
        # it as it was, and it reads the store again only if something changed in the meantime.
        if not self.is_screen_installed(DASHBOARD):
            self.install_screen(DashboardScreen(self.course, self.progress), DASHBOARD)
        self.push_screen(DASHBOARD)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Glossary", "Look up a term of the course", lambda: self.post_message(OpenGlossary())
        )
        yield SystemCommand(
            "Timeline", "Every dated event, in order", lambda: self.post_message(OpenTimeline())
        )
        yield SystemCommand(
            "Progress dashboard",
            "Your streak, every lesson's standing and your quiz scores over time",
            lambda: self.post_message(OpenDashboard()),
        )
        high_contrast = self.theme == HIGH_CONTRAST_NAME
        yield SystemCommand(
            "High-contrast theme: " + ("turn off" if high_contrast else "turn on"),
            "White on black with a yellow cursor; remembered for this learner",
            self.action_toggle_high_contrast,
        )
        yield SystemCommand(
            "Switch learner",
            "Choose who is learning, or add a learner",
            lambda: self.post_message(OpenLearners()),
        )

    @on(OpenLearners)
    def open_learners(self) -> None:
        from dprk_it_tutor.tui.screens.learners import LearnersDialog

        self._close_to_home()
        self.push_screen(
            LearnersDialog(self.progress.learners(), self.progress.learner), self._switch_learner
        )

    def _switch_learner(self, name: str | None) -> None:
        if name and self.progress.switch_learner(name):
            self.use_learner_theme()
            self.show_learner()
            self.notify(
                f"{name} is learning now; their progress is shown.", title="Learner", markup=False
            )
        # The course map refreshes itself when the dialog closes over it.

    @on(GoHome)
    def go_home(self) -> None:
        self._close_to_home()

    def _close_to_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()


def make_app(course: Course, store: ProgressStore, start: str | None = None) -> TutorApp:
    """The one way to build the app, used by the CLI and by every test."""
    return TutorApp(course, store, start)
