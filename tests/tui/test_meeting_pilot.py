"""Drive a whole meeting through the keys, with a fake clock."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.clock import ClockPanel
from facilitator.tui.widgets.text import Plain
from tests.factories import MS150, PEOPLE
from tests.tui.helpers import meeting_app, next_item, notices, settle

MIN = 60


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    if selector in ("#cue", "#speaker"):  # lines of the clock panel
        return getattr(app.screen.query_one(ClockPanel).face, selector[1:])
    return app.screen.query_one(selector, Plain).text


async def test_a_complete_meeting_by_keyboard(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        assert isinstance(app.screen, MeetingScreen)
        assert "READY" in text(app, "#cue")
        await pilot.press("space")
        assert m.status == "running"

        clock.advance(minutes=5)  # demining overruns by 3 minutes
        await settle(app)
        assert "OVERTIME" in text(app, "#cue")
        assert "on time" in text(app, "#summary")
        await pilot.press("n")
        await pilot.press("plus")  # expectations: one more minute
        assert m.allotted() == 12 * MIN
        clock.advance(minutes=9)  # ended early, nobody given the floor: n asks first
        await pilot.press("n", "y")

        clock.advance(minutes=2)
        await pilot.press("space")  # pause
        assert m.status == "paused"
        clock.advance(minutes=10)
        await settle(app)
        assert "PAUSED" in text(app, "#cue")
        await pilot.press("space")
        clock.advance(minutes=1)
        await pilot.press("k", "y")  # skip the rest of the ice breaker
        assert m.projection().rows[2].status == "skipped"
        assert m.allotted() == 118 * MIN

        await pilot.press("a")
        await pilot.press(*"Gus", "enter", "enter")  # not new to the group
        assert m.state.participants[-1] == "Gus"
        await pilot.press("l")
        await pilot.press("down", "enter")  # the second person, Bo, leaves
        assert "Bo" not in m.state.participants

        clock.advance(minutes=130)
        await settle(app)
        assert round(m.projection().over / MIN) == 12
        assert "12 min OVER" in text(app, "#summary")
        await pilot.press("n")
        assert m.run.speaker == "Ana"
        await pilot.press("s")
        assert m.run.speaker == "Chen"
        clock.advance(minutes=6)
        await pilot.press("q")
        await pilot.press("n")  # changes their mind
        assert m.status == "running"
        await pilot.press("q", "y")
        assert m.status == "ended"
        assert round(m.projection().over / MIN) == 13


async def test_typing_in_the_field_never_triggers_meeting_keys(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n")  # to the expectations round
        current = m.state.current
        await pilot.press("e")
        await pilot.press(*"n p s q a +-", "space")
        assert m.state.current == current
        assert m.status == "running"
        assert m.run.speaker == "Ana"
        await pilot.press("enter")
        assert [e.text for e in m.entries()] == ["n p s q a +-"]
        await pilot.press("escape", "s")
        assert m.run.speaker == "Bo"


async def test_bell_rings_once_at_overtime(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await pilot.press("space")
        clock.advance(seconds=70)
        await settle(app)
        assert "One minute left" in text(app, "#cue")
        assert rings == []
        clock.advance(seconds=60)
        await settle(app)
        clock.advance(seconds=5)
        await settle(app)
        assert rings == [1]
        assert "OVERTIME" in text(app, "#cue")


async def test_user_text_is_shown_literally(clock: FakeClock) -> None:
    people = ["[b]Ana", "Bo [/]", "\x1b]52;c;aGk=\x07Chen", "ليلى", "Zoë 🌱"]
    app = meeting_app(MS150, clock, people, group="[red]Group[/red]")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        assert m_speaker(app) == "[b]Ana"
        assert "[b]Ana" in text(app, "#speaker")
        assert "[red]Group[/red]" in text(app, "#topbar")
        assert "\x1b" not in "".join(app.meeting.state.participants)
        await pilot.resize_terminal(40, 12)
        await pilot.resize_terminal(60, 20)
        await settle(app)
        assert app.screen.has_class("compact")


def m_speaker(app) -> str:  # type: ignore[no-untyped-def]
    return app.meeting.run.speaker


async def test_setup_remembers_the_group_and_saves_its_rhythm(clock: FakeClock) -> None:
    from facilitator import catalog
    from facilitator.groups import Group, load_group, save_group
    from facilitator.tui.app import FacilitatorApp, Startup
    from facilitator.tui.screens.setup import SetupScreen

    save_group(Group("Moon circle", participants=["Ana", "Bo"], language="fr"))
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        agenda = catalog.find_agenda("home-group")
        await app.push_screen(SetupScreen(agenda, clock, "Moon circle"))
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#participants").value == "Ana, Bo"
        assert screen.query_one("#language").value == "fr"
        screen.query_one("#rhythm").value = "every 3 weeks on thursday at 19:00"
        await pilot.press("ctrl+s", "enter", "enter")  # never asked before: a record, no names
        await pilot.pause()
        assert app.meeting is not None
        assert app.meeting.state.participants == ["Ana", "Bo"]
        assert app.meeting.state.language == "fr"
    rhythm = load_group("Moon circle").rhythm
    assert rhythm is not None and rhythm["agenda"] == "home-group"  # the agenda set up


def test_a_crash_prints_a_report_without_local_variables_and_how_to_resume(
    clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same as the test above, through what a crash prints on the terminal."""
    app = meeting_app(MS150, clock, ["Ana"])

    def boom() -> None:
        secret = " ".join(["my", "private", "note"])
        raise RuntimeError(f"boom {len(secret)}")

    async def crash(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        app.call_later(boom)

    app.run(headless=True, size=(100, 30), auto_pilot=crash)
    text = " ".join(capsys.readouterr().err.split())  # as read, whatever the line breaks
    assert app.return_code == 1
    assert "RuntimeError" in text and "boom 15" in text
    assert "my private note" not in text
    assert "run facilitator again" in text


async def test_a_draft_stays_with_the_speaker_who_said_it(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n", "e", *"Ana hopes", "escape")
        await pilot.press("s")  # the floor moves on while Ana's words wait in the field
        assert m.run.speaker == "Bo"
        await pilot.press("e", "enter")
        assert [(e.person, e.text) for e in m.entries()] == [("Ana", "Ana hopes")]
        await pilot.press("e", *"Bo hopes", "enter")
        assert [(e.person, e.text) for e in m.entries()][-1] == ("Bo", "Bo hopes")


async def test_rating_right_after_writing_a_conclusion(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n", "n", "y", "n", "y", "n")  # to the conclusion round
        assert m.agenda.items[m.state.current].record == "conclusions"
        await pilot.press("e", *"felt heard", "enter", "3")
        assert [(e.text, e.met) for e in m.entries()] == [("felt heard", 3)]


async def test_going_back_keeps_the_later_item_to_come(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n", "n", "y", "n", "y")  # into the core
        clock.advance(minutes=1)
        await pilot.press("p")
        core = next(r for r in m.projection().rows if r.title == "Core")
        assert core.status == "pending"
        assert core.projected_seconds > 60 * 60
        assert abs(m.projection().over) < 60


async def test_the_group_remembers_everyone_not_just_the_last_meeting(clock: FakeClock) -> None:
    from facilitator.groups import Group, load_group, save_group

    save_group(Group("Tuesday", participants=["Ana", "Bo", "Chen", "Dee"]))
    app = meeting_app(MS150, clock, ["Ana", "Eve"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "q", "y")
    assert load_group("Tuesday").participants == ["Ana", "Eve", "Bo", "Chen", "Dee"]


async def test_the_command_palette_offers_every_meeting_action(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        on_demining = {command.title for command in app.get_system_commands(app.screen)}
        assert "Draw a question" not in on_demining  # only what makes sense on this item
        assert "Expectations met: fully" not in on_demining
        titles = set(on_demining)
        await pilot.press("space")
        for _ in range(4):  # every item: each action is offered where it applies
            await next_item(pilot)
            titles |= {command.title for command in app.get_system_commands(app.screen)}
        for name in ("Start/pause", "Next", "Previous item", "Skip this item", "+1 min",
                     "-1 min", "Speaker", "Speaker passes", "Who speaks next", "Add person",
                     "Someone leaves", "Write an entry", "Draw a question",
                     "Draw another question", "Alternative activity", "End", "Help",
                     "Quit"):  # fmt: skip
            assert name in titles, name
        for words in ("not at all", "a little", "partly", "mostly", "fully"):
            assert f"Expectations met: {words}" in titles  # each rating, not one "Met"
        assert "Screenshot" not in titles  # private notes never go to a picture file
        commands = list(app.get_system_commands(app.screen))
        helps = " ".join(str(command.help) for command in commands)
        assert "key +" in helps and "key ?" in helps
        assert "equals_sign" not in helps and "question_mark" not in helps
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Start/pause")
        command.callback()
        await pilot.pause()
        assert app.meeting.status == "paused"


async def test_home_reads_the_agendas_only_once_it_is_shown(clock: FakeClock) -> None:
    from textual.widgets import OptionList

    from facilitator.tui.screens.home import HomeScreen

    app = meeting_app(MS150, clock, ["Ana"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen_stack[0]
        assert isinstance(home, HomeScreen) and not home.agendas_asked_for  # the meeting came first
        await pilot.press("q", "y")  # end the meeting: back to Home, which now lists them
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is home
        assert home.query_one(OptionList).option_count >= 10


async def test_run_with_too_few_people_warns_without_blocking(clock: FakeClock) -> None:
    from facilitator import catalog

    app = meeting_app(catalog.find_agenda("mutual-support-150"), clock, ["Ana", "Bo", "Cy", "Di"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        notes = notices(app)
        assert "This agenda is meant for 6–12 people; you have 4." in notes


@pytest.mark.parametrize(("group", "warned"), [("Tuesday grop", True), ("tuesday group", False)])
async def test_run_with_a_group_name_close_to_a_known_one_says_so(
    clock: FakeClock, group: str, warned: bool
) -> None:
    from facilitator.groups import Group, save_group

    save_group(Group("Tuesday group", participants=["Ana", "Bo"]))
    app = meeting_app(MS150, clock, list(PEOPLE), group=group)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notes = " ".join(notices(app))
        said = f"“{group}” is a new group: did you mean “Tuesday group”?" in notes
        assert said is warned


async def test_a_meeting_left_before_it_starts_leaves_no_trace(clock: FakeClock, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        assert "has not started" in app.screen.query_one(".dialog-title", Plain).text
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)
    assert list((data_dir / "sessions").glob("*")) == []


async def test_a_meeting_with_words_is_kept_even_if_never_started(
    clock: FakeClock, data_dir
) -> None:  # type: ignore[no-untyped-def]
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        app.meeting.add_entry("notes", "Room booked until nine")
        await pilot.press("q")
        assert "End the meeting now?" in app.screen.query_one(".dialog-title", Plain).text
        await pilot.press("y")
        await pilot.pause()
    assert len(list((data_dir / "sessions").glob("*.md"))) == 1
