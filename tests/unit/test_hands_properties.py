"""Random hands, floors, slots, pauses and leavers: airtime is never negative, never more than
the time held, and the journal replays to the same figures."""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import encode
from facilitator.journal.load import load
from facilitator.meeting.meeting import Meeting, creation_event
from tests.factories import MS150

NAMES = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]
HOME = catalog.find_agenda("home-group")
ACTIONS = st.one_of(
    st.tuples(st.just("advance"), st.integers(1, 20 * 60)),
    st.tuples(
        st.sampled_from(["toggle", "next", "prev", "floor", "floor", "slot", "stop", "speaker"]),
        st.none(),
    ),  # fmt: skip
    st.tuples(st.sampled_from(["raise", "raise", "lower", "leave", "add"]), st.sampled_from(NAMES)),
    st.tuples(st.just("move"), st.tuples(st.sampled_from(NAMES), st.integers(0, 5))),
    st.tuples(st.just("stack"), st.booleans()),
    st.tuples(
        st.just("split"), st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True)
    ),  # fmt: skip
    st.tuples(st.just("extend"), st.sampled_from([1, -1])),
)


def act(m: Meeting, clock: FakeClock, action: str, arg: Any) -> None:  # noqa: C901 - one per key
    if action == "advance":
        clock.advance(arg)
    elif action == "toggle":
        m.toggle()
    elif action in ("next", "prev"):
        m.next_item() if action == "next" else m.previous_item()
    elif action == "floor":
        m.give_floor()
    elif action == "slot":
        m.next_slot()
    elif action == "stop":
        m.stop_slots()
    elif action == "speaker":
        m.next_speaker_turn()
    elif action == "raise":
        m.raise_hand(arg)
    elif action == "lower":
        m.lower_hand(arg)
    elif action == "leave":
        m.remove_participant(arg)
    elif action == "add":
        m.add_participant(arg)
    elif action == "move":
        m.move_hand(*arg)
    elif action == "stack":
        m.set_stack(arg)
    elif action == "split":
        with contextlib.suppress(ValueError):
            m.split_time(", ".join(arg))
    elif action == "extend":
        m.extend(arg)


def check(m: Meeting) -> None:
    now = m.now()
    s = m.state
    for run in s.items:
        airtime = run.airtime(now)
        assert all(seconds >= 0 for seconds in airtime.values()), airtime
        assert sum(airtime.values()) <= run.elapsed(now) + 1e-6
        assert len(set(run.hands)) == len(run.hands)
        assert all(h in s.participants for h in run.hands)
        for number, share in enumerate(run.shares):
            assert (share.given or 0) >= 0 and (share.used or 0) >= 0
            if number != run.slot and share.given is not None:  # held and over
                assert share.used is not None
    if s.started is not None:
        assert sum(m.airtime().values()) <= now - s.started + 1e-6


def figures(m: Meeting) -> dict[str, Any]:
    return {"airtime": m.airtime(), "items": [dataclasses.asdict(r) for r in m.state.items],
            "slot_left": m.slot_left()}  # fmt: skip


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(st.sampled_from([MS150, HOME]), st.integers(3, 6), st.lists(ACTIONS, max_size=60))
def test_airtime_adds_up_and_replays(tmp_path_factory, agenda, people, actions) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    events: list[Any] = []
    first = creation_event(agenda, session="s", group="g", participants=NAMES[:people],
                           t=clock.now())  # fmt: skip
    m = Meeting.create(first, clock, events.append)
    m.toggle()
    for _ in range(3):  # most of the random steps happen in the discussion
        m.next_item()
    for action, arg in actions:
        act(m, clock, action, arg)
        check(m)
    path = tmp_path_factory.mktemp("journal") / "s.jsonl"
    path.write_bytes(b"".join(encode(event) for event in events))
    loaded = load(path)
    assert loaded.warnings == []
    again = Meeting(loaded.state, clock)
    assert figures(again) == figures(m)
