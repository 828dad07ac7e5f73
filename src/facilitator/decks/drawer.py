"""Drawing during a meeting: the group's history is read once, the session adds to it."""

from __future__ import annotations

import random
from collections.abc import Iterable

from facilitator import catalog
from facilitator.decks.draw import choose
from facilitator.decks.history import History, group_history
from facilitator.formats.deck import Deck, Question
from facilitator.meeting.state import State


class Drawer:
    def __init__(
        self,
        group: str,
        language: str = "en",
        session: str | None = None,
        rng: random.Random | None = None,
        history: History | None = None,
    ) -> None:
        self.group = group
        self.language = language
        self.session = session
        self.rng = rng or random.Random()
        self._history = history
        self._decks: dict[str, Deck] = {}

    @property
    def history(self) -> History:
        if self._history is None:
            self._history = group_history(self.group, exclude_session=self.session)
        return self._history

    def deck(self, deck_id: str) -> Deck:
        if deck_id not in self._decks:
            self._decks[deck_id] = catalog.find_deck(deck_id, self.language)
        return self._decks[deck_id]

    def draw(
        self, deck_id: str, state: State, tags: Iterable[str] = ()
    ) -> tuple[Deck, Question | None]:
        deck = self.deck(deck_id)
        this_session = {d.text for run in state.items for d in run.draws}
        asked = dict(self.history.asked)
        retired = self.history.retired | set(state.retired)
        question = choose(
            deck, asked, tags=tags, retired=retired, exclude=this_session, rng=self.rng
        )
        if question is None:  # everything drawn this session: allow repeats of skipped ones
            question = choose(deck, asked, tags=tags, retired=retired, rng=self.rng)
        return deck, question
