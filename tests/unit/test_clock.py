"""The clocks, and reading a planned start typed as HH:MM."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from facilitator import clock as clocks
from facilitator.clock import FakeClock, SystemClock, nearest_time_of_day


def at(day: int, hour: int, minute: int) -> float:
    return dt.datetime(2026, 5, day, hour, minute).astimezone().timestamp()


@pytest.mark.parametrize(
    ("now", "typed", "meant"),
    [
        (at(12, 23, 55), (0, 5), at(13, 0, 5)),  # ten minutes from now, after midnight
        (at(13, 1, 23), (23, 40), at(12, 23, 40)),  # the evening before, not tonight
        (at(12, 18, 50), (19, 0), at(12, 19, 0)),
        (at(12, 19, 10), (19, 0), at(12, 19, 0)),
        (at(12, 8, 0), (20, 30), at(12, 20, 30)),  # tonight, not last night
        (at(12, 8, 0), (3, 0), at(12, 3, 0)),  # five hours ago: the start that passed
    ],
)
def test_a_start_time_means_its_nearest_occurrence(now: float, typed, meant: float) -> None:  # type: ignore[no-untyped-def]
    assert nearest_time_of_day(now, *typed) == meant


def test_a_start_time_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError):
        nearest_time_of_day(at(12, 10, 0), 25, 99)


def test_the_system_clock_counts_time_the_laptop_slept(monkeypatch: pytest.MonkeyPatch) -> None:
    """It follows a clock that includes suspend, not the wall clock after its first reading."""
    readings = {"wall": 1_800_000_000.0, "boot": 500.0}
    monkeypatch.setattr(clocks.time, "time", lambda: readings["wall"])
    monkeypatch.setattr(clocks, "sleep_aware_seconds", lambda: readings["boot"])
    clock = SystemClock()
    readings["boot"] += 600  # ten minutes with the lid closed
    readings["wall"] -= 3600  # and the wall clock set back an hour meanwhile
    assert clock.now() == 1_800_000_600.0


def test_the_system_clock_is_never_read_earlier_than_a_journal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readings = {"boot": 500.0}
    monkeypatch.setattr(clocks, "sleep_aware_seconds", lambda: readings["boot"])
    clock = SystemClock()
    ahead = clock.now() + 230  # written by a run whose wall clock was 230 s fast
    clock.not_before(ahead)
    assert clock.now() == ahead
    readings["boot"] += 10
    assert clock.now() == ahead + 10
    clock.not_before(ahead)  # no effect once past it
    assert clock.now() == ahead + 10


def test_linux_clock_includes_suspend() -> None:
    if not hasattr(time, "CLOCK_BOOTTIME"):
        pytest.skip("no CLOCK_BOOTTIME here")
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    assert clocks.sleep_aware_seconds() >= before


def test_a_resumed_meeting_never_runs_backwards() -> None:
    from facilitator.journal.store import resume_session, start_session
    from facilitator.meeting.meeting import creation_event
    from tests.factories import MS150

    early = FakeClock(1_800_000_300.0)  # the first run's clock was five minutes fast
    first = creation_event(MS150, session="s-clock", group="g", participants=["Ana", "Bo"],
                           t=early.now())  # fmt: skip
    handle, m = start_session(first, early)
    m.toggle()
    m.next_item()
    m.next_item()  # the expectations round, Ana speaking
    early.advance(60)
    m.next_speaker_turn()
    handle.close()
    later = FakeClock(1_800_000_000.0 + 70)  # corrected clock, ten seconds after the crash
    handle, again = resume_session("s-clock", later)
    try:
        assert again.elapsed() >= 60
        assert again.speaker_elapsed() >= 0
        assert all(seconds >= 0 for seconds in again.run.spoke.values())
    finally:
        handle.close()
