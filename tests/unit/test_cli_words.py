"""The command line speaks the interface language: its help, argparse's own words, its output."""

from __future__ import annotations

import contextlib
import re
from functools import cache

import pytest

from facilitator import i18n
from facilitator.cli.main import main


@cache
def _english_only(language: str) -> frozenset[str]:
    """Words of the catalogue's msgids that none of ``language``'s translations uses."""
    from babel.messages.pofile import read_po

    po = i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with po.open("rb") as file:
        catalog = read_po(file)
    english: set[str] = set()
    translated: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            english.update(_words(text))
        for text in strings:
            translated.update(_words(text))
    return frozenset(english - translated)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"%\(\w+\)|\{\w+\}", "", text))}


def _prose(said: str) -> str:
    """What the command line says, without its syntax: the usage lines, the names of commands
    and options (the first word of an indented help line), METAVARS and --options."""
    paragraphs = [p for p in said.split("\n\n") if "facilitator [" not in p]  # usage: ...
    lines = "\n".join(paragraphs).splitlines()
    kept = "\n".join(re.sub(r"^\s{2,}\S+", "", line) for line in lines)
    return re.sub(r"-{1,2}[\w-]+|\b[A-Z_]{2,}\b|'[^']*'", "", kept)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with contextlib.suppress(SystemExit):
        main(argv)
    out = capsys.readouterr()
    return out.out + out.err


@pytest.mark.parametrize("language", ["fr", "de", "es", "it"])
@pytest.mark.parametrize(
    "argv",
    [["--help"], ["sessions", "--help"], ["sessions", "followups"], ["sessions", "show", "x/y"]],
)
def test_the_command_line_speaks_the_language_asked_for(
    language: str, argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, language)
    said = _run(argv, capsys)
    assert said.strip()
    assert sorted(_words(_prose(said)) & _english_only(language)) == []


def test_argparse_errors_speak_it_too(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "fr")
    said = _run(["sessions", "followups", "--nope"], capsys)
    assert "erreur" in said and "arguments inconnus : --nope" in said
    assert "error" not in said


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    said = _run(["--help"], capsys)
    assert "show this help message and exit" in said
    assert "Run and remember peer mutual-support group meetings." in said
