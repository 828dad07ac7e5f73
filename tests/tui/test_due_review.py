"""The review's follow-ups view shows when each follow-up is due (80x24, a fixed clock)."""

from __future__ import annotations

from facilitator.cli.review import review_app
from facilitator.clock import FakeClock
from facilitator.tui.screens.review_views import FollowupsScreen
from tests.tui.test_review_snapshots import loaded
from tests.unit.test_due_shown import TUESDAY, core


async def test_the_follow_ups_view_has_a_due_column() -> None:
    m = core(journal=True)
    m.write("followups", "Bo: send the letter by Friday")
    m.write("followups", "Ana: call the hall")
    m.end()
    clock = FakeClock(TUESDAY)
    app = review_app(now=clock.now(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("f")
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, FollowupsScreen)
        table = screen.table
        due, words = table.get_column_index("due"), table.get_column_index("follow-up")
        rows = {str(table.get_row_at(n)[words]): str(table.get_row_at(n)[due])
                for n in range(table.row_count)}  # fmt: skip
        assert rows == {"send the letter by Friday": "2026-12-11", "call the hall": "–"}
