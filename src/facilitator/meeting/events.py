"""The journal's events: one frozen dataclass per type, and the one way to read them from disk.

Events record what happened and what was decided. Where a rule decides something (the share a
speaker is given when their turn begins, who speaks after someone leaves, the plan as it was set
up), the decision travels in the event, so replaying a journal only assigns: a session held last
year reads the same next year, whatever the rules become.

``decode`` checks one line read from disk and raises :class:`JournalFormatError` naming the
problem; ``to_data`` is its inverse (without the time, which the journal writes as ``at``).
Format 2 is written since typed events; format 1 journals are upgraded on reading
(:mod:`facilitator.journal.upgrade`).
"""

from __future__ import annotations

import dataclasses
import math
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

FORMAT = 2

EntryKind = Literal["expectations", "conclusions", "notes", "followups", "decisions"]
ENTRY_KINDS: tuple[str, ...] = get_args(EntryKind)
Status = Literal["ready", "running", "paused", "ended"]
SplitKind = Literal["people", "topics"]
Airtime = Literal["on", "record", "off"]  # the group's choice: shown, also in the record, or not
ItemStatus = Literal["pending", "current", "done", "skipped", "left_out"]

MAX_TEXT = 10_000  # characters of one entry, as typed
EARLIEST = 946_684_800.0  # 2000-01-01: a journal older than this program is a damaged one
LATEST = 7_258_118_400.0  # 2200-01-01


class JournalFormatError(ValueError):
    """A journal line this version cannot read: what is wrong with it, in words."""


@dataclass(frozen=True)
class Round:
    """A round's ledger as the rules left it: who is in it and in which order, who speaks and
    with what share, and what each has spoken or been given. Replay assigns it as it is."""

    index: int
    order: tuple[str, ...] = ()
    speaker: str | None = None
    share: float | None = None  # seconds given to the speaker when their turn began
    turn_from: float = 0.0  # what the speaker had spoken in this round when their turn began
    since: float | None = None  # when the speaker's clock last started running
    spoke: Mapping[str, float] = field(default_factory=dict)  # seconds spoken before ``since``
    given: Mapping[str, float] = field(default_factory=dict)  # seconds given to finished turns
    done: tuple[str, ...] = ()
    passed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Queue:
    """An item's raised hands as the rules left them: who waits in which order, who holds
    the floor since when, and what each has spoken in the item. Replay assigns it as it is."""

    index: int
    hands: tuple[str, ...] = ()
    speaker: str | None = None
    since: float | None = None  # when the speaker's clock last started running
    spoke: Mapping[str, float] = field(default_factory=dict)  # seconds spoken before ``since``
    progressive: bool = False  # those who have not spoken in the item yet go first


@dataclass(frozen=True)
class Share:
    """One slot of an item's time split between people or topics."""

    name: str
    minutes: float  # as planned when the time was split
    given: float | None = None  # seconds it was given when it began
    begun: float | None = None  # the item's elapsed seconds when it began
    used: float | None = None  # seconds it took, once over


@dataclass(frozen=True)
class Split:
    """An item's time split as the rules left it: the slots and the one running now."""

    index: int
    kind: SplitKind = "people"
    shares: tuple[Share, ...] = ()
    current: int | None = None


@dataclass(frozen=True)
class Slot:
    """One item of the plan as it was set up (minutes from the start)."""

    start: float
    minutes: float
    active: bool = True


@dataclass(frozen=True)
class Carried:
    """An open follow-up of an earlier session, brought into this one."""

    ref: str  # SESSION/ENTRY
    text: str = ""
    owner: str | None = None


@dataclass(frozen=True)
class Reading:
    """The text a session reads in advance: its title, author and where to find it."""

    title: str = ""
    author: str = ""
    link: str = ""

    @property
    def line(self) -> str:
        """The reading on one line: “Title”, author · link ("" when nothing is known)."""
        title = f"“{self.title}”" if self.title else ""
        named = ", ".join(part for part in (title, self.author) if part)
        return " · ".join(part for part in (named, self.link) if part)


@dataclass(frozen=True)
class SessionContent:
    """What a session brings (an agenda's ``brings``): its topic or convening question, the
    supporting questions the host may bring in, and the text read in advance. Items that
    ``show`` them put them on screen."""

    topic: str = ""
    question: str = ""
    supporting: tuple[str, ...] = ()
    reading: Reading = field(default_factory=Reading)

    def __bool__(self) -> bool:
        return bool(self.topic or self.question or self.supporting or self.reading != Reading())


