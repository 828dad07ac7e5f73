"""Translated agendas ("twins"): a twin names its original with ``translation_of`` and keeps its
structure. Only the words change: titles, guidance, alternatives, role names and the agenda's own
description. Items, minutes, kinds, roles (by position), decks and flags stay as in the original.

Items are compared field by field, so a field a later version adds to items is compared too,
unless it is listed here as words.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from typing import Any

from facilitator.formats.agenda import Agenda, Item
from facilitator.formats.problems import Problem
from facilitator.formats.yamlnodes import Node

WORDS = frozenset({"title", "guidance", "alternative"})  # item fields a translation rewrites
ROLE_FIELDS = frozenset({"who", "first"})  # name a role: compared by the role's position
# 'record: off' is compared as the record it is written as (off_record is how it loads).
_COMPARED = [f.name for f in dataclasses.fields(Item) if f.name not in WORDS | {"off_record"}]


@dataclass(frozen=True)
class Difference:
    """Where a twin's structure departs from its original's; ``item`` is 0-based (None: the
    agenda itself), ``key`` the YAML key to point at."""

    item: int | None
    key: str
    message: str


def deck_matches(twin_deck: str | None, original_deck: str | None, language: str) -> bool:
    """The twin draws from the original's deck, by its id (the question language picks the
    ``ID-LANG`` deck) or by the language's own deck id."""
    if twin_deck == original_deck or twin_deck is None or original_deck is None:
        return twin_deck == original_deck
    base = language.split("-")[0]
    return twin_deck in (f"{original_deck}-{language}", f"{original_deck}-{base}")


def differences(twin: Agenda, original: Agenda) -> list[Difference]:
    """Every way ``twin`` is not structurally ``original``; empty when it is a faithful twin."""
    name = f"'{original.id}'"
    found: list[Difference] = []
    if len(twin.roles) != len(original.roles):
        found.append(Difference(None, "roles", f"'roles' lists {len(twin.roles)} here but "
                                f"{len(original.roles)} in {name}, the original; a translation "
                                "names the same roles, in the same order"))  # fmt: skip
    if twin.group_size != original.group_size:
        found.append(Difference(None, "group_size", f"'group_size' is {_size(twin)} here but "
                                f"{_size(original)} in {name}, the original"))  # fmt: skip
    if len(twin.items) != len(original.items):
        found.append(Difference(None, "items", f"'items' holds {len(twin.items)} items here but "
                                f"{len(original.items)} in {name}, the original; a translation "
                                "keeps the same items in the same order"))  # fmt: skip
    for number, mine, theirs in _pairs(twin, original):
        if mine is None:  # the original's item ``number`` has no counterpart here
            found.append(Difference(None, "items", f"item {number + 1} of {name} "
                                    f"({original.items[number].title}) is missing here"))  # fmt: skip
            continue
        where = f"item {number + 1} ({mine.title})"
        if theirs is None:
            found.append(Difference(number, "title", f"{where} is not in {name}, the "
                                    "original"))  # fmt: skip
            continue
        for key in _COMPARED:
            here, there = _value(twin, mine, key), _value(original, theirs, key)
            same = (
                deck_matches(here, there, twin.language) if key == "deck" else here == there
            )  # fmt: skip
            if not same:
                shown = "who" if key == "who_also" else key  # the roles after the first
                found.append(Difference(number, shown, f"{where}: '{shown}' is {_show(here)} here "
                                        f"but {_show(there)} in {name}, the original"))  # fmt: skip
    return found


def _pairs(twin: Agenda, original: Agenda) -> list[tuple[int, Item | None, Item | None]]:
    """The twin's items beside the original's. With as many items, in order; else matched by
    structure, so an item added or left out is named alone (not every item after it).
    (n, item, None): the twin's item n is extra; (n, None, item): the original's n is missing."""
    if len(twin.items) == len(original.items):
        return [(n, a, b) for n, (a, b) in enumerate(zip(twin.items, original.items, strict=True))]
    mine = [_signature(twin, item) for item in twin.items]
    theirs = [_signature(original, item) for item in original.items]
    pairs: list[tuple[int, Item | None, Item | None]] = []
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            pairs += [(a0 + k, twin.items[a0 + k], original.items[b0 + k]) for k in range(a1 - a0)]
            continue
        pairs += [(n, twin.items[n], None) for n in range(a0, a1)]
        pairs += [(n, None, original.items[n]) for n in range(b0, b1)]
    return pairs


def _signature(agenda: Agenda, item: Item) -> tuple[Any, ...]:
    deck = item.deck
    if deck is not None and agenda.language != "en":
        for suffix in (f"-{agenda.language}", f"-{agenda.language.split('-')[0]}"):
            deck = deck.removesuffix(suffix)
    return tuple(deck if k == "deck" else _value(agenda, item, k) for k in _COMPARED)


def _value(agenda: Agenda, item: Item, key: str) -> Any:
    if key == "record" and item.off_record:
        return "off"
    value = getattr(item, key)
    if key in ROLE_FIELDS and value is not None and value in agenda.roles:
        return RolePlace(agenda.roles.index(value), value)
    if key == "question":  # its words are translated; whether the item has one is structure
        return HasQuestion(value is not None)
    if key == "who_also":  # the roles after the first in 'who: [a, b]'
        return tuple(RolePlace(agenda.roles.index(v), v) if v in agenda.roles else v for v in value)
    return value


@dataclass(frozen=True)
class HasQuestion:
    """Whether an item has its own question (the question itself is translated)."""

    present: bool

    def __str__(self) -> str:
        return "a question of its own" if self.present else "no question of its own"


@dataclass(frozen=True)
class RolePlace:
    """A role by its position in the agenda's 'roles' (its name is translated)."""

    index: int
    name: str = dataclasses.field(compare=False)

    def __str__(self) -> str:
        return f"role {self.index + 1} ('{self.name}')"


def _show(value: Any) -> str:
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, (RolePlace, HasQuestion)):
        return str(value)
    return f"'{value}'"


def _size(agenda: Agenda) -> str:
    size = agenda.group_size
    return f"{size[0]}–{size[1]}" if size else "not set"


def problems(path: str, root: Node, twin: Agenda, original: Agenda) -> list[Problem]:
    """The differences as problems at the place in the twin's file (its YAML nodes) they are."""
    items_node = root.get("items")
    found = []
    for difference in differences(twin, original):
        node: Node | None = None
        if difference.item is None:
            node = root.get(difference.key)
        elif items_node is not None and difference.item < len(items_node.items):
            item_node = items_node.items[difference.item]
            node = item_node.get(difference.key) or item_node.get("title") or item_node
        node = node or root.get("translation_of") or root
        found.append(Problem(path, node.line, node.column, difference.message))
    return found
