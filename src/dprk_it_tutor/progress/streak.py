"""The daily streak: how many days in a row the learner has studied, counted from the store's days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise


@dataclass(frozen=True)
class Streak:
    current: int  # days in a row up to today, or up to yesterday if today is not done yet
    longest: int
    last_active: date | None


def streak(days: Iterable[date], today: date) -> Streak:
    """Count runs of consecutive days. A streak still stands on a day not studied yet."""
    ordered = sorted(set(days))
    if not ordered:
        return Streak(0, 0, None)
    longest = run = 1
    for before, after in pairwise(ordered):
        run = run + 1 if after - before == timedelta(days=1) else 1
        longest = max(longest, run)
    last = ordered[-1]
    current = 0
    # A day after today can only come from a clock or time zone change; it still counts.
    if last >= today - timedelta(days=1):
        current = 1
        index = len(ordered) - 1
        while index > 0 and ordered[index] - ordered[index - 1] == timedelta(days=1):
            current += 1
            index -= 1
    return Streak(current, longest, last)
