"""A group's meeting rhythm and the meetings it plans.

Three rhythms:

* :class:`MoonRhythm`: a call on every new moon and every full moon; on the first full moon of
  each month listed in ``gathering_months`` (June and December by default) a gathering replaces
  the full-moon call. With ``time`` the meeting is on the local date of the phase at that local
  time; without it, at the instant of the phase.
* :class:`WeeklyRhythm`: every N weeks on one weekday. The weeks counted are those of ``anchor``
  (a date on that weekday); without an anchor, counting starts from the first such weekday on or
  after Monday 2026-01-05 (:data:`EPOCH`).
* :class:`MonthlyRhythm`: the 1st..4th or last given weekday of each month.

Times are wall-clock times in the group's time zone, so a 19:00 meeting stays at 19:00 across
daylight-saving changes. A wall-clock time that does not exist that day (skipped by a DST jump)
moves forward by the jump; an ambiguous one (repeated hour) takes its first occurrence.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TypeVar

from facilitator.rhythm.moon import moon_phases
from facilitator.text import clean_line

DEFAULT_AGENDA = "mutual-support-150"
EPOCH = date(2026, 1, 5)  # a Monday; default start of the week count of WeeklyRhythm
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")  # English, whatever the locale
_Time = time  # MoonRhythm has a field called "time"


@dataclass(frozen=True)
class MoonRhythm:
    time: _Time | None = None
    gathering_months: tuple[int, ...] = (6, 12)

    def __post_init__(self) -> None:
        if self.time is not None:
            _check_time(self.time)
        if any(not 1 <= m <= 12 for m in self.gathering_months):
            raise ValueError("gathering months must be month numbers from 1 to 12")


@dataclass(frozen=True)
class WeeklyRhythm:
    every_weeks: int
    weekday: int  # 0 = Monday
    at: time
    agenda: str = DEFAULT_AGENDA
    anchor: date | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.every_weeks <= 52:
            raise ValueError("the number of weeks between meetings must be from 1 to 52")
        _check_weekday(self.weekday)
        _check_time(self.at)
        _check_agenda(self.agenda)
        if self.anchor is not None and self.anchor.weekday() != self.weekday:
            raise ValueError(
                f"the first meeting {self.anchor.isoformat()} is a "
                f"{WEEKDAYS[self.anchor.weekday()].title()}, but the meetings are on "
                f"{WEEKDAYS[self.weekday].title()}s: pick a {WEEKDAYS[self.weekday].title()}"
            )

    @property
    def first(self) -> date:
        """The date the week count starts from."""
        if self.anchor is not None:
            return self.anchor
        return EPOCH + timedelta(days=(self.weekday - EPOCH.weekday()) % 7)


@dataclass(frozen=True)
class MonthlyRhythm:
    nth: int  # 1..4, or -1 for the last one of the month
    weekday: int  # 0 = Monday
    at: time
    agenda: str = DEFAULT_AGENDA

    def __post_init__(self) -> None:
        if self.nth not in (1, 2, 3, 4, -1):
            raise ValueError("the week of the month must be 1st, 2nd, 3rd, 4th or last")
        _check_weekday(self.weekday)
        _check_time(self.at)
        _check_agenda(self.agenda)


Rhythm = MoonRhythm | WeeklyRhythm | MonthlyRhythm


@dataclass(frozen=True)
class PlannedMeeting:
    start: datetime  # timezone-aware, in the group's time zone
    kind: str  # "full moon call", "new moon call", "gathering" or "meeting"
    agenda: str | None
    phase: str | None  # "new moon" / "full moon" for moon meetings


def _check_weekday(weekday: int) -> None:
    if not 0 <= weekday <= 6:
        raise ValueError("weekday must be from 0 (Monday) to 6 (Sunday)")


def _check_time(value: time) -> None:
    if value.tzinfo is not None:
        raise ValueError("meeting times are wall-clock times without a time zone")


def _check_agenda(agenda: str) -> None:
    if not agenda or agenda != agenda.strip() or any(not ch.isprintable() for ch in agenda):
        raise ValueError(
            "an agenda id is one word of printable characters, e.g. mutual-support-150"
        )


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


def wall_clock(day: date, at: time, tz: tzinfo) -> datetime:
    """``day`` at local time ``at`` in ``tz``, resolving DST gaps (see the module docstring)."""
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=tz).astimezone(timezone.utc).astimezone(tz)


# --- planning -----------------------------------------------------------------------------------


def upcoming(rhythm: Rhythm, after: datetime, until: datetime, tz: tzinfo) -> list[PlannedMeeting]:
    """The meetings starting strictly after ``after`` and strictly before ``until``, in order."""
    _require_aware("after", after)
    _require_aware("until", until)
    if until <= after:
        return []
    if isinstance(rhythm, MoonRhythm):
        candidates = _moon_meetings(rhythm, after, until, tz)
    elif isinstance(rhythm, WeeklyRhythm):
        candidates = _weekly_meetings(rhythm, after, until, tz)
    elif isinstance(rhythm, MonthlyRhythm):
        candidates = _monthly_meetings(rhythm, after, until, tz)
    else:
        raise TypeError(f"not a rhythm: {rhythm!r}")
    return sorted((m for m in candidates if after < m.start < until), key=lambda m: m.start)


def next_meeting(rhythm: Rhythm, after: datetime, tz: tzinfo) -> PlannedMeeting | None:
    """The first meeting starting strictly after ``after``."""
    weeks = rhythm.every_weeks if isinstance(rhythm, WeeklyRhythm) else 1
    horizon = timedelta(days=max(70, 7 * weeks + 14))
    found = upcoming(rhythm, after, after + horizon, tz)
    return found[0] if found else None


def _moon_meetings(
    rhythm: MoonRhythm, after: datetime, until: datetime, tz: tzinfo
) -> list[PlannedMeeting]:
    # Start a lunation early so the full moon before `after` tells whether the next one is the
    # first of its month; a day of margin each side covers the shift to the meeting time.
    phases = moon_phases(after - timedelta(days=32), until + timedelta(days=2))
    meetings: list[PlannedMeeting] = []
    last_full_month: tuple[int, int] | None = None
    for phase in phases:
        local = phase.at.astimezone(tz)
        start = local if rhythm.time is None else wall_clock(local.date(), rhythm.time, tz)
        if phase.kind == "new moon":
            meetings.append(PlannedMeeting(start, "new moon call", "new-moon-call", phase.kind))
            continue
        month = (local.year, local.month)
        if month != last_full_month and local.month in rhythm.gathering_months:
            meetings.append(PlannedMeeting(start, "gathering", None, phase.kind))
        else:
            meetings.append(PlannedMeeting(start, "full moon call", "full-moon-call", phase.kind))
        last_full_month = month
    return meetings


def _weekly_meetings(
    rhythm: WeeklyRhythm, after: datetime, until: datetime, tz: tzinfo
) -> list[PlannedMeeting]:
    step = 7 * rhythm.every_weeks
    first_day = after.astimezone(tz).date() - timedelta(days=1)
    last_day = until.astimezone(tz).date() + timedelta(days=1)
    index = math.floor((first_day - rhythm.first).days / step)
    meetings: list[PlannedMeeting] = []
    day = rhythm.first + timedelta(days=index * step)
    while day <= last_day:
        meetings.append(
            PlannedMeeting(wall_clock(day, rhythm.at, tz), "meeting", rhythm.agenda, None)
        )
        day += timedelta(days=step)
    return meetings


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    """The ``nth`` (1..4, or -1 for last) ``weekday`` (0 = Monday) of a month."""
    if nth == -1:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _monthly_meetings(
    rhythm: MonthlyRhythm, after: datetime, until: datetime, tz: tzinfo
) -> list[PlannedMeeting]:
    first = after.astimezone(tz).date().replace(day=1) - timedelta(days=1)
    last = until.astimezone(tz).date()
    year, month = first.year, first.month
    meetings: list[PlannedMeeting] = []
    while (year, month) <= (last.year, last.month):
        day = nth_weekday(year, month, rhythm.nth, rhythm.weekday)
        meetings.append(
            PlannedMeeting(wall_clock(day, rhythm.at, tz), "meeting", rhythm.agenda, None)
        )
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return meetings


# --- description --------------------------------------------------------------------------------

_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _agenda_note(agenda: str) -> str:
    return "" if agenda == DEFAULT_AGENDA else f" (agenda {agenda})"


def describe(rhythm: Rhythm) -> str:
    """One line for people, e.g. "every 3 weeks on Thursday at 19:00"."""
    if isinstance(rhythm, MoonRhythm):
        return _describe_moon(rhythm)
    if isinstance(rhythm, WeeklyRhythm):
        day = WEEKDAYS[rhythm.weekday].title()
        every = "every week" if rhythm.every_weeks == 1 else f"every {rhythm.every_weeks} weeks"
        since = f", counting from {rhythm.anchor.isoformat()}" if rhythm.anchor else ""
        return f"{every} on {day} at {_hhmm(rhythm.at)}{_agenda_note(rhythm.agenda)}{since}"
    if isinstance(rhythm, MonthlyRhythm):
        day = WEEKDAYS[rhythm.weekday].title()
        nth = _ORDINALS[rhythm.nth]
        return f"monthly on the {nth} {day} at {_hhmm(rhythm.at)}{_agenda_note(rhythm.agenda)}"
    raise TypeError(f"not a rhythm: {rhythm!r}")


def _describe_moon(rhythm: MoonRhythm) -> str:
    when = "at the exact moment" if rhythm.time is None else f"at {_hhmm(rhythm.time)} that day"
    text = f"a call on each new moon and each full moon, {when}"
    months = sorted(set(rhythm.gathering_months))
    if months:
        names = [MONTHS[m - 1] for m in months]
        names_text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        text += f"; a gathering instead on the first full moon of {names_text}"
    return text


# --- parsing the command line -------------------------------------------------------------------

FORMS = (
    "moon [--at HH:MM]",
    "weekly on monday at 18:30",
    "fortnightly on wednesday at 20:00",
    "every 3 weeks on thursday at 19:00 [agenda ID] [from YYYY-MM-DD]",
    "monthly on 2nd tuesday at 19:00 [agenda ID]",
    "monthly on last friday at 18:00",
)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:h]([0-5]\d)$")
_NTH = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3}
_NTH |= {"4th": 4, "fourth": 4, "last": -1}
_T = TypeVar("_T")
_R = TypeVar("_R")


def _quote(text: str) -> str:
    text = clean_line(text)
    return f"'{text[:40]}...'" if len(text) > 40 else f"'{text}'"


def _forms() -> str:
    return "; ".join(FORMS)


class _Words:
    """The words of a rhythm, read left to right."""

    def __init__(self, tokens: Sequence[str], example: str) -> None:
        self.tokens = list(tokens)
        self.example = example

    def fail(self, problem: str) -> ValueError:
        return ValueError(f"{problem}; write it like: {self.example}")

    def peek(self) -> str | None:
        return self.tokens[0].lower() if self.tokens else None

    def skip(self, *fillers: str) -> None:
        if self.peek() in fillers:
            self.tokens.pop(0)

    def value(self, what: str) -> str:
        if not self.tokens:
            raise self.fail(f"{what} is missing")
        return self.tokens.pop(0)

    def option(self) -> str | None:
        """The next option name (``agenda``, ``--at``...) without dashes, or None at the end."""
        return self.value("option").lower().lstrip("-") if self.tokens else None


def parse_time(text: str) -> time:
    """``HH:MM`` on a 24-hour clock."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f"{_quote(text)} is not a time: use 24-hour HH:MM, e.g. 19:00")
    return time(int(match.group(1)), int(match.group(2)))


