from __future__ import annotations

from textual.pilot import Pilot

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda
from facilitator.meeting.meeting import creation_event
from facilitator.tui.app import FacilitatorApp, Startup


def meeting_app(
    agenda: Agenda,
    clock: FakeClock,
    people: list[str],
    group: str = "Tuesday",
    newcomer: bool = False,
) -> FacilitatorApp:
    first = creation_event(
        agenda,
        session="2027-01-15-0800-tuesday-abcd",
        group=group,
        participants=people,
        newcomer=newcomer,
        t=clock.now(),
    )
    return FacilitatorApp(clock, Startup(first=first))


async def settle(app: FacilitatorApp) -> None:
    """Redraw from the fake clock, as the once-a-second timer would."""
    screen = app.screen
    if hasattr(screen, "refresh_clock"):
        screen.refresh_clock()


def notices(app: FacilitatorApp) -> list[str]:
    """What the app has notified, in order."""
    return list(app.notices)


async def next_item(pilot: Pilot[int]) -> None:
    """n, and yes when it asks first (a round that has not heard everyone yet)."""
    from facilitator.tui.screens.confirm import Confirm

    await pilot.press("n")
    if isinstance(pilot.app.screen, Confirm):
        await pilot.press("y")
