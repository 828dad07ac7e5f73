"""Clocks. The meeting reads time only through one of these.

``SystemClock.now()`` gives epoch seconds that advance with a clock that keeps counting while the
laptop sleeps (``CLOCK_BOOTTIME`` on Linux; on macOS ``CLOCK_MONOTONIC``, which includes sleep
there, unlike ``time.monotonic()``), anchored once to the wall clock, so a closed lid during a break
does not leave the countdown behind and an NTP jump mid-meeting does not move it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch, never going backwards."""
        ...

    def not_before(self, t: float) -> None:
        """From now on, never read earlier than ``t``."""
        ...


def sleep_aware_seconds() -> float:
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


class SystemClock:
    def __init__(self) -> None:
        self._wall0 = time.time()
        self._base = sleep_aware_seconds()

    def now(self) -> float:
        return self._wall0 + (sleep_aware_seconds() - self._base)

    def not_before(self, t: float) -> None:
        """A journal written before the wall clock was set back (the laptop's clock corrected
        between a crash and the resume) must not make its open turns run backwards."""
        behind = t - self.now()
        if behind > 0:
            self._wall0 += behind


class FakeClock:
    """A clock for tests: time moves only when told to."""

    def __init__(self, start: float | dt.datetime = 1_800_000_000.0) -> None:
        self.t = start.timestamp() if isinstance(start, dt.datetime) else float(start)

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0) -> None:
        self.t += seconds + minutes * 60.0

    def not_before(self, t: float) -> None:
        self.t = max(self.t, t)


def local_datetime(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t).astimezone()


def iso(t: float) -> str:
    """ISO 8601 with the local offset, to the millisecond."""
    return local_datetime(t).isoformat(timespec="milliseconds")


def parse_iso(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()


_CLOCK_TIME = re.compile(r"^([01]?\d|2[0-3])[:h]([0-5]\d)$")


def parse_clock_time(text: str) -> dt.time:
    """A time of day on a 24-hour clock: ``19:00``, ``9:30`` or ``19h00``. The one
    parser of clock times (set-up, ``--start``, ``--at``, rhythms); ValueError otherwise."""
    match = _CLOCK_TIME.match(text.strip())
    if not match:
        raise ValueError(f"“{text.strip()}” is not a time: use 24-hour HH:MM, e.g. 19:00")
    return dt.time(int(match.group(1)), int(match.group(2)))


RECENT = 6 * 3600  # a start typed up to this long ago is one that has passed


def nearest_time_of_day(now: float, hour: int, minute: int) -> float:
    """The ``hour:minute`` (local time) that a facilitator means: the next one, unless it was
    a few hours ago at most. "00:05" typed at 23:55 is in ten minutes; "23:40" typed at 01:20
    was an hour and forty minutes ago; "20:30" typed at 08:00 is tonight."""
    today = local_datetime(now).date()
    moments = [
        dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, minute))
        .astimezone()
        .timestamp()
        for days in (-1, 0, 1, 2)
    ]
    return next(t for t in moments if t >= now - RECENT)
