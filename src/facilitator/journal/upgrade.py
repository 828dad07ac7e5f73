"""Format 1 journals (untyped events, before decisions were journaled), read as format 2.

A format 1 line lacks what later lines carry: defaults that replay used to fill in (the item in
hand), who opens a round when the order changed, and the decisions of the round rules. They are
filled in here, once, the way the version that wrote them decided: the golden journals under
``tests/fixtures/journals/`` check that they replay as they always did.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from facilitator.meeting import events as ev
from facilitator.meeting.rounds import decide, not_begun
from facilitator.meeting.state import State
from facilitator.schedule import plan

# Fields a format 1 event could leave out, meaning "the item in hand".
_CURRENT_ITEM = {
    "entry_added": "item", "question_drawn": "item", "question_skipped": "item",
    "question_restored": "item", "alternative_chosen": "item", "speaker_changed": "index",
}  # fmt: skip


def first_event(created: ev.SessionCreated) -> ev.SessionCreated:
    """The plan as format 1 made it when the session was set up."""
    if created.planned:
        return created
    from facilitator.meeting.agenda_data import agenda_from_data

    agenda = agenda_from_data(created.agenda)
    counts = {role: len(people) for role, people in created.roles.items()}
    slots = plan(agenda, max(1, len(created.participants)), created.newcomer, counts)
    return dataclasses.replace(
        created,
        planned=tuple(ev.Slot(s.start, s.minutes, s.active) for s in slots),
        format=ev.FORMAT,
    )


def fill_in(data: dict[str, Any], state: State) -> dict[str, Any]:
    """A format 1 line's data with the fields it left out."""
    name = data.get("type")
    key = _CURRENT_ITEM.get(str(name))
    if key is not None and key not in data:
        data = {**data, key: state.current}
    if name == "entry_added":  # a format 1 entry could be anything; format 2 types it
        data = {**data, "text": str(data.get("text", ""))}
    return data


def decisions(event: ev.Event, data: dict[str, Any], state: State) -> ev.Event:
    """What the rules decided for a format 1 event, as that version decided it."""
    if isinstance(event, ev.OrderChanged) and "opener" not in data:
        run = state.items[event.index] if 0 <= event.index < len(state.items) else None
        opener = event.order[0] if run and event.order and not_begun(run, event.t) else None
        event = dataclasses.replace(event, opener=opener)
    if isinstance(event, ev.ROUND_EVENTS) and "round" not in data:
        if isinstance(
            event, (ev.ItemStarted, ev.ItemExtended, ev.SpeakerChanged, ev.OrderChanged)
        ) and not 0 <= event.index < len(state.items):
            raise ev.JournalFormatError(f"the agenda has no item {event.index}")  # fmt: skip
        return decide(state, event)
    return event
