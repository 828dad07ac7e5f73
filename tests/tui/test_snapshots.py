"""Snapshots of the screens at fixed sizes with a fake clock (TZ=UTC, no cursor blink)."""

from __future__ import annotations

import random

from textual.pilot import Pilot

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.decks.history import History
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.screens.setup import SetupScreen
from tests.tui.helpers import meeting_app, settle

PEOPLE = ["Ana", "Bo [b]", "Chen", "Dee", "Eli 🌱", "Fay"]


async def home_ready(pilot: Pilot) -> None:
    """The agendas are read in a worker after the first frame: wait for it, not for time."""
    from textual.widgets import OptionList

    for _ in range(100):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        if pilot.app.screen.query_one(OptionList).option_count:
            break
    await pilot.pause()


def ms150_app(clock: FakeClock) -> FacilitatorApp:
    app = meeting_app(catalog.find_agenda("mutual-support-150"), clock, list(PEOPLE))
    app.drawer_factory = lambda m: Drawer("Tuesday", rng=random.Random(3), history=History())
    return app


def test_home(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await home_ready(pilot)

    app = FacilitatorApp(FakeClock(), Startup())
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_setup(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = FacilitatorApp(clock, Startup())

    async def run_before(pilot: Pilot) -> None:
        await pilot.app.push_screen(SetupScreen(catalog.find_agenda("case-clinic"), clock, "Moon"))
        await pilot.press("tab", *"Ana, Bo, Chen", "tab", *"Ana")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def _into_round(pilot: Pilot, clock: FakeClock) -> None:
    await pilot.press("space")
    clock.advance(minutes=2)
    await pilot.press("n")
    clock.advance(seconds=75)
    await pilot.press("e", *"To listen [and] be heard", "enter", "escape")
    await pilot.press("s")
    clock.advance(seconds=40)
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.pause()


def test_meeting_in_a_round(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _into_round(pilot, clock)

    assert snap_compare(ms150_app(clock), terminal_size=(80, 24), run_before=run_before)


def test_meeting_in_overtime(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("space")
        clock.advance(minutes=4, seconds=13)
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(ms150_app(clock), terminal_size=(80, 24), run_before=run_before)


def test_meeting_paused(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("space")
        clock.advance(minutes=1)
        await pilot.press("space")
        clock.advance(minutes=7)
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(ms150_app(clock), terminal_size=(80, 24), run_before=run_before)


def test_meeting_small_terminal(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _into_round(pilot, clock)

    assert snap_compare(ms150_app(clock), terminal_size=(60, 20), run_before=run_before)


async def _draw(pilot: Pilot, clock: FakeClock) -> None:
    await pilot.press("space", "n", "n", "y")  # the round heard nobody: n asks
    clock.advance(seconds=30)
    await pilot.press("d")
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.pause()


def test_question_drawn(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _draw(pilot, clock)

    assert snap_compare(ms150_app(clock), terminal_size=(80, 24), run_before=run_before)


def test_question_drawn_small(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _draw(pilot, clock)

    assert snap_compare(ms150_app(clock), terminal_size=(60, 20), run_before=run_before)


def test_home_shows_each_groups_next_meeting(snap_compare) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from facilitator.groups import Group, save_group
    from facilitator.rhythm.home import upcoming_lines
    from facilitator.rhythm.parse import parse_rhythm
    from facilitator.rhythm.rhythm import to_dict

    for name, words in (("Moon circle", "moon --at 19:30"),
                        ("Tuesday group", "every 3 weeks on tuesday at 19:00"),
                        ("Home group", "monthly on 2nd thursday at 18:30")):  # fmt: skip
        save_group(Group(name, rhythm=to_dict(parse_rhythm([words]))))
    now = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.timezone.utc)
    lines = upcoming_lines(now=now, tz=dt.timezone.utc)
    assert len(lines) == 3
    assert any("moon" in line for line in lines)

    async def run_before(pilot: Pilot) -> None:
        await home_ready(pilot)

    app = FacilitatorApp(FakeClock(now), Startup(upcoming=lines))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
