"""Opening a meeting screen: a new session, one resumed, or the offer to resume one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from facilitator.i18n import _

if TYPE_CHECKING:
    from facilitator.meeting.meeting import Meeting
    from facilitator.tui.app import FacilitatorApp


def open_meeting(app: FacilitatorApp, opening: Callable[[], Meeting],
                 show: Callable[[Screen[None]], object], notice: str = "") -> None:  # fmt: skip
    """The meeting ``opening`` gives, on its screen (or why it could not open)."""
    from facilitator.session.service import SessionError
    from facilitator.tui.screens.meeting import MeetingScreen

    try:
        meeting = opening()
    except SessionError as exc:
        app.notify(str(exc), markup=False, severity="error", timeout=10)
        return
    show(MeetingScreen(meeting, app.drawer_factory(meeting), notice, app.sessions.handle))


def resume_meeting(app: FacilitatorApp, session: str) -> None:
    from facilitator.session.service import SessionError

    try:
        meeting, notice = app.sessions.resume(session)
    except SessionError as exc:
        app.notify(str(exc), markup=False, severity="error", timeout=10)
        return
    open_meeting(app, lambda: meeting, app.push_screen, notice)


def offer_resume(app: FacilitatorApp, session: str, question: str) -> None:
    """Asked on Home at launch: take up the unfinished meeting?"""
    from facilitator.tui.screens.confirm import Confirm

    def answer(yes: bool | None) -> None:
        if yes:
            resume_meeting(app, session)

    asked = question or _("Resume the unfinished meeting {session}?").format(session=session)
    app.push_screen(Confirm(asked), answer)
