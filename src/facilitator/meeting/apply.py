"""How each event changes the state. Unknown events are counted and skipped."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.meeting.projection import allotted
from facilitator.meeting.state import Draw, Entry, Event, ItemRun, State


def apply(state: State, event: Event) -> None:
    handler = HANDLERS.get(str(event.get("type")))
    t = float(event.get("t", state.last_event))
    state.events += 1
    if handler is None:
        state.unknown_events += 1
        return
    handler(state, event, t)
    state.last_event = max(state.last_event, t)


def _close(run: ItemRun, t: float) -> None:
    if run.running:
        run.segments[-1][1] = t
    _bank_speaker(run, t)


def _bank_speaker(run: ItemRun, t: float) -> None:
    if run.speaker is not None and run.speaker_since is not None:
        run.spoke[run.speaker] = run.spoke.get(run.speaker, 0.0) + (t - run.speaker_since)
    run.speaker_since = None


def _open(state: State, run: ItemRun, t: float) -> None:
    if state.status == "running" and not run.running:
        run.segments.append([t, -1.0])
        if run.speaker is not None:
            run.speaker_since = t


# -- turns in a round ----------------------------------------------------------------------
#
# A speaker's share is fixed when their turn begins: what the round has not yet given out,
# divided by those still to speak. So an arrival or a leaver re-divides the time of those to come
# and never changes the turn in progress. A finished turn counts as what it used, up to its
# share: a short turn leaves more for the others, a long one costs the meeting (the flexible
# items absorb it), never the next speakers. In a round of `per_person` minutes every turn
# counts in full: each gets exactly those minutes, and what one leaves unused goes back to the
# meeting.


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


def _refresh_round(state: State, t: float) -> None:
    """The people of the round in hand changed (an arrival, a leaver, new roles)."""
    run = state.item
    if run.status != "current" or not _is_round(state, state.current):
        return  # a round still to come takes its people when it starts
    _reconcile(state, run, t)
    if run.turn_share is None:
        _begin_turn(state, run, t)
    else:
        _reshare_if_not_begun(state, run, t)


def _is_round(state: State, index: int) -> bool:
    return state.agenda.items[index].is_round


def _meeting_started(state: State, event: Event, t: float) -> None:
    state.started = t
    state.status = "running"


def _item_started(state: State, event: Event, t: float) -> None:
    old = state.item
    if old.running:
        _close(old, t)
    index = int(event["index"])
    run = state.items[index]
    state.current = index
    run.status = "current"
    if _is_round(state, index):
        _enter_round(state, run, event, t)
    _open(state, run, t)
    if _is_round(state, index) and run.turn_share is None:
        _begin_turn(state, run, t)


def _enter_round(state: State, run: ItemRun, event: Event, t: float) -> None:
    """The round's people: as given the first time; on coming back, see _reconcile."""
    if not run.order and not run.given and not run.done_speakers:
        present = state.speakers_for(run.index)
        run.order = [str(p) for p in event.get("order") or present if str(p) in present]
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
        run.speaker = _next_speaker(run, exclude=run.speaker, among=members)
        run.turn_share = None
    run.order = members
    run.passed = [p for p in run.passed if p in members]
    if run.speaker is None and not run.done_speakers and run.order:
        run.speaker = _next_speaker(run)  # no turn has ended yet: the first one here opens
        run.turn_share = None


def _has_had_a_turn(state: State, run: ItemRun, name: str, t: float) -> None:
    """Someone who left (or lost the round's role) during their turn or after passing has had
    it (_turn_used), unless they had barely begun: then they rejoin if they come back."""
    if name == run.speaker:
        spoken = turn_time(run, t)
        _bank_speaker(run, t)
        if spoken >= GRACE and name not in run.given:
            run.given[name] = _turn_used(state, run, name)
    elif name not in (*run.done_speakers, *run.given) and run.spoke.get(name, 0.0) >= GRACE:
        per_person = state.agenda.items[run.index].per_person
        run.given[name] = per_person * 60.0 if per_person is not None else run.spoke[name]


