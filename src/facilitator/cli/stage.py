"""``facilitator stage``: what the room may see, full-screen or (``--serve``) as a web page."""

from __future__ import annotations

import argparse
import sys

from facilitator.i18n import _


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    stage = sub.add_parser(
        "stage",
        help=_("what the room may see: the item, the clock, the speaker, the question"),
        description=_(
            "A read-only window for the projector or the video call: it follows the "
            "open session (or --session) and shows the item, its countdown, the speaker, the "
            "question and your messages (m), never entries or notes."
        ),
    )
    stage.add_argument("--session", metavar="ID", help=_("follow this session, not the open one"))
    stage.add_argument(
        "--serve", action="store_true", help=_("serve the stage as a web page (phones, OBS)")
    )
    stage.add_argument(
        "--lan",
        action="store_true",
        help=_("with --serve: open the page to your local network, not only this computer"),
    )
    stage.add_argument(
        "--port", type=int, default=0, metavar="N",
        help=_("with --serve: the port (default: any free one)"),
    )  # fmt: skip
    stage.set_defaults(handler=cmd_stage)


def cmd_stage(args: argparse.Namespace) -> int:
    from facilitator.session.stage import StageSource

    source = StageSource(args.session)
    if args.lan and not args.serve:
        print(_("facilitator stage: --lan goes with --serve"), file=sys.stderr)
        return 2
    if args.serve:
        try:
            from facilitator.web.serve import serve
        except ImportError as exc:
            said = _("facilitator stage --serve needs the 'serve' extra ({module} is missing): "
                     "{command}")  # fmt: skip
            print(said.format(module=exc.name, command="pip install 'facilitator[serve]'"),
                  file=sys.stderr)  # fmt: skip
            return 2
        return serve(source, lan=args.lan, port=args.port)
    from facilitator.tui.stage import StageApp

    StageApp(source).run()
    return 0
