"""``facilitator decks draw``: one question, outside a meeting."""

from __future__ import annotations

import argparse
import random

from facilitator import catalog
from facilitator.cli.output import error, resolve, say
from facilitator.decks.draw import choose
from facilitator.decks.history import History, group_history
from facilitator.i18n import _, ngettext


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
            if tags:
                said = ngettext("No question in {deck} has the tag {unknown}; its tags are: {tags}.",
                                "No question in {deck} has the tags {unknown}; its tags are: {tags}.",
                                len(unknown))  # fmt: skip
            else:
                said = ngettext("No question in {deck} has the tag {unknown}; it has no tags.",
                                "No question in {deck} has the tags {unknown}; it has no tags.",
                                len(unknown))  # fmt: skip
            error(said.format(deck=deck.id, unknown=", ".join(unknown), tags=", ".join(tags)))
        else:
            said = _("Every question of {deck} with these tags was retired for this group.")
            error(said.format(deck=deck.id))
        return 1
    say(question.text)
    return 0
