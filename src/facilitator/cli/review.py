"""``facilitator review``: the app, opened on the review of past sessions."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.clock import Clock
    from facilitator.tui.app import FacilitatorApp


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("review", help="browse past sessions full-screen")
    parser.add_argument("--group", metavar="NAME", help="only this group's sessions")
    parser.set_defaults(handler=cmd_review)


def review_app(
    group: str | None = None, now: float | None = None, clock: Clock | None = None
) -> FacilitatorApp:
    """The full app with the review screen on top of Home (escape goes back to Home)."""
    from pathlib import Path

    from facilitator.tui import app as app_module
    from facilitator.tui.app import FacilitatorApp
    from facilitator.tui.screens.review import ReviewScreen

    class ReviewApp(FacilitatorApp):
        # CSS paths are relative to the module of the class: point at the app's own file.
        CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

        def on_mount(self) -> None:  # runs before FacilitatorApp.on_mount (Textual MRO dispatch)
            self.push_screen(ReviewScreen(group, now))

    return ReviewApp(clock)


def cmd_review(args: argparse.Namespace) -> int:
    return int(review_app(args.group).run() or 0)
