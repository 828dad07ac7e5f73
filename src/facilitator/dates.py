"""Dates and times in a language's own words, from Babel's CLDR data through skeletons.

Babel is imported at the first call, never at start-up. English keeps the forms the records
have always had (ISO dates, 24-hour times), so records written before translations read the
same; the other languages take CLDR's: « jeudi 3 décembre 2026 », « 3. Dezember 2026 ».
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from facilitator.i18n import SOURCE, base


@lru_cache(maxsize=16)
def _locale(language: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(base(language)) if base(language) != language else Locale.parse("en")


def skeleton(moment: date | datetime, form: str, language: str) -> str:
    """``moment`` in the CLDR ``form`` (a skeleton: ``yMMMMd``, ``Hm``, ``EEEE``...)."""
    from babel.dates import format_skeleton

    return str(format_skeleton(form, moment, locale=_locale(language)))


def day(moment: date | datetime, language: str) -> str:
    """The date of a session: ISO in English, CLDR's full date elsewhere (its weekday too)."""
    if base(language) == SOURCE:
        return f"{moment:%Y-%m-%d}"
    from babel.dates import format_date

    return str(format_date(moment, format="full", locale=_locale(language)))


def clock_time(moment: datetime, language: str) -> str:
    """A time of day: 24-hour ``19:05`` in English, CLDR's form elsewhere."""
    if base(language) == SOURCE:
        return f"{moment:%H:%M}"
    return skeleton(moment, "Hm", language)


def weekday(moment: date | datetime, language: str) -> str:
    """The day's name in ``language`` (``Thursday``, ``jeudi``, ``Donnerstag``)."""
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=_locale(language))[moment.weekday()])


def month(moment: date | datetime, language: str) -> str:
    """The month's name, as it stands alone (``December``, ``décembre``)."""
    from babel.dates import get_month_names

    return str(
        get_month_names("wide", context="stand-alone", locale=_locale(language))[moment.month]
    )


def day_words(moment: date | datetime, language: str) -> str:
    """``Thu, December 3`` in the language's order and words (no year)."""
    return skeleton(moment, "MMMMEd", language)


def due_day(due: date, language: str, year: int | None = None) -> str:
    """A due date in the language's words: ``Fri, Dec 11`` (its year too, ``Mon, Jan 11, 2027``,
    when it is not ``year``'s)."""
    return skeleton(due, "MMMEd" if year in (None, due.year) else "yMMMEd", language)
