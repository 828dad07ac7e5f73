"""The meeting-run model driven through a whole meeting with a fake clock."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from tests.factories import MS150, meeting

MIN = 60.0


def over_minutes(m) -> float:  # type: ignore[no-untyped-def]
    return round(m.projection().over / MIN, 3)


def core_minutes(m) -> float:  # type: ignore[no-untyped-def]
    row = next(r for r in m.projection().rows if r.title == "Core")
    return round(row.projected_seconds / MIN, 3)


def test_complete_meeting_keeps_or_reports_the_end_time() -> None:
    clock = FakeClock()
    t0 = clock.now()
    m = meeting(clock=clock)
    assert m.state.total == 150
    # Without a newcomer the introductions are left out and the core absorbs their 2 minutes.
    assert core_minutes(m) == 107
    assert m.projection().planned_end == t0 + 150 * MIN
    assert m.toggle() == "started"
    assert m.agenda.items[m.state.current].title == "Demining"

    # 1. Demining overruns by 3 minutes: overtime counts up, the core shrinks, the end holds.
    clock.advance(minutes=5)
    assert m.remaining() == -3 * MIN
    assert core_minutes(m) == 104
    assert over_minutes(m) == 0
    assert m.next_item()

    # 2. Expectations: one more minute, then ended early after 9 minutes.
    assert m.allotted() == 11 * MIN
    assert m.extend(+1)
    assert m.allotted() == 12 * MIN
    assert core_minutes(m) == 103
    clock.advance(minutes=9)
    assert m.remaining() == 3 * MIN
    assert m.next_item()
    assert core_minutes(m) == 106  # freed time goes back to the flexible item

    # 3. Ice breaker: a 10-minute pause freezes the countdown but not the meeting.
    clock.advance(minutes=2)
    assert m.toggle() == "paused"
    clock.advance(minutes=10)
    assert m.remaining() == 23 * MIN
    assert core_minutes(m) == 96
    assert m.toggle() == "resumed"
    clock.advance(minutes=1)
    assert m.remaining() == 22 * MIN
    # ...and then the group skips the rest of it.
    assert m.next_item(skip=True)
    rows = {r.title: r for r in m.projection().rows}
    assert rows["Jasette"].status == "skipped"
    assert rows["Jasette"].actual_seconds == 3 * MIN

    # 4. Core starts 27 minutes in and is given everything up to the protected conclusion.
    assert m.allotted() == 118 * MIN
    assert over_minutes(m) == 0
    m.add_participant("Gus")
    m.remove_participant("Bo")
    assert m.state.participants == ["Ana", "Chen", "Dee", "Eli", "Fay", "Gus"]
    clock.advance(minutes=130)  # overrun by 12 minutes
    assert m.remaining() == -12 * MIN
    assert over_minutes(m) == 12  # the conclusion is protected: the end cannot be kept

    # 5. Conclusion: a round of 6, equal shares of 50 seconds.
    assert m.next_item()
    assert m.run.order == ["Ana", "Chen", "Dee", "Eli", "Fay", "Gus"]
    assert m.speaker_share() == 50
    assert m.run.speaker == "Ana"
    clock.advance(seconds=40)
    assert m.speaker_elapsed() == 40
    assert m.next_speaker_turn() == "Chen"
    clock.advance(minutes=6)
    assert over_minutes(m) == round(13 + 40 / 60, 3)  # the conclusion itself ran over
    m.end()
    projection = m.projection()
    assert projection.projected_end == t0 + (157 + 6 + 40 / 60) * MIN
    assert round(projection.over / MIN, 2) == round(13 + 40 / 60, 2)


def test_planned_start_in_the_past_makes_the_meeting_late_from_the_first_item() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.state.planned_start = clock.now() - 10 * MIN
    assert core_minutes(m) == 97


def test_rounds_divide_equally_and_redivide_when_people_arrive_or_leave() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    m.next_item()  # expectations: 11 minutes for six people
    assert m.speaker_share() == pytest.approx(110)
    m.add_participant("Gus")
    assert m.run.order[-1] == "Gus"
    assert m.speaker_share() == pytest.approx(11 * MIN / 7)
    m.remove_participant("Dee")
    assert m.speaker_share() == pytest.approx(110)


def test_a_speaker_can_pass_and_is_come_back_to() -> None:
    clock = FakeClock()
    m = meeting(people=["Ana", "Bo", "Chen"], clock=clock)
    m.toggle()
    m.next_item()
    assert m.run.speaker == "Ana"
    assert m.next_speaker_turn(passed=True) == "Bo"
    assert m.next_speaker_turn() == "Chen"
    assert m.next_speaker_turn() == "Ana"  # back to the one who passed
    assert m.next_speaker_turn() is None
    assert m.run.speaker is None


def test_speaker_time_excludes_pauses_and_adds_up_over_turns() -> None:
    clock = FakeClock()
    m = meeting(people=["Ana", "Bo"], clock=clock)
    m.toggle()
    m.next_item()
    clock.advance(30)
    m.toggle()
    clock.advance(300)
    m.toggle()
    clock.advance(10)
    assert m.speaker_elapsed() == 40


def test_order_can_be_changed_during_the_round() -> None:
    m = meeting(people=["Ana", "Bo", "Chen"])
    m.toggle()
    m.next_item()
    m.reorder(["Ana", "Chen", "Bo"])
    assert m.next_speaker_turn() == "Chen"


def test_per_person_round_grows_with_speakers_and_role_holders() -> None:
    agenda = Agenda(
        id="cc", title="Case clinic", roles=("case giver", "coach"),
        items=(
            Item("Mirroring", kind="round", who="coach", per_person=2, minutes=8),
            Item("Dialogue", minutes=25, flexible=True, min_minutes=15),
        ),
    )  # fmt: skip
    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen", "Dee"]}
    m = meeting(agenda, people=["Ana", "Bo", "Chen", "Dee"], roles=roles)
    assert m.state.total == 31
    m.toggle()
    assert m.run.order == ["Bo", "Chen", "Dee"]
    assert m.allotted() == 6 * MIN
    assert m.speaker_share() == 2 * MIN


def test_previous_item_continues_where_it_stopped() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    clock.advance(minutes=1)
    m.next_item()
    clock.advance(minutes=2)
    assert m.previous_item()
    assert m.elapsed() == 1 * MIN
    clock.advance(minutes=1)
    assert m.remaining() == 0


def test_minus_never_goes_below_one_minute() -> None:
    m = meeting()
    m.toggle()
    assert m.extend(-1)
    assert not m.extend(-1)
    assert m.allotted() == 1 * MIN


def test_with_newcomer_the_introductions_happen_and_the_core_keeps_105() -> None:
    m = meeting(newcomer=True)
    assert [r.title for r in m.projection().rows][0] == "Introductions"
    assert core_minutes(m) == 105


def test_replay_rebuilds_the_same_state() -> None:
    from facilitator.meeting.meeting import Meeting

    clock = FakeClock()
    events: list[dict] = []
    m = meeting(clock=clock, sink=events.append)
    m.toggle()
    clock.advance(minutes=3)
    m.next_item()
    m.extend(2)
    m.add_entry("expectations", "to listen", person="Ana")
    clock.advance(minutes=1)
    m.next_speaker_turn()
    again = Meeting.replay(events, clock)
    assert again.state.current == m.state.current
    assert again.remaining() == m.remaining()
    assert again.run.speaker == "Bo"
    assert again.speaker_elapsed() == m.speaker_elapsed() == 0
    assert [e.text for e in again.entries()] == ["to listen"]
    assert again.projection() == m.projection()


def test_agenda_fixture_matches_the_context_table() -> None:
    from facilitator.schedule import plan

    starts = [s.start for s in plan(MS150, 6, newcomer=True)]
    assert starts == [0, 2, 4, 15, 40, 145]


def test_people_are_one_person_whatever_invisible_or_wide_characters_their_name_carries() -> None:
    from facilitator.meeting.meeting import gather_people

    people, holders = gather_people(["Ana", "Bo"], {"host": ["A\u200bna", "ＡＮＡ"]})
    assert people == ["Ana", "Bo"] and holders == {"host": ["Ana"]}
    m = meeting(people=["Ana", "Bo"])
    assert m.add_participant("A\u2060na") is None  # already here: no second Ana
    assert m.state.participants == ["Ana", "Bo"]
