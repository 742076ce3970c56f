"""Answering any question in the app the way a learner would: keys only (matching uses a click
on "Check answer", as its drop-downs take Enter)."""

from __future__ import annotations

from textual.widgets import Button, Static

from dprk_it_tutor.tui.screens.quiz import QuizScreen
from dprk_it_tutor.tui.widgets.answers import OrderList

KEY_NAMES = {" ": "space", ",": "comma", ".": "full_stop", "-": "minus"}


async def type_text(pilot, text: str) -> None:
    await pilot.press(*(KEY_NAMES.get(char, char) for char in text))


def feedback(app) -> str:
    return str(app.screen.query_one("#feedback", Static).render())


async def open_question(pilot, app, question_id: str) -> QuizScreen:
    """Open the quiz and skip (by answering) to ``question_id``."""
    await pilot.press("enter", "t")
    screen = app.screen
    assert isinstance(screen, QuizScreen)
    while screen.question.id != question_id:
        await answer_correctly(pilot, screen)
        await pilot.press("enter")
    return screen


async def put_in_order(pilot, screen: QuizScreen) -> None:
    """Sort the ordering list with shift+up, as a learner would."""
    order_list = screen.query_one(OrderList)
    target = list(screen.question.answer)
    for position, item in enumerate(target):
        current = order_list.items.index(item)
        while order_list.highlighted != current:
            await pilot.press("down" if order_list.highlighted < current else "up")
        for _ in range(current - position):
            await pilot.press("shift+up")
    assert order_list.items == target


async def answer_correctly(pilot, screen: QuizScreen) -> None:
    await pilot.pause()  # the question (and its answer widget) is shown once the app is idle
    question = screen.question
    options = screen.session.options(question)
    if question.type == "single":
        await pilot.press(str(options.index(question.answer) + 1))
    elif question.type == "true_false":
        await pilot.press("t" if question.answer else "f")
    elif question.type == "multiple":
        for choice in question.answer:
            await pilot.press(str(options.index(choice) + 1))
        await pilot.press("enter")
    elif question.type == "short":
        # The shortest accepted answer, in capitals (matching ignores case).
        await type_text(pilot, min(question.answer, key=len).upper())
        await pilot.press("enter")
    elif question.type == "numeric":
        await type_text(pilot, f"{question.answer:,.0f}")
        await pilot.press("enter")
    elif question.type == "ordering":
        await put_in_order(pilot, screen)
        await pilot.press("enter")
    elif question.type == "matching":
        for index, (_, right) in enumerate(question.answer):
            assert pilot.app.focused is screen.query_one(f"#match-{index}")
            await pilot.press("enter")
            await type_text(pilot, unique_prefix(right, options))
            await pilot.press("enter", "tab")
        await pilot.click("#check")
    # Let the verdict finish showing (focus moves to "Next question" after the check) before
    # the caller's next key, as a learner reading it would.
    await pilot.pause()
    assert question.id in screen.session.grades, f"{question.type} was not answered"


def unique_prefix(option: str, options: list[str]) -> str:
    """The fewest first letters of ``option`` that no other option starts with: what a person
    types in a drop-down's type-to-search (each key costs a Pilot round trip)."""
    others = [o.casefold() for o in options if o != option]
    for length in range(1, len(option) + 1):
        prefix = option[:length]
        if not any(other.startswith(prefix.casefold()) for other in others):
            return prefix
    return option


async def answer_wrongly(pilot, screen: QuizScreen) -> None:
    """Give an answer that is not fully right."""
    await pilot.pause()
    question = screen.question
    options = screen.session.options(question)
    if question.type in ("single", "multiple"):
        wrong = next(o for o in options if o not in _as_tuple(question.answer))
        await pilot.press(str(options.index(wrong) + 1))
        if question.type == "multiple":
            await pilot.press("enter")
    elif question.type == "true_false":
        await pilot.press("f" if question.answer else "t")
    elif question.type in ("short", "numeric"):
        await type_text(pilot, "99999999")
        await pilot.press("enter")
    elif question.type == "ordering":
        await pilot.press("enter")  # never shown in the right order
    elif question.type == "matching":
        for _ in question.answer:  # the same partner for every item
            await pilot.press("enter")
            await type_text(pilot, unique_prefix(options[0], options))
            await pilot.press("enter", "tab")
        await pilot.click("#check")
    # Let the verdict finish showing (focus moves to "Next question" after the check) before
    # the caller's next key, as a learner reading it would.
    await pilot.pause()
    await pilot.pause()
    assert question.id in screen.session.grades, f"{question.type} was not answered"
    assert not screen.session.grades[question.id].correct


def _as_tuple(answer: object) -> tuple:
    return answer if isinstance(answer, tuple) else (answer,)


async def click_button(pilot, selector: str) -> None:
    """Click a button as a person would: Textual ignores a click during the previous press's
    brief 'active' effect (a guard against double presses), so wait it out after each click."""
    button = pilot.app.screen.query_one(selector, Button)
    await pilot.click(selector)
    await pilot.pause(button.active_effect_duration + 0.05)
