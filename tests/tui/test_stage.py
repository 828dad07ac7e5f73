"""The stage window at 80x24 and 40x12 with a fake clock, and the meeting screen's m, c, C."""

from __future__ import annotations

from textual.pilot import Pilot

from facilitator.clock import FakeClock
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import creation_event
from facilitator.session.stage import StageSource
from facilitator.tui.stage import StageApp
from tests.factories import MS150, PEOPLE
from tests.tui.helpers import meeting_app, notices

SECRET = "SECRET-expectation-of-Bo"


def _stage(clock: FakeClock, overtime: bool) -> StageApp:
    first = creation_event(MS150, session="2027-01-15-0800-tuesday-abcd", group="Tuesday",
                           participants=PEOPLE, t=clock.now())  # fmt: skip
    _, meeting = start_session(first, clock)  # held open, as a facilitator's window would
    meeting.toggle()
    meeting.next_item()
    meeting.next_speaker_turn()
    meeting.write("expectations", SECRET, person=meeting.run.speaker)
    meeting.record_draw("jasette", "What made you smile this week?")
    meeting.send_message("Break at 20:10, back at 20:20")
    clock.advance(minutes=12 if overtime else 1)
    return StageApp(StageSource(), clock)


def test_stage_80x24(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = _stage(clock, overtime=False)

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        assert SECRET not in app.export_screenshot()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_stage_40x12_in_overtime(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = _stage(clock, overtime=True)

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        assert app.screen.has_class("over")
        assert SECRET not in app.export_screenshot()

    assert snap_compare(app, terminal_size=(40, 12), run_before=run_before)


async def test_m_messages_the_room_and_c_C_copy_for_the_chat(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "c")
        assert "No question is drawn" in notices(app)[-1]
        await pilot.press("C")
        assert app.clipboard == "1/5 · Demining · 02:00 left"
        await pilot.press("m", *"Back at 20:10", "enter")
        assert app.meeting is not None and app.meeting.state.message == "Back at 20:10"
        await pilot.press("m", "ctrl+u", "enter")  # empty: taken down
        assert app.meeting.state.message == ""
        app.meeting.next_item()
        app.meeting.next_item()
        app.meeting.next_item()
        app.meeting.record_draw("jasette", "What made you smile?")
        await pilot.press("c")
        assert app.clipboard == "What made you smile?"