def _item_ended(state: State, event: Event, t: float) -> None:
    run = state.items[int(event["index"])]
    _close(run, t)
    run.closed_at = t
    run.status = "pending" if event.get("back") else "done"  # back: it comes again later


def _item_skipped(state: State, event: Event, t: float) -> None:
    run = state.items[int(event["index"])]
    _close(run, t)
    run.closed_at = t
    run.status = "skipped"


def _item_extended(state: State, event: Event, t: float) -> None:
    index = int(event["index"])
    run = state.items[index]
    minutes = float(event["minutes"])
    run.adjust += minutes
    if index == state.current and run.turn_share is not None and run.waiting():
        # The minute is shared by everyone still to speak, the speaker included.
        run.turn_share = max(0.0, run.turn_share + minutes * 60.0 / len(run.waiting()))
        _reshare_if_not_begun(state, run, t)


def _paused(state: State, event: Event, t: float) -> None:
    _close(state.item, t)
    state.status = "paused"


def _resumed(state: State, event: Event, t: float) -> None:
    state.status = "running"
    _open(state, state.item, t)


def _participant_added(state: State, event: Event, t: float) -> None:
    name = str(event["name"])
    if name in state.participants:
        return
    state.participants.append(name)
    came_back = name in state.attended
    if not came_back:
        state.attended.append(name)
    if state.started is not None:
        state.moves.setdefault(name, []).append(["back" if came_back else "arrived", t])
    for role in event.get("roles", []):
        state.roles.setdefault(str(role), []).append(name)
    _refresh_round(state, t)


def _participant_left(state: State, event: Event, t: float) -> None:
    name = str(event["name"])
    if name in state.participants:
        state.participants.remove(name)
        if state.started is None and not state.moves.get(name):  # not there after all
            state.attended.remove(name)
        else:
            state.moves.setdefault(name, []).append(["left", t])
    # Their roles stay theirs: someone who steps out and comes back still holds them (rounds
    # and role counts only ever look at the holders who are here).
    _refresh_round(state, t)


def _roles_changed(state: State, event: Event, t: float) -> None:
    roles = event.get("roles")
    if not isinstance(roles, dict) or not all(isinstance(ps, list) for ps in roles.values()):
        state.unknown_events += 1  # a hand-edited journal: skipped, like an unknown event
        return
    state.roles = {str(r): [str(p) for p in ps] for r, ps in roles.items()}
    _refresh_round(state, t)


