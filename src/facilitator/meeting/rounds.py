"""The rules of a round: shares, the first seconds of a turn, who speaks next. Command side only.

A speaker's share is fixed when their turn begins: what the round has not yet given out, divided
by those still to speak. So an arrival or a leaver re-divides the time of those to come and never
changes the turn in progress (but in its first seconds, while the floor is still being given).
A finished turn counts as what it used, up to its share: a short turn leaves more for the others,
a long one costs the meeting (the flexible items absorb it), never the next speakers. In a round
of ``per_person`` minutes every turn counts in full.

:func:`decide` runs these rules when an event is about to be journaled, and writes what they
decided into it (a :class:`~facilitator.meeting.events.Round`). Replay never calls this module:
it assigns what the event says (:mod:`facilitator.meeting.fold`).
"""

from __future__ import annotations

import copy
from typing import TypeVar

from facilitator.meeting import fold
from facilitator.meeting.events import (
    ROUND_EVENTS,
    Event,
    ItemExtended,
    ItemStarted,
    OrderChanged,
    Round,
    SpeakerChanged,
    with_round,
)
from facilitator.meeting.projection import allotted
from facilitator.meeting.state import ItemRun, State

GRACE = 15.0  # seconds into a turn during which it can still be set up, or has not happened
E = TypeVar("E", bound=Event)


def decide(state: State, event: E) -> E:
    """``event`` with the round's ledger as the rules leave it after the event, for events
    that change a round (the state itself is not touched)."""
    if not isinstance(event, ROUND_EVENTS):
        return event
    scratch = _scratch(state, getattr(event, "index", state.current))
    fold.apply(scratch, event)  # what the event says by itself (it carries no decision yet)
    run = _settle(scratch, event)
    return with_round(event, ledger(run) if run is not None else None)


def ledger(run: ItemRun) -> Round:
    return Round(
        index=run.index, order=tuple(run.order), speaker=run.speaker, share=run.turn_share,
        turn_from=run.turn_from, since=run.speaker_since, spoke=dict(run.spoke),
        given=dict(run.given), done=tuple(run.done_speakers), passed=tuple(run.passed),
    )  # fmt: skip


def _scratch(state: State, index: int) -> State:
    """A copy of the state that the rules may change: the runs of the item in hand and of
    ``index`` are copied, the rest (and the entries) shared, as no round rule touches them."""
    scratch = copy.copy(state)
    scratch.participants = list(state.participants)
    scratch.attended = list(state.attended)
    scratch.moves = {name: [list(m) for m in moves] for name, moves in state.moves.items()}
    scratch.roles = {role: list(people) for role, people in state.roles.items()}
    scratch.items = list(state.items)
    for i in {state.current, index}:
        if 0 <= i < len(state.items):
            scratch.items[i] = copy.deepcopy(state.items[i])
    return scratch


def _settle(state: State, event: Event) -> ItemRun | None:
    """Apply the round rules for ``event`` to ``state``; the run they changed, if any."""
    t = event.t
    if isinstance(event, ItemStarted):
        run = state.items[event.index]
        if not _is_round(state, event.index):
            return None
        _enter_round(state, run, event.order, t)
        if run.turn_share is None:
            _begin_turn(state, run, t)
        return run
    if isinstance(event, ItemExtended):
        run = state.items[event.index]
        if event.index != state.current or run.turn_share is None or not run.waiting():
            return None
        # The minute is shared by everyone still to speak, the speaker included.
        run.turn_share = max(0.0, run.turn_share + event.minutes * 60.0 / len(run.waiting()))
        _reshare_if_not_begun(state, run, t)
        return run
    if isinstance(event, SpeakerChanged):
        if not _is_round(state, event.index):  # journals from before only rounds had speakers
            return None
        run = state.items[event.index]
        _change_speaker(state, run, event.name, event.passed, t)
        return run
    if isinstance(event, OrderChanged):
        run = state.items[event.index]
        _change_order(state, run, list(event.order), event.opener, t)
        return run
    return _refresh_round(state, t)  # an arrival, a leaver, new roles


def _is_round(state: State, index: int) -> bool:
    return state.agenda.items[index].is_round


def _share(state: State, run: ItemRun, t: float) -> float | None:
    waiting = run.waiting()
    if run.speaker is None or not waiting:
        return None
    return max(0.0, (allotted(state, t) - sum(run.given.values())) / len(waiting))


def _turn_used(state: State, run: ItemRun, name: str) -> float:
    """What a finished (or abandoned) turn takes from the round (the speaker's time banked)."""
    share = run.turn_share or 0.0
    if state.agenda.items[run.index].per_person is not None:
        return share
    return min(run.spoke.get(name, 0.0) - run.turn_from, share)


def _begin_turn(state: State, run: ItemRun, t: float) -> None:
    run.speaker_since = t if run.running and run.speaker is not None else None
    run.turn_share = _share(state, run, t)
    run.turn_from = run.spent(run.speaker, t) if run.speaker is not None else 0.0


def _reshare_if_not_begun(state: State, run: ItemRun, t: float) -> None:
    """In the first seconds of a turn, its share still follows the round's changes."""
    if in_grace(run, t):
        run.turn_share = _share(state, run, t)


