"""The session's own content on screen: an open enquiry run with --question shows its question in
the question box on every item and in the record; set-up asks for what the agenda brings."""

from __future__ import annotations

from textual.widgets import Input

from facilitator.cli.main import build_parser
from facilitator.clock import FakeClock
from facilitator.journal.store import record_path
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.launch import startup_from
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.widgets.text import Plain
from tests.tui.helpers import next_item

QUESTION = "What does enough mean?"


async def test_an_open_enquiry_run_with_a_question_shows_it_on_every_item_and_in_the_record(
    clock: FakeClock,
) -> None:
    argv = ["run", "enquiring-open", "--participants", "Ana, Bo, Chen", "--question", QUESTION,
            "--supporting", "Who decides?"]  # fmt: skip
    startup = startup_from(build_parser(argv).parse_args(argv), clock)  # type: ignore[arg-type]
    assert startup is not None and startup.first is not None
    app = FacilitatorApp(clock, startup)
    async with app.run_test(size=(100, 30)) as pilot:
        meeting = app.meeting
        assert meeting is not None
        await pilot.press("space")
        shown = []
        for _item in meeting.agenda.items:
            await pilot.pause()
            box = app.screen.query_one("#question", Plain)
            assert box.display and QUESTION in box.text, box.text
            shown.append(box.text)
            clock.advance(60)
            await next_item(pilot)  # yes when a round not everyone spoke in asks first
        assert shown[0] == f"{QUESTION}\n· Who decides?"
        assert shown[1] == f"Press d to draw a question\nThe question: {QUESTION}"
        await pilot.press("q", "y")
        await pilot.pause()
        record = record_path(meeting.state.session).read_text(encoding="utf-8")
        assert f"- Question: {QUESTION}\n- Supporting questions:\n  - Who decides?\n" in record


async def test_set_up_asks_for_what_the_agenda_brings_and_the_meeting_shows_it(
    clock: FakeClock,
) -> None:
    app = FacilitatorApp(clock, Startup(setup="enquiring-article", content={"question": QUESTION}))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        fields = [w.id for w in screen.query(Input)]
        assert fields[3:8] == [
            "reading-title",
            "reading-author",
            "reading-link",
            "question",
            "supporting",
        ]  # in the order the agenda's 'brings' names them
        assert screen.query_one("#question", Input).value == QUESTION  # from the command line
        screen.query_one("#participants", Input).value = "Ana, Bo, Mei"
        screen.query_one("#role-0", Input).value = "Ana"
        screen.query_one("#reading-title", Input).value = "The street"
        screen.query_one("#reading-author", Input).value = "Mei"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting is not None
        box = app.screen.query_one("#question", Plain)
        assert box.text == f"{QUESTION}\nReading: “The street”, Mei"


async def test_set_up_shows_no_content_field_for_an_agenda_that_brings_nothing(
    clock: FakeClock,
) -> None:
    app = FacilitatorApp(clock, Startup(setup="mutual-support-150"))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        ids = {w.id for w in app.screen.query(Input)}
        assert not ids & {"topic", "question", "supporting", "reading-title"}


async def test_the_box_has_room_for_a_topic_its_question_and_two_supporting_ones(
    clock: FakeClock,
) -> None:
    argv = ["run", "enquiring-presentation", "--participants", "Ana, Bo", "--topic", "Co-ops",
            "--question", QUESTION, "--supporting", "Who owns the roof?", "--supporting",
            "What about noise?"]  # fmt: skip
    startup = startup_from(build_parser(argv).parse_args(argv), clock)  # type: ignore[arg-type]
    assert startup is not None
    app = FacilitatorApp(clock, startup)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#question", Plain)
        assert box.text.count("\n") == 3  # four lines
        assert box.size.height == 4  # all of them shown, none cut off
