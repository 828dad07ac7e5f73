"""``facilitator review``: the app, opened on the review of past sessions."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from facilitator.i18n import _

if TYPE_CHECKING:
    from facilitator.clock import Clock
    from facilitator.tui.app import FacilitatorApp


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("review", help=_("browse past sessions full-screen"))
    parser.add_argument("--group", metavar="NAME", help=_("only this group's sessions"))
    parser.set_defaults(handler=cmd_review)


def review_app(
    group: str | None = None, now: float | None = None, clock: Clock | None = None
) -> FacilitatorApp:
    """The full app opened on the review (escape goes back to Home)."""
    from facilitator.session.startup import Startup
    from facilitator.tui.app import FacilitatorApp

    return FacilitatorApp(clock, Startup(review=True, review_group=group, review_now=now))


def cmd_review(args: argparse.Namespace) -> int:
    return int(review_app(args.group).run() or 0)
