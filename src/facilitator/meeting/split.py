"""The rules of a split item: its time shared between people or topics, one slot after the
other. Command side only.

Each slot is given its time when it begins: its planned minutes if what is left of the item
holds every slot still to come, else its part of what is left, in proportion to the plans. So a
slot that runs over takes its overtime from the slots after it, never from the items after the
split one: the slots give way first, and the item keeps its own re-planning rules (a flexible
item shrinks only down to its minimum, a protected one not at all). ``+`` and ``-`` while a
slot runs give it the minute too. Sharing the time again keeps the slots held so far and
replaces those still to come; the slots can also be stopped, the item going on by itself.

:func:`decide` writes the split as the rules leave it into the event (a
:class:`~facilitator.meeting.events.Split`); replay only assigns it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from facilitator import i18n
from facilitator.meeting.events import (
    SPLIT_EVENTS,
    Event,
    ItemExtended,
    Share,
    SlotChanged,
    Split,
    TimeSplit,
)
from facilitator.meeting.projection import allotted
from facilitator.meeting.state import ItemRun, State
from facilitator.text import clean_line

E = TypeVar("E", bound=Event)
MAX_SLOTS = 20
_PART = re.compile(r"^(?P<name>.*?)(?:\s+(?P<minutes>\d+(?:[.,]\d+)?)\s*(?:min|mn|m|')?)?$")


def parse(text: str, left_minutes: float) -> list[tuple[str, float]]:
    """``Jo 30, Raf 15`` as names and minutes; a name without minutes gets an equal part of
    what the others leave of ``left_minutes``. ValueError in words when it cannot be read."""
    parts = [clean_line(p) for p in re.split(r"[,;\n]", text)]
    parts = [p for p in parts if p]
    if not parts:
        raise ValueError(i18n._("Name who shares the time, e.g. 'Jo 30, Raf 15' or 'Jo, Raf'"))
    if len(parts) > MAX_SLOTS:
        raise ValueError(i18n._("At most {count} slots").format(count=MAX_SLOTS))
    asked: list[tuple[str, float | None]] = []
    for part in parts:
        found = _PART.match(part)
        name = clean_line(found.group("name")) if found else part
        minutes = found.group("minutes") if found else None
        if not name or name.replace(".", "").isdigit():
            raise ValueError(i18n._("'{part}': give a name before the minutes").format(part=part))
        if any(name.casefold() == other.casefold() for other, _ in asked):
            raise ValueError(i18n._("{name} is named twice").format(name=name))
        value = float(minutes.replace(",", ".")) if minutes else None
        if value is not None and value <= 0:
            raise ValueError(i18n._("{name}: give more than 0 minutes").format(name=name))
        asked.append((name, value))
    named = sum(m for _, m in asked if m is not None)
    open_ones = [n for n, m in asked if m is None]
    if not open_ones:
        return [(n, m) for n, m in asked if m is not None]
    rest = left_minutes - named
    if rest < len(open_ones):
        said = i18n._("The minutes given already take the {left} left: give {names} minutes too")
        raise ValueError(said.format(left=f"{left_minutes:.0f}", names=", ".join(open_ones)))

    equal = max(0.5, int(rest / len(open_ones) * 2) / 2)  # half minutes, never more than left
    return [(n, m if m is not None else equal) for n, m in asked]


def decide(state: State, event: E) -> E:
    """``event`` with the item's split as the rules leave it after the event."""
    if not isinstance(event, SPLIT_EVENTS):
        return event
    run = state.items[event.index]
    t = event.t
    shares = list(run.shares)
    current = run.slot
    kind = run.split_kind
    if isinstance(event, TimeSplit):
        kind = event.kind
        # Shared again: the slots held so far stay as they were (the running one ends now),
        # those not begun give way to the new ones.
        if current is not None:
            shares[current] = _ended(run, shares[current], t)
        held = [share for share in shares if share.given is not None]
        shares = [*held, *(Share(s.name, s.minutes) for s in event.shares)]
        current = len(held) if event.shares else None
        if current is not None:
            shares[current] = _begin(state, run, shares, current, t)
    elif isinstance(event, SlotChanged):
        if current is not None:
            shares[current] = _ended(run, shares[current], t)
        current = event.slot
        if current is not None:
            shares[current] = _begin(state, run, shares, current, t)
    elif isinstance(event, ItemExtended):
        if current is None or event.index != state.current:
            return event
        share = shares[current]
        shares[current] = dataclasses.replace(
            share, given=max(0.0, (share.given or 0.0) + event.minutes * 60.0)
        )
    split = Split(index=event.index, kind=kind, shares=tuple(shares), current=current)
    fields: dict[str, Any] = {"split": split}
    changed: E = dataclasses.replace(event, **fields)
    return changed


def _ended(run: ItemRun, share: Share, t: float) -> Share:
    return dataclasses.replace(share, used=round(run.elapsed(t) - (share.begun or 0.0), 3))


def _begin(state: State, run: ItemRun, shares: list[Share], k: int, t: float) -> Share:
    """Slot ``k`` begins: the seconds it is given (see the module's rule)."""
    left = max(0.0, allotted(state, t) - run.elapsed(t))
    plans = sum(s.minutes for s in shares[k:]) * 60.0
    plan = shares[k].minutes * 60.0
    given = plan if left >= plans else left * plan / plans
    return dataclasses.replace(shares[k], given=round(given, 3), begun=round(run.elapsed(t), 3),
                               used=None)  # fmt: skip


def slot_left(run: ItemRun, now: float) -> float | None:
    """Seconds left in the slot running now (negative in its overtime); None without one."""
    if run.slot is None:
        return None
    return (run.shares[run.slot].given or 0.0) - run.slot_elapsed(now)
