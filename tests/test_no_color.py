"""NO_COLOR (https://no-color.org): the real app sends no colour, only shades of grey and styles."""

from __future__ import annotations

import re
from pathlib import Path

from .real_terminal import RealTerminal

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colours(output: bytes) -> set[tuple[int, int, int]]:
    """Every 24-bit foreground and background colour the terminal was sent."""
    found: set[tuple[int, int, int]] = set()
    for params in SGR.findall(output.decode("utf-8", "replace")):
        codes = [int(code) for code in params.split(";") if code]
        index = 0
        while index < len(codes):
            if codes[index] in (38, 48) and codes[index + 1 : index + 2] == [2]:
                found.add(tuple(codes[index + 2 : index + 5]))  # type: ignore[arg-type]
                index += 5
            elif codes[index] in (38, 48) and codes[index + 1 : index + 2] == [5]:
                found.add((-1, codes[index + 2], -1))  # a 256-colour index: never grey here
                index += 3
            else:
                assert not (30 <= codes[index] <= 37 or 40 <= codes[index] <= 47), params
                assert not (90 <= codes[index] <= 97 or 100 <= codes[index] <= 107), params
                index += 1
    return found


def _first_screen(data_dir: Path, env: dict[str, str]) -> bytes:
    with RealTerminal(["--data-dir", str(data_dir)], env=env) as terminal:
        assert terminal.read_until("palette"), terminal.output[-2000:]
        terminal.send("\r")  # a lesson too: Markdown, buttons, the footer
        assert terminal.read_until("Next")
        terminal.send("q")
        assert terminal.wait() == 0
        return terminal.output


def test_with_no_color_every_colour_sent_is_a_grey(data_dir: Path) -> None:
    colours = _colours(_first_screen(data_dir, {"NO_COLOR": "1"}))
    assert colours, "the check saw no colour at all: it would pass for the wrong reason"
    assert all(red == green == blue for red, green, blue in colours), sorted(colours)


def test_without_no_color_the_same_screens_are_in_colour(data_dir: Path) -> None:
    """The control for the test above: the check does see colour when there is some."""
    colours = _colours(_first_screen(data_dir, {}))
    assert any(not (red == green == blue) for red, green, blue in colours)
