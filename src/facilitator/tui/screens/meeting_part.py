"""The base of the parts the meeting screen is made of (people, entries, questions).

At run time a plain class; to a type checker, the meeting screen as its parts see it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from facilitator.meeting.meeting import Meeting
    from facilitator.tui.widgets.capture import Capture

    class MeetingPart(Screen[None]):
        meeting: Meeting
        _draft_for: str | None  # whose words are in the field (rounds)
        _last_entry: str | None  # the entry written last, for x
        _writing_notes: bool  # the field was opened on an item that keeps no entries
        _writing_kind: str | None  # f / D / N chose the kind of the next entry

        def _after(self) -> None: ...  # redraw and re-time after an action

        @property
        def capture(self) -> Capture: ...

else:

    class MeetingPart:
        pass
