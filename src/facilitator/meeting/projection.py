"""Planned, actual and projected times, derived from the state and the clock on every read.

The planned end is the group's commitment. Every item still to be held gets a length so that the
meeting ends then: ordinary and protected items keep their minutes (with the facilitator's
``+``/``-``), flexible items take what is left, never less than their ``min_minutes``. The item
being held is re-planned too when it is flexible, so a break taken in the core discussion comes
out of the core discussion. What cannot be absorbed shows as a projected overrun.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.meeting.state import ItemRun, State
from facilitator.schedule import fit, nominal_minutes

MIN = 60.0


@dataclass(frozen=True)
class Row:
    index: int
    title: str
    status: str
    planned_start: float  # epoch seconds
    planned_minutes: float
    actual_start: float | None
    actual_seconds: float | None
    projected_start: float
    projected_seconds: float  # done: as held; current: in all; to come: from its projected start


@dataclass(frozen=True)
class Projection:
    rows: list[Row]
    planned_end: float
    projected_end: float

    @property
    def over(self) -> float:
        """Seconds the meeting is projected to run past its planned end (negative: early)."""
        return self.projected_end - self.planned_end


def anchor(state: State, now: float) -> float:
    """When the meeting is planned to start, or started: a meeting started before its planned
    start runs its plan from then (no flexible item grows to fill the time before it)."""
    if state.planned_start is not None:
        if state.started is not None and state.started < state.planned_start:
            return state.started
        return state.planned_start
    if state.started is not None:
        return state.started
    return now


def planned_end(state: State, now: float) -> float:
    return anchor(state, now) + state.total * MIN


def _from(state: State, now: float) -> float:
    """Where what is still to be held begins: now, or the planned start if it is later and
    the meeting has not started."""
    return now if state.started is not None else max(now, anchor(state, now))


def round_size(state: State, index: int) -> int:
    """How many people a round is for: those in it now, and those who already had their turn."""
    run = state.items[index]
    if run.order or run.given:
        return len(set(run.order) | set(run.given))
    return len(state.speakers_for(index))


def nominal(state: State, index: int) -> float:
    """Minutes the agenda gives the item for the people present, before any re-planning."""
    item = state.agenda.items[index]
    if item.is_round and item.per_person is not None:
        return item.per_person * round_size(state, index)
    return nominal_minutes(item, len(state.participants), state.role_counts())


def _to_hold(state: State) -> list[int]:
    """The current item, then every item still to come, in agenda order."""
    if state.status == "ended":
        return []
    later = [i for i in state.active_indexes() if state.items[i].status == "pending"]
    return [state.current, *(i for i in later if i != state.current)]


def lengths(state: State, now: float) -> dict[int, float]:
    """Seconds each item still to be held gets in all (time it already ran included)."""
    hold = _to_hold(state)
    left = planned_end(state, now) - _from(state, now)  # seconds from there to the planned end
    spent = {i: state.items[i].elapsed(now) for i in hold}
    # What each item asks for: its minutes, with the facilitator's +/- unless it is flexible
    # (a flexible item's own +/- is added to whatever re-planning gives it).
    wanted = {i: nominal(state, i) + _fixed_adjust(state, i) for i in hold}
    out: dict[int, float] = {}
    for position, index in enumerate(hold):
        item = state.agenda.items[index]
        run = state.items[index]
        if item.flexible:
            rest = hold[position:]
            budget = (left + sum(spent[i] for i in rest)) / MIN
            floors = [_floor(state, i, spent[i] if i != index else 0.0) for i in rest]
            share = fit([state.agenda.items[i] for i in rest], [wanted[i] for i in rest],
                        budget, floors).lengths[0]  # fmt: skip
            minutes = share + run.adjust
        else:
            minutes = wanted[index]
        out[index] = max(0.0, minutes) * MIN
        left -= max(0.0, out[index] - spent[index])
    return out


def _fixed_adjust(state: State, index: int) -> float:
    return 0.0 if state.agenda.items[index].flexible else state.items[index].adjust


def _floor(state: State, index: int, spent: float) -> float:
    """An item to come that already ran for a while cannot shrink below what it used."""
    return max(state.agenda.items[index].floor, spent / MIN)


def allotted(state: State, now: float, held: dict[int, float] | None = None) -> float:
    """Seconds the current item is given in all, extensions included. While paused, a
    flexible item's share shrinks as the pause goes on: the pause is taken from it.
    ``held``: :func:`lengths` at ``now``, when the caller has it already (one a tick)."""
    if state.status == "ended":
        return state.item.elapsed(now)
    return (lengths(state, now) if held is None else held)[state.current]


def remaining(state: State, now: float, held: dict[int, float] | None = None) -> float:
    """Seconds left for the current item (negative in overtime)."""
    return allotted(state, now, held) - state.item.elapsed(now)


def project(state: State, now: float, held: dict[int, float] | None = None) -> Projection:
    start = anchor(state, now)
    cursor = _from(state, now)
    held = lengths(state, now) if held is None else held
    to_come: dict[int, tuple[float, float]] = {}
    for index in _to_hold(state):
        run = state.items[index]
        spent = run.elapsed(now)
        left = max(0.0, held[index] - spent)
        if index == state.current:
            begun = run.segments[0][0] if run.segments else cursor
            to_come[index] = (begun, spent + left)
        else:
            to_come[index] = (cursor, left)
        cursor += left
    projected_end = state.ended if state.status == "ended" and state.ended else cursor
    rows: list[Row] = []
    for index in state.active_indexes():
        run = state.items[index]
        slot = state.planned[index]
        first = run.segments[0][0] if run.segments else None
        if index in to_come:
            p_start, p_length = to_come[index]
        else:  # done or skipped: as it happened
            p_start, p_length = _held_from(run, first, start), run.elapsed(now)
        rows.append(Row(index, state.agenda.items[index].title, run.status,
                        start + slot.start * MIN, slot.minutes, first,
                        run.elapsed(now) if run.segments else None, p_start, p_length))  # fmt: skip
    return Projection(rows, planned_end(state, now), projected_end)


def _held_from(run: ItemRun, first: float | None, start: float) -> float:
    if first is not None:
        return first
    return run.closed_at if run.closed_at is not None else start
