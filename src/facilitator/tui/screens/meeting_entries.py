"""Entries during the meeting: the field, ratings, sharing, earlier follow-ups.

A part of the meeting screen (see meeting.py), in its own module: it reads and changes the
meeting through ``self.meeting`` and redraws with ``self._after()``.
"""

from __future__ import annotations

from textual.widgets import Input

from facilitator.clock import local_datetime
from facilitator.meeting.state import asks_expectations
from facilitator.tui.screens.confirm import PickOne
from facilitator.tui.screens.entries import EntriesScreen
from facilitator.tui.screens.meeting_part import MeetingPart
from facilitator.tui.widgets.capture import Capture
from facilitator.views import meeting_words as say
from facilitator.views.due_words import due_notice


class EntryActions(MeetingPart):
    def action_write(self) -> None:
        if not self.capture.display:  # an item without entries of its own: a note
            self._writing_notes = True
            self._after()
        field = self.capture.field
        if not field.value:
            self._draft_for = self.meeting.run.speaker  # the words typed now are this speaker's
        # At once, not after a refresh: the keys typed in the same read as e go into it.
        self.set_focus(field)

    def action_write_kind(self, kind: str) -> None:
        """f, D, N: a follow-up, a decision or a note, whatever the item keeps."""
        self._writing_kind = kind
        self._after()
        self.action_write()

    def on_descendant_focus(self, event: object) -> None:
        field = self.query_one("#entry", Input)
        if self.focused is field and not field.value:
            self._draft_for = self.meeting.run.speaker  # the words typed now are this speaker's
        self.refresh_bindings()

    def action_leave_field(self) -> None:
        self.set_focus(None)

    def on_capture_submitted(self, event: Capture.Submitted) -> None:
        m = self.meeting
        item = m.agenda.items[m.state.current]
        speaker = self._draft_for or m.run.speaker
        person = speaker if item.is_round else None
        kind = self._writing_kind or item.record or "notes"
        self._draft_for = self._writing_kind = None
        entry = m.write(kind, event.text, person=person, speaker=speaker)
        self._last_entry = entry.id
        self.set_focus(None)  # back to the meeting keys: e (or enter) again for another
        self._after()
        confirm = due_notice(entry, local_datetime(m.now()).year)
        if confirm is not None:  # a date read from the words: said, to be confirmed
            self.notify(confirm, markup=False)

    def action_met(self, value: int) -> None:
        m = self.meeting
        item = m.agenda.items[m.state.current]
        if item.record != "conclusions" or not asks_expectations(m.agenda):
            self.notify(say.ratings_for_conclusion(), markup=False)
            return
        if m.run.speaker is None:
            self.notify(say.floor_first(), markup=False)
            return
        m.rate(m.run.speaker, value)
        self._after()

    def action_share(self) -> None:
        """Mark the entry last written on this item (or its latest) to share, or unmark it."""
        m = self.meeting
        here = m.entries(m.state.current)
        entry = next((e for e in here if e.id == self._last_entry), here[-1] if here else None)
        if entry is None:
            self.notify(say.nothing_to_mark(), markup=False)
            return
        if entry.off:
            self.notify(say.never_shared(), markup=False)
            return
        m.edit_entry(entry.id, share=not entry.share)
        shared = m.entry(entry.id).share
        self.notify(say.share_notice(entry.text, shared), markup=False)
        self._after()

    def action_entries(self) -> None:
        self.app.push_screen(EntriesScreen(self.meeting), lambda _: self._after())

    def action_followups(self) -> None:
        state = self.meeting.state
        open_ones = say.open_followups(state)
        if not open_ones:
            self.notify(say.no_open_followups(), markup=False)
            return
        labels = say.followup_labels(open_ones)

        def done(label: str | None) -> None:
            if label is not None:
                ref = open_ones[labels.index(label)].ref
                self.meeting.mark_followup_done(ref)
                self.notify(say.marked_done(), markup=False)

        self.app.push_screen(PickOne(say.which_followup(), labels), done)