def parse_weekday(text: str) -> int:
    word = text.strip().lower()
    word = word[:-1] if word.endswith("days") else word  # "thursdays"
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            return index
    raise ValueError(f"{_quote(text)} is not a day of the week: use monday ... sunday")


def parse_month(text: str) -> int:
    word = text.strip().lower()
    if word.isdigit() and 1 <= int(word) <= 12:
        return int(word)
    for index, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.lower().startswith(word):
            return index
    raise ValueError(f"{_quote(text)} is not a month: use 1..12 or a name like june")


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{_quote(text)} is not a date: use YYYY-MM-DD, e.g. 2026-03-05") from None


def parse_rhythm(words: Sequence[str]) -> Rhythm:
    """A rhythm from command-line words; raises ValueError saying what would be right."""
    tokens = [token for word in words for token in word.split()]
    if not tokens:
        raise ValueError(f"say how often the group meets, one of: {_forms()}")
    head, rest = tokens[0].lower(), tokens[1:]
    if head == "moon":
        return _parse_moon(_Words(rest, FORMS[0]))
    if head == "weekly":
        return _parse_weekly(1, _Words(rest, FORMS[1]))
    if head == "fortnightly":
        return _parse_weekly(2, _Words(rest, FORMS[2]))
    if head == "every":
        return _parse_every(_Words(rest, FORMS[3]))
    if head == "monthly":
        return _parse_monthly(_Words(rest, FORMS[4]))
    raise ValueError(f"unknown rhythm {_quote(tokens[0])}; use one of: {_forms()}")


