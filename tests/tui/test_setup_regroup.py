"""Changing the group's name in set-up brings that group's people, roles and follow-ups, never
the last group's; what the facilitator typed by hand stays."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.groups import Group, save_group
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import creation_event
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.widgets.text import Plain


def groups_with_a_follow_up(clock: FakeClock) -> None:
    save_group(Group("Tuesday", participants=["Ana", "Bo"], roles={"coach": ["Bo"]}))
    save_group(Group("Moon", participants=["Chen", "Dee", "Eli"]))
    agenda = catalog.find_agenda("mutual-support-150")
    first = creation_event(agenda, session="tue-1", group="Tuesday", participants=["Ana", "Bo"],
                           t=clock.now())  # fmt: skip
    handle, m = start_session(first, clock)
    m.toggle()
    while not m.agenda.items[m.state.current].title.startswith("Core"):
        m.next_item()  # (the demining item keeps nothing)
    m.write("followups", "Bo: send the letter")
    m.end()
    handle.close()
    clock.advance(7 * 24 * 3600)


async def type_group(pilot, screen: SetupScreen, name: str) -> None:  # type: ignore[no-untyped-def]
    field = screen.query_one("#group", Input)
    field.focus()
    field.value = name
    await pilot.press("tab")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_another_group_name_replaces_the_people_and_the_follow_ups(
    clock: FakeClock, data_dir: Path
) -> None:
    groups_with_a_follow_up(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 34)) as pilot:
        screen = SetupScreen(catalog.find_agenda("mutual-support-150"), clock)
        await app.push_screen(screen)
        people = screen.query_one("#participants", Input)
        box = screen.query_one("#followups", Plain)
        await type_group(pilot, screen, "Tuesday")
        assert people.value == "Ana, Bo"
        assert box.display and "send the letter" in box.text
        await type_group(pilot, screen, "Moon")
        assert people.value == "Chen, Dee, Eli"
        assert not box.display and screen.carried == []  # Tuesday's follow-up is not Moon's
        await type_group(pilot, screen, "")
        assert people.value == ""


async def test_people_typed_by_hand_stay_when_the_group_changes(
    clock: FakeClock, data_dir: Path
) -> None:
    groups_with_a_follow_up(clock)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 34)) as pilot:
        screen = SetupScreen(catalog.find_agenda("mutual-support-150"), clock)
        await app.push_screen(screen)
        await type_group(pilot, screen, "Tuesday")
        people = screen.query_one("#participants", Input)
        people.value = "Ana, Bo, Fay"  # someone new today
        await type_group(pilot, screen, "Moon")
        assert people.value == "Ana, Bo, Fay"
