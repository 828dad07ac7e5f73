"""German, Spanish and Italian: each of their three agendas run as a whole meeting in the
group's own interface language, every screen scanned for English words (as the French one is
in test_french.py)."""

from __future__ import annotations

import random

import pytest

from facilitator import catalog, i18n
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.decks.history import History
from tests.tui.helpers import meeting_app
from tests.tui.test_french import PEOPLE, english_in_a_whole_meeting

AGENDAS = ("mutual-support-150", "case-clinic", "home-group")


@pytest.mark.parametrize("language", ["de", "es", "it"])
@pytest.mark.parametrize("agenda", AGENDAS)
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
