"""Every screen at 80x24 shows what it is for, with its focus visible even without colour; below
the smallest usable size a notice covers it; no size, however small, stops the app; resizing in
the middle of a quiz loses nothing."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Button, Input

from dprk_it_tutor.content import Course
from dprk_it_tutor.progress import ProgressStore
from dprk_it_tutor.tui.app import make_app
from dprk_it_tutor.tui.screens.home import HomeScreen
from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.size_notice import MIN_HEIGHT, MIN_WIDTH, size_notice_text
from dprk_it_tutor.tui.widgets.answers import MultiAnswer

from .rendering import monochrome, screen_lines
from .screen_walk import answer_by_keys, course_with_every_question_type, walk_every_screen

NOTICE_START = "Make the window larger"


def shown_text(app) -> str:
    """Everything on screen as one line of words (so that wrapped text reads whole)."""
    return " ".join(" ".join(screen_lines(app)).split())


def notice_shown(app) -> bool:
    return NOTICE_START in shown_text(app)


def fully_on_screen(app, selector: str) -> bool:
    region = app.screen.query_one(selector).region
    return bool(region) and app.screen.region.contains_region(region)


async def focus_changes_the_look(pilot, widget) -> bool:
    """Whether ``widget`` looks different focused and unfocused once colours are dropped."""
    app = pilot.app
    widget.focus()
    await pilot.pause()
    region: Region = widget.region
    focused = monochrome(app, region)
    app.screen.set_focus(None)
    await pilot.pause()
    return monochrome(app, region) != focused


async def check_at_80x24(pilot, name: str) -> None:
    app = pilot.app
    screen = app.screen
    assert not notice_shown(app), name
    footer = screen_lines(app)[-1]
    typing = isinstance(app.focused, Input)  # q and ? are letters to type there
    assert "esc" in footer or "c Continue" in footer, f"{name}: footer {footer!r}"
    if not typing and name != "home":
        assert "? Help" in footer, f"{name}: footer {footer!r}"
    if isinstance(screen, QuizScreen) and not screen.answered:
        words = " ".join(screen.question.prompt.split()[:6])
        assert words in shown_text(app), f"{name}: the question is not in view"
        assert fully_on_screen(app, "#answer"), f"{name}: the answers are not in view"
        assert fully_on_screen(app, "#check"), f"{name}: Check answer is not in view"
    if isinstance(screen, QuizScreen) and screen.answered:  # the feedback replaces the question
        assert fully_on_screen(app, "#feedback"), f"{name}: the feedback is cut off"
        assert fully_on_screen(app, "#next-question"), f"{name}: Next is not in view"
    if name == "home":
        assert fully_on_screen(app, "#continue") and fully_on_screen(app, "#open-dashboard")
        assert "? Help" in footer and "q Quit" in footer
    if name == "lesson":
        assert fully_on_screen(app, "#next") and fully_on_screen(app, "#previous")
    if name == "results":
        assert fully_on_screen(app, "#back-to-map") and fully_on_screen(app, "#answers")
    # Focus is always visible: every widget that can take focus looks different with it.
    keep = app.focused
    for widget in list(screen.focus_chain):
        assert await focus_changes_the_look(pilot, widget), f"{name}: focus on {widget!r}"
    if keep is not None:
        keep.focus()
        await pilot.pause()


async def test_every_screen_at_80x24_shows_its_content_keys_and_focus(
    store: ProgressStore,
) -> None:
    visited: list[str] = []

    async def visit(name: str) -> None:
        visited.append(name)
        await check_at_80x24(pilot, name)

    app = make_app(course_with_every_question_type(), store)
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_every_screen(pilot, visit)
    assert len(visited) == 23  # 8 screens and dialogs, 7 questions asked and answered, results


async def test_every_screen_at_40x12_shows_the_notice_and_still_works_by_keys(
    store: ProgressStore,
) -> None:
    visited: list[str] = []

    async def visit(name: str) -> None:
        visited.append(name)
        assert shown_text(pilot.app) == " ".join(size_notice_text(40, 12).split()), name

    app = make_app(course_with_every_question_type(), store)
    async with app.run_test(size=(40, 12)) as pilot:
        await walk_every_screen(pilot, visit)
    assert len(visited) == 23


async def test_no_size_stops_the_app_and_the_notice_shows_exactly_below_the_minimum(
    course: Course, store: ProgressStore
) -> None:
    # Each screen opens while the terminal is still as small as the last size left it.
    sizes = [(1, 1), (2, 1), (1, 3), (10, 4), (39, 11), (40, 12), (59, 30), (100, 15)]
    sizes += [(MIN_WIDTH, MIN_HEIGHT), (79, 23), (80, 24), (120, 40), (200, 60), (3, 60)]
    opened = [
        ([], "HomeScreen"),
        (["question_mark"], "HelpScreen"),
        (["escape", "u"], "LearnersDialog"),
        (["escape", "g"], "GlossaryScreen"),
        (["escape", "t"], "TimelineScreen"),
        (["escape", "d"], "DashboardScreen"),
        (["escape", "enter"], "LessonScreen"),
        (["g"], "TermsDialog"),
        (["escape", "t"], "QuizScreen"),
        (["1"], "QuizScreen"),  # answered: the feedback is shown
    ]
    app = make_app(course, store)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys, screen in opened:
            await pilot.press(*keys)
            assert type(app.screen).__name__ == screen
            for width, height in sizes:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                small = width < MIN_WIDTH or height < MIN_HEIGHT
                if width >= 40 and height >= 4:  # room enough to read the notice's start
                    assert notice_shown(app) == small, (screen, width, height)
    assert app.return_code is None  # still running when the test ended it: nothing failed


async def test_resizing_mid_quiz_keeps_the_question_the_answers_and_the_focus(
    store: ProgressStore,
) -> None:
    app = make_app(course_with_every_question_type(), store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+end", "enter", "t")
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await answer_by_keys(pilot, quiz)  # question 1: single choice, right
        await pilot.press("enter", "1")  # question 2: tick the first choice, not checked yet
        stack = list(app.screen_stack)
        ticked = set(quiz.query_one(MultiAnswer).ticked)
        assert ticked and quiz.session.score > 0
        for size, small in (((40, 12), True), ((100, 30), False), ((59, 16), True)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert notice_shown(app) == small, size
            assert list(app.screen_stack) == stack and app.screen is quiz
            assert quiz.index == 1 and quiz.query_one(MultiAnswer).ticked == ticked
            assert app.focused is quiz.query_one(MultiAnswer)
        await pilot.resize_terminal(80, 24)
        await pilot.press("enter")  # checks the ticks kept through the resizes
        assert quiz.session.responses[quiz.question.id] == sorted(
            ticked, key=quiz.session.options(quiz.question).index
        )
        await pilot.press("enter")
        await answer_by_keys(pilot, quiz)  # question 3, true or false
        await pilot.press("enter", "r", "e", "d")  # question 4: an answer typed, not checked
        typed = quiz.query_one("#answer", Input)
        for size in ((40, 12), (200, 60), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert typed.value == "red" and app.focused is typed
        assert quiz.index == 3 and len(quiz.session.grades) == 3
        assert fully_on_screen(app, "#answer") and fully_on_screen(app, "#check")


async def test_growing_the_terminal_shows_the_home_screen_as_it_was(
    course: Course, store: ProgressStore
) -> None:
    app = make_app(course, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        home = app.screen
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert notice_shown(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is home and isinstance(home, HomeScreen)
        assert not notice_shown(app)
        assert home.query_one("#course-map").cursor_row == 2
        assert fully_on_screen(app, "#lesson-details")  # wide enough for the details again
        assert isinstance(home.query_one("#continue"), Button)


async def test_a_screen_is_styled_for_the_terminal_size_from_its_first_frame(
    course, store, monkeypatch
):
    """Its size classes are there when it is mounted, not added after a first layout (which
    styled and painted every new screen twice)."""
    from dprk_it_tutor.tui.screens.dashboard import DashboardScreen

    classes_at_mount: list[set[str]] = []
    mounted = DashboardScreen.on_mount

    def on_mount(self: DashboardScreen) -> None:
        classes_at_mount.append(set(self.classes))
        mounted(self)

    monkeypatch.setattr(DashboardScreen, "on_mount", on_mount)
    app = make_app(course, store)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.press("d")
        await pilot.pause()
    assert classes_at_mount == [{"-narrow", "-short"}]


async def test_feedback_taller_than_the_quiz_shows_its_verdict_then_the_next_question_its_top(
    course: Course, store: ProgressStore
) -> None:
    app = make_app(course, store)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.press("enter", "t")
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        first_prompt = screen.question.prompt
        await pilot.press("1")
        await pilot.pause()
        body, feedback = screen.query_one("#quiz-body"), screen.query_one("#feedback")
        assert feedback.region.height > body.scrollable_content_region.height  # taller than it
        # Its start (the verdict) is in view, not its end, though the layout that placed it
        # scrolled to the end of the body.
        assert feedback.region.y >= body.scrollable_content_region.y
        verdict = "Right" if screen.session.grades[screen.question.id].correct else "Not quite"
        assert verdict in shown_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert screen.question.prompt != first_prompt
        assert body.scroll_y == 0 and " ".join(screen.question.prompt.split()[:4]) in shown_text(
            app
        )
