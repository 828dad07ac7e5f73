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
        wanted = f" tagged {', '.join(args.tag)}" if args.tag else ""
        error(f"No question{wanted} left in {deck.id}.")
        return 1
    say(question.text)
    return 0
