"""How each event changes the state. Unknown events are counted and skipped."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.meeting.state import Draw, Entry, Event, ItemRun, State


def apply(state: State, event: Event) -> None:
    handler = HANDLERS.get(str(event.get("type")))
    t = float(event.get("t", state.last_event))
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
    if run.base is None and event.get("base") is not None:
        run.base = float(event["base"])
    if not run.order and not run.started:
        run.order = [str(p) for p in event.get("order", state.speakers_for(index))]
        run.speaker = run.order[0] if run.order else None
    _open(state, run, t)


def _item_ended(state: State, event: Event, t: float) -> None:
    run = state.items[int(event["index"])]
    _close(run, t)
    run.status = "pending" if event.get("back") else "done"  # back: it comes again later


def _item_skipped(state: State, event: Event, t: float) -> None:
    run = state.items[int(event["index"])]
    _close(run, t)
    run.status = "skipped"


def _item_extended(state: State, event: Event, t: float) -> None:
    state.items[int(event["index"])].adjust += float(event["minutes"])


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
    for role in event.get("roles", []):
        state.roles.setdefault(str(role), []).append(name)
    run = state.item
    item = state.agenda.items[state.current]
    if item.is_round and run.started and not item.who and name not in run.order:
        run.order.append(name)
        if run.speaker is None:
            run.speaker = name
            run.speaker_since = t if run.running else None


def _participant_left(state: State, event: Event, t: float) -> None:
    name = str(event["name"])
    if name in state.participants:
        state.participants.remove(name)
    for people in state.roles.values():
        if name in people:
            people.remove(name)
    run = state.item
    if name in run.order:
        if run.speaker == name:
            _bank_speaker(run, t)
            run.speaker = _next_speaker(run, exclude=name)
            run.speaker_since = t if run.running and run.speaker else None
        run.order.remove(name)
        if name in run.passed:
            run.passed.remove(name)


def _next_speaker(run: ItemRun, exclude: str | None = None) -> str | None:
    waiting = [p for p in run.order if p not in run.done_speakers and p not in run.passed
               and p != run.speaker and p != exclude]  # fmt: skip
    if run.speaker in run.order:
        after = run.order[run.order.index(run.speaker) + 1 :]
        for person in after:
            if person in waiting:
                return person
    if waiting:
        return waiting[0]
    back = [p for p in run.passed if p != exclude and p != run.speaker]
    return back[0] if back else None


def _speaker_changed(state: State, event: Event, t: float) -> None:
    run = state.items[int(event.get("index", state.current))]
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
    name = event.get("name")
    run.speaker = str(name) if name is not None else None
    if run.speaker in run.passed:
        run.passed.remove(run.speaker)
    run.speaker_since = t if run.running and run.speaker else None


def _order_changed(state: State, event: Event, t: float) -> None:
    run = state.items[int(event["index"])]
    run.order = [str(p) for p in event["order"]]
    if not run.started and not run.speaker_since:
        run.speaker = run.order[0] if run.order else None


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
    "speaker_changed": _speaker_changed,
    "order_changed": _order_changed,
    "entry_added": _entry_added,
    "entry_edited": _entry_edited,
    "entry_removed": _entry_removed,
    "question_drawn": _question_drawn,
    "question_skipped": _question_skipped,
    "question_retired": _question_retired,
    "alternative_chosen": _alternative_chosen,
    "followup_done": _followup_done,
    "meeting_ended": _meeting_ended,
}

next_speaker = _next_speaker
