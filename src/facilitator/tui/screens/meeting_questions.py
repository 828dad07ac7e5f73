"""Questions from a deck: drawing, drawing again, retiring, the alternative activity.

A part of the meeting screen (see meeting.py), in its own module: it reads and changes the
meeting through ``self.meeting`` and redraws with ``self._after()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.formats.problems import FormatError
from facilitator.meeting.state import current_question
from facilitator.tui.screens.confirm import Confirm
from facilitator.tui.screens.meeting_part import MeetingPart
from facilitator.views import meeting_words as say

if TYPE_CHECKING:
    from facilitator.decks.drawer import Drawer


class QuestionActions(MeetingPart):
    drawer: Drawer

    def action_draw(self, replace: bool = False) -> None:
        m = self.meeting
        item = m.agenda.items[m.state.current]
        if not item.deck:
            self.notify(say.no_deck(), markup=False)
            return
        current = current_question(item, m.run)
        if current is not None and not replace:
            self.notify(say.already_drawn(), markup=False)
            return
        try:
            deck, question = self.drawer.draw(item.deck, m.state, item.tags)
        except (LookupError, FormatError) as exc:
            self.notify(str(exc), markup=False, severity="error")
            return
        if question is None:
            self.notify(say.deck_empty(), markup=False)
            return
        if current is not None and replace:
            m.record_skip(current.text)
        person = m.run.speaker if item.draw == "each" else None
        m.record_draw(deck.id, question.text, person)
        self._after()

    def action_redraw(self) -> None:
        self.action_draw(replace=True)

    def action_retire(self) -> None:
        m = self.meeting
        question = current_question(m.agenda.items[m.state.current], m.run)
        if question is None:
            self.notify(say.nothing_drawn(), markup=False)
            return

        def done(yes: bool | None) -> None:
            if yes:
                m.record_retire(question.deck, question.text)
                m.record_skip(question.text)
                self.notify(say.retired(), markup=False)
            self._after()

        self.app.push_screen(Confirm(say.retire_question(question.text)), done)

    def action_alternative(self) -> None:
        item = self.meeting.agenda.items[self.meeting.state.current]
        if not item.alternative:
            self.notify(say.no_alternative(), markup=False)
            return
        self.meeting.toggle_alternative()
        self._after()
