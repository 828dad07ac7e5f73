"""What the command line asked the app to open first."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from facilitator.meeting.events import SessionCreated

FirstScreen = Literal["meeting", "resume", "review", "setup", "home"]


@dataclass
class Startup:
    first: SessionCreated | None = None  # straight to a new meeting
    notice: str = ""  # said as that meeting opens (run --participants: a name written twice)
    resume: str | None = None  # a session id to resume
    offer_resume: str | None = None  # ask on Home whether to resume this session
    offer_text: str = ""
    group: str = ""
    setup: str | None = None  # open set-up for this agenda
    start: str = ""  # set-up's planned start, as typed on the command line
    newcomer: bool = False  # set-up's "someone new" box
    content: dict[str, str] = field(default_factory=dict)  # what the session brings (set-up ids)
    upcoming: list[str] | None = None
    # Launched from the command line on Home or set-up: once the first frame is on screen, look
    # for an unfinished meeting to offer and for the groups' next meetings (in a thread).
    look_around: bool = False
    review: bool = False  # open on the review of past sessions
    review_group: str | None = None
    review_now: float | None = None

    @property
    def first_screen(self) -> FirstScreen:
        if self.first is not None:
            return "meeting"
        if self.resume is not None:
            return "resume"
        if self.review:
            return "review"
        return "setup" if self.setup else "home"