def _parse_moon(words: _Words) -> MoonRhythm:
    at: time | None = None
    months: tuple[int, ...] = (6, 12)
    while (name := words.option()) is not None:
        if name == "at":
            at = _wrap(words, parse_time, words.value("the time after 'at'"))
        elif name == "gatherings":
            months = _parse_months(words, words.value("the months after 'gatherings'"))
        else:
            raise words.fail(f"unexpected {_quote(name)} after 'moon'")
    return MoonRhythm(time=at, gathering_months=months)


def _parse_months(words: _Words, text: str) -> tuple[int, ...]:
    if text.lower() == "none":
        return ()
    return tuple(_wrap(words, parse_month, part) for part in text.split(",") if part)


def _wrap(words: _Words, parse: Callable[[str], _T], text: str) -> _T:
    try:
        return parse(text)
    except ValueError as error:
        raise words.fail(str(error)) from None


def _day_and_time(words: _Words) -> tuple[int, time]:
    words.skip("on")
    weekday = _wrap(words, parse_weekday, words.value("the day of the week"))
    words.skip("at")
    return weekday, _wrap(words, parse_time, words.value("the time"))


def _parse_every(words: _Words) -> WeeklyRhythm:
    count = words.value("the number of weeks")
    if count.lower() == "week":  # "every week on ..."
        return _parse_weekly(1, words)
    if not (count.isascii() and count.isdigit()):
        raise words.fail(f"{_quote(count)} is not a number of weeks")
    unit = words.value("the word 'weeks'")
    if unit.lower() not in ("week", "weeks"):
        raise words.fail(f"expected 'weeks' after the number, not {_quote(unit)}")
    return _parse_weekly(int(count), words)


