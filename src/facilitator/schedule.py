"""Schedule arithmetic: item lengths, start times, and re-planning that keeps the end time.

Times are in minutes. Only flexible items absorb differences: they shrink (never below their
``min_minutes``) when the meeting runs late and grow when time is freed. Protected and ordinary
items keep their length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from facilitator.formats.agenda import Agenda, Item


@dataclass(frozen=True)
class Slot:
    index: int  # position in agenda.items
    item: Item
    start: float  # minutes from the start of the meeting
    minutes: float
    active: bool = True  # False for a newcomer-only item when no newcomer is present

    @property
    def end(self) -> float:
        return self.start + self.minutes


@dataclass(frozen=True)
class Fit:
    lengths: list[float]
    over: float  # minutes beyond the budget that no flexible item could absorb


def speakers_for(
    item: Item, participants: int | None, role_counts: Mapping[str, int] | None = None
) -> int | None:
    """How many people speak in a round (None when not known). An item for several roles is
    counted under their joined key (see count_roles: someone holding two counts once)."""
    if item.who is not None:
        key = roles_key(item.who_roles)
        if role_counts and key in role_counts:
            return role_counts[key]
        if role_counts and all(role in role_counts for role in item.who_roles):
            return sum(role_counts[role] for role in item.who_roles)
        return None
    return participants


def roles_key(roles: Sequence[str]) -> str:
    """The key under which count_roles counts the holders of several roles together."""
    return " + ".join(roles)


def count_roles(agenda: Agenda, holders: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """How many hold each role, and, for each item whose 'who' names several, how many hold
    any of them (each person once)."""
    counts = {role: len(names) for role, names in holders.items()}
    for item in agenda.items:
        if len(item.who_roles) > 1:
            names = {n for role in item.who_roles for n in holders.get(role, ())}
            counts[roles_key(item.who_roles)] = len(names)
    return counts


def nominal_minutes(
    item: Item, participants: int | None, role_counts: Mapping[str, int] | None = None
) -> float:
    return item.nominal(speakers_for(item, participants, role_counts))


def fit(
    items: Sequence[Item],
    nominal: Sequence[float],
    budget: float,
    floors: Sequence[float] | None = None,
) -> Fit:
    """Lengths for ``items`` so that they fill ``budget`` minutes, moving only flexible ones.

    A flexible item never shrinks below its floor (by default its ``min_minutes``), nor below
    its nominal length when that is less.
    """
    lengths = list(nominal)
    diff = budget - sum(lengths)
    flex = [i for i, item in enumerate(items) if item.flexible]
    if not flex:
        return Fit(lengths, max(0.0, -diff))
    if diff >= 0:
        weights = [max(lengths[i], 0.0) for i in flex]
        total = sum(weights)
        for i, w in zip(flex, weights):
            lengths[i] += diff * (w / total if total else 1.0 / len(flex))
        return Fit(lengths, 0.0)
    need = -diff
    lowest = {i: min(items[i].floor if floors is None else floors[i], lengths[i]) for i in flex}
    slack = {i: lengths[i] - lowest[i] for i in flex}
    total_slack = sum(slack.values())
    if total_slack <= need:
        for i in flex:
            lengths[i] = lowest[i]
        return Fit(lengths, need - total_slack)
    for i in flex:
        lengths[i] -= need * slack[i] / total_slack
    return Fit(lengths, 0.0)


def total_minutes(
    agenda: Agenda, participants: int | None = None, role_counts: Mapping[str, int] | None = None
) -> float:
    """The meeting's committed length: every item, newcomer-only ones included."""
    return sum(nominal_minutes(i, participants, role_counts) for i in agenda.items)


TYPICAL_PEOPLE = 6  # the groups we build for have 6 to 12 people


def typical_people(agenda: Agenda) -> int:
    """The number of people a length is shown for before anyone is named: the agenda's smallest
    group, or six."""
    return agenda.group_size[0] if agenda.group_size else TYPICAL_PEOPLE


def scaling(agenda: Agenda) -> tuple[float, float]:
    """(base, each): the meeting lasts base + each * people minutes (rounds for a role keep
    their written minutes until the role's holders are known)."""
    each = sum(i.per_person or 0.0 for i in agenda.items if i.per_person and i.who is None)
    base = sum(i.nominal(None) for i in agenda.items if not (i.per_person and i.who is None))
    return base, each


def plan(
    agenda: Agenda,
    participants: int | None = None,
    newcomer: bool = False,
    role_counts: Mapping[str, int] | None = None,
) -> list[Slot]:
    """The timeline before the meeting starts; items left out give their time to flexible ones."""
    budget = total_minutes(agenda, participants, role_counts)
    active = [i for i, item in enumerate(agenda.items) if newcomer or item.when != "newcomer"]
    items = [agenda.items[i] for i in active]
    lengths = fit(items, [nominal_minutes(it, participants, role_counts) for it in items], budget)
    slots: list[Slot] = []
    at = 0.0
    by_index = dict(zip(active, lengths.lengths))
    for index, item in enumerate(agenda.items):
        if index in by_index:
            slots.append(Slot(index, item, at, by_index[index]))
            at += by_index[index]
        else:
            slots.append(Slot(index, item, at, 0.0, active=False))
    return slots


def format_offset(minutes: float) -> str:
    """``T0+15'`` style offsets, rounded to the minute."""
    return f"T0+{round(minutes)}'" if round(minutes) else "T0"
