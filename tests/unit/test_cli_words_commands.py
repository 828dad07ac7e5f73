"""Every subcommand speaks the interface language: its help, its errors, its tables."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest

from facilitator import i18n
from tests.unit.test_cli_words import _english_only, _prose, _run, _words

LANGUAGES = ["fr", "de", "es", "it"]


def _without_usage(said: str) -> str:
    """``said`` without a command's usage lines (its syntax: the command's name, [-h], ...),
    which argparse prints before an error too, in the same paragraph, and without the
    ``facilitator calendar:`` before a refusal."""
    kept, in_usage = [], False
    for line in said.splitlines():
        if "[-h]" in line:
            in_usage = True
        elif not (in_usage and line.startswith(" ")):
            in_usage = False
            kept.append(line)
    return re.sub(r"^facilitator( [a-z]+)*:", "", "\n".join(kept), flags=re.M)  # who speaks


def _untranslated(said: str, language: str) -> list[str]:
    return sorted(_words(_prose(_without_usage(said))) & _english_only(language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--help"],
        ["review", "--help"],
        ["stage", "--help"],
        ["run", "--start", "25:99"],  # argparse's type error for a bad HH:MM
        ["agendas", "--help"],
        ["agendas", "list", "--help"],
        ["agendas", "show", "--help"],
        ["agendas", "list", "--participants", "0"],
        ["agendas", "show", "mutual-support-150-{lang}", "--participants", "30"],
        ["decks", "--help"],
        ["decks", "draw", "--help"],
        ["groups", "--help"],
        ["groups", "airtime", "--help"],
        ["groups", "record", "--help"],
        ["groups", "names", "--help"],
        ["groups", "place", "--help"],
        ["groups", "check", "--help"],
        ["groups", "record", "Zyx"],
        ["groups", "check"],
        ["calendar", "--help"],
        ["calendar", "--months", "99"],
        ["calendar", "--format", "ics"],
        ["calendar", "--group", "Zyx"],
        ["calendar", "--from", "2024-01-01", "--months", "2", "--utc"],
    ],
)
def test_each_command_speaks_the_language_asked_for(
    language: str, argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, language)
    said = _run([word.format(lang=language) for word in argv], capsys)
    assert said.strip()
    assert _untranslated(said, language) == []


def test_a_bad_time_is_refused_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    said = _run(["--lang", "fr", "run", "--start", "25:99"], capsys)
    assert "n’est pas une heure comme 19:30" in said


def test_the_agendas_table_and_its_words_are_french(capsys: pytest.CaptureFixture[str]) -> None:
    listed = _run(["--lang", "fr", "agendas", "list"], capsys)
    assert "Déroulés · Français" in listed and "origine" in listed and "fourni" in listed
    shown = _run(["--lang", "fr", "agendas", "show", "home-group-fr", "--at", "19:00"], capsys)
    assert "début" in shown and "fin à " in shown


def test_agendas_validate_and_new_say_it_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    agenda = Path(__file__).parents[2] / "agendas" / "home-group-de.yaml"
    said = _run(["--lang", "de", "agendas", "validate", str(agenda)], capsys)
    assert ": ok (home-group-de, " in said and " Punkte, übersetzt home-group)" in said
    said = _run(["--lang", "de", "agendas", "new", "Unser Treffen"], capsys)
    assert "angelegt. Bearbeiten Sie ihn mit: facilitator agendas edit unser-treffen" in said
    said = _run(["--lang", "de", "agendas", "new", "Unser Treffen"], capsys)
    assert "gibt es schon" in said


def test_the_decks_table_and_messages_are_italian(capsys: pytest.CaptureFixture[str]) -> None:
    listed = _run(["--lang", "it", "decks", "list"], capsys)
    assert "Mazzi di domande" in listed and "lingua" in listed and "domande" in listed
    assert "incluso" in listed and "bundled" not in listed
    deck = Path(__file__).parents[2] / "question_decks" / "check-in-it.yaml"
    said = _run(["--lang", "it", "decks", "validate", str(deck)], capsys)
    assert ": ok (check-in-it, " in said and " domande)" in said
    said = _run(["--lang", "it", "decks", "new", "Le nostre domande"], capsys)
    assert "Aggiungi le tue domande, poi verificalo" in said
    said = _run(["--lang", "it", "decks", "new", "Le nostre domande"], capsys)
    assert ": esiste già" in said


def test_a_draw_with_an_unknown_tag_says_so_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    said = _run(["--lang", "de", "decks", "draw", "jasette-de", "--tag", "nope"], capsys)
    assert "Keine Frage in jasette-de hat das Schlagwort nope; seine Schlagwörter sind: " in said


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_groups_table_speaks_the_language(
    language: str, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    from facilitator.groups import Group, save_group

    save_group(Group("Zyx"))
    monkeypatch.setenv(i18n.ENV_LANG, language)
    said = _run(["groups", "list"], capsys)
    assert "Zyx" in said
    assert _untranslated(said, language) == []
    said = _run(["groups", "rhythm", "Zyx"], capsys)
    assert said.startswith("Zyx ") and _untranslated(said, language) == []


def test_groups_rhythm_help_and_messages_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    said = _run(["--lang", "es", "groups", "rhythm", "--help"], capsys)
    assert "Las horas son las del reloj local" in said
    assert "ejemplos:" in said and "(olvidar el ritmo)" in said and "formas (" in said
    assert '"Home group" monthly on 2nd tuesday at 19:00' in said  # the commands stay as typed
    said = _run(["--lang", "es", "groups", "rhythm", "Zyx", "weekly", "on", "monday", "at", "19:00"],
                capsys)  # fmt: skip
    assert said.startswith("Grupo nuevo: Zyx\n") and "Próximas reuniones:" in said
    said = _run(["--lang", "es", "groups", "rhythm", "Zyxw", "weekly", "on", "monday", "at", "19:00"],
                capsys)  # fmt: skip
    assert "no hay ningún grupo llamado 'Zyxw'; ¿querías decir 'Zyx'?" in said
    assert _run(["--lang", "es", "groups", "rhythm", "Zyx", "none"], capsys) == (
        "Zyx ya no tiene ritmo.\n"
    )
    said = _run(["--lang", "es", "groups", "list"], capsys)
    assert "próxima reunión" in said and "personas" in said


def test_the_calendar_file_is_the_same_whatever_the_interface(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _run(["groups", "rhythm", "Zyx", "weekly", "on", "monday", "at", "19:00"], capsys)
    english, french = tmp_path / "en.ics", tmp_path / "fr.ics"
    argv = ["calendar", "--group", "Zyx", "--from", "2024-01-01", "--format", "ics"]
    _run([*argv, "--output", str(english)], capsys)
    said = _run(["--lang", "fr", *argv, "--output", str(french)], capsys)
    assert said == f"Écrit dans {french}\u00a0: 13 rencontres de Zyx\n"
    assert french.read_bytes() == english.read_bytes()  # the group's words, not the interface's
    said = _run(["--lang", "fr", "calendar", "--group", "Zyx", "--from", "2024-01-01"], capsys)
    assert "Rencontres du 2024-01-01 au 2024-04-01, heures en " in said


def test_a_groups_settings_are_named_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    from facilitator.groups import Group, save_group

    save_group(Group("Zyx"))
    assert _run(["--lang", "fr", "groups", "record", "Zyx"], capsys) == (
        "Zyx\u00a0: compte rendu pas encore demandé\n"
    )
    assert _run(["--lang", "fr", "groups", "names", "Zyx", "off"], capsys) == (
        "Zyx\u00a0: noms partagés off\n"
    )
    said = _run(["--lang", "fr", "groups", "airtime", "Zyx"], capsys)
    assert said.startswith("Zyx\u00a0: temps de parole ")


def test_the_agendas_minutes_column_has_no_unit_in_german(
    capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    listed = _run(["--lang", "de", "agendas", "list", "--participants", "30"], capsys)
    assert "Minuten" in listed and " für 30" in listed and "Min." not in listed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "words",
    [
        ["every", "3", "weeks", "on", "thursday", "at", "19:00"],
        ["monthly", "on", "last", "sunday", "at", "18:00"],
        ["moon", "--at", "20:00", "--gatherings", "june,december"],
    ],
)
def test_a_rhythm_is_told_in_the_language(
    language: str, words: list[str], capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """The rhythm in the interface's words; the next meetings' days and kinds in the group's
    (here the same)."""
    from facilitator.groups import Group, save_group

    save_group(Group("Zyx", language=language))
    monkeypatch.setenv(i18n.ENV_LANG, language)
    said = _run(["groups", "rhythm", "Zyx", *words], capsys)
    agendas = re.compile(r"\((?:[a-z0-9]+-?)+\)")  # the agenda ids after the meetings' kinds
    assert said.startswith("Zyx") and _untranslated(agendas.sub("", said), language) == []
    said = _run(["groups", "list"], capsys)
    assert "Zyx" in said and _untranslated(agendas.sub("", said), language) == []


def test_a_rhythm_in_french_names_its_days_and_months() -> None:
    from facilitator.rhythm.rhythm import MonthlyRhythm, MoonRhythm, WeeklyRhythm, describe

    i18n.set_language("fr")
    assert describe(WeeklyRhythm(3, 3, time(19))) == "toutes les 3 semaines, le jeudi à 19:00"
    assert describe(MonthlyRhythm(-1, 6, time(18), "x")) == (
        "chaque mois, le dernier dimanche à 18:00 (déroulé x)"
    )
    assert describe(MoonRhythm(time(20))).endswith(
        "\u00a0; un rassemblement à la place, à la première pleine lune de juin et décembre"
    )
