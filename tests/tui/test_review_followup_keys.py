"""The review's follow-ups view changes follow-ups with keys, as `sessions followups done`,
`reopen` and `owner` do: x (or space) closes or reopens the one chosen, o gives it to someone
else, a lists the done ones too. 80x24, a fixed clock, the history of the review's snapshots."""

from __future__ import annotations

import hashlib
from pathlib import Path

from textual.pilot import Pilot

from facilitator.cli.review import review_app
from facilitator.clock import FakeClock
from facilitator.review.queries import open_followups
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.review_views import FollowupsScreen
from tests.tui.helpers import notices
from tests.tui.test_review_snapshots import NOW, history, loaded

HEATING = "ask the tenants' union about heating"  # Ana's, open
REPAIR = "send the repair café address"  # Chen's, done in its meeting


def app_at(clock: FakeClock) -> FacilitatorApp:
    history()
    return review_app(now=NOW, clock=clock)


async def followups(pilot: Pilot[int]) -> FollowupsScreen:
    await loaded(pilot)
    await pilot.press("f")
    await loaded(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FollowupsScreen)
    return screen


def row_words(screen: FollowupsScreen) -> list[str]:
    table = screen.table
    column = table.get_column_index("follow-up")
    return [str(table.get_row_at(n)[column]) for n in range(table.row_count)]


def owner_cell(screen: FollowupsScreen, n: int = 0) -> str:
    return str(screen.table.get_row_at(n)[2])


def status(screen: FollowupsScreen) -> str:
    return screen.query_one("#followup-status").render().plain  # type: ignore[union-attr]


def listed(**flags: bool) -> dict[str, tuple[bool, str | None]]:
    return {f.text: (f.done, f.owner) for f in open_followups(**flags)}


def digest(folder: Path) -> dict[str, str]:
    """The journals, each with a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.jsonl")}


async def test_x_closes_the_follow_up_chosen(data_dir: Path) -> None:
    clock = FakeClock(NOW)
    app = app_at(clock)
    sessions = digest(data_dir / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await followups(pilot)
        assert row_words(screen) == [HEATING]
        keys = {k: b.binding.description for k, b in screen.active_bindings.items()}
        assert {keys.get("x"), keys.get("o"), keys.get("a")} == {
            "Done/reopen", "Change owner", "Done ones too"}  # fmt: skip
        await pilot.press("x")
        assert listed() == {}  # `sessions followups` lists it no more
        assert listed(closed=True)[HEATING] == (True, "Ana")
        assert row_words(screen) == [f"✓ {HEATING}"]  # still listed, marked, to reopen
        assert screen.table.get_row_at(0)[3].style == "strike dim"
        assert status(screen).startswith("0 open follow-ups · 1 done")
        short = next(f.short for f in open_followups(closed=True) if f.text == HEATING)
        assert notices(app)[-1] == f"Done: {HEATING} ({short})"
    [written] = (data_dir / "followups").iterdir()  # one file of this visit's own
    assert "-20270201T090000Z-" in written.name
    assert b'"action":"done"' in written.read_bytes()
    assert digest(data_dir / "sessions") == sessions  # no session's journal rewritten


async def test_a_lists_the_done_ones_and_space_reopens_one(data_dir: Path) -> None:
    clock = FakeClock(NOW)
    app = app_at(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await followups(pilot)
        await pilot.press("a")
        assert row_words(screen) == [HEATING, f"✓ {REPAIR}"]
        assert "done ones too" in screen.query_one("#topbar").render().plain  # type: ignore[union-attr]
        await pilot.press("down", "space")
        assert listed()[REPAIR] == (False, "Chen")  # open again, in the domain's listing
        assert row_words(screen) == [HEATING, REPAIR]
        assert status(screen).startswith("2 open follow-ups")
        clock.advance(minutes=1)
        await pilot.press("x", "a")  # closed again; only the open ones listed, it stays
        assert REPAIR not in listed()
        assert row_words(screen) == [HEATING, f"✓ {REPAIR}"]
    [written] = (data_dir / "followups").iterdir()
    assert [b'"action":"reopen"' in line for line in written.read_bytes().splitlines()] == [
        True, False]  # fmt: skip


async def test_o_gives_the_follow_up_to_someone_else(data_dir: Path) -> None:
    clock = FakeClock(NOW)
    app = app_at(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await followups(pilot)
        await pilot.press("o", "escape")  # cancelled: nothing written
        await pilot.press("o", "enter")  # empty: the same
        assert not (data_dir / "followups").exists()
        assert owner_cell(screen) == "Ana"
        await pilot.press("o", *" Dee ", "enter")
        assert listed()[HEATING] == (False, "Dee")
        assert owner_cell(screen) == "Dee" and row_words(screen) == [HEATING]
        assert notices(app)[-1].startswith(f"Now Dee's: {HEATING} (")
        await pilot.press("o", *"Dee", "enter")
        assert notices(app)[-1].startswith(f"Already Dee's: {HEATING} (")
    [written] = (data_dir / "followups").iterdir()
    assert written.read_bytes().count(b'"owner":"Dee"') == 1


async def test_a_change_that_cannot_be_written_is_said_and_not_shown(data_dir: Path) -> None:
    clock = FakeClock(NOW)
    app = app_at(clock)
    (data_dir / "followups").write_text("not a folder")  # where the changes would go
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await followups(pilot)
        await pilot.press("x")
        assert notices(app)[-1].startswith("Not changed: it could not be written (")
        assert row_words(screen) == [HEATING] and status(screen).startswith("1 open follow-up")
        await pilot.press("o", *"Dee", "enter")
        assert owner_cell(screen) == "Ana"
        assert listed() == {HEATING: (False, "Ana")}
