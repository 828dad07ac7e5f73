"""A follow-up's due date, read from its words in the 150-minute meeting's core, said in a
notice, shown and changed in the E list, and written in the record."""

from __future__ import annotations

from textual.widgets import OptionList

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.journal.record import render
from facilitator.tui.screens.entries import EntriesScreen
from tests.tui.helpers import meeting_app, next_item, notices


def labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_by_friday_is_the_coming_friday_shown_and_changed(clock: FakeClock) -> None:
    ms150 = catalog.find_agenda("mutual-support-150")
    app = meeting_app(ms150, clock, ["Ana", "Bo", "Chen", "Dee", "Mei"])  # on Friday 15 Jan 2027
    async with app.run_test(size=(100, 30)) as pilot:
        m = app.meeting
        await pilot.pause()  # the meeting screen is up, and what launch looks for after it
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("space")
        while not m.agenda.items[m.state.current].title.startswith("Core"):
            await next_item(pilot)  # n, as the facilitator moves on: the screen follows
        await pilot.press("f", *"Bo: send the letter by Friday", "enter")
        await pilot.pause()
        (entry,) = [e for e in m.entries(m.state.current) if e.kind == "followups"]
        assert (entry.owner, entry.due) == ("Bo", "2027-01-22")  # today is Friday: the next one
        assert notices(app)[-1] == "Follow-up for Bo, due Fri, Jan 22 — E to change"
        await pilot.press("E")
        assert isinstance(app.screen, EntriesScreen)
        assert labels(app) == ["Bo: send the letter by Friday  · due Fri, Jan 22"]
        await pilot.press("d", "ctrl+u", *"29/1", "enter")  # another date
        await pilot.pause()
        assert m.entry(entry.id).due == "2027-01-29"
        assert labels(app) == ["Bo: send the letter by Friday  · due Fri, Jan 29"]
        await pilot.press("d", "ctrl+u", *"soon", "enter")  # no date: nothing changes
        await pilot.pause()
        assert notices(app)[-1].startswith("“soon” is not a date")
        assert m.entry(entry.id).due == "2027-01-29"
        assert isinstance(app.screen, EntriesScreen)
        await pilot.press("d", "ctrl+u", "enter")  # empty: no due date
        await pilot.pause()
        assert m.entry(entry.id).due is None
        assert labels(app) == ["Bo: send the letter by Friday"]
        await pilot.press("d", *"Friday", "enter")
        await pilot.pause()
        assert m.entry(entry.id).due == "2027-01-22"
        await pilot.press("escape")
        m.end()
        assert "- [ ] send the letter by Friday — Bo, by Fri, Jan 22\n" in render(m.state,
                                                                                clock.now())  # fmt: skip