def _parse_weekly(every: int, words: _Words) -> WeeklyRhythm:
    weekday, at = _day_and_time(words)
    agenda, anchor = DEFAULT_AGENDA, None
    while (name := words.option()) is not None:
        if name == "agenda":
            agenda = words.value("the agenda id after 'agenda'")
        elif name in ("from", "starting"):
            anchor = _wrap(words, _parse_date, words.value("the date after 'from'"))
        else:
            raise words.fail(f"unexpected {_quote(name)}")
    return _build(words, WeeklyRhythm, every, weekday, at, agenda, anchor)


def _parse_monthly(words: _Words) -> MonthlyRhythm:
    words.skip("on")
    words.skip("the")
    nth_word = words.value("which week of the month (1st, 2nd, 3rd, 4th or last)")
    if nth_word.lower() not in _NTH:
        raise words.fail(f"{_quote(nth_word)} is not 1st, 2nd, 3rd, 4th or last")
    weekday, at = _day_and_time(words)
    agenda = DEFAULT_AGENDA
    while (name := words.option()) is not None:
        if name != "agenda":
            raise words.fail(f"unexpected {_quote(name)}")
        agenda = words.value("the agenda id after 'agenda'")
    return _build(words, MonthlyRhythm, _NTH[nth_word.lower()], weekday, at, agenda)


