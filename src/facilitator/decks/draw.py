"""Choosing the next question: never-asked first, then the least recently asked."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping

from facilitator.formats.deck import Deck, Question


def eligible(deck: Deck, tags: Iterable[str] = (), retired: Iterable[str] = (),
             exclude: Iterable[str] = ()) -> list[Question]:  # fmt: skip
    wanted = set(tags)
    out = set(retired) | set(exclude)
    return [q for q in deck.questions
            if q.text not in out and wanted <= set(q.tags)]  # fmt: skip


def choose(deck: Deck, asked: Mapping[str, float], *, tags: Iterable[str] = (),
           retired: Iterable[str] = (), exclude: Iterable[str] = (),
           rng: random.Random | None = None) -> Question | None:  # fmt: skip
    """A question for the group; ``asked`` maps question text to when it was last asked."""
    rng = rng or random.Random()
    pool = eligible(deck, tags, retired, exclude)
    if not pool:
        return None
    fresh = [q for q in pool if q.text not in asked]
    if fresh:
        return rng.choice(fresh)
    oldest = min(asked[q.text] for q in pool)
    return rng.choice([q for q in pool if asked[q.text] == oldest])
