"""The 150-minute core driven by keys with a fake clock: raised hands (h H j), the floor, airtime
(A), and the core split in slots (T); snapshots of the queue and of the slots at 80x24."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.meeting.meeting import Meeting
from facilitator.tui.app import FacilitatorApp
from tests.tui.helpers import meeting_app, next_item, notices, settle
from tests.tui.test_snapshots import ms150_app

PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]
CORE = "Core"


def core_app(clock: FakeClock) -> FacilitatorApp:
    return meeting_app(catalog.find_agenda("mutual-support-150"), clock, list(PEOPLE))


async def to_core(pilot: Pilot, clock: FakeClock) -> None:
    """Each item before the core held for its planned minutes, then n."""
    app: FacilitatorApp = pilot.app  # type: ignore[assignment]
    await pilot.press("space")
    m = app.meeting
    assert m is not None
    while not m.agenda.items[m.state.current].title.startswith(CORE):
        clock.advance(m.remaining())
        await next_item(pilot)


async def at_core(pilot: Pilot, clock: FakeClock) -> Meeting:
    """The core reached on time through the meeting's commands (the keys are tested above)."""
    app: FacilitatorApp = pilot.app  # type: ignore[assignment]
    m = app.meeting
    assert m is not None
    m.toggle()
    while not m.agenda.items[m.state.current].title.startswith(CORE):
        clock.advance(m.remaining())
        m.next_item()
    return m


async def hand(pilot: Pilot, name: str) -> None:
    await pilot.press("h", *name, "enter")


async def test_the_core_with_five_hands_then_split_in_three_slots(clock: FakeClock) -> None:
    """Five hands raised, withdrawn, raised again: the floor goes in order and airtime adds up
    to the core's time less the gaps nobody held. Then the rest of the core in three slots, the
    first running over: the meeting's end and the conclusion's minutes hold."""
    app = core_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_core(pilot, clock)
        m = app.meeting
        assert m is not None
        planned_end = m.projection().planned_end
        conclusion = m.projection().rows[-1].projected_seconds
        for name in ("bo", "c", "D", "e", "FAY"):  # any case, or the name's beginning
            await hand(pilot, name)
        assert m.run.hands == ["Bo", "Chen", "Dee", "Eli", "Fay"]
        await pilot.press("j", "down", "enter")  # Chen's hand ...
        await pilot.pause()
        await pilot.press("enter")  # ... is withdrawn
        await hand(pilot, "ch")  # and raised again: at the end
        assert m.run.hands == ["Bo", "Dee", "Eli", "Fay", "Chen"]
        clock.advance(30)  # a gap: nobody holds the floor
        given = []
        for seconds in (120, 45, 200, 61, 90):
            await pilot.press("H")
            given.append(m.run.speaker)
            clock.advance(seconds)
        assert given == ["Bo", "Dee", "Eli", "Fay", "Chen"]
        await pilot.press("H")  # no hand up: Chen is done, nobody holds the floor
        clock.advance(40)  # another gap
        assert m.run.speaker is None
        spoken = m.airtime(m.state.current)
        assert spoken == {"Bo": 120, "Dee": 45, "Eli": 200, "Fay": 61, "Chen": 90}
        assert sum(spoken.values()) == pytest.approx(m.elapsed() - 30 - 40)
        await pilot.press("H")
        assert notices(app)[-1] == "No hand is up: h raises one."

        left = m.remaining()
        await pilot.press("T", *"A, B, C", "enter")  # equal shares of what is left
        shares = m.run.shares
        assert [s.name for s in shares] == ["A", "B", "C"]
        assert shares[0].given == pytest.approx(left / 3, abs=30)  # in half minutes
        clock.advance(shares[0].given + 8 * 60)  # Ana runs 8 minutes over
        await settle(app)
        assert m.slot_left() == pytest.approx(-8 * 60)
        for _ in range(2):
            await pilot.press("T", "enter")  # the first choice: the next slot
            clock.advance(m.run.shares[m.run.slot or 0].given)
        assert m.run.slot == 2 and m.slot_left() == 0  # the last slot ends with the core
        assert m.remaining() == pytest.approx(0, abs=1)
        assert m.run.shares[0].used == pytest.approx(shares[0].given + 8 * 60)
        projection = m.projection()
        assert projection.projected_end == pytest.approx(planned_end, abs=1)
        assert projection.rows[-1].projected_seconds == conclusion == 5 * 60
        await pilot.press("n")
        assert m.allotted() == 5 * 60


def test_snapshot_the_queue(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        m = await at_core(pilot, clock)
        for name in ("Chen", "Ana", "Dee", "Fay"):
            m.raise_hand(name)
        m.give_floor()
        clock.advance(seconds=95)
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(ms150_app(clock), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_the_slots(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        m = await at_core(pilot, clock)
        m.split_time("Ana 40, Bo [b] 30, Chen")
        clock.advance(minutes=12, seconds=20)
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(ms150_app(clock), terminal_size=(80, 24), run_before=run_before)
