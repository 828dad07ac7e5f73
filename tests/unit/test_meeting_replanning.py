"""Re-planning that keeps the end time, in the cases a live meeting throws at it."""

from __future__ import annotations

import datetime as dt

from facilitator.clock import FakeClock
from tests.factories import MS150, meeting

MIN = 60.0


def row(m, title: str):  # type: ignore[no-untyped-def]
    return next(r for r in m.projection().rows if r.title == title)


def minutes(seconds: float) -> float:
    return round(seconds / MIN, 3)


def into_core(m, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """Start, then 2 minutes on each item before the core (6 minutes in all)."""
    m.toggle()
    for _ in range(3):
        clock.advance(minutes=2)
        m.next_item()
    assert m.agenda.items[m.state.current].title == "Core"


def test_a_break_in_the_flexible_item_comes_out_of_it_and_the_end_holds() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    into_core(m, clock)
    assert minutes(m.allotted()) == 150 - 6 - 5
    clock.advance(minutes=20)
    m.toggle()  # a ten-minute break
    clock.advance(minutes=10)
    # While paused the core's countdown goes on: the break is taken from it, the end is kept.
    assert m.clock_moves()
    assert minutes(m.remaining()) == 139 - 20 - 10
    assert m.projection().over == 0
    m.toggle()
    assert minutes(m.remaining()) == 109
    assert minutes(row(m, "Core").projected_seconds) == 129
    assert m.projection().over == 0


def test_a_pause_in_an_ordinary_item_stops_its_countdown() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    clock.advance(minutes=1)
    m.toggle()
    clock.advance(minutes=10)
    assert not m.clock_moves()
    assert minutes(m.remaining()) == 1
    assert minutes(row(m, "Core").projected_seconds) == 107 - 10


def test_entering_the_flexible_item_during_a_break_gives_the_break_back_on_resuming() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    for _ in range(2):
        clock.advance(minutes=2)
        m.next_item()
    clock.advance(minutes=2)
    m.toggle()  # pause on the ice breaker, then move on to the core during the break
    m.next_item()
    clock.advance(minutes=15)
    m.toggle()
    assert minutes(m.remaining()) == 150 - 6 - 15 - 5
    assert m.projection().over == 0


def test_the_flexible_item_in_overtime_counts_up_and_the_end_moves() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    into_core(m, clock)
    clock.advance(minutes=139 + 4)
    assert minutes(m.remaining()) == -4
    assert minutes(m.projection().over) == 4


def test_plus_on_the_flexible_item_moves_the_end_when_nothing_else_can_give() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    into_core(m, clock)
    assert m.extend(+1)
    assert minutes(m.allotted()) == 140
    assert minutes(m.projection().over) == 1


def test_a_partly_held_item_is_projected_at_what_it_has_left_when_going_back() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    clock.advance(minutes=2)
    m.next_item()  # expectations
    m.extend(+3)
    clock.advance(minutes=5)
    before = m.projection()
    assert m.previous_item()
    after = m.projection()
    assert minutes(row(m, "Expectations").projected_seconds) == 14 - 5
    assert minutes(row(m, "Core").projected_seconds) == minutes(
        next(r for r in before.rows if r.title == "Core").projected_seconds
    )
    assert after.projected_end == before.projected_end
    assert m.next_item()
    assert minutes(m.remaining()) == 9


def test_items_closed_without_running_keep_their_place_in_the_timeline() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    m.toggle()  # paused at once
    m.next_item(skip=True)  # demining skipped without a second of it
    m.toggle()
    clock.advance(minutes=40)
    demining = row(m, "Demining")
    assert demining.status == "skipped"
    assert demining.projected_start == m.state.started
    starts = [r.projected_start for r in m.projection().rows]
    assert starts == sorted(starts)


def test_skipping_before_the_start_keeps_the_meeting_ready_and_can_be_undone() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    assert m.next_item()
    assert m.status == "ready" and m.state.started is None
    assert row(m, "Demining").status == "skipped"
    assert minutes(row(m, "Core").projected_seconds) == 109  # demining's 2 minutes go to it
    clock.advance(minutes=10)  # waiting for the last people costs nothing yet
    assert m.previous_item()
    assert m.agenda.items[m.state.current].title == "Demining"
    assert m.next_item()
    m.toggle()
    assert m.agenda.items[m.state.current].title == "Expectations"
    assert m.projection().planned_end == clock.now() + 150 * MIN


def test_plus_before_the_start_shows_in_the_timeline() -> None:
    m = meeting()
    assert m.extend(+5)
    assert minutes(row(m, "Demining").projected_seconds) == 7
    assert minutes(row(m, "Core").projected_seconds) == 102
    assert m.projection().over == 0


def test_a_late_start_shrinks_the_flexible_item_down_to_its_minimum_then_runs_over() -> None:
    clock = FakeClock()
    m = meeting(clock=clock, planned_start=clock.now() - 60 * MIN)
    assert minutes(row(m, "Core").projected_seconds) == 60
    assert minutes(m.projection().over) == 60 - 47  # the core had 47 minutes to give
    m.toggle()
    assert minutes(m.projection().over) == 13


def test_the_planned_column_is_the_same_after_a_replay() -> None:
    from facilitator import catalog
    from facilitator.meeting.meeting import Meeting

    clock = FakeClock()
    events: list[dict] = []
    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen", "Dee"], "timekeeper": ["Dee"]}
    agenda = catalog.find_agenda("case-clinic")
    m = meeting(agenda, ["Ana", "Bo", "Chen", "Dee"], roles=roles, clock=clock,
                sink=events.append)  # fmt: skip
    m.toggle()
    clock.advance(minutes=3)
    m.remove_participant("Chen")
    again = Meeting.replay(events, clock)
    live = [(r.planned_start, r.planned_minutes) for r in m.projection().rows]
    replayed = [(r.planned_start, r.planned_minutes) for r in again.projection().rows]
    assert live == replayed
    assert sum(r.planned_minutes for r in again.projection().rows) == m.state.total


def test_the_agenda_has_no_flexible_item_and_the_overrun_is_reported() -> None:
    from facilitator.formats.agenda import Agenda, Item

    agenda = Agenda(id="a", title="A", items=(Item("One", minutes=10), Item("Two", minutes=5)))
    clock = FakeClock()
    m = meeting(agenda, ["Ana"], clock=clock)
    m.toggle()
    clock.advance(minutes=13)
    assert minutes(m.projection().over) == 3
    assert MS150.items[4].flexible  # the usual agendas do have one


def test_a_pause_that_took_the_flexible_item_to_its_minimum_stops_its_clock() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    into_core(m, clock)
    m.toggle()
    assert m.clock_moves()
    clock.advance(minutes=139 - 60 + 1)  # the break has eaten the core down to its minimum
    assert not m.clock_moves()
    assert minutes(m.remaining()) == 60


def test_starting_hours_before_the_planned_start_runs_the_plan_from_now() -> None:
    """Starting 9 hours early used to give the core 562 minutes: the plan moves to now and
    says so, and no flexible item grows to fill the hours before the planned start."""
    from facilitator.views.meeting_words import early_start

    clock = FakeClock(start=dt.datetime(2027, 1, 15, 10, 0).timestamp())
    m = meeting(clock=clock, planned_start=clock.now() + 9 * 60 * MIN)
    assert early_start(m.state) is None  # not started yet
    m.toggle()
    core = next(r for r in m.projection().rows if r.title == "Core")
    assert core.projected_seconds == 107 * MIN  # its planned minutes (with Introductions' two)
    assert m.projection().planned_end == clock.now() + 150 * MIN
    assert early_start(m.state) == (
        "Started 9 h 00 min before the planned 19:00: the plan now runs from 10:00 and ends at "
        "12:30."
    )
