"""Who speaks: turns in a round, arrivals and leavers, roles, the speaking order.

A part of the meeting screen (see meeting.py), in its own module: it reads and changes the
meeting through ``self.meeting`` and redraws with ``self._after()``.
"""

from __future__ import annotations

from facilitator.tui.screens.confirm import AskText, PickOne
from facilitator.tui.screens.meeting_part import MeetingPart
from facilitator.tui.screens.roles import RolesScreen


class PeopleActions(MeetingPart):
    def _turns_can_move(self) -> bool:
        m = self.meeting
        if not m.agenda.items[m.state.current].is_round:
            self.notify("This item is not a round: there are no turns to give.", markup=False)
            return False
        if m.status == "ready":
            self.notify("Press space to start the meeting first.", markup=False)
            return False
        return True

    def action_next_speaker(self) -> None:
        if not self._turns_can_move():
            return
        run = self.meeting.run
        if self.meeting.next_speaker_turn() is None and run.speaker is None:
            said = "Everyone has spoken in" if run.order else "Nobody is here for"
            self.notify(f"{said} this round.", markup=False)
        self._after()

    def action_pass_speaker(self) -> None:
        if not self._turns_can_move():
            return
        if self.meeting.next_speaker_turn(passed=True) is None:
            self.notify("Nobody else is waiting: the speaker goes on.", markup=False)
        self._after()

    def action_add_participant(self) -> None:
        m = self.meeting
        roles = list(m.agenda.roles)
        no_role = "no role"

        def welcome(name: str, role: str | None = None) -> None:
            if role is None and roles:  # escape on the role question: nobody is added
                return
            back = m.was_here(name)
            added = m.add_participant(name, [role] if role and role != no_role else [])
            if added:
                self.notify(
                    f"Welcome back, {added}." if back else f"Welcome, {added}.", markup=False
                )
                self._warn_size()
            self._after()

        def named(name: str | None) -> None:
            if not name:
                return
            here = m.present(name)
            if here is not None:
                self.notify(f"{here} is already here.", markup=False)
                return
            if not roles:
                welcome(name)
                return
            self.app.push_screen(
                PickOne(f"Does {name} hold a role today?", [no_role, *roles]),
                lambda role: welcome(name, role),
            )

        self.app.push_screen(AskText("Who has arrived?", "a name or pseudonym"), named)

    def _warn_size(self) -> None:
        note = self.meeting.agenda.size_note(len(self.meeting.state.participants))
        if note:
            self.notify(note, markup=False, severity="warning")

    def action_roles(self) -> None:
        m = self.meeting
        if not m.agenda.roles:
            self.notify("This agenda has no roles.", markup=False)
            return

        def done(roles: dict[str, list[str]] | None) -> None:
            if roles is not None:
                here = set(m.state.participants)
                m.set_roles(roles)
                for name in [p for p in m.state.participants if p not in here]:
                    self.notify(f"Welcome, {name}.", markup=False)
                self._warn_size()
                # The case giver who still coaches, say: two roles that each have their turn
                # (a timekeeper who coaches too, as Case Clinic asks, is no surprise).
                speaking = {r for item in m.agenda.items for r in (item.who, item.first) if r}
                for name in m.state.participants:
                    held = [
                        r for r in m.agenda.roles if r in speaking and name in m.state.holders(r)
                    ]
                    if len(held) > 1:
                        self.notify(f"{name} holds {len(held)} roles: {' and '.join(held)}.",
                                    markup=False)  # fmt: skip
            self._after()

        self.app.push_screen(RolesScreen(list(m.agenda.roles), m.state.roles), done)

    def action_participant_leaves(self) -> None:
        def done(name: str | None) -> None:
            if name:
                self.meeting.remove_participant(name)
            self._after()

        people = list(self.meeting.state.participants)
        if people:
            self.app.push_screen(PickOne("Who is leaving?", people), done)

    def action_order(self) -> None:
        """Who speaks next in this round; before a round has begun (or on an item that is not
        a round, for the next round), who speaks first."""
        m = self.meeting
        index = m.next_round()
        if index is None or m.status == "ended":
            self.notify("There is no round left to order.", markup=False)
            return
        run = m.state.items[index]
        order = m.round_order(index)
        first = index != m.state.current or m.round_not_begun()
        if first:
            question = f"Who speaks first? ({m.agenda.items[index].title})"
            choices = order
        else:
            question = "Who speaks next?"
            choices = [p for p in run.waiting() if p != run.speaker]
        if not choices:
            self.notify("Nobody else is waiting to speak.", markup=False)
            return

        def done(name: str | None) -> None:
            # as asked: first (round the circle from them), or next after the speaker
            if name and m.choose_speaker(name, index, opens=first) and index != m.state.current:
                self.notify(f"{name} opens “{m.agenda.items[index].title}”.", markup=False)
            self._after()

        self.app.push_screen(PickOne(question, choices), done)
