"""A follow-up closed with F in a later meeting: its record says so, and it is no longer open."""

from __future__ import annotations

from pathlib import Path

from facilitator import catalog
from facilitator.clock import FakeClock
from tests.tui.helpers import meeting_app, next_item


async def test_the_record_says_which_follow_ups_were_closed_in_the_meeting(
    clock: FakeClock, data_dir: Path
) -> None:
    from facilitator.review.queries import open_followups
    from facilitator.tui.app import FacilitatorApp, Startup
    from facilitator.tui.screens.setup import SetupScreen

    ms150 = catalog.find_agenda("mutual-support-150")
    app = meeting_app(ms150, clock, ["Ana", "Bo", "Dee"])
    async with app.run_test(size=(100, 30)) as pilot:
        m = app.meeting
        await pilot.press("space")
        while not m.agenda.items[m.state.current].title.startswith("Core"):
            await next_item(pilot)
        await pilot.press("f", *"Bo: send the letter", "enter", "f", *"Ana: book a room", "enter")
        await pilot.press("q", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
    clock.advance(7 * 24 * 3600)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(SetupScreen(ms150, clock, "Tuesday"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+s", "enter", "enter")  # asked once: a record, no names
        await pilot.pause()
        m = app.meeting
        assert m is not None and len(m.state.carried) == 2
        await pilot.press("space", "F")
        await pilot.pause()
        await pilot.press("enter")  # the first one listed is done
        await pilot.press("q", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        session = m.state.session
    record = (data_dir / "sessions" / f"{session}.md").read_text()
    closed = [line for line in record.splitlines() if line.startswith("- [x]")]
    still = [line for line in record.splitlines() if line.startswith("- [ ]")]
    assert len(closed) == 1 and len(still) == 1
    assert "## Follow-ups from earlier sessions" in record
    assert [f.text for f in open_followups("Tuesday")] == [still[0].split("] ")[1].split(" —")[0]]
