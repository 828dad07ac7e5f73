"""A follow-up's due date, read from its words: "by Friday", "15 Dec", "by 15/12", "tomorrow".

English is always understood, and the group's language too (French, German, Spanish, Italian and
any other CLDR knows): its weekday and month names and its words for tomorrow and next week come
from Babel's CLDR data, imported at the first call. Accents and case do not matter ("lunedi" is
"lunedì"). A bare number is never a date: "by 15" says nothing, and "15/12" needs a word before
it ("by", "bis", "entro"...), since "3/4 of the budget" is no date. A date without a year is the
next one from today on; a weekday is the next such day after today.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

# Words that put a date after them: "by 15/12", "bis 15.12.", "entro il 15/12". Only they make
# a number-slash-number a date, and an abbreviated weekday ("by Fri") one.
BEFORE_A_DATE = {
    "en": ("by", "on", "until", "till", "before", "due"),
    "fr": ("d'ici", "avant", "pour", "le", "jusqu'au", "au"),
    "de": ("bis", "am", "zum", "vor", "ab"),
    "es": ("para", "antes", "el", "hasta", "del"),
    "it": ("entro", "per", "il", "prima", "del", "al"),
}
# Articles announce a date before a number ("le 15/12") but not before a weekday's short name:
# "el mar" is the sea, not Tuesday.
ARTICLES = frozenset({"le", "au", "am", "zum", "el", "del", "il", "al"})
NEXT_WEEK_DAY = 0  # "next week" is its Monday


@dataclass(frozen=True)
class Words:
    """A language's date words, accents stripped and case folded."""

    weekdays: dict[str, int]  # wide names: Monday 0
    short_weekdays: dict[str, int]  # abbreviated names: only after a word of BEFORE_A_DATE
    months: dict[str, int]  # wide and abbreviated names: January 1
    days_ahead: dict[str, int]  # "tomorrow" 1, "day after tomorrow" 2
    next_week: tuple[str, ...]
    before: tuple[str, ...]


def plain(text: str) -> str:
    """``text`` folded for matching: no case, no accents, straight apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16)
def words(language: str) -> Words:
    """The date words of ``language`` from CLDR (English's for a language CLDR does not know)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse("en")
    weekdays: dict[str, int] = {}
    short: dict[str, int] = {}
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in locale.days[context]["wide"].items():
            weekdays[plain(name)] = number
        for number, name in locale.days[context]["abbreviated"].items():
            key = plain(name).rstrip(".")
            if len(key) >= 3:
                short[key] = number
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                key = plain(name).rstrip(".")
                for form in (key, key[:4]) if width == "wide" else (key,):  # "Sept"
                    if len(form) >= 3:
                        months.setdefault(form, number)
    fields = locale._data["date_fields"]
    ahead = {plain(text): n for n, text in fields["day"]["relative"].items() if n in (1, 2)}
    week = plain(fields["week"]["relative"].get(1, ""))
    next_week = (week, *([" ".join(week.split()[1:])] if len(week.split()) > 2 else []))
    code = str(locale.language)
    return Words(weekdays, short, months, ahead, tuple(w for w in next_week if w),
                 BEFORE_A_DATE.get(code, ()))  # fmt: skip


def _alternatives(names: Iterable[str]) -> str:
    """A regex that matches any of ``names``, longest first."""
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(name) for name in ordered)


def _today(now: float | datetime, tz: tzinfo | None) -> date:
    if isinstance(now, datetime):
        moment = now.astimezone(tz) if tz is not None or now.tzinfo is not None else now
    else:
        moment = datetime.fromtimestamp(now, tz)
    return moment.date()


def _on_or_after(today: date, month: int, day: int, year: int | None) -> date | None:
    """The date ``day``/``month`` of ``year``, or (no year) the next one from today on."""
    try:
        if year is not None:
            return date(year + 2000 if year < 100 else year, month, day)
        found = date(today.year, month, day)
        if found < today:
            found = date(today.year + 1, month, day)
        return found
    except ValueError:  # 31 November, or 29 February of a year without one
        return None


