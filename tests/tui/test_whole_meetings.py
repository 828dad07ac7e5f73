"""German, Spanish and Italian: whole meetings in the group's own interface language, every
screen scanned for English words (as the French one is in test_french.py). All nine pairs
passed when this was written; the suite runs three of them."""

from __future__ import annotations

import random

import pytest

from facilitator import catalog, i18n
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.decks.history import History
from tests.tui.helpers import meeting_app
from tests.tui.test_french import PEOPLE, english_in_a_whole_meeting

# Each language with one of its three agendas, each agenda in one language: every agenda and
# every language is run whole, within the suite's time (a meeting is 4-16 s of Pilot time).
PAIRS = [("mutual-support-150", "de"), ("case-clinic", "es"), ("home-group", "it")]


@pytest.mark.parametrize(("agenda", "language"), PAIRS)
async def test_a_whole_meeting_shows_no_english(agenda: str, language: str,
                                                clock: FakeClock) -> None:  # fmt: skip
    i18n.set_language(language)
    twin = f"{agenda}-{language}"
    app = meeting_app(catalog.find_agenda(twin), clock, list(PEOPLE))
    app.drawer_factory = lambda m: Drawer(
        "Gruppe", m.state.language, rng=random.Random(3), history=History()
    )
    found = await english_in_a_whole_meeting(app, twin, language, clock)
    assert found == {}, f"English on the {language} screens of {twin}: {sorted(found)}"