def _next_speaker(
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


def _speaker_changed(state: State, event: Event, t: float) -> None:
    run = state.items[int(event.get("index", state.current))]
    if not _is_round(state, run.index):  # journals from before only rounds had speakers
        return
    _bank_speaker(run, t)
    old = run.speaker
    if old is not None:
        if event.get("passed"):
            if old not in run.passed:
                run.passed.append(old)
        else:
            if old in run.passed:
                run.passed.remove(old)
            if old not in run.done_speakers:
                run.done_speakers.append(old)
            run.given[old] = _turn_used(state, run, old)
    name = event.get("name")
    run.speaker = str(name) if name is not None else None
    if run.speaker in run.passed:
        run.passed.remove(run.speaker)
    _begin_turn(state, run, t)


def _order_changed(state: State, event: Event, t: float) -> None:
    run = state.items[int(event["index"])]
    run.order = [str(p) for p in event["order"]]
    if "opener" in event:  # decided when the facilitator chose (Meeting.choose_speaker)
        opener = event["opener"]
    else:  # journals from before: decided here
        opener = run.order[0] if run.order and not_begun(run, t) else None
    if run.status == "current" and opener is not None and opener in run.order:
        _bank_speaker(run, t)
        if run.speaker is not None:  # the moments before the choice were nobody's turn
            run.spoke[run.speaker] = run.turn_from
        run.speaker = str(opener)
        _begin_turn(state, run, t)


GRACE = 15.0  # seconds into a turn during which it can still be set up, or has not happened


def turn_time(run: ItemRun, t: float) -> float:
    """Seconds of the turn in hand (a speaker back after passing starts at 0 again)."""
    return 0.0 if run.speaker is None else run.spent(run.speaker, t) - run.turn_from


def in_grace(run: ItemRun, t: float) -> bool:
    """The turn in hand is in its first few seconds: its share still follows the round's
    changes, and someone who leaves now has not had their turn."""
    return run.speaker is not None and turn_time(run, t) < GRACE


def not_begun(run: ItemRun, t: float) -> bool:
    """The round has not really begun: no turn has ended or been passed, and the first turn
    is in its first few seconds (the facilitator may still choose who opens)."""
    if run.done_speakers or run.passed:
        return False
    return run.speaker is None or in_grace(run, t)


def _entry_added(state: State, event: Event, t: float) -> None:
    entry = Entry(
        id=str(event["id"]), item=int(event.get("item", state.current)),
        kind=str(event.get("kind", "notes")), text=str(event.get("text", "")),
        person=event.get("person"), owner=event.get("owner"), met=event.get("met"),
        share=bool(event.get("share", False)), named=bool(event.get("named", False)), at=t,
    )  # fmt: skip
    state.entries[entry.id] = entry


def _entry_edited(state: State, event: Event, t: float) -> None:
    entry = state.entries.get(str(event["id"]))
    if entry is None:
        return
    for key in ("text", "person", "owner", "met", "share", "named", "done"):
        if key in event:
            setattr(entry, key, event[key])


def _entry_removed(state: State, event: Event, t: float) -> None:
    state.entries.pop(str(event["id"]), None)


def _question_drawn(state: State, event: Event, t: float) -> None:
    run = state.items[int(event.get("item", state.current))]
    draw = Draw(deck=str(event["deck"]), text=str(event["text"]), person=event.get("person"), at=t)
    run.draws.append(draw)


def _question_skipped(state: State, event: Event, t: float) -> None:
    run = state.items[int(event.get("item", state.current))]
    for draw in reversed(run.draws):
        if draw.text == event.get("text") and not draw.skipped:
            draw.skipped = True
            draw.aside = event.get("reason") == "alternative"
            break


def _question_restored(state: State, event: Event, t: float) -> None:
    """The alternative was given up (v again): the question set aside for it is back."""
    run = state.items[int(event.get("item", state.current))]
    for draw in reversed(run.draws):
        if draw.text == event.get("text") and draw.aside:
            draw.skipped = draw.aside = False
            break


def _question_retired(state: State, event: Event, t: float) -> None:
    state.retired.append(str(event["text"]))


def _alternative_chosen(state: State, event: Event, t: float) -> None:
    state.items[int(event.get("item", state.current))].alternative = bool(event.get("on", True))


def _followup_done(state: State, event: Event, t: float) -> None:
    state.followups_done.append(str(event["ref"]))


def _meeting_ended(state: State, event: Event, t: float) -> None:
    _close(state.item, t)
    if state.item.status == "current":
        state.item.status = "done"
        state.item.closed_at = t
    state.status = "ended"
    state.ended = t


HANDLERS: dict[str, Callable[[State, Event, float], None]] = {
    "meeting_started": _meeting_started,
    "item_started": _item_started,
    "item_ended": _item_ended,
    "item_skipped": _item_skipped,
    "item_extended": _item_extended,
    "paused": _paused,
    "resumed": _resumed,
    "participant_added": _participant_added,
    "participant_left": _participant_left,
    "roles_changed": _roles_changed,
    "speaker_changed": _speaker_changed,
    "order_changed": _order_changed,
    "entry_added": _entry_added,
    "entry_edited": _entry_edited,
    "entry_removed": _entry_removed,
    "question_drawn": _question_drawn,
    "question_skipped": _question_skipped,
    "question_restored": _question_restored,
    "question_retired": _question_retired,
    "alternative_chosen": _alternative_chosen,
    "followup_done": _followup_done,
    "meeting_ended": _meeting_ended,
}

next_speaker = _next_speaker
