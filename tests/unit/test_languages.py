"""The interface's language (the facilitator's) and the group's (the agenda's), kept apart."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from facilitator import dates, i18n
from facilitator.clock import FakeClock
from facilitator.journal.record import render
from facilitator.review.share import share_digest
from facilitator.views.meeting_words import who_leaves
from tests.factories import MS150, meeting


@pytest.mark.parametrize(
    ("asked", "env", "setting", "chosen"),
    [
        ("fr", {"FACILITATOR_LANG": "en"}, "en", "fr"),  # --lang first
        (None, {"FACILITATOR_LANG": "fr"}, "en", "fr"),  # then the variable
        (None, {}, "fr", "fr"),  # then the setting
        (None, {"LANG": "fr_CA.UTF-8"}, None, "fr"),  # then the locale
        (None, {"LANGUAGE": "pt:fr", "LANG": "en_GB.UTF-8"}, None, "fr"),  # gettext's list
        (None, {"LC_ALL": "C"}, None, "en"),
        ("xx", {"FACILITATOR_LANG": "fr"}, None, "fr"),  # one not shipped falls through
        (None, {}, None, "en"),
    ],
)
def test_the_interface_language_comes_from_the_flag_the_variable_the_setting_or_the_locale(
    asked: str | None, env: dict[str, str], setting: str | None, chosen: str
) -> None:
    assert i18n.choose(asked, setting, env) == chosen


def test_the_interface_speaks_the_language_chosen() -> None:
    i18n.set_language("fr")
    assert who_leaves() == "Qui s’en va\u00a0?"
    i18n.set_language("en")
    assert who_leaves() == "Who is leaving?"


def ended_meeting(language: str, interface: str) -> str:
    """The record of a short meeting of a group speaking ``language``, run in ``interface``."""
    i18n.set_language(interface)
    clock = FakeClock()
    m = meeting(dataclasses.replace(MS150, language=language), people=["Ana", "Bo"], clock=clock)
    m.toggle()
    clock.advance(minutes=2)
    m.next_item()
    m.add_entry("expectations", "écouter", person="Ana")
    m.add_entry("notes", "une note")
    m.end()
    return render(m.state, clock.now())


def test_a_french_group_gets_its_record_in_french_even_from_an_english_interface() -> None:
    text = ended_meeting("fr", "en")
    assert "## Attentes et conclusions" in text
    assert "- Groupe\u00a0: Tuesday" in text
    assert "| Personne | Attentes | Conclusion | Attentes comblées |" in text
    assert "## Expectations" not in text and "- Participants: " not in text
    when = datetime.fromtimestamp(FakeClock().now())
    assert text.splitlines()[0].endswith(dates.day(when, "fr"))  # « jeudi 3 décembre 2026 »


def test_an_english_group_keeps_its_english_record_under_a_french_interface() -> None:
    text = ended_meeting("en", "fr")
    assert "## Expectations and conclusions" in text and "- Group: Tuesday" in text


def test_the_share_digest_speaks_the_group_language() -> None:
    m = meeting(dataclasses.replace(MS150, language="fr"))
    assert "Rien n’a été marqué à partager." in share_digest(m.state)


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "jeudi 3 décembre 2026"), ("de", "Donnerstag, 3. Dezember 2026"),
     ("es", "jueves, 3 de diciembre de 2026"), ("it", "giovedì 3 dicembre 2026"),
     ("en", "2026-12-03")],
)  # fmt: skip
def test_dates_come_from_cldr_in_the_group_language(language: str, words: str) -> None:
    assert dates.day(datetime(2026, 12, 3, 19, 5), language) == words
    assert dates.clock_time(datetime(2026, 12, 3, 19, 5), language) == "19:05"


def test_day_and_month_names_come_from_cldr() -> None:
    moment = datetime(2026, 12, 3)
    assert dates.weekday(moment, "it") == "giovedì"
    assert dates.month(moment, "de") == "Dezember"


def test_an_italian_group_gets_its_calendar_file_in_italian() -> None:
    from datetime import timezone

    from facilitator.rhythm.ics import to_ics
    from facilitator.rhythm.rhythm import PlannedMeeting

    start = datetime(2026, 12, 24, 19, 0, tzinfo=timezone.utc)
    meeting = PlannedMeeting(start, "full moon call", "full-moon-call", "full moon")
    data = to_ics("Gruppo", [meeting], 90, stamp=start, language="it").decode()
    assert "SUMMARY:Gruppo: chiamata di luna piena" in data
    assert "Fase lunare: luna piena" in data.replace("\r\n ", "")
    assert "SUMMARY:Gruppo: full moon call" in to_ics("Gruppo", [meeting], 90, stamp=start).decode()
