"""a for someone new to the group: asked once, the brief introductions left out come next, and
the record says who was new."""

from __future__ import annotations

from pathlib import Path

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.groups import Group, save_group
from facilitator.tui.screens.confirm import PickOne
from tests.tui.helpers import meeting_app, next_item, notices

PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]


async def test_someone_new_arriving_in_the_meeting_is_introduced_next(
    clock: FakeClock, data_dir: Path
) -> None:
    save_group(Group("Tuesday", participants=[*PEOPLE, "Ivo"]))
    ms150 = catalog.find_agenda("mutual-support-150")
    app = meeting_app(ms150, clock, PEOPLE)
    async with app.run_test(size=(100, 30)) as pilot:
        m = app.meeting
        assert m is not None and m.agenda.items[m.state.current].title == "Demining"
        await pilot.press("space")
        clock.advance(120)
        await next_item(pilot)  # the expectations round
        await pilot.press("a", *"Mei", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PickOne)  # asked: is Mei new?
        await pilot.press("down", "enter")  # yes
        await pilot.pause()
        assert "Mei is new: the brief introductions come next (n)." in notices(app)
        assert m.state.newcomers == ["Mei"]
        await next_item(pilot)
        assert m.agenda.items[m.state.current].title == "Brief introductions"
        await next_item(pilot)
        assert m.agenda.items[m.state.current].title.startswith("Ice breaker")
        await pilot.press("a", *"Ivo", "enter")  # the group knows Ivo: not asked
        await pilot.pause()
        assert m.present("Ivo") == "Ivo" and m.state.newcomers == ["Mei"]
        await pilot.press("q", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        session = m.state.session
    record = (data_dir / "sessions" / f"{session}.md").read_text()
    assert "Mei (new to the group, arrived " in record