@dataclass(frozen=True)
class Event:
    type: ClassVar[str] = ""
    t: float


@dataclass(frozen=True)
class SessionCreated(Event):
    type: ClassVar[str] = "session_created"
    session: str
    agenda: Mapping[str, Any]  # the agenda as plain data (meeting.agenda_data)
    group: str = ""
    participants: tuple[str, ...] = ()
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    newcomer: bool = False
    planned_start: float | None = None
    language: str = "en"
    total: float = 0.0  # committed minutes
    carried: tuple[Carried, ...] = ()  # open follow-ups brought in
    planned: tuple[Slot, ...] = ()  # the plan as set up; empty in format 1 (upgraded)
    airtime: Airtime = "on"
    off_record: bool = False  # the group keeps no record: every entry is off the record
    names_shared: bool = False  # the group agreed: names may appear beside what it shares
    content: SessionContent = field(default_factory=SessionContent)  # what the session brings
    format: int = FORMAT


@dataclass(frozen=True)
class MeetingStarted(Event):
    type: ClassVar[str] = "meeting_started"


@dataclass(frozen=True)
class ItemStarted(Event):
    type: ClassVar[str] = "item_started"
    index: int
    order: tuple[str, ...] | None = None  # rounds: the speaking order asked for
    round: Round | None = None


@dataclass(frozen=True)
class ItemEnded(Event):
    type: ClassVar[str] = "item_ended"
    index: int
    back: bool = False  # going back (p): it comes again later


@dataclass(frozen=True)
class ItemSkipped(Event):
    type: ClassVar[str] = "item_skipped"
    index: int


@dataclass(frozen=True)
class ItemExtended(Event):
    type: ClassVar[str] = "item_extended"
    index: int
    minutes: float
    round: Round | None = None
    split: Split | None = None  # the slot running now gets the minute too


@dataclass(frozen=True)
class Paused(Event):
    type: ClassVar[str] = "paused"


@dataclass(frozen=True)
class Resumed(Event):
    type: ClassVar[str] = "resumed"


@dataclass(frozen=True)
class ParticipantAdded(Event):
    type: ClassVar[str] = "participant_added"
    name: str
    roles: tuple[str, ...] = ()
    round: Round | None = None
    new: bool = False  # new to the group (a): the record says so
    restores: tuple[int, ...] = ()  # newcomer-only items left out, held after all (decided)


@dataclass(frozen=True)
class ParticipantLeft(Event):
    type: ClassVar[str] = "participant_left"
    name: str
    round: Round | None = None


@dataclass(frozen=True)
class RolesChanged(Event):
    type: ClassVar[str] = "roles_changed"
    roles: Mapping[str, tuple[str, ...]]
    round: Round | None = None


@dataclass(frozen=True)
class SpeakerChanged(Event):
    type: ClassVar[str] = "speaker_changed"
    index: int
    name: str | None = None
    passed: bool = False
    round: Round | None = None


@dataclass(frozen=True)
class OrderChanged(Event):
    type: ClassVar[str] = "order_changed"
    index: int
    order: tuple[str, ...]
    opener: str | None = None  # who opens the round now (decided when the facilitator chose)
    round: Round | None = None


@dataclass(frozen=True)
class HandRaised(Event):
    type: ClassVar[str] = "hand_raised"
    index: int
    name: str
    queue: Queue | None = None


@dataclass(frozen=True)
class HandLowered(Event):
    type: ClassVar[str] = "hand_lowered"
    index: int
    name: str
    queue: Queue | None = None


@dataclass(frozen=True)
class HandMoved(Event):
    type: ClassVar[str] = "hand_moved"
    index: int
    name: str
    to: int  # its place in the queue from now on, 0 first
    queue: Queue | None = None


@dataclass(frozen=True)
class FloorGiven(Event):
    type: ClassVar[str] = "floor_given"
    index: int
    name: str | None = None  # None: nobody holds the floor now
    queue: Queue | None = None


@dataclass(frozen=True)
class StackSet(Event):
    type: ClassVar[str] = "stack_set"
    index: int
    on: bool = True  # progressive stack: first-time speakers first
    queue: Queue | None = None


@dataclass(frozen=True)
class TimeSplit(Event):
    type: ClassVar[str] = "time_split"
    index: int
    kind: SplitKind = "people"
    shares: tuple[Share, ...] = ()  # as asked: names and minutes
    split: Split | None = None