def _refresh_round(state: State, t: float) -> ItemRun | None:
    """The people of the round in hand changed (an arrival, a leaver, new roles)."""
    run = state.item
    if run.status != "current" or not _is_round(state, state.current):
        return None  # a round still to come takes its people when it starts
    _reconcile(state, run, t)
    if run.turn_share is None:
        _begin_turn(state, run, t)
    else:
        _reshare_if_not_begun(state, run, t)
    return run


def _enter_round(state: State, run: ItemRun, order: tuple[str, ...] | None, t: float) -> None:
    """The round's people: as given the first time; on coming back, see _reconcile."""
    if not run.order and not run.given and not run.done_speakers:
        present = state.speakers_for(run.index)
        run.order = [p for p in order or present if p in present]
    _reconcile(state, run, t)


def _reconcile(state: State, run: ItemRun, t: float) -> None:
    """The round's people as they are now (see State.round_members): someone who has gone
    after speaking has had their turn, a speaker who has gone hands over to the next one here,
    and someone who passed and left is not come back to. However long ago they left: the round
    may have been elsewhere in the meeting meanwhile."""
    for name in [p for p in run.order if p not in state.speakers_for(run.index)]:
        _has_had_a_turn(state, run, name, t)
    members = state.round_members(run.index)
    if run.speaker is not None and run.speaker not in members:
        run.speaker = next_speaker(run, exclude=run.speaker, among=members)
        run.turn_share = None
    run.order = members
    run.passed = [p for p in run.passed if p in members]
    if run.speaker is None and not run.done_speakers and run.order:
        run.speaker = next_speaker(run)  # no turn has ended yet: the first one here opens
        run.turn_share = None


def _has_had_a_turn(state: State, run: ItemRun, name: str, t: float) -> None:
    """Someone who left (or lost the round's role) during their turn or after passing has had
    it (_turn_used), unless they had barely begun: then they rejoin if they come back."""
    if name == run.speaker:
        spoken = turn_time(run, t)
        fold.bank_speaker(run, t)
        if spoken >= GRACE and name not in run.given:
            run.given[name] = _turn_used(state, run, name)
    elif name not in (*run.done_speakers, *run.given) and run.spoke.get(name, 0.0) >= GRACE:
        per_person = state.agenda.items[run.index].per_person
        run.given[name] = per_person * 60.0 if per_person is not None else run.spoke[name]


def _change_speaker(state: State, run: ItemRun, name: str | None, passed: bool, t: float) -> None:
    fold.bank_speaker(run, t)
    old = run.speaker
    if old is not None:
        if passed:
            if old not in run.passed:
                run.passed.append(old)
        else:
            if old in run.passed:
                run.passed.remove(old)
            if old not in run.done_speakers:
                run.done_speakers.append(old)
            run.given[old] = _turn_used(state, run, old)
    run.speaker = name
    if run.speaker in run.passed:
        run.passed.remove(run.speaker)
    _begin_turn(state, run, t)


def _change_order(
    state: State, run: ItemRun, order: list[str], opener: str | None, t: float
) -> None:
    run.order = order
    if run.status == "current" and opener is not None and opener in run.order:
        fold.bank_speaker(run, t)
        if run.speaker is not None:  # the moments before the choice were nobody's turn
            run.spoke[run.speaker] = run.turn_from
        run.speaker = opener
        _begin_turn(state, run, t)


def next_speaker(
    run: ItemRun, exclude: str | None = None, among: list[str] | None = None
) -> str | None:
    """Who comes after the speaker: the next in order still waiting, then those who passed.
    ``among``: only these people (the round's members after a change)."""
    here = run.order if among is None else among
    waiting = [p for p in run.order if p not in run.done_speakers and p not in run.passed
               and p != run.speaker and p != exclude and p in here]  # fmt: skip
    if run.speaker in run.order:
        after = run.order[run.order.index(run.speaker) + 1 :]
        for person in after:
            if person in waiting:
                return person
    if waiting:
        return waiting[0]
    back = [p for p in run.passed if p != exclude and p != run.speaker and p in here]
    return back[0] if back else None


def turn_time(run: ItemRun, t: float) -> float:
    """Seconds of the turn in hand (a speaker back after passing starts at 0 again)."""
    return 0.0 if run.speaker is None else run.spent(run.speaker, t) - run.turn_from


def in_grace(run: ItemRun, t: float) -> bool:
    """The turn in hand is in its first few seconds: its share still follows the round's
    changes, and someone who leaves now has not had their turn."""
    return run.speaker is not None and turn_time(run, t) < GRACE


def not_heard(run: ItemRun, t: float) -> list[str]:
    """Who in the round has neither spoken nor passed yet, in speaking order: those still to
    come, and the speaker while their turn is in its first seconds (see :func:`in_grace`)."""
    return [p for p in run.order if p not in run.done_speakers and p not in run.passed
            and (p != run.speaker or in_grace(run, t))]  # fmt: skip


def not_begun(run: ItemRun, t: float) -> bool:
    """The round has not really begun: no turn has ended or been passed, and the first turn
    is in its first few seconds (the facilitator may still choose who opens)."""
    if run.done_speakers or run.passed:
        return False
    return run.speaker is None or in_grace(run, t)
