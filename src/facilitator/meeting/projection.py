"""Planned, actual and projected times, derived from the state and the clock on every read."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.meeting.state import State
from facilitator.schedule import fit, nominal_minutes, plan

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
    projected_seconds: float


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
    """When the meeting started, or is planned to start."""
    if state.started is not None:
        return state.planned_start if state.planned_start is not None else state.started
    if state.planned_start is not None:
        return state.planned_start
    return now


def planned_end(state: State, now: float) -> float:
    return anchor(state, now) + state.total * MIN


def nominal(state: State, index: int) -> float:
    item = state.agenda.items[index]
    run = state.items[index]
    if item.is_round and item.per_person is not None:
        people = len(run.order) if run.started else len(state.speakers_for(index))
        return item.per_person * people
    return nominal_minutes(item, len(state.participants), state.role_counts())


def allotted(state: State, index: int) -> float:
    """Seconds the item is given: its base when it started (or now), plus extensions."""
    item = state.agenda.items[index]
    run = state.items[index]
    if item.is_round and item.per_person is not None:
        base = nominal(state, index)
    elif run.base is not None:
        base = run.base
    else:
        base = nominal(state, index)
    return max(0.0, (base + run.adjust) * MIN)


def base_for_start(state: State, index: int, now: float) -> float:
    """Minutes an item gets when it starts: re-planned so the meeting keeps its end."""
    later = [i for i in state.active_indexes() if i > index and state.items[i].status == "pending"]
    chosen = [index, *later]
    items = [state.agenda.items[i] for i in chosen]
    budget = (planned_end(state, now) - now) / MIN
    result = fit(items, [nominal(state, i) for i in chosen], budget)
    return result.lengths[0]


def remaining(state: State, now: float) -> float:
    """Seconds left for the current item (negative in overtime)."""
    return allotted(state, state.current) - state.item.elapsed(now)


def project(state: State, now: float) -> Projection:
    start = anchor(state, now)
    end_planned = start + state.total * MIN
    if state.planned is None:  # fixed once: later arrivals and leavers do not rewrite the plan
        state.planned = plan(state.agenda, state.planned_people, state.newcomer,
                             state.role_counts())  # fmt: skip
    planned = {s.index: s for s in state.planned}
    rows: list[Row] = []
    active = state.active_indexes()
    cursor = now if state.started is not None else max(now, start)
    if state.status == "ended" and state.ended is not None:
        cursor = state.ended
    future: list[int] = []
    projected: dict[int, tuple[float, float]] = {}
    for index in active:
        run = state.items[index]
        if run.status in ("done", "skipped"):
            first = run.segments[0][0] if run.segments else cursor
            projected[index] = (first, run.elapsed(now))
        elif run.status == "current" and state.status != "ended":
            left = max(0.0, allotted(state, index) - run.elapsed(now))
            first = run.segments[0][0] if run.segments else cursor
            projected[index] = (first, run.elapsed(now) + left)
            cursor = cursor + left
        else:
            future.append(index)
    if state.started is None:
        future = active
        projected = {}
    budget = (end_planned - cursor) / MIN
    fitted = fit([state.agenda.items[i] for i in future], [nominal(state, i) for i in future],
                 budget)  # fmt: skip
    at = cursor
    for index, minutes in zip(future, fitted.lengths):
        projected[index] = (at, minutes * MIN)
        at += minutes * MIN
    projected_end = at if future else cursor
    if state.status == "ended" and state.ended is not None:
        projected_end = state.ended
    for index in active:
        run = state.items[index]
        slot = planned[index]
        first = run.segments[0][0] if run.segments else None
        p_start, p_len = projected[index]
        rows.append(Row(index, state.agenda.items[index].title, run.status,
                        start + slot.start * MIN, slot.minutes, first,
                        run.elapsed(now) if run.segments else None, p_start, p_len))  # fmt: skip
    return Projection(rows, end_planned, projected_end)