@dataclass(frozen=True)
class SlotChanged(Event):
    type: ClassVar[str] = "slot_changed"
    index: int
    slot: int | None = None  # the slot that begins now; None: the slots are over
    split: Split | None = None


@dataclass(frozen=True)
class EntryAdded(Event):
    type: ClassVar[str] = "entry_added"
    id: str
    item: int
    kind: EntryKind = "notes"
    text: str = ""
    person: str | None = None
    owner: str | None = None
    met: int | None = None  # 0..4, conclusions only
    share: bool = False
    named: bool = False
    # Off the record (an item with 'record: off', or a group that keeps no record): the main
    # journal keeps this event without its words; they live in the off-record file until the
    # meeting ends (journal.offrecord).
    off: bool = False
    due: str | None = None  # follow-ups: an ISO date read from the words (meeting.due), or given


EDITABLE: dict[str, tuple[type, ...]] = {
    "text": (str,), "person": (str, type(None)), "owner": (str, type(None)),
    "met": (int, type(None)), "share": (bool,), "named": (bool,), "done": (bool,),
    "due": (str, type(None)),
}  # fmt: skip


@dataclass(frozen=True)
class EntryEdited(Event):
    type: ClassVar[str] = "entry_edited"
    id: str
    changes: Mapping[str, Any] = field(default_factory=dict)  # keys of EDITABLE
    off: bool = False  # an edit of an entry off the record (EntryAdded.off)


@dataclass(frozen=True)
class EntryRemoved(Event):
    type: ClassVar[str] = "entry_removed"
    id: str


@dataclass(frozen=True)
class QuestionDrawn(Event):
    type: ClassVar[str] = "question_drawn"
    item: int
    deck: str
    text: str
    person: str | None = None


@dataclass(frozen=True)
class QuestionSkipped(Event):
    type: ClassVar[str] = "question_skipped"
    item: int
    text: str
    reason: str | None = None  # "alternative": set aside for it (v), back with v again


@dataclass(frozen=True)
class QuestionRestored(Event):
    type: ClassVar[str] = "question_restored"
    item: int
    text: str


@dataclass(frozen=True)
class QuestionRetired(Event):
    type: ClassVar[str] = "question_retired"
    deck: str
    text: str


@dataclass(frozen=True)
class AlternativeChosen(Event):
    type: ClassVar[str] = "alternative_chosen"
    item: int
    on: bool = True


@dataclass(frozen=True)
class FollowupDone(Event):
    type: ClassVar[str] = "followup_done"
    ref: str


@dataclass(frozen=True)
class StageMessage(Event):
    """A short message from the facilitator to the room ("5-minute break, back at 20:10"),
    shown on the stage until another replaces it; an empty text takes it down."""

    type: ClassVar[str] = "stage_message"
    text: str = ""


@dataclass(frozen=True)
class MeetingEnded(Event):
    type: ClassVar[str] = "meeting_ended"


@dataclass(frozen=True)
class Unknown(Event):
    """An event of a type this version does not know (a newer version wrote it): kept as it
    was, and skipped by replay."""

    type: ClassVar[str] = "unknown"
    name: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)


TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        SessionCreated, MeetingStarted, ItemStarted, ItemEnded, ItemSkipped, ItemExtended,
        Paused, Resumed, ParticipantAdded, ParticipantLeft, RolesChanged, SpeakerChanged,
        OrderChanged, EntryAdded, EntryEdited, EntryRemoved, QuestionDrawn, QuestionSkipped,
        QuestionRestored, QuestionRetired, AlternativeChosen, FollowupDone, MeetingEnded,
        HandRaised, HandLowered, HandMoved, FloorGiven, StackSet, TimeSplit, SlotChanged,
        StageMessage,
    )
}  # fmt: skip
ROUND_EVENTS = (ItemStarted, ItemExtended, ParticipantAdded, ParticipantLeft, RolesChanged,
                SpeakerChanged, OrderChanged)  # fmt: skip
HAND_EVENTS = (HandRaised, HandLowered, HandMoved, FloorGiven, StackSet)
SPLIT_EVENTS = (TimeSplit, SlotChanged, ItemExtended)
DECISIONS = ("round", "queue", "split")  # fields that carry what the rules decided
# Written only when true: journals with nothing off the record stay as they were.
OMITTED_WHEN_FALSE = ("off", "off_record", "names_shared", "new")
# Written only when not empty: a session that brings nothing is written as before.
OMITTED_WHEN_EMPTY = ("content", "restores")
OMITTED_WHEN_NONE = ("due",)  # an entry without a due date is written as before

