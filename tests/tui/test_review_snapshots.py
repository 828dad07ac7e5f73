"""Review screens at 80x24 with fixed journals and a fixed clock (TZ=UTC)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from textual.pilot import Pilot
from textual.timer import Timer

from facilitator import paths
from facilitator.cli.review import review_app
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.tui.screens.review import FILTER_DELAY, ReviewScreen
from facilitator.tui.screens.review_views import SessionScreen, StatsScreen
from tests.factories import MS150
from tests.tui.helpers import notices

NOW = dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.timezone.utc).timestamp()
PEOPLE = ["Ana", "Bo", "Chen", "Dee"]


def play(session: str, group: str, start: dt.datetime, minutes: Sequence[float],
         people: Sequence[str] = PEOPLE, end: bool = True,
         extra: Callable[[Meeting], None] | None = None) -> None:  # fmt: skip
    """A meeting of MS150 whose active items take ``minutes`` each."""
    clock = FakeClock(start.replace(tzinfo=dt.timezone.utc))
    writer = JournalWriter(paths.sessions_dir() / f"{session}.jsonl")
    first = creation_event(MS150, session=session, group=group, participants=list(people),
                           t=clock.now())  # fmt: skip
    m = Meeting.create(first, clock, writer.append)
    m.toggle()
    for number, spent in enumerate(minutes):
        if number == 1:
            for person, hope in zip(people, ["rest", "[b]not bold[/b]", "a plan", "listen"]):
                m.add_entry("expectations", hope, person=person)
        if number == 2:
            m.record_draw("jasette", "Which shared place do you miss?")
        if number == 3 and extra is not None:
            extra(m)
        if number == 4:
            for person, said, met in zip(people, ["lighter", "heard", "useful", "tired"],
                                         [4, 3, 2, 1]):  # fmt: skip
                m.add_entry("conclusions", said, person=person, met=met)
        clock.advance(minutes=spent)
        if number < len(minutes) - 1:
            m.next_item()
    if end:
        m.end()
    writer.close()


def core(m: Meeting) -> None:
    m.add_entry("notes", "Bo's landlord will not fix the heating", share=False)
    m.add_entry("notes", "Repair cafés can help with small appliances", share=True)
    done = m.add_entry("followups", "send the repair café address", owner="Chen")
    m.edit_entry(done.id, done=True)
    m.add_entry("followups", "ask the tenants' union about heating", owner="Ana")
    m.add_entry("decisions", "next time: meet at the library", share=True)


def history() -> None:
    play(
        "2026-11-03-1900-tuesday-0001", "Tuesday", dt.datetime(2026, 11, 3, 19), [3, 11, 25, 100, 6]
    )
    play("2026-12-01-1900-tuesday-0002", "Tuesday", dt.datetime(2026, 12, 1, 19), [2, 14, 31, 95, 5],
         people=PEOPLE[:3])  # fmt: skip
    play("2027-01-05-1900-tuesday-0003", "Tuesday", dt.datetime(2027, 1, 5, 19), [2, 12, 28, 120, 7],
         extra=core)  # fmt: skip
    play("2027-01-20-1830-riverside-0001", "Riverside [home]", dt.datetime(2027, 1, 20, 18, 30),
         [2, 9, 20], people=["Eli", "Fay", "Gus"], end=False)  # fmt: skip


async def loaded(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_review_list(snap_compare) -> None:  # type: ignore[no-untyped-def]
    history()

    async def before(pilot: Pilot[int]) -> None:
        await loaded(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert len(pilot.app.screen.rows) == 4

    assert snap_compare(review_app(now=NOW), terminal_size=(80, 24), run_before=before)


def test_review_session_record(snap_compare) -> None:  # type: ignore[no-untyped-def]
    history()

    async def before(pilot: Pilot[int]) -> None:
        await loaded(pilot)
        await pilot.press("down", "enter")
        await loaded(pilot)
        assert isinstance(pilot.app.screen, SessionScreen)

    assert snap_compare(review_app(now=NOW), terminal_size=(80, 24), run_before=before)


def test_review_session_record_follow_ups(snap_compare) -> None:  # type: ignore[no-untyped-def]
    history()

    async def before(pilot: Pilot[int]) -> None:
        await loaded(pilot)
        await pilot.press("down", "enter")
        await loaded(pilot)
        pilot.app.screen.query_one(".review-body").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(review_app(now=NOW), terminal_size=(80, 24), run_before=before)


def test_review_stats(snap_compare) -> None:  # type: ignore[no-untyped-def]
    history()

    async def before(pilot: Pilot[int]) -> None:
        await loaded(pilot)
        await pilot.press("down", "s")
        await loaded(pilot)
        assert isinstance(pilot.app.screen, StatsScreen)

    assert snap_compare(review_app(now=NOW), terminal_size=(80, 24), run_before=before)


async def test_filter_share_followups_and_back(data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    history()
    app = review_app(now=NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        waits: list[tuple[float, Callable[[], None]]] = []
        set_timer = screen.set_timer

        def later(delay: float, callback: Callable[[], None], **kwargs: object) -> Timer:
            waits.append((delay, callback))
            return set_timer(3600, callback, **kwargs)  # type: ignore[arg-type]  # fired below

        monkeypatch.setattr(screen, "set_timer", later)
        await pilot.press("slash", *"heating")
        assert screen.query_text == "" and screen.pending_filter == "heating"  # not at each key
        assert [delay for delay, _ in waits] == [FILTER_DELAY] * len("heating")
        waits[-1][1]()  # the pause after the last key
        assert screen.pending_filter is None
        await loaded(pilot)
        assert [r.id for r in screen.rows] == ["2027-01-05-1900-tuesday-0003"]
        await pilot.press("ctrl+a", "ctrl+k", *"riverside", "enter")
        await loaded(pilot)
        assert [r.group for r in screen.rows] == ["Riverside [home]"]
        assert screen.table.has_focus
        await pilot.press("slash", "ctrl+a", "ctrl+k", "enter")
        await loaded(pilot)
        assert len(screen.rows) == 4
        await pilot.press("down", "enter")
        await loaded(pilot)
        await pilot.press("x")
        await loaded(pilot)
        digest = data_dir / "sessions" / "2027-01-05-1900-tuesday-0003.share.md"
        assert digest.stat().st_mode & 0o777 == 0o600
        text = digest.read_text()
        assert "Repair cafés" in text and "library" in text and "landlord" not in text
        assert "Ana" not in text and "Bo" not in text
        await pilot.press("c")  # the same digest, as plain text, on the clipboard
        copied = app.clipboard
        assert "Repair cafés can help" in copied and "next time: meet at the library" in copied
        assert "landlord" not in copied and "Ana" not in copied and "# " not in copied
        assert any("copied to the clipboard (2 marked entries)" in n for n in notices(app))
        await pilot.press("escape", "f")
        await loaded(pilot)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 1
        await pilot.press("enter")
        await loaded(pilot)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape", "escape")
        assert app.screen.__class__.__name__ == "HomeScreen"


async def test_long_histories_are_listed_a_page_at_a_time(data_dir) -> None:  # type: ignore[no-untyped-def]
    from tests.history_gen import generate

    generate(data_dir / "sessions", 450, fast=True)
    app = review_app(now=NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert (len(screen.rows), screen.shown) == (450, 200)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert screen.shown == 400
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert screen.shown == 450 and screen.table.row_count == 450
