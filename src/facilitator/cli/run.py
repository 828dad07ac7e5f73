"""``facilitator run`` and the bare ``facilitator``: the full-screen app."""

from __future__ import annotations

import argparse

from facilitator.cli.values import parse_hhmm


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", help="run a meeting full-screen")
    run.add_argument("agenda", nargs="?", metavar="AGENDA", help="agenda id or path")
    run.add_argument("--group", metavar="NAME", help="the group's name")
    run.add_argument(
        "--participants",
        metavar='"Ana,Bo,Chen"',
        help="comma-separated names: go straight to the meeting",
    )
    run.add_argument("--newcomer", action="store_true", help="someone new is present")
    run.add_argument("--start", metavar="HH:MM", type=parse_hhmm, help="planned start time")
    run.add_argument(
        "--resume",
        metavar="SESSION",
        nargs="?",
        const="latest",
        help="resume an unfinished session (the latest if no id is given)",
    )
    run.set_defaults(handler=cmd_run)


def open_home(args: argparse.Namespace) -> int:
    from facilitator.tui.launch import launch

    return launch(args)


def cmd_run(args: argparse.Namespace) -> int:
    from facilitator.tui.launch import launch

    return launch(args)
