"""``facilitator run`` and the bare ``facilitator``: the full-screen app."""

from __future__ import annotations

import argparse

from facilitator.cli.values import parse_hhmm
from facilitator.i18n import _


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", help=_("run a meeting full-screen"))
    run.add_argument("agenda", nargs="?", metavar="AGENDA", help=_("agenda id or path"))
    run.add_argument("--group", metavar="NAME", help=_("the group's name"))
    run.add_argument(
        "--participants",
        metavar='"Ana,Bo,Chen"',
        help=_("comma-separated names: go straight to the meeting"),
    )
    run.add_argument("--newcomer", action="store_true", help=_("someone new is present"))
    run.add_argument("--start", metavar="HH:MM", type=parse_hhmm, help=_("planned start time"))
    brings = run.add_argument_group(
        _("what the session brings"), _("shown on the items whose agenda says 'show:'")
    )
    brings.add_argument("--topic", metavar="TEXT", help=_("the session's topic"))
    brings.add_argument("--question", metavar="TEXT", help=_("the convening question"))
    brings.add_argument(
        "--supporting", metavar="TEXT", action="append", default=None,
        help=_("a supporting question (again for each one)"),
    )  # fmt: skip
    brings.add_argument("--reading-title", metavar="TEXT", help=_("the text read in advance"))
    brings.add_argument("--reading-author", metavar="NAME", help=_("its author"))
    brings.add_argument("--reading-link", metavar="URL", help=_("where to find it"))
    run.add_argument(
        "--resume",
        metavar="SESSION",
        nargs="?",
        const="latest",
        help=_("resume an unfinished session (the latest if no id is given)"),
    )
    run.set_defaults(handler=cmd_run)


def open_home(args: argparse.Namespace) -> int:
    from facilitator.tui.launch import launch

    return launch(args)


def cmd_run(args: argparse.Namespace) -> int:
    from facilitator.tui.launch import launch

    return launch(args)
