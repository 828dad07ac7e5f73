"""Replay: how each event changes the state. It only assigns what the event says.

Time is folded here (an item's segments, a speaker's seconds), never decided: the decisions of
the round rules travel in the events (:mod:`facilitator.meeting.rounds`). An event that cannot
apply to the state (an item that does not exist, a pause while nothing runs) raises
:class:`~facilitator.meeting.events.JournalFormatError`; the loader skips it with a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from facilitator.meeting.agenda_data import agenda_from_data
from facilitator.meeting.events import (
    AlternativeChosen,
    EntryAdded,
    EntryEdited,
    EntryRemoved,
    Event,
    FloorGiven,
    FollowupDone,
    HandLowered,
    HandMoved,
    HandRaised,
    ItemEnded,
    ItemExtended,
    ItemSkipped,
    ItemStarted,
    JournalFormatError,
    MeetingEnded,
    MeetingStarted,
    OrderChanged,
    ParticipantAdded,
    ParticipantLeft,
    Paused,
    QuestionDrawn,
    QuestionRestored,
    QuestionRetired,
    QuestionSkipped,
    Queue,
    Resumed,
    RolesChanged,
    Round,
    SessionCreated,
    SlotChanged,
    SpeakerChanged,
    Split,
    StackSet,
    StageMessage,
    TimeSplit,
)
from facilitator.meeting.state import Draw, Entry, ItemRun, State
from facilitator.schedule import Slot, plan

# The meeting's lifecycle: which status each of these events may come in, and the one it leaves.
LIFECYCLE: dict[type[Event], tuple[tuple[str, ...], str]] = {
    MeetingStarted: (("ready",), "running"),
    Paused: (("running",), "paused"),
    Resumed: (("paused",), "running"),
    MeetingEnded: (("running", "paused"), "ended"),
}


def new_state(event: SessionCreated) -> State:
    """The state a session begins with, from its first event."""
    agenda = agenda_from_data(event.agenda)
    state = State(
        agenda=agenda, session=event.session, group=event.group, language=event.language,
        participants=list(event.participants),
        roles={role: list(people) for role, people in event.roles.items()},
        newcomer=event.newcomer, planned_start=event.planned_start, created=event.t,
        total=event.total, carried=list(event.carried), airtime=event.airtime,
        off_record=event.off_record, names_shared=event.names_shared, content=event.content,
    )  # fmt: skip
    state.attended = list(state.participants)
    if len(event.planned) == len(agenda.items):
        state.planned = [Slot(i, item, s.start, s.minutes, s.active)
                         for i, (item, s) in enumerate(zip(agenda.items, event.planned))]  # fmt: skip
    else:  # format 1 journals were upgraded before replay; this serves events made by hand
        state.planned = plan(agenda, max(1, len(state.participants)), state.newcomer,
                             state.role_counts())  # fmt: skip
    state.items = [ItemRun(i) for i in range(len(agenda.items))]
    for run, slot in zip(state.items, state.planned):
        if not slot.active:
            run.status = "left_out"
    active = state.active_indexes()
    state.current = active[0] if active else 0
    state.last_event = state.created
    return state


def apply(state: State, event: Event) -> None:
    """Fold one event into the state."""
    state.events += 1
    handler = HANDLERS.get(type(event))
    if handler is None:  # a type a newer version wrote: kept in the journal, skipped here
        state.unknown_events += 1
        return
    allowed = LIFECYCLE.get(type(event))
    if allowed is not None and state.status not in allowed[0]:
        raise JournalFormatError(f"{event.type} while the meeting is {state.status}")
    if state.status == "ended" and allowed is None:
        raise JournalFormatError(f"{event.type} after the meeting ended")
    handler(state, event)
    ledger = getattr(event, "round", None)
    if ledger is not None:
        _assign(state, ledger)
    queue = getattr(event, "queue", None)
    if queue is not None:
        _assign_queue(state, queue)
    split = getattr(event, "split", None)
    if split is not None:
        _assign_split(state, split)
    state.last_event = max(state.last_event, event.t)


def _run(state: State, index: int) -> ItemRun:
    if not 0 <= index < len(state.items):
        raise JournalFormatError(f"the agenda has no item {index}")
    return state.items[index]


def _assign(state: State, ledger: Round) -> None:
    run = _run(state, ledger.index)
    run.order = list(ledger.order)
    run.speaker = ledger.speaker
    run.turn_share = ledger.share
    run.turn_from = ledger.turn_from
    run.speaker_since = ledger.since
    run.spoke = dict(ledger.spoke)
    run.given = dict(ledger.given)
    run.done_speakers = list(ledger.done)
    run.passed = list(ledger.passed)


def _assign_queue(state: State, ledger: Queue) -> None:
    run = _run(state, ledger.index)
    if state.agenda.items[ledger.index].is_round:
        raise JournalFormatError(f"raised hands in item {ledger.index}, a round")
    run.hands = list(ledger.hands)
    run.speaker = ledger.speaker
    run.speaker_since = ledger.since
    run.spoke = dict(ledger.spoke)
    run.progressive = ledger.progressive


def _assign_split(state: State, ledger: Split) -> None:
    run = _run(state, ledger.index)
    run.split_kind = ledger.kind
    run.shares = list(ledger.shares)
    run.slot = ledger.current


def close(run: ItemRun, t: float) -> None:
    if run.running:
        run.segments[-1][1] = t
    bank_speaker(run, t)


def bank_speaker(run: ItemRun, t: float) -> None:
    """The speaker's running seconds added to what they have spoken; their clock stops."""
    if run.speaker is not None and run.speaker_since is not None:
        run.spoke[run.speaker] = run.spoke.get(run.speaker, 0.0) + (t - run.speaker_since)
    run.speaker_since = None


