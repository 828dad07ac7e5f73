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
        if question is None:
            # Everything was drawn this session (a round with more people than questions):
            # one set aside unasked earlier comes first, then the one asked longest ago, but
            # not one just set aside on this item.
            for draw in (d for run in state.items for d in run.draws if not d.skipped):
                asked[draw.text] = max(asked.get(draw.text, draw.at), draw.at)
            here = {d.text for d in state.items[state.current].draws if d.skipped}
            question = choose(
                deck, asked, tags=tags, retired=retired, exclude=here, rng=self.rng
            ) or choose(deck, asked, tags=tags, retired=retired, rng=self.rng)
        return deck, question
