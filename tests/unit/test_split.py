"""An item's time split between people or topics: slots, their times, what they give way to."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.meeting import split
from facilitator.views import hands as views
from tests.unit.test_hands import CORE, in_core


def test_parse_names_and_minutes() -> None:
    assert split.parse("Jo 30, Raf 15", 105) == [("Jo", 30.0), ("Raf", 15.0)]
    assert split.parse("Jo, Raf", 45) == [("Jo", 22.5), ("Raf", 22.5)]
    assert split.parse("Jo 30; money worries", 45) == [("Jo", 30.0), ("money worries", 15.0)]
    assert split.parse("Jo 5, Raf, Ty", 60.8) == [("Jo", 5.0), ("Raf", 27.5), ("Ty", 27.5)]
    assert split.parse("Jo 12.5min", 45) == [("Jo", 12.5)]


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "Name who"), ("Jo, jo", "named twice"), ("Jo 40, Raf", "give Raf minutes"),
     ("Jo 0", "more than 0"), (" 30", "give a name")],
)  # fmt: skip
def test_parse_says_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        split.parse(text, 40)


def test_each_slot_counts_down_and_an_overrun_comes_from_the_later_slots() -> None:
    clock = FakeClock()
    m = in_core(clock)
    core = m.remaining()  # 107 minutes: the introductions are left out
    end = m.projection().planned_end
    conclusion = m.projection().rows[-1].projected_seconds
    shares = m.split_time("Ana 35, Bo 35, Chen 35")
    assert [s.given for s in shares] == [35 * 60.0, None, None]
    clock.advance(40 * 60)  # Ana runs 5 minutes over
    assert m.slot_left() == -5 * 60.0
    assert m.next_slot() is not None
    assert m.run.shares[0].used == 40 * 60.0
    half = (core - 40 * 60) / 2  # what Ana left, shared as planned: half each
    assert m.run.shares[1].given == pytest.approx(half)
    clock.advance(half)
    m.next_slot()
    assert m.run.shares[2].given == pytest.approx(half)
    assert m.projection().planned_end == end
    assert m.projection().projected_end == pytest.approx(end)
    assert m.projection().rows[-1].projected_seconds == conclusion
    clock.advance(half)
    assert m.next_slot() is None and m.run.slot is None
    assert m.remaining() == pytest.approx(0.0)


def test_plus_gives_the_running_slot_a_minute_and_a_pause_is_not_its_time() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.split_time("Jo 30, Raf 15")
    m.extend(1)
    assert m.run.shares[0].given == 31 * 60.0
    clock.advance(60)
    m.toggle()
    clock.advance(600)
    m.toggle()
    assert m.slot_left() == 30 * 60.0


def test_slots_shrink_in_proportion_when_the_item_has_less_left() -> None:
    clock = FakeClock()
    m = in_core(clock)
    clock.advance(m.remaining() - 25 * 60)  # 25 minutes of the core left
    shares = m.split_time("Jo 30, Raf 20")
    assert shares[0].given == pytest.approx(25 * 60 * 30 / 50)
    assert m.run.index == CORE


def test_sharing_again_keeps_the_slots_held_and_stopping_ends_them() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.split_time("Jo 30, Raf 15, Ty 10")
    clock.advance(10 * 60)
    assert views.slots_to_come(m) == "Jo 20, Raf 15, Ty 10"
    m.split_time("Jo 20, Ty 25")  # a typo mended: Raf brings nothing today after all
    assert [(s.name, s.minutes, s.used) for s in m.run.shares] == [
        ("Jo", 30, 600.0), ("Jo", 20, None), ("Ty", 25, None)]  # fmt: skip
    assert m.run.slot == 1 and m.slot_left() == 20 * 60
    clock.advance(60)
    assert m.stop_slots() and m.run.slot is None and m.run.shares[1].used == 60.0
    assert not m.stop_slots()
    later = FakeClock()
    late = in_core(later)
    late.split_time("Jo 30, Raf 15, Ty 10")
    later.advance(31 * 60)
    assert views.slots_to_come(late) == "Raf 15, Ty 10"  # Jo's time is over: not offered again
    other = in_core(FakeClock())
    other.split_time("Jo, Raf")
    assert views.slot_choices(other)[0] == "Next slot: Raf"
    other.next_slot()
    assert views.slot_choices(other)[0] == "End the last slot"


def test_the_digits_count_down_the_running_slot_so_the_ticks_follow_it() -> None:
    clock = FakeClock()
    m = in_core(clock)
    clock.advance(0.4)
    assert m.countdown() == m.remaining()
    m.split_time("Jo 30.3, Raf 15")  # a slot whose seconds are not the item's
    clock.advance(10)
    assert m.countdown() == m.slot_left() == pytest.approx(30.3 * 60 - 10)
    assert m.countdown() % 1.0 != pytest.approx(m.remaining() % 1.0)
