"""The command line's parsers: no abbreviated long options."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from facilitator.cli.main import build_parser, main


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


def test_no_parser_takes_an_abbreviated_long_option() -> None:
    parsers = list(_parsers(build_parser()))
    assert len(parsers) > 20  # the subcommands and their actions are in the walk
    assert [p.prog for p in parsers if p.allow_abbrev] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "mutual-support-150", "--part", "Ana,Bo"],  # --participants
        ["agendas", "show", "mutual-support-150", "--partic", "3"],
        ["decks", "draw", "check-in", "--lang", "fr"],  # --language
        ["--data", "/tmp/x", "agendas", "list"],  # --data-dir
    ],
)
def test_an_abbreviated_long_option_is_an_error(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "error:" in capsys.readouterr().err
