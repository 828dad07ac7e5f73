"""The interface in German at 80x24: German runs longest, so truncation shows here first.

The agendas are the English ones until German twins land: the words checked are the interface's.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from textual.pilot import Pilot

from facilitator import catalog, i18n
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.decks.history import History
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.screens.setup import SetupScreen
from tests.tui.helpers import meeting_app, settle
from tests.tui.test_snapshots import home_ready


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def test_home_in_german(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await home_ready(pilot)

    app = FacilitatorApp(FakeClock(), Startup())
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_setup_in_german(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = FacilitatorApp(clock, Startup())

    async def run_before(pilot: Pilot) -> None:
        await pilot.app.push_screen(SetupScreen(catalog.find_agenda("case-clinic"), clock, "Mond"))
        await pilot.press("tab", *"Bo")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_meeting_in_german(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = meeting_app(catalog.find_agenda("mutual-support-150"), clock, ["Ana", "Bo", "Chen"])
    app.drawer_factory = lambda m: Drawer("Dienstag", rng=random.Random(3), history=History())

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("space")
        clock.advance(minutes=2)
        await pilot.press("n")
        clock.advance(seconds=75)
        await pilot.press("s")
        clock.advance(seconds=40)
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
