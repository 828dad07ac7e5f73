"""The interface in French: snapshots at 80x24, and a whole meeting with no English on screen.

The meeting is the French twin ``mutual-support-150-fr`` run with ``--lang fr``: each screen it
shows is captured and its words are scanned against the English catalogue's (the msgids).
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator

import pytest
from babel.messages.extract import extract_from_dir
from textual.pilot import Pilot

from facilitator import catalog, i18n
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.decks.history import History
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.screens.confirm import Confirm
from facilitator.tui.screens.setup import SetupScreen
from tests.tui.helpers import meeting_app, settle
from tests.tui.test_snapshots import home_ready
from tests.unit.test_catalogues import KEYWORDS, SOURCE

PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]
WORD = re.compile(r"[^\W\d_]{3,}")


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def twin_app(clock: FakeClock) -> FacilitatorApp:
    app = meeting_app(catalog.find_agenda("mutual-support-150-fr"), clock, list(PEOPLE))
    app.drawer_factory = lambda m: Drawer(
        "Mardi", m.state.language, rng=random.Random(3), history=History()
    )
    return app


def test_home_in_french(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await home_ready(pilot)

    app = FacilitatorApp(FakeClock(), Startup())
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_setup_in_french(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = FacilitatorApp(clock, Startup())

    async def run_before(pilot: Pilot) -> None:
        agenda = catalog.find_agenda("case-clinic-fr")
        await pilot.app.push_screen(SetupScreen(agenda, clock, "Lune"))
        await pilot.press("tab", *"Bo")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_meeting_in_french(snap_compare, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("space")
        clock.advance(minutes=2)
        await pilot.press("n")
        clock.advance(seconds=75)
        await pilot.press("s")
        clock.advance(seconds=40)
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(twin_app(clock), terminal_size=(80, 24), run_before=run_before)


def english_words(language: str = "fr") -> set[str]:
    """The words of the English catalogue (every msgid), less those ``language`` shares with it
    (``discussion``, ``notes``, ``palette``...) and the agenda's and the people's own."""
    words: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        for text in message if isinstance(message, tuple) else (message,):
            words |= {w.casefold() for w in WORD.findall(re.sub(r"\{[^}]*\}", " ", text or ""))}
    other = i18n.catalogue(language)
    shared = set()
    for msgid in list(words):
        shared |= {w.casefold() for w in WORD.findall(other.gettext(msgid))}
    return words - shared


def screen_text(app: FacilitatorApp) -> str:
    """What the terminal shows, from Textual's own screenshot."""
    svg = app.export_screenshot()
    rows = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape(" ".join(rows)).replace("\xa0", " ")


async def test_a_whole_french_meeting_shows_no_english(clock: FakeClock) -> None:
    found = await english_in_a_whole_meeting(twin_app(clock), "mutual-support-150-fr", "fr", clock)
    assert found == {}, f"English on the French screens: {sorted(found)}"


async def english_in_a_whole_meeting(app: FacilitatorApp, agenda_id: str, language: str,
                                     clock: FakeClock) -> dict[str, int]:  # fmt: skip
    """The English words (and the number of the screen they were first on) seen while the
    agenda is run from start to end, every item with its keys, then help and the palette."""
    english = english_words(language)
    own = {w.casefold() for w in WORD.findall(" ".join(PEOPLE))}
    agenda = catalog.find_agenda(agenda_id)
    texts = [agenda.title] + [
        f"{i.title} {i.guidance or ''} {i.alternative or ''} {i.question or ''}"
        for i in agenda.items
    ]
    own |= {w.casefold() for w in WORD.findall(" ".join(texts))}
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:

        async def look() -> None:
            await settle(app)
            await pilot.pause()
            seen.append(screen_text(app))

        await look()  # READY
        await pilot.press("space")
        await look()
        meeting = app.meeting
        assert meeting is not None
        while meeting.state.current < len(agenda.items) - 1:
            clock.advance(minutes=1)
            await pilot.press("n")
            if isinstance(app.screen, Confirm):  # a round not everyone spoke in: who, and asks
                await look()
                await pilot.press("y")
            item = agenda.items[meeting.state.current]
            keys = ["d"] if item.deck else []
            if item.record == "expectations":  # an entry for the speaker (typing costs time)
                keys += ["e", "x", "enter", "escape"]

            keys += ["s"] if item.is_round else []
            await pilot.press(*keys)
            clock.advance(minutes=3)  # overtime on the short items
            await look()

        await pilot.press("question_mark")
        await look()
        await pilot.press("escape", "ctrl+p")
        await look()
        await pilot.press("escape", "q")

        await look()
        await pilot.press("y")
        await pilot.pause()
        # Back on Home, whose list holds every agenda, English ones too (their titles are the
        # groups' own words): what the end said is what is scanned.
        seen.append(app.notices[-1])

    found: dict[str, int] = {}
    for number, text in enumerate(seen):
        for word in WORD.findall(re.sub(r"\S*/\S*", " ", text)):  # a file's path is no word
            folded = word.casefold()
            if folded in english and folded not in own:
                found.setdefault(folded, number)
    return found
