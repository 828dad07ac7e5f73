"""What the room sees: a message on the stage (m), and copying to the call's chat (c, C).

A part of the meeting screen (see meeting.py), in its own module: it reads and changes the
meeting through ``self.meeting`` and redraws with ``self._after()``.
"""

from __future__ import annotations

from facilitator.i18n import group_words
from facilitator.tui.screens.confirm import AskText
from facilitator.tui.screens.meeting_part import MeetingPart
from facilitator.views import meeting_words as say
from facilitator.views import stage as stage_view
from facilitator.views import stage_words


class RoomActions(MeetingPart):
    def action_message(self) -> None:
        m = self.meeting
        shown = m.state.message

        def send(text: str | None) -> None:
            if text is None:  # escape: nothing changes
                return
            self.notify(say.message_sent(m.send_message(text)), markup=False)
            self._after()

        ask = AskText(say.message_question(shown), say.message_placeholder(), shown,
                      allow_empty=True)  # fmt: skip
        self.app.push_screen(ask, send)

    def action_copy_question(self) -> None:
        view = stage_view.build(self.meeting.state, self.meeting.now())
        if not view.question:
            self.notify(say.nothing_to_copy(), markup=False)
            return
        self._copy(view.question)

    def action_copy_time(self) -> None:
        view = stage_view.build(self.meeting.state, self.meeting.now())
        words = group_words(self.meeting.state.agenda.language)  # the call's chat is the group's
        self._copy(stage_words.chat_line(words, view.item, view.digits, view.over))

    def _copy(self, text: str) -> None:
        self.app.copy_to_clipboard(text)
        self.notify(say.copied(text), markup=False)
