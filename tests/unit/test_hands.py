"""Raised hands in an item that is not a round: the queue, the floor and airtime."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.meeting.meeting import Meeting
from tests.factories import MS150, PEOPLE, meeting

CORE = 4


def in_core(clock: FakeClock) -> Meeting:
    """The core of the 150-minute meeting, reached on time (it has its 105 minutes)."""
    m = meeting(MS150, clock=clock)
    m.toggle()
    while m.state.current != CORE:
        clock.advance(m.remaining())
        m.next_item()
    return m


def test_hands_queue_in_order_and_the_floor_goes_to_the_first() -> None:
    clock = FakeClock()
    m = in_core(clock)
    assert m.raise_hand("bo") == "Bo"
    assert m.raise_hand("Chen") == "Chen"
    assert m.raise_hand("Bo") is None  # already waiting
    assert m.raise_hand("Zed") is None  # not here
    assert m.run.hands == ["Bo", "Chen"]
    assert m.give_floor() == "Bo"
    assert m.run.hands == ["Chen"]
    clock.advance(90)
    assert m.give_floor() == "Chen"
    clock.advance(30)
    assert m.airtime(CORE) == {"Bo": 90.0, "Chen": 30.0}
    assert m.give_floor() is None  # nobody waits: Chen's turn ends, nobody holds the floor
    clock.advance(100)
    assert m.airtime(CORE) == {"Bo": 90.0, "Chen": 30.0}
    assert m.give_floor() is None and m.run.speaker is None


def test_withdrawn_and_moved_hands() -> None:
    m = in_core(FakeClock())
    for name in ("Ana", "Bo", "Chen"):
        m.raise_hand(name)
    assert m.lower_hand("Bo")
    assert not m.lower_hand("Bo")
    assert m.move_hand("Chen", 0)
    assert m.run.hands == ["Chen", "Ana"]


def test_progressive_stack_puts_first_time_speakers_first() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.raise_hand("Ana")
    m.give_floor()
    clock.advance(60)
    m.give_floor()
    m.raise_hand("Ana")  # she has spoken
    m.raise_hand("Bo")
    assert m.run.hands == ["Ana", "Bo"]
    m.set_stack(True)
    assert m.run.hands == ["Bo", "Ana"]
    m.raise_hand("Chen")
    assert m.run.hands == ["Bo", "Chen", "Ana"]


def test_a_pause_stops_the_speakers_clock_and_a_leaver_loses_hand_and_floor() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.raise_hand("Ana")
    m.raise_hand("Bo")
    m.give_floor()
    clock.advance(10)
    m.toggle()  # pause
    clock.advance(300)
    m.toggle()
    clock.advance(5)
    assert m.airtime(CORE) == {"Ana": 15.0}
    m.remove_participant("Ana")
    m.remove_participant("Bo")
    assert m.run.speaker is None and m.run.hands == []
    clock.advance(50)
    assert m.airtime(CORE) == {"Ana": 15.0}


def test_meeting_airtime_adds_rounds_and_the_floor() -> None:
    clock = FakeClock()
    m = meeting(MS150, clock=clock)
    m.toggle()
    m.next_item()  # expectations, a round
    clock.advance(40)
    m.next_speaker_turn()
    while m.state.current != CORE:
        m.next_item()
    m.raise_hand(PEOPLE[0])
    m.give_floor()
    clock.advance(20)
    assert m.airtime()[PEOPLE[0]] == 60.0


def test_no_hands_in_a_round() -> None:
    m = meeting(MS150)
    m.toggle()
    m.next_item()
    assert not m.takes_hands()
    assert m.raise_hand("Ana") is None
