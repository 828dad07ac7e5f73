"""Taking up a meeting left unfinished (a crash, a closed terminal), from Home or at launch."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator import paths
from facilitator.clock import FakeClock
from facilitator.journal.store import start_session, unfinished_sessions
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.text import Plain
from tests.factories import MS150, raw_line
from tests.tui.helpers import notices


def said(app: FacilitatorApp) -> str:
    return " ".join(notices(app))


def left_open(clock: FakeClock, session: str = "left-open", group: str = "Tuesday") -> Meeting:
    """A meeting whose terminal closed: its journal stays, its lock goes."""
    first = creation_event(MS150, session=session, group=group, participants=["Ana", "Bo"],
                           t=clock.now())  # fmt: skip
    handle, m = start_session(first, clock)
    m.toggle()
    m.next_item()
    handle.close()
    return m


async def offered(pilot, app: FacilitatorApp) -> str:  # type: ignore[no-untyped-def]
    """The unfinished line on Home, once the look in the background is done."""
    for _ in range(50):
        await pilot.pause()
        await app.workers.wait_for_complete()
        line = app.screen.query_one("#unfinished", Plain)
        if line.display:
            break
    return app.screen.query_one("#unfinished", Plain).text.replace("\n", " ")


async def test_home_offers_an_unfinished_meeting_to_resume(clock: FakeClock) -> None:
    left_open(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        line = await offered(pilot, app)
        assert "Tuesday (Mutual support), at “Expectations, Ana speaking”" in line
        assert line.startswith("u resumes the unfinished meeting: ")
        assert "last saved action today at " in line
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.meeting is not None and app.meeting.state.session == "left-open"


async def test_the_palette_over_home_keeps_the_offer(clock: FakeClock) -> None:
    left_open(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot, app)
        home = app.screen
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(home, HomeScreen) and home.unfinished == "left-open"
        titles = [c.title for c in app.get_system_commands(home)]
        assert "Resume the unfinished meeting" in titles


async def test_a_journal_that_cannot_be_read_is_named_not_offered(clock: FakeClock) -> None:
    paths.sessions_dir().mkdir(parents=True)  # hand-edited: the agenda is not a mapping
    start = {"type": "session_created", "agenda": "ms150", "group": "x"}
    (paths.sessions_dir() / "odd.jsonl").write_bytes(raw_line(start, clock.now()))
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        line = await offered(pilot, app)
        assert "cannot be read by this version: odd" in line
        assert app.screen.check_action("resume", ()) is False
        await pilot.press("u")
        assert isinstance(app.screen, HomeScreen) and app.return_code is None


async def test_one_event_that_cannot_apply_is_skipped_and_the_meeting_resumed(
    clock: FakeClock,
) -> None:
    """An event this version cannot replay (an item that is not there) hides nothing else."""
    left_open(clock, session="odd")
    with open(paths.sessions_dir() / "odd.jsonl", "ab") as fh:
        fh.write(raw_line({"type": "item_started", "index": 99}, clock.now()))
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot, app)
        assert app.screen.check_action("resume", ()) is True
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "skipped an event: the agenda has no item 99" in " ".join(app.notices)


async def test_resuming_a_meeting_ended_meanwhile_is_refused(clock: FakeClock) -> None:
    m = left_open(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot, app)
        first, *_ = unfinished_sessions()
        assert first.session == "left-open"
        from facilitator.journal.store import resume_session

        handle, again = resume_session("left-open", clock)  # another window ends it
        again.end()
        handle.close(ended=True)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "has ended" in said(app)
    assert m.state.session == "left-open"


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("running", "the clock kept counting while it was closed"),
        ("paused", "it is still paused, as it was left"),
        ("paused in the core", "it is still paused, and the time away was taken from “Core"),
    ],
)
async def test_resuming_says_what_the_clock_did(clock: FakeClock, where: str, words: str) -> None:
    first = creation_event(MS150, session="left", group="Tuesday", participants=["Ana", "Bo"],
                           t=clock.now())  # fmt: skip
    handle, m = start_session(first, clock)
    m.toggle()
    if where == "paused in the core":
        while not m.agenda.items[m.state.current].flexible:
            m.next_item()
    if where.startswith("paused"):
        m.toggle()
    handle.close()
    clock.advance(600)
    app = FacilitatorApp(clock, Startup(resume="left"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "The last action saved was 10 min ago" in said(app)
        assert words in said(app)


def test_the_offer_says_today_or_the_day() -> None:
    from facilitator.journal.store import Unfinished

    last = dt.datetime(2027, 1, 15, 19, 40)
    u = Unfinished("s", "Tuesday", "Mutual support", last, where="Core, Bo speaking")
    assert u.describe(dt.date(2027, 1, 15)) == (
        "Tuesday (Mutual support), at “Core, Bo speaking”; last saved action today at 19:40"
    )
    assert u.describe(dt.date(2027, 1, 16)).endswith("last saved action Fri 15 Jan at 19:40")


async def test_the_highlighted_agenda_stays_in_view_when_the_offer_appears(
    clock: FakeClock, data_dir
) -> None:  # type: ignore[no-untyped-def]
    from facilitator.tui.screens.home import AgendaList

    (data_dir / "agendas").mkdir(parents=True)
    for name in ("one", "two"):  # the legend line appears too
        (data_dir / "agendas" / f"{name}.yaml").write_text(f"title: {name}\nitems: [\n")
    left_open(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot, app)
        await pilot.pause()
        options = app.screen.query_one(AgendaList)
        highlighted = options.highlighted_option
        assert highlighted is not None
        # The rows drawn in the highlight's colours, of those in view, hold all its words.
        colour = options.get_component_rich_style("option-list--option-highlighted").bgcolor
        drawn = [options.render_line(y) for y in range(options.scrollable_content_region.height)]
        lit = [strip.text for strip in drawn
               if any(seg.style and seg.style.bgcolor == colour for seg in strip if seg.text.strip())]  # fmt: skip
        assert " ".join(lit).split() == str(highlighted.prompt).split(), lit


async def test_other_unfinished_meetings_are_counted(clock: FakeClock) -> None:
    left_open(clock, session="older", group="Monday")
    clock.advance(minutes=5)
    left_open(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        line = await offered(pilot, app)
        assert line.startswith("u resumes the newest of 2 unfinished meetings: Tuesday")
        assert "Monday" not in line


async def test_at_launch_the_offer_and_the_next_meetings_come_after_the_first_frame(
    clock: FakeClock,
) -> None:
    from facilitator.groups import Group, save_group
    from facilitator.rhythm.parse import parse_rhythm
    from facilitator.rhythm.rhythm import to_dict
    from facilitator.tui.screens.confirm import Confirm

    left_open(clock)
    rhythm = to_dict(parse_rhythm(["weekly on tuesday at 19:00"], None))
    save_group(Group("Tuesday", participants=["Ana", "Bo"], rhythm=rhythm))
    app = FacilitatorApp(clock, Startup(look_around=True))
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.home_screen
        assert home.upcoming == []  # nothing was read before the first frame
        for _ in range(50):
            await pilot.pause()
            await app.workers.wait_for_complete()
            if isinstance(app.screen, Confirm):
                break
        assert isinstance(app.screen, Confirm)  # asked: resume the unfinished meeting?
        assert "Resume it?" in " ".join(w.text for w in app.screen.query(Plain))
        assert any("Tuesday" in line for line in home.upcoming)
        assert "Tuesday" in home.query_one("#upcoming", Plain).text
        await pilot.press("y")
        await pilot.pause()
        assert app.meeting is not None and app.meeting.state.session == "left-open"
