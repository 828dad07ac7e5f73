"""``facilitator decks draw``: one question, outside a meeting."""

from __future__ import annotations

import argparse
import random

from facilitator import catalog
from facilitator.cli.output import error, resolve, say
from facilitator.decks.draw import choose
from facilitator.decks.history import History, group_history


def draw_once(args: argparse.Namespace) -> int:
    deck = resolve(lambda name: catalog.find_deck(name, args.language), args.deck)
    if deck is None:
        return 1
    history = group_history(args.group) if args.group else History()
    rng = random.Random(args.seed)
    question = choose(deck, history.asked, tags=args.tag, retired=history.retired, rng=rng)
    if question is None:
        tags = sorted({t for q in deck.questions for t in q.tags})
        unknown = [t for t in args.tag if t not in tags]
        if unknown:
            error(
                f"No question in {deck.id} has the tag {', '.join(unknown)}; "
                f"its tags are: {', '.join(tags) or 'none'}."
            )
        else:
            error(f"Every question of {deck.id} with these tags was retired for this group.")
        return 1
    say(question.text)
    return 0
