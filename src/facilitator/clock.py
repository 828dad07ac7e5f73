"""Clocks. The meeting reads time only through one of these.

``SystemClock.now()`` gives epoch seconds that advance with a clock that keeps counting while the
laptop sleeps (``CLOCK_BOOTTIME`` on Linux; on macOS ``CLOCK_MONOTONIC``, which includes sleep
there, unlike ``time.monotonic()``), anchored once to the wall clock, so a closed lid during a break
does not leave the countdown behind and an NTP jump mid-meeting does not move it.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch, never going backwards."""
        ...


def _sleep_aware_seconds() -> float:
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


class SystemClock:
    def __init__(self) -> None:
        self._wall0 = time.time()
        self._base = _sleep_aware_seconds()

    def now(self) -> float:
        return self._wall0 + (_sleep_aware_seconds() - self._base)


class FakeClock:
    """A clock for tests: time moves only when told to."""

    def __init__(self, start: float | dt.datetime = 1_800_000_000.0) -> None:
        self.t = start.timestamp() if isinstance(start, dt.datetime) else float(start)

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0) -> None:
        self.t += seconds + minutes * 60.0


def local_datetime(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t).astimezone()


def iso(t: float) -> str:
    """ISO 8601 with the local offset, to the millisecond."""
    return local_datetime(t).isoformat(timespec="milliseconds")


def parse_iso(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()
