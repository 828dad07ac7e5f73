"""A group's meeting rhythm and the meetings it plans.

Three rhythms:

* :class:`MoonRhythm`: a call on every full moon, every new moon, or both (``phases``); on the
  first full moon of each month listed in ``gathering_months`` (June and December by default) a
  gathering replaces the full-moon call. The call is on the evening of the phase's local day,
  at ``time`` (19:30 unless the group sets another): the evening nearest the phase, so a phase
  in the small hours (before 07:30, with 19:30) has its call the evening before.
* :class:`WeeklyRhythm`: every N weeks on one weekday. The weeks counted are those of ``anchor``
  (a date on that weekday); without an anchor, counting starts from the first such weekday on or
  after Monday 2026-01-05 (:data:`EPOCH`).
* :class:`MonthlyRhythm`: the 1st..4th or last given weekday of each month.

Times are wall-clock times in the group's time zone, so a 19:00 meeting stays at 19:00 across
daylight-saving changes. A wall-clock time that does not exist that day (skipped by a DST jump)
moves forward by the jump; an ambiguous one (repeated hour) takes its first occurrence.

The words people type for a rhythm ("every 3 weeks on thursday at 19:00") are read in
:mod:`facilitator.rhythm.parse`.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TypeVar

from facilitator.clock import parse_clock_time
from facilitator.i18n import N_, SOURCE, _, base, ngettext
from facilitator.i18n import language as interface
from facilitator.rhythm.moon import moon_phases
from facilitator.text import clean_line

DEFAULT_AGENDA = "mutual-support-150"
EPOCH = date(2026, 1, 5)  # a Monday; default start of the week count of WeeklyRhythm
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")  # English, whatever the locale
_Time = time  # MoonRhythm has a field called "time"


MOON_TIME = time(19, 30)  # the evening a moon call is held at unless the group sets another
PHASES = ("both", "full", "new")  # the moons a group follows


@dataclass(frozen=True)
class MoonRhythm:
    time: _Time | None = None  # None: MOON_TIME
    gathering_months: tuple[int, ...] = (6, 12)
    phases: str = "both"  # "full": full moons only, "new": new moons only (PHASES)

    def __post_init__(self) -> None:
        if self.time is not None:
            _check_time(self.time)
        if any(not 1 <= m <= 12 for m in self.gathering_months):
            raise ValueError("gathering months must be month numbers from 1 to 12")
        if self.phases not in PHASES:
            raise ValueError("a group follows full moons, new moons or both")

    @property
    def at(self) -> _Time:
        """The time of the evening the calls are held at."""
        return self.time if self.time is not None else MOON_TIME

    def follows(self, kind: str) -> bool:
        """Whether the group meets on this phase ("full moon" or "new moon")."""
        return self.phases == "both" or kind == f"{self.phases} moon"


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
        if not rhythm.follows(phase.kind):
            continue
        start = evening_of(phase.at, rhythm.at, tz)
        if phase.kind == "new moon":
            meetings.append(PlannedMeeting(start, "new moon call", "new-moon-call", phase.kind))
            continue
        month = (start.year, start.month)
        if month != last_full_month and start.month in rhythm.gathering_months:
            meetings.append(PlannedMeeting(start, "gathering", "gathering", phase.kind))
        else:
            meetings.append(PlannedMeeting(start, "full moon call", "full-moon-call", phase.kind))
        last_full_month = month
    return meetings


def evening_of(instant: datetime, at: _Time, tz: tzinfo) -> datetime:
    """The call for a phase at ``instant``: ``at`` on the evening nearest it, that is on the
    phase's local day, or the evening before when the phase falls after midnight."""
    day = instant.astimezone(tz).date()
    same, before = wall_clock(day, at, tz), wall_clock(day - timedelta(days=1), at, tz)
    return before if abs(instant - before) < abs(same - instant) else same


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

# How a monthly rhythm reads, by its nth weekday of the month (-1: the last).
_MONTHLY = {
    1: N_("monthly on the 1st {day} at {time}"),
    2: N_("monthly on the 2nd {day} at {time}"),
    3: N_("monthly on the 3rd {day} at {time}"),
    4: N_("monthly on the 4th {day} at {time}"),
    -1: N_("monthly on the last {day} at {time}"),
}
_MOON = {
    "both": N_("a call on each new moon and each full moon, at {time} on the evening of the "
               "phase's day"),
    "full": N_("a call on each full moon, at {time} on the evening of the phase's day"),
    "new": N_("a call on each new moon, at {time} on the evening of the phase's day"),
}  # fmt: skip


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _agenda_note(agenda: str) -> str:
    return "" if agenda == DEFAULT_AGENDA else _(" (agenda {agenda})").format(agenda=agenda)


