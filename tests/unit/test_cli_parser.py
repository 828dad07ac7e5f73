"""The command line's parsers: no abbreviated long options, subcommands built on demand."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from facilitator.cli.main import build_parser, main
from facilitator.i18n import language


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


def test_the_help_lists_every_command_as_their_modules_describe_them() -> None:
    """Without a command only the table in cli/main.py is read: it must say what the modules
    say (the full parser imports every module and uses their own help lines)."""
    assert build_parser([]).format_help() == build_parser().format_help()
    assert build_parser(["--help"]).format_help() == build_parser().format_help()


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], None),
        (["--version"], None),
        (["agendas", "list"], "agendas"),
        (["--data-dir", "run", "sessions", "list"], "sessions"),  # a folder named run
        (["--data-dir=x", "run", "--participants", "A"], "run"),
        (["--", "decks", "list"], "decks"),
    ],
)
def test_the_command_is_found_before_parsing(argv: list[str], command: str | None) -> None:
    from facilitator.cli.main import command_of

    assert command_of(argv) == command


def test_only_the_named_command_is_built_in_full() -> None:
    parser = build_parser(["--data-dir", "/tmp/x", "agendas", "show", "mutual-support-150"])
    args = parser.parse_args(["--data-dir", "/tmp/x", "agendas", "show", "mutual-support-150"])
    assert args.agenda == "mutual-support-150" and args.handler.__name__ == "cmd_show"
    with pytest.raises(SystemExit):  # built empty: it takes no arguments
        parser.parse_args(["decks", "list"])


def test_an_unknown_command_lists_the_commands(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["agenda", "list"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "invalid choice: 'agenda'" in err and "'agendas'" in err


def test_a_commands_own_option_does_not_choose_the_interface_language(capsys) -> None:
    """`decks draw --lang fr` abbreviates the deck's --language: an error, said in English."""
    with pytest.raises(SystemExit):
        main(["decks", "draw", "check-in", "--lang", "fr"])
    assert language() == "en"
