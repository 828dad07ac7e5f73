"""The rules of raised hands: where a hand goes in the queue, who holds the floor. Command side
only.

In an item that is not a round, the facilitator keeps a queue of raised hands. A hand joins at
the end, or, with the progressive stack on, ahead of those who have already spoken in the item
(after the other first-time speakers). Giving the floor banks what the speaker said and starts
the next one's clock; while the meeting is paused, nobody's clock runs. A person's seconds in
the item are their airtime (a round's turns count the same way, see
:mod:`facilitator.meeting.rounds`).

:func:`decide` runs these rules when an event is about to be journaled and writes the queue as
they leave it into the event (a :class:`~facilitator.meeting.events.Queue`). Replay never calls
this module: it assigns what the event says (:mod:`facilitator.meeting.fold`).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from facilitator.meeting.events import (
    HAND_EVENTS,
    Event,
    FloorGiven,
    HandLowered,
    HandMoved,
    HandRaised,
    Queue,
    StackSet,
)
from facilitator.meeting.state import ItemRun, State

E = TypeVar("E", bound=Event)


def decide(state: State, event: E) -> E:
    """``event`` with the item's queue as the rules leave it after the event."""
    if not isinstance(event, HAND_EVENTS):
        return event
    index = event.index
    run = state.items[index]
    hands = list(run.hands)
    speaker, since, spoke = run.speaker, run.speaker_since, dict(run.spoke)
    progressive = run.progressive
    t = event.t
    if isinstance(event, HandRaised) and event.name not in hands:
        hands.insert(place(run, hands, event.name) if progressive else len(hands), event.name)
    elif isinstance(event, HandLowered) and event.name in hands:
        hands.remove(event.name)
    elif isinstance(event, HandMoved) and event.name in hands:
        hands.remove(event.name)
        hands.insert(max(0, min(event.to, len(hands))), event.name)
    elif isinstance(event, FloorGiven):
        if speaker is not None and since is not None:
            spoke[speaker] = spoke.get(speaker, 0.0) + (t - since)
        speaker = event.name
        if speaker is not None and speaker in hands:
            hands.remove(speaker)
        since = t if speaker is not None and run.running else None
    elif isinstance(event, StackSet):
        progressive = event.on
        if progressive:  # first-time speakers ahead, each part in the order it had
            first = [h for h in hands if first_time(run, h)]
            hands = first + [h for h in hands if h not in first]
    queue = Queue(index=index, hands=tuple(hands), speaker=speaker, since=since,
                  spoke=spoke, progressive=progressive)  # fmt: skip
    fields: dict[str, Any] = {"queue": queue}
    changed: E = dataclasses.replace(event, **fields)
    return changed


def first_time(run: ItemRun, name: str) -> bool:
    """Whether ``name`` has not spoken in the item yet (and does not hold the floor)."""
    return name != run.speaker and run.spoke.get(name, 0.0) <= 0.0


def place(run: ItemRun, hands: list[str], name: str) -> int:
    """Where a new hand goes with the progressive stack: a first-time speaker before the first
    hand of someone who has spoken; anyone else at the end."""
    if not first_time(run, name):
        return len(hands)
    for position, hand in enumerate(hands):
        if not first_time(run, hand):
            return position
    return len(hands)


def next_hand(run: ItemRun) -> str | None:
    return run.hands[0] if run.hands else None
