"""An agenda as plain data, so a session's journal keeps the agenda it ran with."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any, get_type_hints

from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.events import JournalFormatError, value_of

_ITEM_HINTS = get_type_hints(Item)
# Hints whose values JSON gives as they are: checked by isinstance alone.
_QUICK: dict[Any, tuple[type, ...]] = {str: (str,), bool: (bool,), float: (int, float),
                                       str | None: (str, type(None)),
                                       float | None: (int, float, type(None))}  # fmt: skip


_ITEM_FIELDS = [f.name for f in dataclasses.fields(Item)]


def agenda_to_data(agenda: Agenda) -> dict[str, Any]:
    return {
        "id": agenda.id,
        "title": agenda.title,
        "language": agenda.language,
        "group_size": list(agenda.group_size) if agenda.group_size else None,
        "roles": list(agenda.roles),
        "brings": list(agenda.brings),
        "items": [
            {name: _plain(getattr(item, name)) for name in _ITEM_FIELDS} for item in agenda.items
        ],  # fmt: skip
    }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def agenda_from_data(data: Mapping[str, Any]) -> Agenda:
    """The agenda a journal kept; JournalFormatError when it is not one (fields a later
    version adds to items are left out)."""
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise JournalFormatError("the session's agenda has no items")
    items = tuple(_item(raw, n) for n, raw in enumerate(raw_items))
    size = data.get("group_size")
    group_size = None
    if size is not None:
        pair = value_of(tuple[int, ...], size, "agenda.group_size")
        if len(pair) != 2:
            raise JournalFormatError("the session's agenda.group_size is not [min, max]")
        group_size = (pair[0], pair[1])
    return Agenda(
        id=value_of(str, data.get("id", ""), "agenda.id"),
        title=value_of(str, data.get("title", ""), "agenda.title"),
        items=items,
        language=value_of(str, data.get("language", "en"), "agenda.language"),
        group_size=group_size,
        roles=value_of(tuple[str, ...], data.get("roles", []), "agenda.roles"),
        brings=value_of(tuple[str, ...], data.get("brings", []), "agenda.brings"),
        origin="journal",
    )


def _item(raw: Any, number: int) -> Item:
    if not isinstance(raw, dict):
        raise JournalFormatError(f"item {number} of the session's agenda is not a mapping")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        hint = _ITEM_HINTS.get(key)
        if hint is None:
            continue
        quick = _QUICK.get(hint)
        if (
            quick is not None
            and isinstance(value, quick)
            and not (isinstance(value, bool) and bool not in quick)
            and not (isinstance(value, float) and not math.isfinite(value))
        ):  # the usual case
            values[key] = float(value) if isinstance(value, int) and float in quick else value
        else:
            values[key] = value_of(hint, value, f"agenda.items[{number}].{key}")
    if "title" not in values:
        raise JournalFormatError(f"item {number} of the session's agenda has no title")
    return Item(**values)
