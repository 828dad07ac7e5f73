"""Who speaks: turns in a round, arrivals and leavers, roles, the speaking order.

A part of the meeting screen (see meeting.py), in its own module: it reads and changes the
meeting through ``self.meeting`` and redraws with ``self._after()``.
"""

from __future__ import annotations

from facilitator.tui.screens.confirm import AskText, PickOne
from facilitator.tui.screens.meeting_part import MeetingPart
from facilitator.tui.screens.roles import RolesScreen
from facilitator.views import meeting_words as say


class PeopleActions(MeetingPart):
    def _turns_can_move(self) -> bool:
        m = self.meeting
        if not m.agenda.items[m.state.current].is_round:
            self.notify(say.not_a_round(), markup=False)
            return False
        if m.status == "ready":
            self.notify(say.start_first(), markup=False)
            return False
        return True

    def action_next_speaker(self) -> None:
        if not self._turns_can_move():
            return
        run = self.meeting.run
        if self.meeting.next_speaker_turn() is None and run.speaker is None:
            self.notify(say.round_done(bool(run.order)), markup=False)
        self._after()

    def action_pass_speaker(self) -> None:
        if not self._turns_can_move():
            return
        if self.meeting.next_speaker_turn(passed=True) is None:
            self.notify(say.speaker_goes_on(), markup=False)
        self._after()

    def action_add_participant(self) -> None:
        m = self.meeting
        roles = list(m.agenda.roles)

        def welcome(name: str, new: bool, role: str | None = None) -> None:
            if role is None and roles:  # escape on the role question: nobody is added
                return
            back = m.was_here(name)
            restores = m.introductions_left_out() if new else ()
            ready = m.state.status == "ready"
            added = m.add_participant(name, say.chosen_roles(role), new=new)
            if added:
                self.notify(say.welcome(added, back), markup=False)
                if restores:
                    self.notify(say.introductions_next(added, ready), markup=False)
                self._warn_size()
            self._after()

        def with_role(name: str, new: bool | None) -> None:
            if new is None:  # escape on the question: nobody is added
                return
            if not roles:
                welcome(name, new)
                return
            self.app.push_screen(
                PickOne(say.role_today(name), say.role_choices(roles)),
                lambda role: welcome(name, new, role),
            )

        def named(name: str | None) -> None:
            if not name:
                return
            here = m.present(name)
            if here is not None:
                self.notify(say.already_here(here), markup=False)
                return
            if m.was_here(name) or not say.asks_if_new(name, self._group_people()):
                with_role(name, False)
                return
            choices = say.new_choices()
            self.app.push_screen(
                PickOne(say.is_new(name), choices),
                lambda answer: with_role(name, None if answer is None else answer == choices[1]),
            )

        self.app.push_screen(AskText(say.who_arrived(), say.name_placeholder()), named)

    def _group_people(self) -> list[str]:
        """The people the group remembers (none when it has no name or its file is unread)."""
        group = self.meeting.state.group
        if not group:
            return []
        from facilitator.groups import load_group

        try:
            return list(load_group(group).participants)
        except (OSError, ValueError):
            return []

    def _warn_size(self) -> None:
        note = self.meeting.agenda.size_note(len(self.meeting.state.participants))
        if note:
            self.notify(note, markup=False, severity="warning")

    def action_roles(self) -> None:
        m = self.meeting
        if not m.agenda.roles:
            self.notify(say.no_roles(), markup=False)
            return

        def done(roles: dict[str, list[str]] | None) -> None:
            if roles is not None:
                here = set(m.state.participants)
                m.set_roles(roles)
                for name in [p for p in m.state.participants if p not in here]:
                    self.notify(say.welcome(name), markup=False)
                self._warn_size()
                for notice in say.role_warnings(m):  # two roles that each have their turn
                    self.notify(notice, markup=False)
            self._after()

        self.app.push_screen(RolesScreen(list(m.agenda.roles), m.state.roles), done)

    def action_participant_leaves(self) -> None:
        def done(name: str | None) -> None:
            if name:
                self.meeting.remove_participant(name)
            self._after()

        people = list(self.meeting.state.participants)
        if people:
            self.app.push_screen(PickOne(say.who_leaves(), people), done)

    def action_order(self) -> None:
        """Who speaks next in this round; before a round has begun (or on an item that is not
        a round, for the next round), who speaks first."""
        m = self.meeting
        index = m.next_round()
        if index is None or m.status == "ended":
            self.notify(say.no_round_left(), markup=False)
            return
        ask = say.order_question(m, index, m.now())
        if not ask.choices:
            self.notify(say.nobody_waiting(), markup=False)
            return

        def done(name: str | None) -> None:
            # as asked: first (round the circle from them), or next after the speaker
            if name and m.choose_speaker(name, index, opens=ask.first) and index != m.state.current:
                self.notify(say.opens(name, m.agenda.items[index].title), markup=False)
            self._after()

        self.app.push_screen(PickOne(ask.question, ask.choices), done)
