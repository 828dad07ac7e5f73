"""The meeting: commands that emit events, and questions answered from the state and the clock.

Every change goes through an event: it is handed to the sink (the journal, which writes and
fsyncs it) before it changes the state, so what the screen shows is always on disk.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from facilitator.clock import Clock
from facilitator.formats.agenda import Agenda
from facilitator.meeting import events as ev
from facilitator.meeting import hands, split
from facilitator.meeting.agenda_data import agenda_to_data
from facilitator.meeting.due import due_from_text
from facilitator.meeting.entries import split_owner
from facilitator.meeting.fold import apply, new_state
from facilitator.meeting.projection import (
    Projection,
    allotted,
    project,
    remaining,
)
from facilitator.meeting.rounds import decide, next_speaker, not_begun, not_heard, turn_time
from facilitator.meeting.state import Entry, ItemRun, State
from facilitator.schedule import count_roles, plan, total_minutes
from facilitator.text import clean, clean_line, clean_name, name_key

Sink = Callable[[ev.Event], None]
E = TypeVar("E", bound=ev.Event)
MESSAGE_CHARS = 120  # a message to the room is a line, not a note: it must read from afar


def gather_people(
    participants: Sequence[str], roles: dict[str, list[str]] | None = None
) -> tuple[list[str], dict[str, list[str]]]:
    """Everyone once, however their name was typed ("ana" is Ana, spelt as first written), and
    the role holders among them: someone named only in a role is a participant too."""
    spelt: dict[str, str] = {}
    for name in participants:
        name = clean_name(name)
        if name:
            spelt.setdefault(name_key(name), name)
    holders: dict[str, list[str]] = {}
    for role, names in (roles or {}).items():
        for name in names:
            name = clean_name(name)
            if name:
                name = spelt.setdefault(name_key(name), name)
                holders.setdefault(role, [])
                if name not in holders[role]:
                    holders[role].append(name)
    return list(spelt.values()), holders


def creation_event(agenda: Agenda, *, session: str, group: str, participants: Sequence[str],
                   roles: Mapping[str, Sequence[str]] | None = None, newcomer: bool = False,
                   planned_start: float | None = None, language: str | None = None,
                   carried: Iterable[ev.Carried | Mapping[str, Any]] = (),
                   airtime: ev.Airtime = "on", off_record: bool = False,
                   names_shared: bool = False, content: ev.SessionContent | None = None,
                   t: float) -> ev.SessionCreated:  # fmt: skip
    """The first event of a session: who is here, the agenda as it is today, and the plan."""
    people, holders = gather_people(participants, {r: list(ps) for r, ps in (roles or {}).items()})
    counts = count_roles(agenda, holders)
    slots = plan(agenda, max(1, len(people)), newcomer, counts)
    return ev.SessionCreated(
        t=round(t, 3), session=session, group=clean_line(group), agenda=agenda_to_data(agenda),
        participants=tuple(people), roles={r: tuple(ps) for r, ps in holders.items()},
        newcomer=newcomer, planned_start=planned_start, language=language or agenda.language,
        total=total_minutes(agenda, len(people) or 1, counts),
        carried=tuple(_carried(c) for c in carried),
        planned=tuple(ev.Slot(s.start, s.minutes, s.active) for s in slots), airtime=airtime,
        off_record=off_record, names_shared=names_shared,
        content=clean_content(content or ev.SessionContent()),
    )  # fmt: skip


def clean_content(content: ev.SessionContent) -> ev.SessionContent:
    """What a session brings, each text on one clean line (no control characters), empty
    supporting questions dropped."""
    reading = content.reading
    return ev.SessionContent(
        topic=clean_line(content.topic), question=clean_line(content.question),
        supporting=tuple(q for q in map(clean_line, content.supporting) if q),
        reading=ev.Reading(clean_line(reading.title), clean_line(reading.author),
                           clean_line(reading.link)),
    )  # fmt: skip


def _carried(value: ev.Carried | Mapping[str, Any]) -> ev.Carried:
    if isinstance(value, ev.Carried):
        return value
    owner = value.get("owner")
    return ev.Carried(str(value.get("ref", "")), str(value.get("text", "")),
                      str(owner) if owner else None)  # fmt: skip


@dataclass(frozen=True)
class Moved:
    """What moved on by itself (``advance: auto``): a turn, or an item."""

    speaker: str | None = None  # the turn passed to them
    everyone_spoke: bool = False  # the last turn of the round ended
    item: str | None = None  # the item that began (its title)


class Meeting:
    def __init__(self, state: State, clock: Clock, sink: Sink | None = None) -> None:
        self.state = state
        self.clock = clock
        self.sink = sink

    @classmethod
    def create(cls, first: ev.SessionCreated, clock: Clock, sink: Sink | None = None) -> Meeting:
        if sink is not None:
            sink(first)
        return cls(new_state(first), clock, sink)

    @classmethod
    def replay(cls, events: Iterable[ev.Event], clock: Clock, sink: Sink | None = None) -> Meeting:
        """A meeting from events already checked (see journal.load, which also reports the
        ones that cannot apply)."""
        iterator = iter(events)
        first = next(iterator)
        if not isinstance(first, ev.SessionCreated):
            raise ev.JournalFormatError("a journal must begin with session_created")
        state = new_state(first)
        for event in iterator:
            apply(state, event)
        return cls(state, clock, sink)

    # -- plumbing ---------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock.now()

    def _emit(self, event_type: type[E], /, *, at: float | None = None, **data: Any) -> E:
        """Journal an event (at ``at`` for a move that fell due a moment ago), with what the
        rules decide for it, then apply it."""
        t = self.now() if at is None else max(at, self.state.last_event)
        event = event_type(t=round(t, 3), **data)
        for rules in (decide, hands.decide, split.decide):
            event = rules(self.state, event)
        if self.sink is not None:
            self.sink(event)
        apply(self.state, event)
        return event

    # -- questions --------------------------------------------------------------------------

    @property
    def agenda(self) -> Agenda:
        return self.state.agenda

    @property
    def run(self) -> ItemRun:
        return self.state.item

    @property
    def status(self) -> str:
        return self.state.status

    def remaining(self) -> float:
        return remaining(self.state, self.now())

    def clock_moves(self) -> bool:
        """Whether the countdown changes by the second: while running, and while paused in a
        flexible item that still has time to give (the pause is taken from it)."""
        s = self.state
        if s.status == "running":
            return True
        if s.status != "paused" or not self.agenda.items[s.current].flexible:
            return False
        now = self.now()
        return allotted(s, now + 1.0) < allotted(s, now)

    def allotted(self) -> float:
        return allotted(self.state, self.now())

    def elapsed(self) -> float:
        return self.run.elapsed(self.now())

    def projection(self) -> Projection:
        return project(self.state, self.now())

    def speaker_share(self) -> float | None:
        """Seconds the current speaker was given for their turn (rounds only)."""
        if not self.agenda.items[self.state.current].is_round or self.run.speaker is None:
            return None
        return self.run.turn_share

    def speaker_elapsed(self) -> float:
        """Seconds of the current turn (a speaker back after passing starts at 0 again)."""
        return turn_time(self.run, self.now())

    def round_not_begun(self) -> bool:
        """The current round has not heard anyone yet (its order may still change freely)."""
        return not_begun(self.run, self.now())

    def not_heard(self) -> list[str]:
        """Who the round in hand has not heard yet, neither speaking nor passing (see
        rounds.not_heard): nobody when the item is not a round, or the meeting has not started
        or has ended (moving on then leaves nobody out)."""
        s = self.state
        if s.status not in ("running", "paused") or self.run.status != "current":
            return []
        if not self.agenda.items[s.current].is_round:
            return []
        return not_heard(self.run, self.now())

    def next_round(self) -> int | None:
        """The round ``o`` orders: the current item when it is a round still to be heard,
        else the next round to come."""
        current = self.state.current
        run = self.run
        finished = run.status == "current" and run.speaker is None and not run.waiting()
        for index in self.state.active_indexes():
            to_come = index > current and self.state.items[index].status == "pending"
            here = index == current and not (finished and run.order)
            if (here or to_come) and self.agenda.items[index].is_round:
                return index
        return None

    def round_order(self, index: int) -> list[str]:
        """The speaking order of a round: as it stands, or as it would start now."""
        return self.state.round_members(index)

    def next_speaker(self) -> str | None:
        return next_speaker(self.run)

    def pristine(self) -> bool:
        """Nothing at all has happened since it was set up: not even an arrival or a role."""
        return self.state.status == "ready" and self.state.events == 0

    def untouched(self) -> bool:
        """Never started, and nothing said, drawn or marked: nothing worth a record."""
        s = self.state
        return (
            s.status == "ready"
            and not s.entries
            and not s.off_entries
            and not any(run.draws for run in s.items)
            and not s.retired
            and not s.followups_done
        )

    def entries(self, item: int | None = None) -> list[Entry]:
        """What was written (at ``item``), on and off the record alike, in the order written."""
        found = [*self.state.entries.values(), *self.state.off_entries.values()]
        found.sort(key=lambda e: e.at)
        return [e for e in found if item is None or e.item == item]

    def entry(self, entry_id: str) -> Entry:
        """An entry on or off the record; KeyError if there is none by that id."""
        found = self.state.entries.get(entry_id) or self.state.off_entries.get(entry_id)
        if found is None:
            raise KeyError(entry_id)
        return found

    def off_record(self, item: int | None = None) -> bool:
        """Whether what is written at ``item`` (the current one) stays off the record: the
        item says ``record: off``, or the group keeps no record."""
        index = self.state.current if item is None else item
        return self.state.off_record or self.agenda.items[index].off_record

    # -- commands ---------------------------------------------------------------------------

    def catch_up(self) -> list[Moved]:
        """The moves an agenda asks to happen by themselves (``advance: auto``), each at the
        moment it fell due, even if that was a while ago (a closed lid): a turn that is over
        passes to the next speaker, an item that is over gives way to the next. Returns what
        moved, for the screen to tell."""
        happened: list[Moved] = []
        now = self.now()
        for _ in range(1000):  # each pass moves on once; a meeting has far fewer moves
            state, run = self.state, self.run
            item = self.agenda.items[state.current]
            if state.status != "running" or item.advance != "auto":
                break
            share = self.speaker_share()
            spent = turn_time(run, now)
            if share is not None and spent >= share:
                name = next_speaker(run)
                self._emit(ev.SpeakerChanged, at=now - (spent - share), index=state.current,
                           name=name, passed=False)  # fmt: skip
                happened.append(Moved(speaker=name, everyone_spoke=name is None))
                continue
            left = remaining(state, now)
            target = self._neighbour(+1)
            if left > 0 or target is None:
                break
            self._emit(ev.ItemEnded, at=now + left, index=state.current)
            self._start_item(target, at=now + left)
            happened.append(Moved(item=self.agenda.items[target].title))
        return happened

    def toggle(self) -> str:
        """space: start, pause or resume. Returns what happened."""
        state = self.state
        if state.status == "ready":
            self._emit(ev.MeetingStarted)
            self._start_item(state.current)
            return "started"
        if state.status == "running":
            self._emit(ev.Paused)
            return "paused"
        if state.status == "paused":
            self._emit(ev.Resumed)
            return "resumed"
        return "ended"

    def _start_item(self, index: int, at: float | None = None) -> None:
        if self.agenda.items[index].is_round:
            self._emit(ev.ItemStarted, at=at, index=index, order=tuple(self.round_order(index)))
        else:
            self._emit(ev.ItemStarted, at=at, index=index)

    def _neighbour(self, step: int) -> int | None:
        """The item p goes back to, or the one n goes on to: an item brought back behind the
        current one first (the introductions for someone new), then the next not yet held."""
        state = self.state
        active = state.active_indexes()
        if step > 0:
            behind = [i for i in active if i < state.current and state.items[i].status == "pending"]
            if behind:
                return behind[0]
            ahead = [i for i in active if i > state.current and state.items[i].status != "done"]
            return ahead[0] if ahead else None
        position = active.index(state.current) + step
        return active[position] if 0 <= position < len(active) else None

    def has_next_item(self) -> bool:
        """Whether n (or k) has an item to move on to."""
        return self.state.status != "ended" and self._neighbour(+1) is not None

    def next_item(self, *, skip: bool = False) -> bool:
        """n: end (or skip) the current item and start the next one. Before the meeting has
        started, the item is skipped and the meeting stays ready: its clock has not begun."""
        if self.state.status == "ended":
            return False
        target = self._neighbour(+1)
        if target is None:
            return False
        ready = self.state.status == "ready"
        self._emit(ev.ItemSkipped if skip or ready else ev.ItemEnded, index=self.state.current)
        self._start_item(target)
        return True

    def previous_item(self) -> bool:
        """p: go back to the previous item, which continues where it stopped."""
        target = self._neighbour(-1)
        if target is None or self.state.status == "ended":
            return False
        self._emit(ev.ItemEnded, index=self.state.current, back=True)
        self._start_item(target)
        return True

    def extend(self, minutes: float) -> bool:
        """+ / -: one minute more or less for the current item (never below one minute)."""
        if self.state.status == "ended":
            return False
        if minutes < 0 and self.allotted() + minutes * 60 < 60:
            return False
        self._emit(ev.ItemExtended, index=self.state.current, minutes=minutes)
        return True

    def next_speaker_turn(self, *, passed: bool = False) -> str | None:
        """s: the next speaker (``passed``: the current one passes and is come back to)."""
        run = self.run
        if not self.agenda.items[self.state.current].is_round:
            return None
        if not run.order or self.state.status in ("ready", "ended"):
            return None
        name = next_speaker(run)
        if name is None and run.speaker is None:
            return None
        if passed and name is None:
            return None
        self._emit(ev.SpeakerChanged, index=self.state.current, name=name, passed=passed)
        return name

    def reorder(
        self, order: Sequence[str], index: int | None = None, *, opens: bool | None = None
    ) -> bool:
        """A new speaking order for the current round, or for a round still to come. The first
        in it opens the round in hand if ``opens`` (by default: if it has not begun)."""
        index = self.state.current if index is None else index
        if not self.agenda.items[index].is_round or self.state.status == "ended":
            return False
        if sorted(order) != sorted(self.round_order(index)):
            return False
        if opens is None:
            opens = self.round_not_begun()
        opener = order[0] if opens and order and index == self.state.current else None
        self._emit(ev.OrderChanged, index=index, order=tuple(order), opener=opener)
        return True

    def choose_speaker(self, name: str, index: int | None = None, *,
                       opens: bool | None = None) -> bool:  # fmt: skip
        """o: ``name`` opens the round, going round the circle from them (a round still to
        come, or one not begun: decided when the facilitator was asked, ``opens``); else
        ``name`` speaks next. Returns whether they open."""
        index = self.state.current if index is None else index
        order = self.round_order(index)
        if name not in order:
            return False
        if opens is None:
            opens = index != self.state.current or self.round_not_begun()
        if opens:
            at = order.index(name)
            return self.reorder(order[at:] + order[:at], index, opens=True)
        speaker = self.state.items[index].speaker
        rest = [p for p in order if p != name]
        at = rest.index(speaker) + 1 if speaker in rest else 0
        self.reorder([*rest[:at], name, *rest[at:]], index, opens=False)
        return False

    def present(self, name: str) -> str | None:
        """The participant called ``name``, ignoring case ("bo" is Bo), if any."""
        return _same_person(name, self.state.participants)

    def was_here(self, name: str) -> bool:
        """Whether ``name`` was at this meeting before (and may be coming back)."""
        return _same_person(name, self.state.attended) is not None

    def add_participant(self, name: str, roles: Sequence[str] = (), *,
                        new: bool = False) -> str | None:  # fmt: skip
        """Someone arrives; someone who left and comes back keeps their name as first spelt.
        Someone ``new`` to the group brings back the newcomer-only items left out (the brief
        introductions): before the start they open the meeting, later they come next."""
        name = clean_name(name)
        if not name or self.present(name) is not None:
            return None
        known = [*self.state.attended, *(p for ps in self.state.roles.values() for p in ps)]
        name = _same_person(name, known) or name  # spelt as before: "chen" is Chen
        new = new and name not in self.state.attended
        restores = self.introductions_left_out() if new else ()
        self._emit(ev.ParticipantAdded, name=name, roles=tuple(roles), new=new, restores=restores)
        state = self.state
        ahead = [i for i in restores if i < state.current]
        if ahead and state.status == "ready" and not state.item.segments:
            self._emit(ev.ItemEnded, index=state.current, back=True)
            self._start_item(ahead[0])
        return name

    def introductions_left_out(self) -> tuple[int, ...]:
        """The items held only when someone new is there, left out of this meeting so far."""
        if self.state.status == "ended":
            return ()
        return tuple(i for i, item in enumerate(self.agenda.items)
                     if item.when == "newcomer" and self.state.items[i].status == "left_out")  # fmt: skip

    def set_roles(self, roles: dict[str, list[str]]) -> None:
        """Who holds which role from now on; anyone named who is not here yet arrives."""
        # names spelt as by anyone who came: someone back keeps their name ("bo" is Bo)
        _, holders = gather_people(self.state.attended, {r: list(ps) for r, ps in roles.items()})
        for name in [p for ps in holders.values() for p in ps]:
            if name not in self.state.participants:
                self.add_participant(name)
        holders = {role: holders.get(role, []) for role in self.agenda.roles}
        if holders != {role: self.state.roles.get(role, []) for role in self.agenda.roles}:
            self._emit(ev.RolesChanged, roles={r: tuple(ps) for r, ps in holders.items()})

    def remove_participant(self, name: str) -> bool:
        if name not in self.state.participants:
            return False
        for run in self.state.items:  # their hands go down, and the floor they held
            if name in run.hands:
                self._emit(ev.HandLowered, index=run.index, name=name)
            if run.speaker == name and not self.agenda.items[run.index].is_round:
                self._emit(ev.FloorGiven, index=run.index, name=None)
        self._emit(ev.ParticipantLeft, name=name)
        return True

    def end(self) -> None:
        if self.state.status != "ended":
            if self.state.status == "ready":
                self._emit(ev.MeetingStarted)
            self._emit(ev.MeetingEnded)

    # raised hands and airtime ------------------------------------------------------------------

    def takes_hands(self) -> bool:
        """Whether the item in hand keeps a queue of raised hands (a round has its turns)."""
        return not self.agenda.items[self.state.current].is_round and self.status != "ended"

    def raise_hand(self, name: str) -> str | None:
        """h: ``name`` (someone here, in any case) raises a hand; their name as spelt, or None
        when they are not here, already wait, or the item has no queue."""
        person = self.present(name)
        if person is None or not self.takes_hands() or person in self.run.hands:
            return None
        self._emit(ev.HandRaised, index=self.state.current, name=person)
        return person

    def lower_hand(self, name: str) -> bool:
        if name not in self.run.hands or not self.takes_hands():
            return False
        self._emit(ev.HandLowered, index=self.state.current, name=name)
        return True

    def move_hand(self, name: str, to: int) -> bool:
        """``name``'s hand to place ``to`` in the queue (0 first)."""
        run = self.run
        if name not in run.hands or not self.takes_hands() or run.hands.index(name) == to:
            return False
        self._emit(ev.HandMoved, index=self.state.current, name=name, to=max(0, to))
        return True

    def give_floor(self) -> str | None:
        """H: the first hand has the floor (the speaker's time is banked); with no hand up, the
        speaker's turn ends and nobody holds it. Returns who speaks now."""
        run = self.run
        if not self.takes_hands() or (not run.hands and run.speaker is None):
            return None
        self._emit(ev.FloorGiven, index=self.state.current, name=hands.next_hand(run))
        return self.run.speaker

    def set_stack(self, on: bool) -> None:
        """The progressive stack on or off for the item in hand."""
        if self.takes_hands() and self.run.progressive != on:
            self._emit(ev.StackSet, index=self.state.current, on=on)

    def airtime(self, index: int | None = None) -> dict[str, float]:
        """Seconds each person has spoken, in item ``index`` or in the whole meeting (turns in
        rounds and the floor in other items alike), most first."""
        now = self.now()
        runs = self.state.items if index is None else [self.state.items[index]]
        total: dict[str, float] = {}
        for run in runs:
            for name, seconds in run.airtime(now).items():
                total[name] = total.get(name, 0.0) + seconds
        return dict(sorted(total.items(), key=lambda pair: -pair[1]))

    # the time split between people or topics ---------------------------------------------------

    def split_time(self, text: str, kind: ev.SplitKind | None = None) -> list[ev.Share]:
        """T: the item's time shared out (``Jo 30, Raf 15``; names alone share equally); the
        first slot begins. Shared again, the slots held so far stay. ValueError in words when it
        cannot be."""
        state = self.state
        item = self.agenda.items[state.current]
        if item.is_round or state.status in ("ready", "ended"):
            raise ValueError("split")
        left = max(0.0, self.remaining()) / 60.0
        shares = tuple(ev.Share(n, m) for n, m in split.parse(text, left))
        if kind is None:
            kind = "topics" if item.split == "topics" else "people"
        self._emit(ev.TimeSplit, index=state.current, kind=kind, shares=shares)
        return list(self.run.shares)

    def next_slot(self) -> ev.Share | None:
        """T while slots run: the next one begins (after the last, the item goes on without).
        Returns the slot that begins."""
        run = self.run
        if run.slot is None or self.status in ("ready", "ended"):
            return None
        following = run.slot + 1 if run.slot + 1 < len(run.shares) else None
        self._emit(ev.SlotChanged, index=self.state.current, slot=following)
        return self.run.shares[following] if following is not None else None

    def stop_slots(self) -> bool:
        """The running slot ends and no other begins: the item goes on with its own time."""
        if self.run.slot is None or self.status in ("ready", "ended"):
            return False
        self._emit(ev.SlotChanged, index=self.state.current, slot=None)
        return True

    def slot_left(self) -> float | None:
        return split.slot_left(self.run, self.now())

    def countdown(self) -> float:
        """Seconds the big digits count down: the running slot's, else the item's."""
        left = self.slot_left()
        return self.remaining() if left is None or self.status in ("ready", "ended") else left

    # entries ------------------------------------------------------------------------------

    def add_entry(self, kind: str, text: str, *, person: str | None = None,
                  owner: str | None = None, met: int | None = None, share: bool = False,
                  item: int | None = None, due: str | None = None) -> Entry:  # fmt: skip
        """An entry as given; a follow-up without ``due`` is due when its words say (if they
        do: "by Friday", "15 Dec")."""
        if kind == "followups" and due is None:
            due = self.due_in(text)
        entry_id = uuid.uuid4().hex[:12]
        index = self.state.current if item is None else item
        off = self.off_record(index)
        self._emit(
            ev.EntryAdded,
            id=entry_id,
            item=index,
            kind=kind,
            text=clean(text)[: ev.MAX_TEXT],
            person=person,
            owner=owner,
            met=met,
            share=share and not off,
            named=self.state.names_shared and not off,
            off=off,
            due=due,
        )
        return self.entry(entry_id)

    def due_in(self, text: str) -> str | None:
        """The due date ``text`` gives (read in the group's language and English, today being
        the clock's day here), as an ISO date; None when it gives none."""
        found = due_from_text(text, self.now(), None, self.agenda.language)
        return found.isoformat() if found is not None else None

    def rewrite(self, entry_id: str, text: str) -> None:
        """New words for an entry; a follow-up whose new words name a due date is due then
        (words that name none leave its date as it was)."""
        changes: dict[str, Any] = {"text": text}
        entry = self.entry(entry_id)
        due = self.due_in(text) if entry.kind == "followups" else None
        if due is not None and due != entry.due:
            changes["due"] = due
        self.edit_entry(entry_id, **changes)

    def set_due(self, entry_id: str, due: str | None) -> bool:
        """A follow-up due on ``due`` (an ISO date), or on no date (None). Returns whether it
        changed."""
        if due is not None:
            date.fromisoformat(due)  # ValueError for anything but a date
        if self.entry(entry_id).due == due:
            return False
        self.edit_entry(entry_id, due=due)
        return True

    def write(self, kind: str, text: str, *, person: str | None = None,
              speaker: str | None = None) -> Entry:  # fmt: skip
        """What the facilitator typed for the current item. A follow-up may start with who
        will do it ("Bo: send the article"), else it is its speaker's (``person`` in a round,
        else ``speaker`` or whoever has the floor); a decision may start with who takes it
        forward; a conclusion joins the rating its speaker was given before the words."""
        owner = None
        if kind in ("followups", "decisions"):
            owner, text = split_owner(text, self.state.attended)
        if kind == "followups" and owner is None:
            owner = person or speaker or self.run.speaker
        if kind == "conclusions" and person:
            rated = [e for e in self.entries(self.state.current)
                     if e.kind == kind and e.person == person and not e.text]  # fmt: skip
            if rated:
                self.edit_entry(rated[-1].id, text=text)
                return self.entry(rated[-1].id)
        return self.add_entry(kind, text, person=person, owner=owner)

    def rate(self, person: str, met: int) -> Entry:
        """How far ``person``'s expectations were met (0-4), on their conclusion."""
        mine = [e for e in self.entries(self.state.current)
                if e.kind == "conclusions" and e.person == person]  # fmt: skip
        if mine:
            self.edit_entry(mine[-1].id, met=met)
            return self.entry(mine[-1].id)
        return self.add_entry("conclusions", "", person=person, met=met)

    def edit_entry(self, entry_id: str, **changes: Any) -> None:
        if "text" in changes:
            changes["text"] = clean(str(changes["text"]))
        if entry_id in self.state.entries:
            self._emit(ev.EntryEdited, id=entry_id, changes=changes)
        elif entry_id in self.state.off_entries:  # never shared: it is in no record
            changes.pop("share", None)
            changes.pop("named", None)
            self._emit(ev.EntryEdited, id=entry_id, changes=changes, off=True)

    def remove_entry(self, entry_id: str) -> None:
        if entry_id in self.state.entries or entry_id in self.state.off_entries:
            self._emit(ev.EntryRemoved, id=entry_id)

    # questions ------------------------------------------------------------------------------

    def record_draw(self, deck: str, text: str, person: str | None = None) -> None:
        self._emit(ev.QuestionDrawn, item=self.state.current, deck=deck, text=text, person=person)

    def record_skip(self, text: str, reason: str | None = None) -> None:
        self._emit(ev.QuestionSkipped, item=self.state.current, text=text, reason=reason)

    def record_retire(self, deck: str, text: str) -> None:
        self._emit(ev.QuestionRetired, deck=deck, text=text)

    def toggle_alternative(self) -> bool:
        """v: the item's alternative activity instead (a question drawn for it is set aside,
        as skipped: it was not asked, and may come another time), or back (and so is the
        question)."""
        on = not self.run.alternative
        if on:
            for draw in [d for d in self.run.draws if not d.skipped]:
                self.record_skip(draw.text, reason="alternative")
        else:
            for draw in [d for d in self.run.draws if d.aside]:
                self._emit(ev.QuestionRestored, item=self.state.current, text=draw.text)
        self._emit(ev.AlternativeChosen, item=self.state.current, on=on)
        return on

    def mark_followup_done(self, ref: str) -> None:
        self._emit(ev.FollowupDone, ref=ref)

    # -- the room ---------------------------------------------------------------------------

    def send_message(self, text: str) -> str:
        """m: a short message for the room, on the stage until the next one; an empty one
        takes it down. Returns the message as it will be shown (one line, at most
        ``MESSAGE_CHARS`` characters)."""
        line = clean_line(text)[:MESSAGE_CHARS].strip()
        if line != self.state.message:
            self._emit(ev.StageMessage, text=line)
        return line


def _same_person(name: str, people: Sequence[str]) -> str | None:
    key = name_key(name)
    return next((p for p in people if name_key(p) == key), None)
