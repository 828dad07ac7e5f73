"""A follow-up's due date read from its words (meeting.due), with a fixed today."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from facilitator.meeting.due import due_from_text, due_typed

NOW = datetime(2026, 12, 8, 19, 0, tzinfo=UTC)  # a Tuesday evening


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("send the letter by Friday", date(2026, 12, 11)),
        ("send the letter by friday", date(2026, 12, 11)),
        ("call Ana on Tuesday", date(2026, 12, 15)),  # today is Tuesday: the next one
        ("book the room by Fri", date(2026, 12, 11)),
        ("send it on 15 Dec", date(2026, 12, 15)),
        ("send it 15 Dec", date(2026, 12, 15)),
        ("send it by 15th December", date(2026, 12, 15)),
        ("send it by Dec 15", date(2026, 12, 15)),
        ("send it by 15 Sept", date(2027, 9, 15)),
        ("the minutes by 8 Dec", date(2026, 12, 8)),  # today is still to come
        ("the minutes by 7 Dec", date(2027, 12, 7)),  # gone this year: next year's
        ("renew by 3 Jan 2028", date(2028, 1, 3)),
        ("by 15/12", date(2026, 12, 15)),
        ("pay the hall by 2/1", date(2027, 1, 2)),
        ("pay the hall by 2026-12-20", date(2026, 12, 20)),
        ("ask Dee tomorrow", date(2026, 12, 9)),
        ("write the flyer next week", date(2026, 12, 14)),  # its Monday
        ("by 15 Dec, or Friday at the latest", date(2026, 12, 15)),  # a date before a weekday
    ],
)
def test_english_words_give_the_next_such_day(text: str, due: date) -> None:
    assert due_from_text(text, NOW) == due


@pytest.mark.parametrize(
    "text",
    [
        "send the letter",
        "by 15",  # a bare number is no date
        "on the 15th",
        "read 3/4 of the report",  # no word announces a date
        "we may 2 people bring",
        "by 31/11",  # no such day
        "by 15/13",
        "sat down with Bo",  # an abbreviated weekday needs "by" or "on"
        "call at 19:30",
        "",
    ],
)
def test_no_date_is_guessed(text: str) -> None:
    assert due_from_text(text, NOW) is None


@pytest.mark.parametrize(
    ("language", "text", "due"),
    [
        ("fr", "envoyer la lettre d'ici vendredi", date(2026, 12, 11)),
        ("fr", "envoyer la lettre le 15 déc.", date(2026, 12, 15)),
        ("fr", "le 1er janvier", date(2027, 1, 1)),
        ("fr", "appeler Ana demain", date(2026, 12, 9)),
        ("fr", "la salle d'ici la semaine prochaine", date(2026, 12, 14)),
        ("fr", "avant le 15/12", date(2026, 12, 15)),
        ("de", "den Brief bis Freitag schicken", date(2026, 12, 11)),
        ("de", "bis 15. Dezember", date(2026, 12, 15)),
        ("de", "bis 15.12.", date(2026, 12, 15)),
        ("de", "übermorgen anrufen", date(2026, 12, 10)),
        ("es", "enviar la carta antes del viernes", date(2026, 12, 11)),
        ("es", "para el 15 de diciembre", date(2026, 12, 15)),
        ("es", "llamar pasado mañana", date(2026, 12, 10)),
        ("it", "mandare la lettera entro venerdì", date(2026, 12, 11)),
        ("it", "entro venerdi", date(2026, 12, 11)),  # typed without its accent
        ("it", "entro il 15 dic", date(2026, 12, 15)),
        ("it", "entro il 15/12", date(2026, 12, 15)),
        ("fr", "send it by Friday", date(2026, 12, 11)),  # English is understood too
        ("es", "llamar antes del vie", date(2026, 12, 11)),
        ("es", "limpiar la playa junto el mar", None),  # the sea, not Tuesday
        ("it", "andare al mar", None),
    ],
)
def test_the_groups_language_from_cldr(language: str, text: str, due: date | None) -> None:
    assert due_from_text(text, NOW, language=language) == due


def test_today_is_the_day_in_the_zone_given() -> None:
    from zoneinfo import ZoneInfo

    late = datetime(2026, 12, 10, 23, 30, tzinfo=UTC)  # Thursday in London, Friday in Athens
    assert due_from_text("by Friday", late, ZoneInfo("Europe/London")) == date(2026, 12, 11)
    assert due_from_text("by Friday", late, ZoneInfo("Europe/Athens")) == date(2026, 12, 18)
    assert due_from_text("by Friday", late.timestamp(), UTC) == date(2026, 12, 11)


@pytest.mark.parametrize(
    ("typed", "due"),
    [("15/12", date(2026, 12, 15)), ("15.12.", date(2026, 12, 15)), ("Friday", date(2026, 12, 11)),
     ("2027-01-04", date(2027, 1, 4)), ("15", None), ("soon", None), ("31/11", None)],
)  # fmt: skip
def test_a_date_typed_alone(typed: str, due: date | None) -> None:
    assert due_typed(typed, NOW) == due
