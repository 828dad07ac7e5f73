"""Set-up: what it counts, what it fills in, and what it makes of the planned start."""

from __future__ import annotations

import datetime as dt

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.widgets.text import Plain


async def test_people_named_only_in_a_role_count_for_the_group_size(clock: FakeClock) -> None:
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 30)) as pilot:
        await app.push_screen(SetupScreen(catalog.find_agenda("case-clinic"), clock, "Moon"))
        await pilot.press("tab", *"Ana, Bo", "tab", *"Dee", "tab", *"Ana, Bo, Chen")
        await pilot.pause()
        warning = app.screen.query_one("#warning", Plain).text
        assert "you have 2" not in warning
        assert "meant for" not in warning  # Ana, Bo, Dee and Chen: four, inside 4–5
        await pilot.press("ctrl+s", "enter", "enter")  # a new group: it keeps a record, no names
        await pilot.pause()
        assert app.meeting is not None
        assert app.meeting.state.participants == ["Ana", "Bo", "Dee", "Chen"]


async def test_a_start_typed_after_midnight_is_tonight_not_yesterday() -> None:
    late = FakeClock(dt.datetime(2026, 5, 12, 23, 55).astimezone())
    app = FacilitatorApp(late, Startup())
    async with app.run_test(size=(80, 30)) as pilot:
        agenda = catalog.find_agenda("mutual-support-150")
        await app.push_screen(SetupScreen(agenda, late, "Night owls", start="00:05"))
        await pilot.press("tab", *"Ana, Bo, Chen, Dee, Eli, Fay", "ctrl+s", "enter", "enter")
        await pilot.pause()
        assert app.meeting is not None
        assert app.meeting.state.planned_start == late.now() + 10 * 60


async def test_the_command_line_fills_in_the_start_and_the_newcomer(clock: FakeClock) -> None:
    app = FacilitatorApp(clock, Startup(setup="mutual-support-150", start="19:00", newcomer=True))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert screen.query_one("#start").value == "19:00"
        assert screen.query_one("#newcomer").value is True


async def test_a_question_language_that_is_not_a_tag_is_pointed_out_and_not_saved(
    clock: FakeClock,
) -> None:
    from textual.widgets import Input

    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 30)) as pilot:
        await app.push_screen(SetupScreen(catalog.find_agenda("mutual-support-150"), clock, "Moon"))
        await pilot.pause()
        app.screen.query_one("#participants", Input).value = "Ana, Bo, Chen, Dee, Eli, Fay"
        app.screen.query_one("#language", Input).value = "23:30"  # one tab too many
        await pilot.pause()
        warning = app.screen.query_one("#warning", Plain).text
        assert "should be a tag such as en, fr or pt-BR, not “23:30”" in warning
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting is None  # not started with it
        app.screen.query_one("#language", Input).value = "pt-BR"
        await pilot.pause()
        warning = app.screen.query_one("#warning", Plain).text
        assert (
            "No question deck in “pt-BR” for this agenda: questions come from jasette (en)"
            in warning
        )
        app.screen.query_one("#language", Input).value = "fr"
        await pilot.pause()
        assert "No question deck" not in app.screen.query_one("#warning", Plain).text
        app.screen.query_one("#language", Input).value = "pt-BR"
        await pilot.press("ctrl+s", "enter", "enter")
        await pilot.pause()
        assert app.meeting is not None and app.meeting.state.language == "pt-BR"


async def test_a_rhythm_set_up_from_a_file_agenda_uses_the_default_agenda(
    clock: FakeClock, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Home and the calendar find agendas by id; one opened from a path elsewhere has none."""
    from textual.widgets import Input

    from facilitator.groups import load_group

    path = tmp_path / "ours.yaml"
    path.write_text("title: Ours\nitems:\n  - title: A\n    minutes: 5\n")
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 30)) as pilot:
        await app.push_screen(SetupScreen(catalog.find_agenda(str(path)), clock, "Moon"))
        await pilot.pause()
        app.screen.query_one("#participants", Input).value = "Ana, Bo"
        app.screen.query_one("#rhythm", Input).value = "weekly on monday at 19:00"
        await pilot.press("ctrl+s", "enter", "enter")
        await pilot.pause()
        assert app.meeting is not None
    rhythm = load_group("Moon").rhythm
    assert rhythm is not None and rhythm["agenda"] == "mutual-support-150"


async def test_a_role_holder_close_to_a_participant_is_pointed_out(clock: FakeClock) -> None:
    from textual.widgets import Input

    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 30)) as pilot:
        await app.push_screen(SetupScreen(catalog.find_agenda("case-clinic"), clock, "Moon"))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#participants", Input).value = "Ana, Bo, Chen, Dee, Eli"
        screen.query_one("#role-0", Input).value = "Anna"
        screen.query_one("#role-1", Input).value = "Bo, Chen, Dee, Zed"
        await pilot.pause()
        warning = screen.query_one("#warning", Plain).text
        assert f"“Anna” ({catalog.find_agenda('case-clinic').roles[0]}) is not among" in warning
        assert "did you mean “Ana”?" in warning
        assert "Zed" not in warning  # far from everyone: someone coming for the role