def _open(state: State, run: ItemRun, t: float) -> None:
    if state.status == "running" and not run.running:
        run.segments.append([t, -1.0])
        if run.speaker is not None:
            run.speaker_since = t


def _meeting_started(state: State, event: Event) -> None:
    state.started = event.t
    state.status = "running"


def _item_started(state: State, event: ItemStarted) -> None:
    run = _run(state, event.index)
    old = state.item
    if old.running:
        close(old, event.t)
    state.current = event.index
    run.status = "current"
    _open(state, run, event.t)


def _item_ended(state: State, event: ItemEnded) -> None:
    run = _run(state, event.index)
    close(run, event.t)
    run.closed_at = event.t
    run.status = "pending" if event.back else "done"


def _item_skipped(state: State, event: ItemSkipped) -> None:
    run = _run(state, event.index)
    close(run, event.t)
    run.closed_at = event.t
    run.status = "skipped"


def _item_extended(state: State, event: ItemExtended) -> None:
    _run(state, event.index).adjust += event.minutes


def _paused(state: State, event: Paused) -> None:
    close(state.item, event.t)
    state.status = "paused"


def _resumed(state: State, event: Resumed) -> None:
    state.status = "running"
    _open(state, state.item, event.t)


def _participant_added(state: State, event: ParticipantAdded) -> None:
    name = event.name
    if name in state.participants:
        return
    state.participants.append(name)
    came_back = name in state.attended
    if not came_back:
        state.attended.append(name)
    if state.started is not None:
        state.moves.setdefault(name, []).append(["back" if came_back else "arrived", event.t])
    for role in event.roles:
        state.roles.setdefault(role, []).append(name)
    if event.new:  # (new lists and runs: the round rules fold into a shallow copy first)
        state.newcomers = [*(n for n in state.newcomers if n != name), name]
        state.newcomer = True
    for index in event.restores:  # the introductions, left out, are held after all
        if 0 <= index < len(state.items) and state.items[index].status == "left_out":
            state.items[index] = dataclasses.replace(state.items[index], status="pending")


def _participant_left(state: State, event: ParticipantLeft) -> None:
    name = event.name
    if name in state.participants:
        state.participants.remove(name)
        if state.started is None and not state.moves.get(name):  # not there after all
            state.attended.remove(name)
        else:
            state.moves.setdefault(name, []).append(["left", event.t])
    # Their roles stay theirs: someone who steps out and comes back still holds them (rounds
    # and role counts only ever look at the holders who are here).


def _roles_changed(state: State, event: RolesChanged) -> None:
    state.roles = {role: list(people) for role, people in event.roles.items()}


