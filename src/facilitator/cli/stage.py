"""``facilitator stage``: what the room may see, full-screen or (``--serve``) as a web page."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    stage = sub.add_parser(
        "stage",
        help="what the room may see: the item, the clock, the speaker, the question",
        description="A read-only window for the projector or the video call: it follows the "
        "open session (or --session) and shows the item, its countdown, the speaker, the "
        "question and your messages (m), never entries or notes.",
    )
    stage.add_argument("--session", metavar="ID", help="follow this session, not the open one")
    stage.set_defaults(handler=cmd_stage)


def cmd_stage(args: argparse.Namespace) -> int:
    from facilitator.session.stage import StageSource

    source = StageSource(args.session)
    from facilitator.tui.stage import StageApp

    StageApp(source).run()
    return 0
