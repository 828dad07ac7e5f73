"""The meeting's state: what replaying a journal's events rebuilds (see fold.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.events import (
    Airtime,
    Carried,
    EntryKind,
    ItemStatus,
    SessionContent,
    Share,
    SplitKind,
    Status,
)
from facilitator.schedule import Slot, count_roles


@dataclass
class Entry:
    id: str
    item: int
    kind: EntryKind
    text: str
    person: str | None = None
    owner: str | None = None
    met: int | None = None  # 0..4, conclusions only
    share: bool = False
    named: bool = False  # the person agreed to be named when shared
    done: bool = False  # follow-ups
    at: float = 0.0
    off: bool = False  # off the record: in State.off_entries, never in a record
    due: str | None = None  # follow-ups: when it is due, an ISO date


@dataclass
class Draw:
    deck: str
    text: str
    person: str | None = None
    skipped: bool = False
    at: float = 0.0
    aside: bool = False  # skipped because the alternative was chosen (v): back with v again


@dataclass
class ItemRun:
    index: int
    status: ItemStatus = "pending"
    segments: list[list[float]] = field(default_factory=list)  # [start, end]; end -1 = open
    closed_at: float | None = None  # when it was last ended or skipped
    adjust: float = 0.0  # minutes added (+) or removed (-) by the facilitator
    # Rounds only: everyone in the round who is still here, in speaking order.
    order: list[str] = field(default_factory=list)
    speaker: str | None = None
    speaker_since: float | None = None  # when the speaker's clock last started running
    turn_share: float | None = None  # seconds the speaker was given when their turn began
    turn_from: float = 0.0  # what the speaker had spoken in this round when their turn began
    spoke: dict[str, float] = field(default_factory=dict)  # seconds spoken before this turn
    given: dict[str, float] = field(default_factory=dict)  # seconds given to finished turns
    done_speakers: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    draws: list[Draw] = field(default_factory=list)
    alternative: bool = False
    # Items that are not rounds: the raised hands waiting for the floor, in order (the one who
    # holds it is ``speaker``, their seconds are in ``spoke`` as in a round).
    hands: list[str] = field(default_factory=list)
    progressive: bool = False  # those who have not spoken here yet go first
    # The item's time split between people or topics, and the slot running now.
    split_kind: SplitKind = "people"
    shares: list[Share] = field(default_factory=list)
    slot: int | None = None

    @property
    def started(self) -> bool:
        return bool(self.segments)

    def elapsed(self, now: float) -> float:
        return sum((now if end < 0 else end) - start for start, end in self.segments)

    @property
    def running(self) -> bool:
        return bool(self.segments) and self.segments[-1][1] < 0

    def waiting(self) -> list[str]:
        """Who still has a turn in this round: the speaker, those to come, those who passed."""
        return [p for p in self.order if p not in self.done_speakers or p == self.speaker]

    def airtime(self, now: float) -> dict[str, float]:
        """Seconds each person has spoken in this item, a running turn included."""
        names = [*self.spoke, *([self.speaker] if self.speaker not in self.spoke else [])]
        return {name: self.spent(name, now) for name in names if name is not None}

    def slot_elapsed(self, now: float) -> float:
        """Seconds of the slot running now (the item's time, pauses left out)."""
        if self.slot is None:
            return 0.0
        return self.elapsed(now) - (self.shares[self.slot].begun or 0.0)

    def spent(self, name: str, now: float) -> float:
        """Seconds ``name`` has spoken in this round, their running turn included."""
        seconds = self.spoke.get(name, 0.0)
        if name == self.speaker and self.speaker_since is not None:
            seconds += now - self.speaker_since
        return seconds


@dataclass
class State:
    agenda: Agenda
    session: str = ""
    group: str = ""
    language: str = "en"
    participants: list[str] = field(default_factory=list)  # who is here now
    attended: list[str] = field(default_factory=list)  # everyone who was here at some point
    # Comings and goings once the meeting has started: name -> [["arrived"|"left"|"back", t]]
    moves: dict[str, list[list[str | float]]] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    newcomer: bool = False
    newcomers: list[str] = field(default_factory=list)  # marked new to the group as they came
    planned_start: float | None = None
    created: float = 0.0
    started: float | None = None
    ended: float | None = None
    status: Status = "ready"
    current: int = 0
    items: list[ItemRun] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)  # what the record keeps
    # Entries off the record: shown during the meeting only. Replayed from the journal alone
    # they have no words (those were in the off-record file, dropped when the meeting ended).
    off_entries: dict[str, Entry] = field(default_factory=dict)
    off_record: bool = False  # the group keeps no record (events.SessionCreated)
    names_shared: bool = False  # names may appear beside shared entries (SessionCreated)
    retired: list[str] = field(default_factory=list)
    followups_done: list[str] = field(default_factory=list)  # refs from earlier sessions
    carried: list[Carried] = field(default_factory=list)  # open follow-ups brought in
    total: float = 0.0  # committed minutes
    last_event: float = 0.0
    events: int = 0  # applied since the meeting was set up
    unknown_events: int = 0
    resumed_after: float | None = None  # seconds away, set by resume
    # The plan as set up (schedule.Slot): arrivals and leavers later do not rewrite it.
    planned: list[Slot] = field(default_factory=list)
    airtime: Airtime = "on"  # the group's choice (events.SessionCreated)
    message: str = ""  # the facilitator's message to the room, on the stage (m)
    content: SessionContent = field(default_factory=SessionContent)  # what the session brings

    @property
    def item(self) -> ItemRun:
        return self.items[self.current]

    def active_indexes(self) -> list[int]:
        return [r.index for r in self.items if r.status != "left_out"]

    def speakers_for(self, index: int) -> list[str]:
        """Who speaks in a round, in order: the holders of its role (or everyone), those of
        its ``first`` role ahead of the others."""
        item = self.agenda.items[index]
        people = self.holders_of(item.who_roles) if item.who else list(self.participants)
        if item.first:
            ahead = [p for p in self.holders(item.first) if p in people]
            people = ahead + [p for p in people if p not in ahead]
        return people

    def round_members(self, index: int) -> list[str]:
        """Who is in a round, in speaking order: those in its order who are still here (and
        hold its role), then anyone here who has not had a turn in it yet. The one rule for
        who belongs in a round, wherever the round's people change."""
        run = self.items[index]
        present = self.speakers_for(index)
        order = [p for p in run.order if p in present]
        return order + [p for p in present if p not in order and p not in run.given]

    def holders(self, role: str) -> list[str]:
        """Who holds ``role`` among those here now."""
        return [p for p in self.roles.get(role, []) if p in self.participants]

    def holders_of(self, roles: tuple[str, ...]) -> list[str]:
        """Who holds any of ``roles`` among those here now, each once, in the order they came."""
        held = {p for role in roles for p in self.holders(role)}
        return [p for p in self.participants if p in held]

    def role_counts(self) -> dict[str, int]:
        return count_roles(self.agenda, {role: self.holders(role) for role in self.roles})


def current_question(item: Item, run: ItemRun) -> Draw | None:
    """The question on the table for this item: the last drawn and not set aside; in a round
    that draws one for each speaker, the speaker's own."""
    draws = [d for d in run.draws if not d.skipped]
    if item.draw == "each":
        draws = [d for d in draws if d.person == run.speaker]
    return draws[-1] if draws else None


def asks_expectations(agenda: Agenda) -> bool:
    """Whether the agenda asks for expectations (conclusions are then rated against them)."""
    return any(item.record == "expectations" for item in agenda.items)