def _speaker_changed(state: State, event: SpeakerChanged) -> None:
    _run(state, event.index)  # what changes is in the event's round


def _order_changed(state: State, event: OrderChanged) -> None:
    _run(state, event.index)  # what changes is in the event's round


def _in_item(state: State, event: Any) -> None:
    _run(state, event.index)  # what changes is in the event's queue or split


def _entry_added(state: State, event: EntryAdded) -> None:
    kept = state.off_entries if event.off else state.entries
    kept[event.id] = Entry(
        id=event.id, item=event.item, kind=event.kind, text=event.text, person=event.person,
        owner=event.owner, met=event.met, share=event.share, named=event.named, at=event.t,
        off=event.off, due=event.due,
    )  # fmt: skip


def _entry_edited(state: State, event: EntryEdited) -> None:
    entry = state.entries.get(event.id) or state.off_entries.get(event.id)
    if entry is None:
        return
    for key, value in event.changes.items():
        setattr(entry, key, value)


def _entry_removed(state: State, event: EntryRemoved) -> None:
    state.entries.pop(event.id, None)
    state.off_entries.pop(event.id, None)


def restore_off_entry(state: State, event: EntryAdded | EntryEdited) -> None:
    """The words of an entry off the record, from the off-record file, given back to the entry
    the journal kept without them (one removed since is left out)."""
    if event.id not in state.off_entries:
        return
    if isinstance(event, EntryAdded):
        _entry_added(state, event)
    else:
        _entry_edited(state, event)


def _question_drawn(state: State, event: QuestionDrawn) -> None:
    run = _run(state, event.item)
    run.draws.append(Draw(deck=event.deck, text=event.text, person=event.person, at=event.t))


def _question_skipped(state: State, event: QuestionSkipped) -> None:
    for draw in reversed(_run(state, event.item).draws):
        if draw.text == event.text and not draw.skipped:
            draw.skipped = True
            draw.aside = event.reason == "alternative"
            break


def _question_restored(state: State, event: QuestionRestored) -> None:
    """The alternative was given up (v again): the question set aside for it is back."""
    for draw in reversed(_run(state, event.item).draws):
        if draw.text == event.text and draw.aside:
            draw.skipped = draw.aside = False
            break


def _question_retired(state: State, event: QuestionRetired) -> None:
    state.retired.append(event.text)


def _stage_message(state: State, event: StageMessage) -> None:
    state.message = event.text


def _alternative_chosen(state: State, event: AlternativeChosen) -> None:
    _run(state, event.item).alternative = event.on


def _followup_done(state: State, event: FollowupDone) -> None:
    state.followups_done.append(event.ref)


def _meeting_ended(state: State, event: MeetingEnded) -> None:
    close(state.item, event.t)
    if state.item.status == "current":
        state.item.status = "done"
        state.item.closed_at = event.t
    state.status = "ended"
    state.ended = event.t


HANDLERS: dict[type[Event], Callable[[State, Any], None]] = {
    MeetingStarted: _meeting_started,
    ItemStarted: _item_started,
    ItemEnded: _item_ended,
    ItemSkipped: _item_skipped,
    ItemExtended: _item_extended,
    Paused: _paused,
    Resumed: _resumed,
    ParticipantAdded: _participant_added,
    ParticipantLeft: _participant_left,
    RolesChanged: _roles_changed,
    SpeakerChanged: _speaker_changed,
    OrderChanged: _order_changed,
    EntryAdded: _entry_added,
    EntryEdited: _entry_edited,
    EntryRemoved: _entry_removed,
    QuestionDrawn: _question_drawn,
    QuestionSkipped: _question_skipped,
    QuestionRestored: _question_restored,
    QuestionRetired: _question_retired,
    AlternativeChosen: _alternative_chosen,
    FollowupDone: _followup_done,
    MeetingEnded: _meeting_ended,
    StageMessage: _stage_message,
    HandRaised: _in_item,
    HandLowered: _in_item,
    HandMoved: _in_item,
    FloorGiven: _in_item,
    StackSet: _in_item,
    TimeSplit: _in_item,
    SlotChanged: _in_item,
}