E = TypeVar("E", bound=Event)


def with_round(event: E, ledger: Round | None) -> E:
    fields: dict[str, Any] = {"round": ledger}
    changed: E = dataclasses.replace(event, **fields)
    return changed


# -- reading and writing ---------------------------------------------------------------------


def to_data(event: Event) -> dict[str, Any]:
    """The event as JSON-ready data: ``type`` first, no time, no empty decision."""
    if isinstance(event, Unknown):
        return {"type": event.name, **event.data}
    out: dict[str, Any] = {"type": event.type}
    for f in dataclasses.fields(event):
        if f.name == "t":
            continue
        value = getattr(event, f.name)
        if f.name in DECISIONS and value is None:
            continue
        if f.name in OMITTED_WHEN_FALSE and value is False:
            continue
        if f.name in OMITTED_WHEN_NONE and value is None:
            continue
        if f.name in OMITTED_WHEN_EMPTY:
            if value:
                plain = _plain(value)
                out[f.name] = _filled(plain) if isinstance(plain, dict) else plain
            continue
        if isinstance(event, EntryEdited) and f.name == "changes":
            out.update(value)
            continue
        out[f.name] = _plain(value)
    return out


def _filled(data: dict[str, Any]) -> dict[str, Any]:
    """Plain data without its empty values (nested mappings included)."""
    out = {}
    for key, value in data.items():
        value = _filled(value) if isinstance(value, dict) else value
        if value not in ("", [], {}, None):
            out[key] = value
    return out


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def decode(data: Mapping[str, Any], t: float) -> Event:
    """The typed event of one journal line (its time already read, and its ``at`` ignored);
    JournalFormatError if a field is missing or of the wrong type. Unknown types become
    :class:`Unknown`."""
    check_time(t)
    name = data.get("type")
    if not isinstance(name, str):
        raise JournalFormatError("an event without a type")
    cls = TYPES.get(name)
    if cls is None:
        return Unknown(t, name, {k: v for k, v in data.items() if k not in ("type", "at")})
    if cls is EntryEdited:
        return _entry_edited(data, t)
    values: dict[str, Any] = {"t": t}
    for field_name, hint, quick, required in _specs(cls):
        if field_name not in data:
            if required:
                raise JournalFormatError(f"a {name} event without '{field_name}'")
            continue
        value = data[field_name]
        if quick is not None and (
            type(value) in quick if isinstance(quick, tuple) else value in quick
        ):  # the usual case, checked at once
            values[field_name] = value
        else:
            values[field_name] = value_of(hint, value, f"{name}.{field_name}")
    if values.get("due") is not None:
        check_due(values["due"], f"{name}.due")
    return cls(**values)


