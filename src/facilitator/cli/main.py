"""The ``facilitator`` command line.

Subcommands are registered without importing their modules: ``COMMANDS`` names each one with
its help line and its module. Only the module of the command asked for is imported, and its
``register`` builds that command's parser; the others get an empty parser with the same help
line, so ``facilitator --help`` still lists them all and ``--version`` imports none of them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from facilitator import __version__, paths
from facilitator.i18n import N_, _

# (name, help, module): the order of `facilitator --help`. Each help line is the one the
# module's register() gives its parser (tests/unit/test_cli_parser.py checks they agree).
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("run", N_("run a meeting full-screen"), "facilitator.cli.run"),
    ("agendas", N_("list, show, check and edit meeting agendas"), "facilitator.cli.agendas"),
    ("decks", N_("question decks for ice breakers and rounds"), "facilitator.cli.decks"),
    ("sessions", N_("find, read, export and share past sessions"), "facilitator.cli.sessions"),
    ("review", N_("browse past sessions full-screen"), "facilitator.cli.review"),
    (
        "calendar",
        N_("moon phases and when a group meets, as text or an iCalendar file"),
        "facilitator.cli.calendar",
    ),  # fmt: skip
    ("groups", N_("your groups and when they meet"), "facilitator.cli.groups"),
    (
        "stage",
        N_("what the room may see: the item, the clock, the speaker, the question"),
        "facilitator.cli.stage",
    ),
)
_TOP_VALUES = ("--data-dir", "--lang")  # top-level options followed by a value


# argparse's own words, read through the `_` and `ngettext` it took from gettext (the global
# "messages" domain, which nobody installs): _argparse_speaks points both at our catalogue.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


class Parser(argparse.ArgumentParser):
    """A parser that takes no abbreviation of a long option: argparse would read ``--question``
    as ``--question-language`` and ``--part`` as ``--participants``. Subcommands' parsers are of
    this class too: ``add_subparsers`` makes them of their parent's class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names: its first word that is not a top-level option or the
    value of one (``facilitator --data-dir DIR agendas list`` names ``agendas``)."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in _TOP_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: only the subcommand it names is built in full (its module is
    imported then). Without ``argv``, every subcommand is built in full."""
    parser = Parser(
        prog="facilitator",
        description=_("Run and remember peer mutual-support group meetings."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"facilitator {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_(
            "the interface's language: en, fr, de, es or it (default: $FACILITATOR_LANG, "
            "the 'language' setting, or the locale); the record follows the agenda's language"
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "where your agendas, decks and sessions live "
            "(default: $FACILITATOR_DATA_DIR or the platform's data folder)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = None if argv is None else command_of(argv)
    for name, help_line, module in COMMANDS:
        if argv is None or name == wanted:
            importlib.import_module(module).register(sub)
        else:
            sub.add_parser(name, help=_(help_line))
    return parser


def _value_of(argv: Sequence[str], option: str) -> str | None:
    """The value of a top-level ``option`` in ``argv``, read before the parser is built: only
    before the command, whose own options may start with the same letters."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return None
        if word == option:
            return next(words, None)
        if word.startswith(option + "="):
            return word.partition("=")[2]
        if word in _TOP_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return None  # the command: what follows is its own (`decks draw --language`)
    return None


def asked_language(argv: Sequence[str]) -> str | None:
    """``--lang``'s value: read first, so that the parser's help is in that language."""
    return _value_of(argv, "--lang")


def choose_language(asked: str | None) -> str:
    """The interface language, from ``--lang``, ``FACILITATOR_LANG``, the setting, the locale."""
    from facilitator import i18n

    setting = None
    if asked is None and not os.environ.get(i18n.ENV_LANG):
        from facilitator.settings import load_settings

        setting = load_settings().language
    return i18n.set_language(i18n.choose(asked, setting))


def _argparse_speaks() -> None:
    """From now on argparse says "usage:", "options" and its errors in the interface language."""
    from facilitator import i18n

    setattr(argparse, "_", i18n._)  # noqa: B010 - argparse's own module-level names
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    data_dir = _value_of(argv, "--data-dir")
    if data_dir:  # the setting is read from the data folder asked for
        paths.set_data_dir(data_dir)
    choose_language(asked_language(argv))
    _argparse_speaks()
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    paths.set_data_dir(args.data_dir)

    handler = getattr(args, "handler", None)
    if handler is None:
        from facilitator.cli.run import open_home

        return open_home(args)
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
