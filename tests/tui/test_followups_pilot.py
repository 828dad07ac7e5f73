"""Follow-ups and decisions on any item of the 150-minute meeting, owners that stay, and the
next set-up that shows them."""

from __future__ import annotations

from pathlib import Path

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.journal.record import render
from facilitator.review.queries import open_followups
from tests.tui.helpers import meeting_app, next_item


async def test_follow_ups_in_the_core_keep_their_owners(clock: FakeClock, data_dir: Path) -> None:
    from facilitator.tui.screens.setup import SetupScreen

    ms150 = catalog.find_agenda("mutual-support-150")
    app = meeting_app(ms150, clock, ["Ana", "Bo", "Chen", "Dee", "Mei"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space")
        while not m.agenda.items[m.state.current].title.startswith("Core"):
            await next_item(pilot)
        m.raise_hand("Chen")
        m.give_floor()  # Chen has the floor
        await pilot.press("f", *"send a letter", "enter")
        await pilot.press("f", *"Bo: book room", "enter")
        await pilot.press("D", *"Dee: in parks", "enter")
        await pilot.press("D", *"no August", "enter")
        await pilot.press("E", "f")
        await pilot.press(*["down"] * 4, "enter", *"call venue", "enter")  # Mei, last
        await pilot.press("escape")
        owned = {(e.kind, e.text): e.owner for e in m.entries(m.state.current)}
        assert owned == {
            ("followups", "send a letter"): "Chen",
            ("followups", "book room"): "Bo",
            ("decisions", "in parks"): "Dee",
            ("decisions", "no August"): None,
            ("followups", "call venue"): "Mei",
        }
        assert m.agenda.items[m.state.current].record == "notes"  # the item's own kind stays
        m.end()
        record = render(m.state, clock.now())
        assert "- [ ] send a letter — Chen" in record
        assert "- [ ] book room — Bo" in record and "- [ ] call venue — Mei" in record
        assert "in parks — Dee" in record
        found = {(f.text, f.owner) for f in open_followups("Tuesday")}
        assert found == {("send a letter", "Chen"), ("book room", "Bo"),
                         ("in parks", "Dee"), ("call venue", "Mei")}  # fmt: skip
        setup = SetupScreen(ms150, clock, "Tuesday")
        await app.push_screen(setup)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {(c.text, c.owner) for c in setup.carried} == found
