"""The ``facilitator`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from facilitator import __version__, paths


class Parser(argparse.ArgumentParser):
    """A parser that takes no abbreviation of a long option: argparse would read ``--question``
    as ``--question-language`` and ``--part`` as ``--participants``. Subcommands' parsers are of
    this class too: ``add_subparsers`` makes them of their parent's class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="facilitator",
        description="Run and remember peer mutual-support group meetings.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where your agendas, decks and sessions live "
        "(default: $FACILITATOR_DATA_DIR or the platform's data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from facilitator.cli import agendas, decks, run

    run.register(sub)
    agendas.register(sub)
    decks.register(sub)
    _register_optional(sub)
    return parser


def _register_optional(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    import importlib

    for name in ("sessions", "review", "calendar", "groups"):
        try:
            module = importlib.import_module(f"facilitator.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"facilitator.cli.{name}":
                raise
            continue
        module.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
