"""The daily streak counts consecutive days of study, and survives a day not studied yet."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from dprk_it_tutor.progress.streak import streak

TODAY = date(2026, 11, 23)


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=offset) for offset in offsets]


def test_no_days_means_no_streak() -> None:
    result = streak([], TODAY)
    assert (result.current, result.longest, result.last_active) == (0, 0, None)


def test_three_days_in_a_row_up_to_today() -> None:
    result = streak(days_ago(0, 1, 2, 5, 6), TODAY)
    assert (result.current, result.longest, result.last_active) == (3, 3, TODAY)


def test_a_streak_still_stands_until_today_ends() -> None:
    assert streak(days_ago(1, 2), TODAY).current == 2


def test_a_missed_day_breaks_the_streak_but_not_the_record() -> None:
    result = streak(days_ago(2, 3, 4, 5), TODAY)
    assert (result.current, result.longest) == (0, 4)


def test_the_same_day_twice_counts_once() -> None:
    assert streak(days_ago(0, 0, 1), TODAY).current == 2


@given(st.sets(st.integers(min_value=0, max_value=60)))
def test_current_never_exceeds_longest_and_both_fit_the_days(offsets: set[int]) -> None:
    result = streak(days_ago(*offsets), TODAY)
    assert 0 <= result.current <= result.longest <= len(offsets)
    assert (result.current > 0) == bool(offsets & {0, 1})