def _build(words: _Words, kind: Callable[..., _R], *args: object) -> _R:
    try:
        return kind(*args)
    except ValueError as error:
        raise words.fail(str(error)) from None


# --- storing in a group's settings (JSON-compatible) -------------------------------------------


def to_dict(rhythm: Rhythm) -> dict[str, object]:
    """A JSON-compatible form for a group's settings; :func:`from_dict` reads it back."""
    if isinstance(rhythm, MoonRhythm):
        at = None if rhythm.time is None else _hhmm(rhythm.time)
        return {"kind": "moon", "time": at, "gathering_months": list(rhythm.gathering_months)}
    if isinstance(rhythm, WeeklyRhythm):
        anchor = None if rhythm.anchor is None else rhythm.anchor.isoformat()
        return {
            "kind": "weekly",
            "every_weeks": rhythm.every_weeks,
            "weekday": WEEKDAYS[rhythm.weekday],
            "at": _hhmm(rhythm.at),
            "agenda": rhythm.agenda,
            "anchor": anchor,
        }
    if isinstance(rhythm, MonthlyRhythm):
        return {
            "kind": "monthly",
            "nth": rhythm.nth,
            "weekday": WEEKDAYS[rhythm.weekday],
            "at": _hhmm(rhythm.at),
            "agenda": rhythm.agenda,
        }
    raise TypeError(f"not a rhythm: {rhythm!r}")


def from_dict(data: Mapping[str, object]) -> Rhythm:
    """The rhythm stored by :func:`to_dict`; raises ValueError on anything else."""
    if not isinstance(data, Mapping):
        raise ValueError("a rhythm is stored as a mapping with a 'kind'")
    kind = data.get("kind")
    try:
        if kind == "moon":
            return _moon_from_dict(data)
        if kind == "weekly":
            return _weekly_from_dict(data)
        if kind == "monthly":
            return _monthly_from_dict(data)
    except (TypeError, KeyError) as error:
        raise ValueError(f"stored {kind} rhythm is incomplete or malformed: {error}") from None
    raise ValueError("a stored rhythm's 'kind' must be 'moon', 'weekly' or 'monthly'")


def _field(data: Mapping[str, object], key: str, kind: type[_T], default: _T | None = None) -> _T:
    value = data[key] if default is None else data.get(key, default)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"'{key}' should be a {kind.__name__}, not {type(value).__name__}")
    return value


def _moon_from_dict(data: Mapping[str, object]) -> MoonRhythm:
    at = data.get("time")
    months = _field(data, "gathering_months", list, [6, 12])
    if not all(isinstance(m, int) and not isinstance(m, bool) for m in months):
        raise TypeError("'gathering_months' should list month numbers")
    return MoonRhythm(
        time=None if at is None else parse_time(_field(data, "time", str)),
        gathering_months=tuple(months),
    )


def _weekly_from_dict(data: Mapping[str, object]) -> WeeklyRhythm:
    anchor = data.get("anchor")
    return WeeklyRhythm(
        every_weeks=_field(data, "every_weeks", int),
        weekday=parse_weekday(_field(data, "weekday", str)),
        at=parse_time(_field(data, "at", str)),
        agenda=_field(data, "agenda", str, DEFAULT_AGENDA),
        anchor=None if anchor is None else _parse_date(_field(data, "anchor", str)),
    )


def _monthly_from_dict(data: Mapping[str, object]) -> MonthlyRhythm:
    return MonthlyRhythm(
        nth=_field(data, "nth", int),
        weekday=parse_weekday(_field(data, "weekday", str)),
        at=parse_time(_field(data, "at", str)),
        agenda=_field(data, "agenda", str, DEFAULT_AGENDA),
    )