def _weekday_name(weekday: int) -> str:
    """Monday is 0; in the interface's language (Babel's words for any but English)."""
    if base(interface()) == SOURCE:
        return WEEKDAYS[weekday].title()
    from facilitator.dates import weekday as day_name

    return day_name(date(2024, 1, 1) + timedelta(days=weekday), interface())  # a Monday


def _month_name(month: int) -> str:
    if base(interface()) == SOURCE:
        return MONTHS[month - 1]
    from facilitator.dates import month as month_name

    return month_name(date(2024, month, 1), interface())


def describe(rhythm: Rhythm) -> str:
    """One line for people in the interface's language, e.g. "every 3 weeks on Thursday at
    19:00"."""
    if isinstance(rhythm, MoonRhythm):
        return _describe_moon(rhythm)
    if isinstance(rhythm, WeeklyRhythm):
        day, at, weeks = _weekday_name(rhythm.weekday), _hhmm(rhythm.at), rhythm.every_weeks
        if weeks == 1:
            every = _("every week on {day} at {time}").format(day=day, time=at)
        else:
            every = ngettext("every {count} week on {day} at {time}",
                             "every {count} weeks on {day} at {time}", weeks)  # fmt: skip
            every = every.format(count=weeks, day=day, time=at)
        since = ""
        if rhythm.anchor:
            since = _(", counting from {date}").format(date=rhythm.anchor.isoformat())
        return f"{every}{_agenda_note(rhythm.agenda)}{since}"
    if isinstance(rhythm, MonthlyRhythm):
        said = _(_MONTHLY[rhythm.nth])
        monthly = said.format(day=_weekday_name(rhythm.weekday), time=_hhmm(rhythm.at))
        return f"{monthly}{_agenda_note(rhythm.agenda)}"
    raise TypeError(f"not a rhythm: {rhythm!r}")


def _describe_moon(rhythm: MoonRhythm) -> str:
    text = _(_MOON[rhythm.phases]).format(time=_hhmm(rhythm.at))
    months = sorted(set(rhythm.gathering_months))
    if months and rhythm.phases != "new":
        names = [_month_name(m) for m in months]
        names_text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + _(" and ") + names[-1]
        text += _("; a gathering instead on the first full moon of {months}").format(
            months=names_text
        )
    return text


# --- reading single values (stored settings here, command-line words in parse.py) ---------
_T = TypeVar("_T")


def quote_input(text: str) -> str:
    """User text quoted for an error message: one line, no control characters, at most 40."""
    text = clean_line(text)
    return f"'{text[:40]}...'" if len(text) > 40 else f"'{text}'"


def parse_time(text: str) -> time:
    """``HH:MM`` on a 24-hour clock (see facilitator.clock.parse_clock_time)."""
    try:
        return parse_clock_time(text)
    except ValueError:
        said = _("{text} is not a time: use 24-hour HH:MM, e.g. 19:00")
        raise ValueError(said.format(text=quote_input(text))) from None


def parse_weekday(text: str) -> int:
    word = text.strip().lower()
    word = word[:-1] if word.endswith("days") else word  # "thursdays"
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            return index
    said = _("{text} is not a day of the week: use monday ... sunday")
    raise ValueError(said.format(text=quote_input(text)))


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        said = _("{text} is not a date: use YYYY-MM-DD, e.g. 2026-03-05")
        raise ValueError(said.format(text=quote_input(text))) from None


# --- storing in a group's settings (JSON-compatible) -------------------------------------------


def to_dict(rhythm: Rhythm) -> dict[str, object]:
    """A JSON-compatible form for a group's settings; :func:`from_dict` reads it back."""
    if isinstance(rhythm, MoonRhythm):
        at = None if rhythm.time is None else _hhmm(rhythm.time)
        return {"kind": "moon", "time": at, "gathering_months": list(rhythm.gathering_months),
                "phases": rhythm.phases}  # fmt: skip
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
        phases=_field(data, "phases", str, "both"),
    )


def _weekly_from_dict(data: Mapping[str, object]) -> WeeklyRhythm:
    anchor = data.get("anchor")
    return WeeklyRhythm(
        every_weeks=_field(data, "every_weeks", int),
        weekday=parse_weekday(_field(data, "weekday", str)),
        at=parse_time(_field(data, "at", str)),
        agenda=_field(data, "agenda", str, DEFAULT_AGENDA),
        anchor=None if anchor is None else parse_date(_field(data, "anchor", str)),
    )


def _monthly_from_dict(data: Mapping[str, object]) -> MonthlyRhythm:
    return MonthlyRhythm(
        nth=_field(data, "nth", int),
        weekday=parse_weekday(_field(data, "weekday", str)),
        at=parse_time(_field(data, "at", str)),
        agenda=_field(data, "agenda", str, DEFAULT_AGENDA),
    )
