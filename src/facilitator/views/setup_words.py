"""The words of the set-up screen: its title, fields, box of earlier follow-ups and notices.

The warnings about what is typed come from facilitator.session.setup_form; the rest of what
tui/screens/setup.py shows is here, so each sentence has a unit test
(tests/unit/test_meeting_words.py) and the screen writes no words of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.meeting.events import Carried
from facilitator.views.meeting_words import followup_label

FOLLOWUPS_SHOWN = 5  # the box lists the first few; F in the meeting lists them all

GROUP = "Group name"
GROUP_HINT = "e.g. Tuesday evening group"
PARTICIPANTS = "Participants"
PARTICIPANTS_HINT = "Ana, Bo, Chen (commas)"
ROLE_HINT = "names, commas"
START = "Planned start"
START_HINT = "HH:MM (empty: when you press space)"
LANGUAGE = "Question language"
RHYTHM = "Rhythm (optional)"
RHYTHM_HINT = "e.g. every 3 weeks on thursday at 19:00, or moon"
NEWCOMER = "Someone new is here today"
GO = "Start the meeting (ctrl+s)"


def title(agenda_title: str) -> str:
    return f"Set up · {agenda_title}"


def role_label(role: str) -> str:
    """The label of the field for who holds ``role``."""
    return f"Who is {role}?"


def followups_box(carried: Sequence[Carried]) -> str:
    """The open follow-ups of the group's earlier sessions, the first few of them ("": none)."""
    if not carried:
        return ""
    lines = [f"Open follow-ups from earlier sessions ({len(carried)}; key F in the meeting):"]
    lines += [f"  • {followup_label(item)}" for item in carried[:FOLLOWUPS_SHOWN]]
    return "\n".join(lines)


def rhythm_not_saved(error: object) -> str:
    return f"The rhythm could not be saved: {error}"
