"""The bundled 150-minute meeting driven end to end by its keys, with a fake clock.

Every step checks the numbers a facilitator reads: the countdown, the core discussion's
projected length and the projected end, as the model holds them and as the screen shows them.
The meeting is planned from 08:00 to 10:30 (the fake clock starts at 08:00 UTC).
"""

from __future__ import annotations

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.tui.widgets.clock import ClockPanel
from facilitator.tui.widgets.text import Plain
from tests.tui.helpers import meeting_app, settle

MIN = 60.0
PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]


async def test_a_whole_150_minute_meeting_keeps_its_numbers_right(clock: FakeClock) -> None:
    agenda = catalog.find_agenda("mutual-support-150")
    app = meeting_app(agenda, clock, list(PEOPLE), newcomer=True)
    start = clock.now()

    async with app.run_test(size=(100, 30)) as pilot:
        m = app.meeting
        assert m is not None

        async def expect(*, ends: str, over: float, core: float, left: float) -> None:
            await settle(app)
            projection = m.projection()
            assert projection.planned_end == start + 150 * MIN
            assert projection.projected_end == start + (150 + over) * MIN
            core_row = next(r for r in projection.rows if r.title.startswith("Core"))
            assert round(core_row.projected_seconds / MIN, 6) == core
            assert m.remaining() == left * MIN
            summary = app.screen.query_one("#summary", Plain).text
            state = "on time" if over == 0 else f"{over:g} min OVER"
            assert summary.startswith(f"Ends {ends} (planned 10:30) · {state}"), summary

        def cue() -> str:
            return app.screen.query_one(ClockPanel).face.cue

        def title() -> str:
            return agenda.items[m.state.current].title

        await expect(ends="10:30", over=0, core=105, left=2)
        await pilot.press("space")  # 08:00, the introductions begin
        assert title() == "Brief introductions" and m.speaker_share() == 20

        clock.advance(minutes=4)  # they overrun by two minutes: the core gives them back
        await expect(ends="10:30", over=0, core=103, left=-2)
        assert "OVERTIME by 02:00" in cue()

        # 08:04 demining, given a minute more (nobody had the floor in turn: n asked first)
        await pilot.press("n", "y", "plus")
        await expect(ends="10:30", over=0, core=102, left=3)

        clock.advance(minutes=1)  # ...and ended after one: the freed time goes to the core
        await pilot.press("n")
        assert title() == "Expectations for this meeting"
        await expect(ends="10:30", over=0, core=104, left=11)

        clock.advance(minutes=3)
        await pilot.press("space")  # 08:08, a twelve-minute pause
        clock.advance(minutes=12)
        await expect(ends="10:30", over=0, core=92, left=8)
        assert "PAUSED" in cue()

        await pilot.press("space")  # 08:20, back; Gus arrives, Bo has to leave
        await pilot.press("a", *"Gus", "enter", "enter")  # not new to the group
        await pilot.press("l")
        await pilot.press("down", "enter")
        assert m.state.participants == ["Ana", "Chen", "Dee", "Eli", "Fay", "Gus"]
        await expect(ends="10:30", over=0, core=92, left=8)

        clock.advance(minutes=8)
        await pilot.press("n", "y")  # 08:28, the ice breaker...
        await expect(ends="10:30", over=0, core=92, left=25)
        clock.advance(minutes=5)
        await pilot.press("k", "y")  # ...skipped after five minutes: the core starts at 08:33
        assert title().startswith("Core")
        await expect(ends="10:30", over=0, core=112, left=112)

        clock.advance(minutes=100)
        await pilot.press("space")  # 10:13, a ten-minute break in the core
        clock.advance(minutes=10)
        # The break comes out of the core: its countdown goes on while paused, and says so.
        await expect(ends="10:30", over=0, core=112 - 10, left=2)
        assert cue().startswith("PAUSED · taken from this item's time")

        await pilot.press("space")  # 10:23: the break came out of the core
        await expect(ends="10:30", over=0, core=102, left=2)

        clock.advance(minutes=6)  # 10:29: the core overruns by four minutes; the
        await expect(ends="10:34", over=4, core=106, left=-4)  # conclusion is protected
        assert "OVERTIME by 04:00" in cue()

        await pilot.press("n")  # 10:29, the conclusion: six people, fifty seconds each
        await expect(ends="10:34", over=4, core=106, left=5)
        for name in ["Ana", "Chen", "Dee", "Eli", "Fay", "Gus"]:
            assert m.run.speaker == name and m.speaker_share() == 50
            clock.advance(seconds=50)
            await pilot.press("s")
        assert m.run.speaker is None
        await expect(ends="10:34", over=4, core=106, left=0)

        await pilot.press("q", "y")  # 10:34
        await pilot.pause()
        assert m.status == "ended"
        assert m.projection().over == 4 * MIN
        done = {r.title: r for r in m.projection().rows}
        assert done["Ice breaker: CosmoPolitical Jasette"].status == "skipped"
        assert [round((r.actual_seconds or 0) / MIN) for r in done.values()] == [
            4,
            1,
            11,
            5,
            106,
            5,
        ]
