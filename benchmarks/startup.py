"""One start-up, timed from outside by run.py: start headless, exit once the first screen is drawn.

    python benchmarks/startup.py baseline
    python benchmarks/startup.py app [dprk-it-tutor options...]

``baseline`` is the floor any Textual app pays: a Header, one Markdown page and a Footer.
``app`` is the real command line, ``dprk_it_tutor.cli.main``, with the same two changes to how
Textual runs as the baseline gets: headless (no terminal), and an auto-pilot that exits as soon as
the first screen has handled its pending messages and been painted. Both therefore pay the same
interpreter start, imports, layout, paint and shut-down; nothing else is patched.

The name of the screen that was painted is printed on stdout, so the caller can check that the app
really showed the course map (and not, say, a lesson it resumed).
"""

from __future__ import annotations

import sys

from textual.app import App
from textual.pilot import Pilot

PAGE = "\n\n".join(
    [
        "# A page of text",
        "A minimal Textual app: the floor that every Textual program pays to start, lay out and "
        "paint its first screen. It has a header, this page and a footer.",
        *[
            f"## Section {n}\n\nSome **bold** text, some *emphasis*, `code` and a "
            "[link](https://example.org). " * 3
            for n in range(1, 6)
        ],
        "- one item\n- another item\n- a third item",
    ]
)


def _run_headless_until_painted() -> None:
    """Make every ``App.run`` headless, exiting once the first screen is painted."""
    run = App.run

    async def exit_when_painted(pilot: Pilot) -> None:
        await pilot.pause()  # the screen's pending messages handled, then a paint
        print(type(pilot.app.screen).__name__)
        pilot.app.exit()

    def headless_run(self: App, *args: object, **kwargs: object) -> object:
        kwargs["headless"] = True
        kwargs["auto_pilot"] = exit_when_painted
        return run(self, *args, **kwargs)

    App.run = headless_run  # type: ignore[method-assign]


def baseline() -> int:
    from textual.app import ComposeResult
    from textual.widgets import Footer, Header, Markdown

    class Baseline(App[None]):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield Markdown(PAGE)
            yield Footer()

    Baseline().run()
    return 0


def main(argv: list[str]) -> int:
    _run_headless_until_painted()
    if argv[:1] == ["baseline"]:
        return baseline()
    if argv[:1] == ["app"]:
        from dprk_it_tutor.cli import main as cli_main

        return cli_main(argv[1:])
    print("usage: startup.py baseline | app [dprk-it-tutor options...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
