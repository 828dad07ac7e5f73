"""What the meeting screen shows of hands, slots and airtime, and the record's part."""

from __future__ import annotations

import dataclasses

from facilitator.clock import FakeClock
from facilitator.journal.record import render
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.views import hands
from facilitator.views.meeting import Layout, build
from tests.factories import MS150, PEOPLE
from tests.unit.test_hands import CORE, in_core


def face(m: Meeting, clock: FakeClock):  # type: ignore[no-untyped-def]
    return build(m, clock.now(), Layout(80, 24)).clock


def test_the_queue_beside_the_countdown() -> None:
    clock = FakeClock()
    m = in_core(clock)
    assert face(m, clock).speaker == ""  # nothing until a hand is up
    for name in ("Bo", "Chen", "Dee", "Eli"):
        m.raise_hand(name)
    assert face(m, clock).speaker == "next: Bo · H gives the floor · then Chen, Dee, Eli"
    m.give_floor()
    clock.advance(90)
    assert face(m, clock).speaker == "Floor: Bo 01:30 · next: Chen · then Dee, Eli"
    m.set_stack(True)
    assert face(m, clock).speaker.endswith("· first-time speakers first")


def test_a_slot_has_its_own_countdown_cue_and_overtime() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.split_time("Jo 30, Raf 15")
    shown = face(m, clock)
    assert shown.digits == "30:00"
    assert shown.cue.startswith("Jo (1/2): 30 min left of 30 min · item: 1 h 47 min left")
    clock.advance(29 * 60 + 30)
    assert face(m, clock).cue.startswith("One minute left for Jo") and face(m, clock).warning
    clock.advance(60)
    over = face(m, clock)
    assert over.over and over.digits == "+00:30"
    assert over.cue.startswith("OVERTIME for Jo by 00:30 · T: Raf")
    m.next_slot()
    assert face(m, clock).digits == "15:00"
    assert face(m, clock).speaker == "Slots: ✓Jo 30 · ▶Raf 15"
    m.next_slot()
    assert face(m, clock).cue.endswith("left of 1 h 47 min")  # the item's own countdown again


def test_a_split_item_says_so_until_it_is_split() -> None:
    agenda = dataclasses.replace(MS150, items=tuple(
        dataclasses.replace(i, split="people") if i.flexible else i for i in MS150.items))  # fmt: skip
    clock = FakeClock()
    m = Meeting.create(creation_event(agenda, session="s", group="", participants=PEOPLE,
                                      t=clock.now()),
                       clock)  # fmt: skip
    m.toggle()
    while m.state.current != CORE:
        m.next_item()
    words = build(m, clock.now(), Layout(80, 24)).guidance
    assert words.splitlines()[-1].startswith("Split (T): share this item's time between those")
    m.split_time("Ana, Bo")
    assert "Split (T)" not in build(m, clock.now(), Layout(80, 24)).guidance


def test_the_chart_puts_who_has_spoken_least_first() -> None:
    lines = hands.chart_lines({"Ana": 600.0, "Bo": 150.0}, ["Ana", "Bo", "Chen"], 80)
    assert [line.split()[0] for line in lines] == ["Chen", "Bo", "Ana"]
    assert lines[2].endswith("█" * 24) and lines[1].endswith("██████")
    assert hands.bar(1.0, 8.0, 1) == "▏"


def test_the_chart_covers_the_item_and_the_meeting_or_says_it_is_off() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.raise_hand("Ana")
    m.give_floor()
    clock.advance(75)
    title, text = hands.airtime_chart(m, 80)
    assert title.startswith("Airtime") and "In this item (Core):" in text
    assert "Ana              01:15" in text
    m.state.airtime = "off"
    assert hands.airtime_chart(m, 80)[1] == hands.airtime_off()


def test_a_name_by_its_beginning() -> None:
    m = in_core(FakeClock())
    assert hands.pick_present(m, "ch") == "Chen"
    assert hands.pick_present(m, "ANA") == "Ana"
    assert hands.pick_present(m, "zz") is None


def test_the_record_shows_slots_planned_against_actual_and_airtime_when_kept() -> None:
    clock = FakeClock()
    m = in_core(clock)
    m.split_time("Jo 30, Raf 15")
    clock.advance(35 * 60)
    m.next_slot()
    clock.advance(10 * 60)
    m.raise_hand("Bo")  # (Ana opened the rounds before: she spoke in them)
    m.give_floor()
    clock.advance(120)
    text = render(m.state, clock.now())
    assert "## Time shared: Core" in text
    assert "| Jo | 30 | 30 | 35 |" in text and "| Raf | 15 | 15 | 12 |" in text
    assert "## Airtime" not in text
    m.state.airtime = "record"
    assert "| Ana | 36 |\n| Bo | 2 |" in render(m.state, clock.now())


def test_a_hand_is_offered_only_the_moves_its_place_allows() -> None:
    m = in_core(FakeClock())
    for name in ("Ana", "Bo", "Chen"):
        m.raise_hand(name)
    withdraw, up, down, front = hands.MOVES
    assert hands.hand_moves(m, "Ana") == [withdraw, down]
    assert hands.hand_moves(m, "Bo") == [withdraw, up, down]
    assert hands.hand_moves(m, "Chen") == [withdraw, up, front]
