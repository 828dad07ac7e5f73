"""Reading a rhythm from the words people type, e.g. ``every 3 weeks on thursday at 19:00``.

:func:`parse_rhythm` accepts the forms in :data:`FORMS`; every error is a ValueError whose message
says what was wrong and shows the form to follow. The rhythms themselves, and reading the single
values a stored rhythm uses (times, weekdays, dates), live in :mod:`facilitator.rhythm.rhythm`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time
from typing import TypeVar

from facilitator.i18n import _
from facilitator.rhythm.rhythm import (
    DEFAULT_AGENDA,
    MONTHS,
    MonthlyRhythm,
    MoonRhythm,
    Rhythm,
    WeeklyRhythm,
    parse_date,
    parse_time,
    parse_weekday,
    quote_input,
)

__all__ = ["FORMS", "parse_date", "parse_month", "parse_rhythm", "parse_time", "parse_weekday"]

FORMS = (
    "full moon at 19:30 (or new moon, or moon for both; 19:30 unless told)",
    "weekly on monday at 18:30",
    "fortnightly (or every other week) on wednesday at 20:00",
    "every 3 weeks on thursday at 19:00 [agenda ID] [from YYYY-MM-DD]",
    "monthly on 2nd tuesday at 19:00 [agenda ID]",
    "monthly on last friday at 18:00",
)
_NTH = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3}
_NTH |= {"4th": 4, "fourth": 4, "last": -1}
_T = TypeVar("_T")
_R = TypeVar("_R")


def _forms() -> str:
    return "; ".join(FORMS)


class _Words:
    """The words of a rhythm, read left to right."""

    def __init__(self, tokens: Sequence[str], example: str) -> None:
        self.tokens = list(tokens)
        self.example = example

    def fail(self, problem: str) -> ValueError:
        return ValueError(
            _("{problem}; write it like: {example}").format(problem=problem, example=self.example)
        )

    def peek(self) -> str | None:
        return self.tokens[0].lower() if self.tokens else None

    def skip(self, *fillers: str) -> None:
        if self.peek() in fillers:
            self.tokens.pop(0)

    def value(self, what: str) -> str:
        if not self.tokens:
            raise self.fail(_("{what} is missing").format(what=what))
        return self.tokens.pop(0)

    def option(self) -> str | None:
        """The next option name (``agenda``, ``--at``...) without dashes, or None at the end."""
        return self.value(_("an option")).lower().lstrip("-") if self.tokens else None


def parse_month(text: str) -> int:
    word = text.strip().lower()
    if word.isdigit() and 1 <= int(word) <= 12:
        return int(word)
    for index, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.lower().startswith(word):
            return index
    said = _("{text} is not a month: use 1..12 or a name like june")
    raise ValueError(said.format(text=quote_input(text)))


def parse_rhythm(words: Sequence[str], agenda: str | None = None) -> Rhythm:
    """A rhythm from command-line words; raises ValueError saying what would be right.

    ``agenda`` is the one meetings use unless the words say ``agenda ID`` (the group's own,
    when it has one on record)."""
    default = agenda or DEFAULT_AGENDA
    tokens = [token for word in words for token in word.split()]
    if not tokens:
        raise ValueError(_("say how often the group meets, one of: {forms}").format(forms=_forms()))
    head, rest = tokens[0].lower(), tokens[1:]
    if head in ("moon", "moons"):
        return _parse_moon(_Words(rest, FORMS[0]), "both")
    if head in ("full", "new") and rest and rest[0].lower() in ("moon", "moons"):
        return _parse_moon(_Words(rest[1:], FORMS[0]), head)
    if head == "weekly":
        return _parse_weekly(1, _Words(rest, FORMS[1]), default)
    if head == "fortnightly":
        return _parse_weekly(2, _Words(rest, FORMS[2]), default)
    if head == "every":
        return _parse_every(_Words(rest, FORMS[3]), default)
    if head == "monthly":
        return _parse_monthly(_Words(rest, FORMS[4]), default)
    said = _("unknown rhythm {text}; use one of: {forms}")
    raise ValueError(said.format(text=quote_input(tokens[0]), forms=_forms()))


def _parse_moon(words: _Words, phases: str) -> MoonRhythm:
    at: time | None = None
    months: tuple[int, ...] = (6, 12)
    while (name := words.option()) is not None:
        if name == "at":
            at = _wrap(words, parse_time, words.value(_("the time after 'at'")))
        elif name == "gatherings":
            months = _parse_months(words, words.value(_("the months after 'gatherings'")))
        else:
            raise words.fail(_("unexpected {text} after 'moon'").format(text=quote_input(name)))
    return MoonRhythm(time=at, gathering_months=months, phases=phases)


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
    weekday = _wrap(words, parse_weekday, words.value(_("the day of the week")))
    words.skip("at")
    return weekday, _wrap(words, parse_time, words.value(_("the time")))


def _parse_every(words: _Words, agenda: str) -> WeeklyRhythm:
    count = words.value(_("the number of weeks"))
    if count.lower() == "week":  # "every week on ..."
        return _parse_weekly(1, words, agenda)
    if count.lower() == "fortnight":  # "every fortnight on ..."
        return _parse_weekly(2, words, agenda)
    if count.lower() == "other":  # "every other week on ..." or "every other tuesday at ..."
        unit = words.value(_("the word 'week'"))
        if unit.lower() != "week":
            if not _is_weekday(unit):
                said = _("expected 'week' after 'every other', not {text}")
                raise words.fail(said.format(text=quote_input(unit)))
            words.tokens.insert(0, unit)
        return _parse_weekly(2, words, agenda)
    if _is_weekday(count):  # "every tuesday at 18:00"
        words.tokens.insert(0, count)
        return _parse_weekly(1, words, agenda)
    if not (count.isascii() and count.isdigit()):
        raise words.fail(_("{text} is not a number of weeks").format(text=quote_input(count)))
    unit = words.value(_("the word 'weeks'"))
    if unit.lower() not in ("week", "weeks"):
        said = _("expected 'weeks' after the number, not {text}")
        raise words.fail(said.format(text=quote_input(unit)))
    return _parse_weekly(int(count), words, agenda)


def _is_weekday(word: str) -> bool:
    try:
        parse_weekday(word)
    except ValueError:
        return False
    return True


def _parse_weekly(every: int, words: _Words, agenda: str) -> WeeklyRhythm:
    weekday, at = _day_and_time(words)
    anchor = None
    while (name := words.option()) is not None:
        if name == "agenda":
            agenda = words.value(_("the agenda id after 'agenda'"))
        elif name in ("from", "starting"):
            anchor = _wrap(words, parse_date, words.value(_("the date after 'from'")))
        else:
            raise words.fail(_("unexpected {text}").format(text=quote_input(name)))
    return _build(words, WeeklyRhythm, every, weekday, at, agenda, anchor)


def _parse_monthly(words: _Words, agenda: str) -> MonthlyRhythm:
    words.skip("on")
    words.skip("the")
    nth_word = words.value(_("which week of the month (1st, 2nd, 3rd, 4th or last)"))
    if nth_word.lower() not in _NTH:
        said = _("{text} is not 1st, 2nd, 3rd, 4th or last")
        raise words.fail(said.format(text=quote_input(nth_word)))
    weekday, at = _day_and_time(words)
    while (name := words.option()) is not None:
        if name != "agenda":
            raise words.fail(_("unexpected {text}").format(text=quote_input(name)))
        agenda = words.value(_("the agenda id after 'agenda'"))
    return _build(words, MonthlyRhythm, _NTH[nth_word.lower()], weekday, at, agenda)


def _build(words: _Words, kind: Callable[..., _R], *args: object) -> _R:
    try:
        return kind(*args)
    except ValueError as error:
        raise words.fail(str(error)) from None
