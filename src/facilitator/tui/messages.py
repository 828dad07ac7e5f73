"""Messages the screens send up to the app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from facilitator.meeting.events import SessionCreated
    from facilitator.meeting.meeting import Meeting


@dataclass
class StartMeeting(Message):
    """Set-up is done: create the session from this first event."""

    first: SessionCreated


@dataclass
class ResumeSession(Message):
    """Take up an unfinished meeting again."""

    session: str


@dataclass
class OpenSetup(Message):
    agenda_id: str


@dataclass
class MeetingBegan(Message):
    """space started the meeting."""

    meeting: Meeting


@dataclass
class MeetingEnded(Message):
    """The facilitator ended the meeting: write the record (unless ``keep`` is False: a
    meeting that never started is left without a trace), go home."""

    meeting: Meeting
    keep: bool = True