def _after(today: date, weekday: int) -> date:
    """The next ``weekday`` after today (a week on, when today is one)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_ORDINAL = r"(?:st|nd|rd|th|er|eme|o|º|\.)?"


def due_from_text(text: str, now: float | datetime, tz: tzinfo | None = None,
                  language: str = "en") -> date | None:  # fmt: skip
    """The due date a follow-up's words give, or None. ``now`` (a time or a datetime) and ``tz``
    (None: the local zone) say which day today is. A date (``15 Dec``, ``by 15/12``,
    ``2026-12-15``) comes before a weekday or "tomorrow" when both are there."""
    today = _today(now, tz)
    folded = plain(text)
    found = _explicit(folded, today, language)
    return found if found is not None else _relative(folded, today, language)


def due_typed(text: str, now: float | datetime, tz: tzinfo | None = None,
              language: str = "en") -> date | None:  # fmt: skip
    """A due date typed on its own (the entries list's field): what :func:`due_from_text`
    reads, and also a bare ``15/12`` or ``15.12.``, since nothing else is in the field."""
    alone = re.fullmatch(r"\s*(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?\.?\s*", text)
    if alone:
        day, month, year = alone.groups()
        return _on_or_after(_today(now, tz), int(month), int(day), int(year) if year else None)
    return due_from_text(text, now, tz, language)


def _languages(language: str) -> list[Words]:
    return [words(language)] + ([words("en")] if language.split("-")[0][:2] != "en" else [])


def _explicit(folded: str, today: date, language: str) -> date | None:
    """The first date written out in ``folded``: ISO, day and month name, or a number-slash-
    number after a word that announces a date."""
    candidates: list[tuple[int, date | None]] = []
    iso = _ISO.search(folded)
    if iso:
        candidates.append((iso.start(), _on_or_after(today, int(iso[2]), int(iso[3]),
                                                     int(iso[1]))))  # fmt: skip
    for w in _languages(language):
        months = _alternatives(w.months)
        day_month = re.compile(
            rf"(?<![\w/.])(\d{{1,2}}){_ORDINAL}\s*(?:de\s+|of\s+)?({months})\b\.?"
            rf"(?:,?\s+(?:de\s+)?(\d{{4}})\b)?"
        )
        # "Dec 15" is English's order; "may 2 people come" is no date
        english = _alternatives(m for m in w.months if m != "may") if w is words("en") else ""
        month_day = re.compile(rf"\b({english})\b\.?\s+(\d{{1,2}}){_ORDINAL}(?![\w/])"
                               rf"(?:,?\s+(\d{{4}})\b)?")  # fmt: skip
        spelt = day_month.search(folded)
        if spelt:
            day, name, year = spelt.groups()
            candidates.append((spelt.start(), _on_or_after(
                today, w.months[name], int(day), int(year) if year else None)))  # fmt: skip
        ordered = month_day.search(folded) if english else None
        if ordered:
            name, day, year = ordered.groups()
            candidates.append((ordered.start(), _on_or_after(
                today, w.months[name], int(day), int(year) if year else None)))  # fmt: skip
        if w.before:
            numeric = re.compile(rf"(?<![\w'])(?:{_alternatives(w.before)})\s+(?:(?:le|the|il|el|"
                                 rf"dem|den)\s+)?(\d{{1,2}})[/.](\d{{1,2}})"
                                 rf"(?:[/.](\d{{4}}|\d{{2}}))?(?![\d/])")  # fmt: skip
            match = numeric.search(folded)
            if match:
                day, month, year = match.groups()
                if 1 <= int(month) <= 12:
                    candidates.append((match.start(), _on_or_after(
                        today, int(month), int(day), int(year) if year else None)))  # fmt: skip
    candidates.sort(key=lambda pair: pair[0])
    return next((found for _, found in candidates if found is not None), None)


def _relative(folded: str, today: date, language: str) -> date | None:
    """The first weekday, "tomorrow" or "next week" in ``folded``."""
    candidates: list[tuple[int, date]] = []
    for w in _languages(language):
        named = re.search(rf"(?<![\w'])({_alternatives(w.weekdays)})(?!\w)", folded)
        if named:
            candidates.append((named.start(), _after(today, w.weekdays[named[1]])))
        announcing = [word for word in w.before if word not in ARTICLES]
        if announcing and w.short_weekdays:
            short = re.compile(rf"(?<![\w'])(?:{_alternatives(announcing)})\s+"
                               rf"(?:(?:{_alternatives(ARTICLES)})\s+)?"
                               rf"({_alternatives(w.short_weekdays)})(?!\w)")  # fmt: skip
            match = short.search(folded)
            if match:
                candidates.append((match.start(), _after(today, w.short_weekdays[match[1]])))
        if w.days_ahead:
            ahead = re.search(rf"(?<![\w'])({_alternatives(w.days_ahead)})(?!\w)", folded)
            if ahead:
                candidates.append((ahead.start(), today + timedelta(days=w.days_ahead[ahead[1]])))
        if w.next_week:
            week = re.search(rf"(?<![\w'])(?:{_alternatives(w.next_week)})(?!\w)", folded)
            if week:
                candidates.append((week.start(), _after(today, NEXT_WEEK_DAY)))
    candidates.sort(key=lambda pair: pair[0])
    return candidates[0][1] if candidates else None
