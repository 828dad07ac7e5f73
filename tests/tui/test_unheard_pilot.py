"""n, k and q in a round that has not heard everyone: they say who and ask first."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.tui.screens.confirm import Confirm
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.text import Plain
from tests.tui.helpers import meeting_app

AGENDA = Agenda(
    id="r", title="Rounds",
    items=(
        Item("Opening", minutes=2),
        Item("Expectations", minutes=12, kind="round"),
        Item("Core", minutes=60, flexible=True, min_minutes=20),
        Item("Conclusion", minutes=6, kind="round"),
    ),
)  # fmt: skip
PEOPLE = ["Ana", "Bo", "Dee", "Eli", "Fay"]


def title(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(".dialog-title", Plain).text


async def to_expectations(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """Start, leave the opening, and hear Ana and Bo: Dee, Eli and Fay have not spoken."""
    await pilot.press("space", "n")
    for _ in range(2):
        clock.advance(seconds=40)
        await pilot.press("s")
    clock.advance(seconds=40)  # Dee is well into her turn: she is heard, speaking
    await pilot.press("s")  # Eli has the floor, a moment ago


async def test_n_names_who_has_not_spoken_and_no_keeps_the_round(clock: FakeClock) -> None:
    app = meeting_app(AGENDA, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await to_expectations(pilot, clock)
        await pilot.press("n")
        assert isinstance(app.screen, Confirm)
        assert title(app) == "2 have not spoken: Eli, Fay\nMove on anyway?"
        assert m.state.current == 1
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)
        assert m.state.current == 1 and m.run.speaker == "Eli"


async def test_yes_moves_on_and_k_asks_too(clock: FakeClock) -> None:
    app = meeting_app(AGENDA, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await to_expectations(pilot, clock)
        await pilot.press("n", "y")
        assert isinstance(app.screen, MeetingScreen)
        assert m.state.current == 2 and m.state.items[1].status == "done"
        await pilot.press("p")  # back in the round; k asks before skipping it
        await pilot.press("k")
        assert title(app).endswith("\nSkip this item anyway?")
        await pilot.press("enter")
        assert m.state.current == 2 and m.state.items[1].status == "skipped"


async def test_once_everyone_has_spoken_n_moves_on_without_asking(clock: FakeClock) -> None:
    app = meeting_app(AGENDA, clock, ["Ana", "Bo", "Chen"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n")
        clock.advance(seconds=40)
        await pilot.press("s", "b")  # Ana spoke, Bo passes
        clock.advance(seconds=40)  # Chen speaks: nobody is left who has neither spoken nor passed
        await pilot.press("n")
        assert isinstance(app.screen, MeetingScreen)
        assert m.state.current == 2


async def test_q_in_a_round_says_who_has_not_spoken_before_ending(clock: FakeClock) -> None:
    app = meeting_app(AGENDA, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        await pilot.press("space", "n")
        await pilot.press("q")
        assert title(app) == "2 have not spoken: Ana, Bo\nEnd the meeting anyway?"
        await pilot.press("escape")
        assert m.status == "running"


async def test_yes_after_the_round_moved_on_by_itself_leaves_the_next_item_alone(
    clock: FakeClock,
) -> None:
    agenda = Agenda(id="a", title="Auto", items=(
        Item("Mirroring", kind="round", per_person=1, minutes=2, advance="auto"),
        Item("Dialogue", minutes=20), Item("Close", minutes=5)))  # fmt: skip
    app = meeting_app(agenda, clock, ["Ana", "Bo"])
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.meeting
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("space")
        clock.advance(seconds=30)
        await pilot.press("n")
        assert title(app) == "1 has not spoken: Bo\nMove on anyway?"
        clock.advance(minutes=3)  # while it asks, Bo's turn and the round run out
        screen.refresh_clock()
        assert m.state.current == 1
        await pilot.press("y")
        assert app.screen is screen and m.state.current == 1  # the dialogue goes on
