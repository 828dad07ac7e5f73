"""Messages the screens send up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from facilitator.meeting.state import Event


@dataclass
class StartMeeting(Message):
    """Set-up is done: create the session from this first event."""

    first: Event


@dataclass
class OpenSetup(Message):
    agenda_id: str
