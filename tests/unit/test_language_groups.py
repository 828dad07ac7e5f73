"""Agendas are listed by language, each language named in itself."""

from __future__ import annotations

import pytest

from facilitator.cli.main import main
from facilitator.languages import by_language, heading


def test_groups_come_english_first_then_by_tag_and_the_unknown_last() -> None:
    items = [("a", "fr"), ("b", None), ("c", "en"), ("d", "de"), ("e", "fr"), ("f", "en-GB")]
    groups = by_language(items, lambda item: item[1])
    assert [(tag, [name for name, _ in group]) for tag, group in groups] == [
        ("en", ["c"]), ("en-GB", ["f"]), ("de", ["d"]), ("fr", ["a", "e"]), (None, ["b"])]  # fmt: skip


def test_the_interface_language_comes_first() -> None:
    items = [("a", "fr"), ("b", "de"), ("c", "en"), ("d", "fr-CA")]
    groups = by_language(items, lambda item: item[1], first="fr")
    assert [tag for tag, _ in groups] == ["fr", "fr-CA", "en", "de"]


@pytest.mark.parametrize(
    ("tag", "words"),
    [("fr", "Français · fr"), ("fr-CA", "Français · fr-CA"), ("DE", "Deutsch · DE"),
     ("tlh", "tlh"), (None, "Files with errors")],
)  # fmt: skip
def test_a_heading_names_the_language_in_itself(tag: str | None, words: str) -> None:
    assert heading(tag) == words


def test_agendas_list_prints_a_table_per_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["agendas", "list"]) == 0
    out = capsys.readouterr().out
    titles = [line.strip() for line in out.splitlines() if line.startswith("Agendas · ")]
    assert titles == ["Agendas · English · en", "Agendas · Deutsch · de", "Agendas · Español · es",
                      "Agendas · Français · fr", "Agendas · Italiano · it"]  # fmt: skip
    french = out.split("Agendas · Français · fr")[1].split("Agendas · Italiano")[0]
    assert "mutual-support-150-fr" in french and "mutual-support-150-de" not in french


def test_agendas_list_puts_the_interface_language_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator import i18n

    monkeypatch.setenv("COLUMNS", "200")
    try:
        assert main(["--lang", "fr", "agendas", "list"]) == 0
    finally:
        i18n.set_language("en")
    titles = [line.strip() for line in capsys.readouterr().out.splitlines() if "·" in line]
    # the table's title is the interface's word too (issue 19)
    assert titles[:2] == ["Déroulés · Français · fr", "Déroulés · English · en"]
