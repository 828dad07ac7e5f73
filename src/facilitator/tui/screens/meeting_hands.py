"""Raised hands, the time split between people or topics, and airtime: keys h H j T A.

A part of the meeting screen (see meeting.py): it reads and changes the meeting through
``self.meeting`` and redraws with ``self._after()``; its words come from views.hands.
"""

from __future__ import annotations

from facilitator.tui.screens.confirm import AskText, PickOne
from facilitator.tui.screens.meeting_part import MeetingPart
from facilitator.views import hands as say


class HandActions(MeetingPart):
    def _hands_here(self) -> bool:
        if not self.meeting.takes_hands():
            self.notify(say.no_hands_in_a_round(), markup=False)
            return False
        return True

    def action_raise_hand(self) -> None:
        m = self.meeting
        if not self._hands_here():
            return

        def named(text: str | None) -> None:
            if not text:
                return
            name = say.pick_present(m, text)
            if name is None:
                self.notify(say.not_here(text), markup=False)
            elif name in m.run.hands:
                self.notify(say.already_waiting(name), markup=False)
            else:  # the queue beside the countdown shows it: no notice over the screen
                m.raise_hand(name)
            self._after()

        self.app.push_screen(AskText(say.who_raises(), choices=m.state.participants), named)

    def action_give_floor(self) -> None:
        m = self.meeting
        if not self._hands_here():
            return
        if not m.run.hands and m.run.speaker is None:
            self.notify(say.no_hands(), markup=False)
            return
        m.give_floor()  # the line beside the countdown says who has it
        self._after()

    def action_hands(self) -> None:
        m = self.meeting
        if not self._hands_here():
            return
        question, choices = say.queue_question(m)

        def moved(name: str, how: str | None) -> None:
            place = m.run.hands.index(name) if name in m.run.hands else 0
            if how == say.MOVES[0]:
                m.lower_hand(name)
            elif how in say.MOVES[1:]:
                to = {say.MOVES[1]: place - 1, say.MOVES[2]: place + 1, say.MOVES[3]: 0}[how]
                m.move_hand(name, to)
            self._after()

        def picked(choice: str | None) -> None:
            if choice is None:
                return
            if choice == choices[-1]:  # the progressive stack's switch
                m.set_stack(not m.run.progressive)
                self.notify(say.stack_words(m.run.progressive), markup=False)
                self._after()
                return
            self.app.push_screen(PickOne(say.hand_question(choice), say.hand_moves(m, choice)),
                                 lambda how: moved(choice, how))  # fmt: skip

        self.app.push_screen(PickOne(question, choices), picked)

    def action_split(self) -> None:
        """T: share the item's time; while slots run, the next slot (or share again, or stop)."""
        m = self.meeting
        if m.agenda.items[m.state.current].is_round or m.status in ("ready", "ended"):
            self.notify(say.cannot_split(m), markup=False)
            return
        if m.run.slot is None:
            self._ask_split()
            return
        choices = say.slot_choices(m)

        def chosen(choice: str | None) -> None:
            if choice == choices[0]:
                if m.next_slot() is None:
                    self.notify(say.slots_over(), markup=False)
            elif choice == choices[1]:
                self._ask_split(say.slots_to_come(m))
                return
            elif choice == choices[2]:
                m.stop_slots()
                self.notify(say.slots_over(), markup=False)
            self._after()

        self.app.push_screen(PickOne(say.slot_question(m), choices), chosen)

    def _ask_split(self, value: str = "") -> None:
        m = self.meeting

        def shared(text: str | None) -> None:
            if not text:
                return
            try:
                m.split_time(text)
            except ValueError as exc:
                self.notify(str(exc), markup=False, severity="warning")
                return
            self._after()  # the slot's countdown shows it

        self.app.push_screen(AskText(say.split_question(m), say.split_placeholder(), value,
                                     choices=m.state.participants), shared)  # fmt: skip

    def action_airtime(self) -> None:
        from facilitator.tui.screens.reading import ReadingScreen

        if self.meeting.state.airtime == "off":
            self.notify(say.airtime_off(), markup=False)
            return
        self.app.push_screen(ReadingScreen(*say.airtime_chart(self.meeting, self.size.width)))
