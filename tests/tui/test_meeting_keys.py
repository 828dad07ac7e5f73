"""Keys and small dialogs of the meeting screen, as a facilitator meets them."""

from __future__ import annotations

from textual.widgets import Input

from facilitator.clock import FakeClock
from facilitator.tui.screens.confirm import Confirm
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.clock import ClockPanel
from facilitator.tui.widgets.text import Plain
from tests.factories import MS150, PEOPLE
from tests.tui.helpers import meeting_app, next_item, notices, settle


def case_clinic_app(clock: FakeClock):  # type: ignore[no-untyped-def]
    """Case Clinic for Ana (case giver), Bo and Chen (coaches), Chen keeping time."""
    from facilitator import catalog
    from facilitator.meeting.meeting import creation_event
    from facilitator.tui.app import FacilitatorApp, Startup

    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen"], "timekeeper": ["Chen"]}
    first = creation_event(catalog.find_agenda("case-clinic"), session="cc", group="Moon",
                           participants=["Ana", "Bo", "Chen"], roles=roles, t=clock.now())  # fmt: skip
    return FacilitatorApp(clock, Startup(first=first))


async def to_core(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("space")
    for _ in range(3):
        clock.advance(minutes=2)
        await next_item(pilot)


async def test_enter_opens_the_field_so_a_note_never_runs_meeting_keys(clock: FakeClock) -> None:
    from facilitator.formats.agenda import Agenda, Item

    agenda = Agenda(id="n", title="Notes", items=(
        Item("Core", minutes=60, kind="discussion", record="notes", flexible=True),
        Item("End", minutes=5)))  # fmt: skip
    app = meeting_app(agenda, clock, ["Ana"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "enter", *"note: ask Ana", "enter")
        assert m.state.current == 0 and m.status == "running"
        assert [e.text for e in m.entries()] == ["note: ask Ana"]


async def test_a_kept_draft_is_added_to_not_replaced(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n", "e", *"to rest", "escape", "e", *" well", "enter")
        assert [e.text for e in app.meeting.entries()] == ["to rest well"]


async def test_the_footer_offers_only_the_way_back_while_typing(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("space", "n")
        assert screen.check_action("extend", (1,)) and not screen.check_action("leave_field", ())
        await pilot.press("e")
        assert isinstance(screen.focused, Input)
        assert not screen.check_action("extend", (1,)) and screen.check_action("leave_field", ())


async def test_quitting_during_a_meeting_asks_first(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "ctrl+q")
        assert isinstance(app.screen, Confirm)
        assert "unfinished" in app.screen.query_one(".dialog-title", Plain).text
        await pilot.press("n")
        assert isinstance(app.screen, MeetingScreen) and app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_code == 0  # y quit
    assert app.meeting is not None and app.meeting.status == "running"  # left to resume


async def test_the_same_name_in_other_letters_is_not_a_new_person(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "a", *"bo", "enter")
        assert app.meeting.state.participants == ["Ana", "Bo"]
        assert "Bo is already here." in notices(app)


async def test_an_arrival_is_asked_for_a_role_when_the_agenda_has_roles(clock: FakeClock) -> None:
    app = case_clinic_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Dee", "enter", "enter")  # not new to the group
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # no role, case giver, coach
        await pilot.pause()
        assert app.meeting.state.roles["coach"] == ["Bo", "Chen", "Dee"]


async def test_older_entries_are_counted_not_hidden(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        for words in ("one", "two", "three", "four"):
            await pilot.press("e", *words, "enter", "s")
        shown = app.screen.query_one("#entries", Plain).text
        assert "2 earlier (E to see them all)" in shown
        assert "three" in shown and "four" in shown and "one" not in shown


async def test_a_break_in_the_core_is_announced_while_paused(clock: FakeClock) -> None:
    from facilitator.tui.widgets.clock import ClockPanel

    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await to_core(pilot, clock)
        await pilot.press("space")
        clock.advance(minutes=10)
        await settle(app)
        cue = app.screen.query_one(ClockPanel).face.cue
        assert cue == "PAUSED · taken from this item's time · space to resume"
        panel = app.screen.query_one(ClockPanel)
        drawn = panel.render_line(0).text  # as drawn at 80 columns
        assert "PAUSED · taken from this item's time" in drawn
        assert app.screen.query_one(ClockPanel).face.digits == "2:09:00"  # 2 h 19 - the break
        assert "on time" in app.screen.query_one("#summary", Plain).text


async def test_the_help_lists_every_key_of_the_screen(clock: FakeClock) -> None:
    from facilitator.tui.screens.help import HelpScreen

    app = meeting_app(MS150, clock, ["Ana"])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in app.screen.rows]
        for key in (
            "space",
            "n",
            "p",
            "k",
            "+  or  =",
            "-",
            "s",
            "b",
            "o",
            "a",
            "l",
            "e  or  ⏎",
            "esc",
            "0 to 4",
            "x",
            "E",
            "d",
            "r",
            "v",
            "R",
            "F",
            "q",
            "?",
            "^p",
        ):  # fmt: skip  (named as the footer names them)
            assert key in keys, key


async def test_the_lock_file_goes_when_the_meeting_ends(clock: FakeClock, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = meeting_app(MS150, clock, ["Ana"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        assert list((data_dir / "sessions").glob("*.lock"))
        await pilot.press("q", "y")
        await pilot.pause()
    assert not list((data_dir / "sessions").glob("*.lock"))
    assert list((data_dir / "sessions").glob("*.md"))


async def test_roles_can_be_given_during_the_meeting(clock: FakeClock) -> None:
    from facilitator import catalog
    from facilitator.tui.screens.roles import RolesScreen

    app = meeting_app(catalog.find_agenda("case-clinic"), clock, ["Ana", "Bo", "Chen", "Dee"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, RolesScreen)
        await pilot.press(*"dee", "tab", *"Ana, Bo, Chen", "tab", *"Chen", "enter")
        await pilot.pause()
        assert app.meeting.state.roles == {
            "case giver": ["Dee"], "coach": ["Ana", "Bo", "Chen"], "timekeeper": ["Chen"]}  # fmt: skip
        await pilot.press("space", "n")
        assert "case giver: Dee" in app.screen.query_one(ClockPanel).face.speaker


async def test_escape_on_the_role_question_adds_nobody(clock: FakeClock) -> None:
    from facilitator import catalog

    app = meeting_app(catalog.find_agenda("case-clinic"), clock, ["Ana", "Bo", "Chen", "Dee"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Kim", "enter", "enter")  # not new to the group
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Kim" not in app.meeting.state.participants


async def test_enter_leaves_the_field_on_every_item_and_e_writes_a_note_anywhere(
    clock: FakeClock,
) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space")  # demining keeps no entries of its own...
        assert not app.screen.capture.display
        await pilot.press("e", *"Bo is tired today", "enter")  # ...but a note can be written
        assert [(e.kind, e.text) for e in m.entries()] == [("notes", "Bo is tired today")]
        assert not isinstance(app.screen.focused, Input)
        await pilot.press("x")  # the keys act on the meeting again: x marks that note
        assert m.entries()[0].share
        assert "To share with other groups: “Bo is tired today”" in notices(app)


async def test_x_never_marks_an_entry_of_another_item(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n", "e", *"private worry", "enter", "n", "y", "x")
        assert not m.entries()[0].share
        assert "Nothing written on this item yet to mark." in notices(app)


async def test_a_latecomer_after_the_last_turn_is_shown_as_not_heard(clock: FakeClock) -> None:
    from facilitator.tui.widgets.clock import ClockPanel

    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n", "s", "s")
        await pilot.press("a", *"Gil", "enter", "enter")  # not new to the group
        await settle(app)
        line = app.screen.query_one(ClockPanel).face.speaker
        assert line == "Not heard yet: Gil · s gives them the floor"


async def test_a_rating_before_the_words_makes_one_conclusion(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n", "n", "y", "n", "y", "n")  # to the conclusion
        await pilot.press("3", "e", *"good meeting", "enter")
        mine = [e for e in m.entries() if e.person == "Ana"]
        assert [(e.text, e.met) for e in mine] == [("good meeting", 3)]


async def test_ctrl_q_twice_quits_and_the_meeting_waits_to_be_resumed(
    clock: FakeClock,
    data_dir,  # type: ignore[no-untyped-def]
) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "ctrl+q", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert list((data_dir / "sessions").glob("*.jsonl"))  # kept, to resume


async def test_a_meeting_set_up_by_mistake_leaves_no_trace_even_in_the_group(
    clock: FakeClock,
    data_dir,  # type: ignore[no-untyped-def]
) -> None:
    from facilitator.groups import Group, load_group, save_group

    save_group(Group("Tuesday", participants=["Ana", "Bo"]))
    app = meeting_app(MS150, clock, ["Wrong", "People"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")  # nothing happened: no question, nothing kept
        await pilot.pause()
    assert app.return_code == 0
    assert not list((data_dir / "sessions").glob("*"))
    assert load_group("Tuesday").participants == ["Ana", "Bo"]


async def test_a_silence_ends_with_the_bell_and_moves_on_by_itself(clock: FakeClock) -> None:
    app = case_clinic_app(clock)
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await pilot.press("space", "n", "n", "n")  # to the stillness
        assert app.meeting.agenda.items[app.meeting.state.current].title == "Stillness"
        clock.advance(minutes=3, seconds=1)
        await settle(app)
        await pilot.pause()
        assert app.meeting.agenda.items[app.meeting.state.current].title == "Mirroring"
        assert rings == [1]
        assert "Time is up: on to Mirroring" in notices(app)


async def test_the_timeline_counts_an_item_left_halfway_in_full(clock: FakeClock) -> None:
    from facilitator.tui.widgets.timeline import Timeline

    app = meeting_app(MS150, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        clock.advance(minutes=5)
        await pilot.press("p")  # back to demining: expectations still has 6 of its 11
        table = app.screen.query_one(Timeline)
        row = table.get_row_at(1)
        assert str(row[1]).strip() == "Expectations" and str(row[-1]) == "11"


async def test_a_start_far_from_now_is_pointed_out(clock: FakeClock) -> None:
    from facilitator.meeting.meeting import creation_event
    from facilitator.tui.app import FacilitatorApp, Startup

    first = creation_event(MS150, session="far", group="g", participants=["Ana"],
                           planned_start=clock.now() + 7 * 3600, t=clock.now())  # fmt: skip
    app = FacilitatorApp(clock, Startup(first=first))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("is 7 h 00 min from now" in n for n in notices(app))


async def test_o_before_a_round_chooses_who_opens_it_round_the_circle(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, ["Ana", "Bo", "Chen", "Dee"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "o")  # on demining: for the expectations round
        await pilot.press("down", "down", "enter")  # Chen
        await pilot.pause()
        assert "Chen opens “Expectations”." in notices(app)
        await pilot.press("n")
        assert app.meeting.run.order == ["Chen", "Dee", "Ana", "Bo"]
        assert app.meeting.run.speaker == "Chen"


async def test_w_welcomes_a_new_name_and_points_out_two_roles(clock: FakeClock) -> None:
    from facilitator import catalog

    app = meeting_app(catalog.find_agenda("case-clinic"), clock, ["Ana", "Bo", "Chen"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", *"Bo", "tab", *"Bo, Chen, Dee", "tab", *"Chen", "enter")
        await pilot.pause()
        assert "Welcome, Dee." in notices(app)
        assert "Bo holds 2 roles: case giver and coach." in notices(app)
        # The timekeeper coaches too, as Case Clinic asks: no surprise, no notice.
        assert not any(n.startswith("Chen holds") for n in notices(app))


async def test_g_reads_the_whole_guidance_the_screen_cut(clock: FakeClock) -> None:
    from facilitator import catalog
    from facilitator.tui.screens.reading import ReadingScreen

    agenda = catalog.find_agenda("mutual-support-150")
    app = meeting_app(agenda, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n", "n", "y")  # the ice breaker: long guidance, an alternative
        item = agenda.items[app.meeting.state.current]
        assert item.deck and item.guidance and item.alternative
        shown = app.screen.query_one("#guidance", Plain).text
        assert " … (g reads it all)" in shown and item.guidance not in shown
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        text = app.screen.query_one("#reading", Plain).text
        assert text == f"{item.guidance}\n\nAlternative (v): {item.alternative}"
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)


async def test_r_in_a_draw_each_round_retires_only_the_question_on_screen(clock: FakeClock) -> None:
    """open-meetup: draw for the first speaker, s, R: the screen shows no question for the next
    speaker, so there is nothing to retire (it used to retire the previous speaker's)."""
    from facilitator import catalog
    from facilitator.meeting.meeting import creation_event
    from facilitator.tui.app import FacilitatorApp, Startup

    first = creation_event(catalog.find_agenda("open-meetup"), session="om", group="Forum",
                           participants=["Ana", "Bo", "Chen"], t=clock.now())  # fmt: skip
    app = FacilitatorApp(clock, Startup(first=first))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")  # Round 1 (no newcomer), which draws for each speaker
        meeting = app.meeting
        assert meeting is not None and meeting.agenda.items[meeting.state.current].draw == "each"
        box = app.screen.query_one("#question", Plain)
        headline = (
            "What challenges am I working on, or would like to take on, and what makes them hard?"
        )
        assert box.display and box.text == f"{headline}\nd draws a prompt to help"  # before d
        await pilot.press("d")
        asked = meeting.run.draws[-1].text
        assert box.text == f"{headline}\n{asked}"  # the nudge under the headline
        clock.advance(60)
        await pilot.press("s", "R")
        assert not isinstance(app.screen, Confirm)
        assert "No question is drawn on this item." in notices(app)
        assert meeting.state.retired == [] and not meeting.run.draws[-1].skipped
        assert meeting.run.draws[-1].text == asked
        assert "retire" not in app.screen.view.offers  # type: ignore[attr-defined]


async def test_a_full_disk_is_said_on_screen_and_the_meeting_goes_on(
    clock: FakeClock, monkeypatch
) -> None:
    import errno
    import os

    from facilitator.journal.jsonl import FileOps

    def no_space(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = meeting_app(MS150, clock, PEOPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        banner = app.screen.query_one("#saving", Plain)
        assert not banner.display
        monkeypatch.setattr(FileOps, "write", staticmethod(no_space))
        await pilot.press("e", *"kept in memory", "enter")
        assert banner.display
        assert banner.text.startswith("NOT SAVED: the disk is full. 1 action not saved yet")
        assert app.meeting is not None
        assert [e.text for e in app.meeting.entries()] == ["kept in memory"]
        monkeypatch.setattr(FileOps, "write", staticmethod(os.write))  # room again
        await pilot.press("s")  # the next action writes what was pending, then itself
        assert not banner.display
