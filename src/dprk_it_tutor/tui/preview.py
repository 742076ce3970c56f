"""``dprk-it-tutor preview PATH [--watch]``: one lesson or quiz, in the screens a learner sees.

With ``watch``, the file and the content files of its folder are polled every ``poll_interval``
seconds by their (mtime_ns, size), and a change reloads and re-renders what is shown. Polling a
few dozen files a couple of times a second costs next to nothing, works the same on every
platform and file system (network drives and editors that replace files included), and needs no
new dependency; a filesystem-events library would buy a few hundred milliseconds, nothing more.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from textual import events, on
from textual.app import App, SystemCommand
from textual.screen import Screen

from dprk_it_tutor.content.preview import FileState, Preview, file_states, load_preview
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.terminal_text import printable
from dprk_it_tutor.tui.app import TutorApp
from dprk_it_tutor.tui.messages import OpenGlossary, OpenTimeline
from dprk_it_tutor.tui.screens.lesson import LessonScreen
from dprk_it_tutor.tui.screens.preview import PreviewScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.size_notice import show_size_notices

POLL_SECONDS = 0.4
NOT_SAVED = "a preview never saves progress"


def preview_store() -> ProgressStore:
    """An empty store in memory: a preview counts steps and answers as the app does, and
    neither reads nor writes any learner's progress."""
    with tempfile.TemporaryDirectory() as empty:  # no store file there to start from
        return ProgressStore.open_unsaved(Path(empty), None, NOT_SAVED)


class PreviewApp(TutorApp):
    """The course app narrowed to one file: its lesson or quiz on top of a PreviewScreen.

    Everything a learner can open from there (the glossary, a lesson's quiz, the results) works
    as in the course, against the file's course context.
    """

    def __init__(
        self,
        path: Path,
        builtin_course: Path,
        store: ProgressStore,
        *,
        watch: bool = False,
        poll_interval: float = POLL_SECONDS,
    ) -> None:
        self.path = path
        self.builtin_course = builtin_course
        # Taken before loading, so that a save during the load is seen by the first poll.
        self._states: tuple[FileState, ...] = file_states(path) if watch else ()
        self.preview: Preview = load_preview(path, builtin_course)
        super().__init__(self.preview.course, store)
        self.watching = watch  # not 'watch': that is a Textual method
        self.poll_interval = poll_interval
        self._step = 1  # the lesson step shown last, kept across reloads
        self._question: tuple[int, str] = (0, "")  # the quiz question shown last: index, id

    def get_default_screen(self) -> Screen:
        return PreviewScreen(watching=self.watching)

    def on_mount(self, event: events.Mount) -> None:
        # The course app's start (resume a lesson, warn that nothing is saved) is not a preview's.
        event.prevent_default()
        show_size_notices(self)
        self.show_learner()
        self.sub_title = "watching for changes" if self.watching else ""
        if self.watching:
            self.set_interval(self.poll_interval, self._poll)
        self._show()

    def show_learner(self) -> None:
        self.title = f"Preview · {printable(self.path.name)}"

    def _poll(self) -> None:
        if not self.screen.is_mounted:
            return  # the last reload's screen is still being built: replacing it now races it
        states = file_states(self.path)
        if states != self._states:
            self._states = states
            self.reload()

    def reload(self) -> None:
        """Load the file again and show it where the author was, or show its errors."""
        self.preview = load_preview(self.path, self.builtin_course)
        self.course = self.preview.course
        self.clear_notifications()  # the last reload's news is stale now
        self._show()
        name = printable(self.path.name)
        if self.preview.showable:
            self.notify(f"Reloaded {name}", timeout=2, markup=False)
        else:
            errors = len(self.preview.errors)
            self.notify(
                f"Reloaded {name}: {errors} error(s)", severity="error", timeout=3, markup=False
            )

    def _show(self) -> None:
        self._close_to_home()
        base = self.screen_stack[0]
        if isinstance(base, PreviewScreen):
            base.show(self.preview)
        if self.preview.showable:
            self._open()
        warnings = [d for d in self.preview.diagnostics if d.severity == "warning"]
        if self.preview.showable and warnings:
            self.notify(
                "\n".join(printable(str(d)) for d in warnings),
                title="Warnings",
                severity="warning",
                markup=False,
            )

    @on(PreviewScreen.Reopen)
    def reopen(self) -> None:
        if self.preview.showable:
            self._close_to_home()
            self._open()

    def _open(self) -> None:
        lesson, quiz = self.preview.lesson, self.preview.quiz
        if lesson is None:
            return
        if quiz is None:
            has_quiz = self.course.quiz_for(lesson.id) is not None
            self.push_screen(
                LessonScreen(lesson, self.progress, has_quiz=has_quiz, step=self._step)
            )
            return
        from dprk_it_tutor.quiz.resume import quiz_title

        screen = QuizScreen(
            self.course, quiz, self.progress, title=quiz_title(self.course, lesson.id, "quiz")
        )
        # A new attempt, at the question the author was on: the same question if it is still
        # asked (its place may change when questions are shuffled), else the same number.
        index, question_id = self._question
        ids = [question.id for question in screen.session.questions]
        if question_id in ids:
            screen.index = ids.index(question_id)
        elif ids:
            screen.index = min(index, len(ids) - 1)
        self.push_screen(screen)

    def _close_to_home(self) -> None:
        # Whatever closes the lesson or quiz (a reload, escape, the end of the lesson) first notes
        # where the author was, so that the next reload opens it there again.
        self._remember_position()
        super()._close_to_home()

    def _remember_position(self) -> None:
        """The step or question on screen now, if the previewed file is open."""
        for screen in self.screen_stack:
            if isinstance(screen, LessonScreen) and self._is_previewed(screen.lesson.path):
                if not screen.peek:  # a step reread from the quiz is not where the author is
                    self._step = screen.step
            elif isinstance(screen, QuizScreen) and self._is_previewed(screen.session.quiz.path):
                self._question = (screen.index, screen.question.id)

    def _is_previewed(self, path: Path) -> bool:
        return path.resolve() == self.path.resolve()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # No learners, dashboard or exam here: a preview has one file and no one's progress.
        yield from App.get_system_commands(self, screen)
        yield SystemCommand(
            "Glossary", "Look up a term of the course", lambda: self.post_message(OpenGlossary())
        )
        yield SystemCommand(
            "Timeline", "Every dated event, in order", lambda: self.post_message(OpenTimeline())
        )


def make_preview_app(
    path: Path,
    builtin_course: Path,
    store: ProgressStore,
    *,
    watch: bool = False,
    poll_interval: float = POLL_SECONDS,
) -> PreviewApp:
    """The one way to build a preview, used by the CLI and by the tests."""
    return PreviewApp(path, builtin_course, store, watch=watch, poll_interval=poll_interval)