def check_due(value: str, where: str) -> None:
    """A due date is an ISO date (``2026-12-11``)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        raise JournalFormatError(f"{where} is not a date (YYYY-MM-DD)") from None
    if len(value) != len("2026-12-11"):
        raise JournalFormatError(f"{where} is not a date (YYYY-MM-DD)")


def check_time(t: float) -> None:
    if not (math.isfinite(t) and EARLIEST <= t <= LATEST):
        raise JournalFormatError("a time outside the years 2000 to 2200")


def _entry_edited(data: Mapping[str, Any], t: float) -> EntryEdited:
    entry_id = data.get("id")
    if not isinstance(entry_id, str):
        raise JournalFormatError("an entry_edited event without 'id'")
    off = data.get("off", False)
    if not isinstance(off, bool):
        raise JournalFormatError("entry_edited.off has the wrong type")
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("type", "id", "at", "off"):
            continue
        kinds = EDITABLE.get(key)
        if kinds is None:
            continue  # a field a newer version edits: left alone
        if isinstance(value, bool) and bool not in kinds:
            raise JournalFormatError(f"entry_edited.{key} has the wrong type")
        if not isinstance(value, kinds):
            raise JournalFormatError(f"entry_edited.{key} has the wrong type")
        if key == "due" and isinstance(value, str):
            check_due(value, "entry_edited.due")
        changes[key] = value
    return EntryEdited(t, entry_id, changes, off)


_HINTS: dict[type, dict[str, Any]] = {}
# Hints whose JSON values are taken as they are once their exact type is right (type() is
# exact, so a bool is no int). Floats go to value_of: JSON reads NaN and Infinity too.
_QUICK: dict[Any, tuple[type, ...]] = {
    str: (str,),
    bool: (bool,),
    int: (int,),
    str | None: (str, type(None)),
    int | None: (int, type(None)),
}
Quick = tuple[type, ...] | frozenset[object] | None  # exact types, or a Literal's values
_SPECS: dict[type, list[tuple[str, Any, Quick, bool]]] = {}


def _quick(hint: Any) -> Quick:
    if get_origin(hint) is Literal:
        return frozenset(get_args(hint))
    return _QUICK.get(hint)


def _specs(cls: type) -> list[tuple[str, Any, Quick, bool]]:
    """Each field of an event class: its name, type, quick check, and whether it is required."""
    if cls not in _SPECS:
        hints = _hints(cls)
        _SPECS[cls] = [
            (f.name, hints[f.name], _quick(hints[f.name]),
             f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
            for f in dataclasses.fields(cls) if f.name != "t"
        ]  # fmt: skip
    return _SPECS[cls]


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


Reader = Callable[[Any, str], Any]
_READERS: dict[Any, Reader] = {}


def value_of(hint: Any, value: Any, where: str) -> Any:
    """``value`` read from JSON as the type ``hint`` says; JournalFormatError if it is not."""
    reader = _READERS.get(hint)
    if reader is None:
        reader = _READERS[hint] = _reader(hint)
    return reader(value, where)


def _reader(hint: Any) -> Reader:  # noqa: C901 - one branch per kind
    """The function that reads a JSON value as ``hint``: worked out once per hint, since a
    journal reads the same few hints thousands of times."""
    origin = get_origin(hint)
    args = get_args(hint)
    if origin is Union or origin is types.UnionType:  # X | None
        value_of_hint = next(a for a in args if a is not type(None))

        def optional(value: Any, where: str) -> Any:
            if value is None and type(None) in args:
                return None
            return value_of(value_of_hint, value, where)

        return optional
    if origin is Literal:

        def literal(value: Any, where: str) -> Any:
            if value not in args:
                raise JournalFormatError(f"{where} is not one of {', '.join(map(str, args))}")
            return value

        return literal
    if hint in _SCALARS:
        return _SCALARS[hint]
    if origin is tuple:
        item = args[0]
        quick = _QUICK.get(item)

        def sequence(value: Any, where: str) -> Any:
            if not isinstance(value, (list, tuple)):
                raise JournalFormatError(f"{where} must be a list")
            if quick is not None and all(type(v) in quick for v in value):
                return tuple(value)
            return tuple(value_of(item, v, where) for v in value)

        return sequence
    if origin is Mapping:
        inner_hint = args[1]

        def mapping(value: Any, where: str) -> Any:
            if not isinstance(value, dict):
                raise JournalFormatError(f"{where} must be a mapping")
            if inner_hint is Any:
                return value
            return {str(k): value_of(inner_hint, v, where) for k, v in value.items()}

        return mapping
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_reader(hint)
    raise JournalFormatError(f"{hint}: cannot be read")  # pragma: no cover - a new hint


def _record_reader(cls: type) -> Reader:
    hints = _hints(cls)
    required = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]  # fmt: skip

    def record(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise JournalFormatError(f"{where} must be a mapping")
        values = {k: value_of(hints[k], v, f"{where}.{k}") for k, v in value.items() if k in hints}
        missing = [name for name in required if name not in values]
        if missing:
            raise JournalFormatError(f"{where} without '{missing[0]}'")
        return cls(**values)

    return record


def _boolean(value: Any, where: str) -> Any:
    if not isinstance(value, bool):
        raise JournalFormatError(f"{where} must be true or false")
    return value


def _whole(value: Any, where: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise JournalFormatError(f"{where} must be a whole number")
    return value


def _number(value: Any, where: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise JournalFormatError(f"{where} must be a number")
    if not math.isfinite(value):
        raise JournalFormatError(f"{where} must be a finite number")
    return float(value)


def _text(value: Any, where: str) -> Any:
    if not isinstance(value, str):
        raise JournalFormatError(f"{where} must be text")
    return value


_SCALARS: dict[Any, Reader] = {bool: _boolean, int: _whole, float: _number, str: _text}
