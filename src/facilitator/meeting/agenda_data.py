"""An agenda as plain data, so a session's journal keeps the agenda it ran with."""

from __future__ import annotations

import dataclasses
from typing import Any

from facilitator.formats.agenda import Agenda, Item

_ITEM_FIELDS = {f.name for f in dataclasses.fields(Item)}


def agenda_to_data(agenda: Agenda) -> dict[str, Any]:
    return {
        "id": agenda.id,
        "title": agenda.title,
        "language": agenda.language,
        "group_size": list(agenda.group_size) if agenda.group_size else None,
        "roles": list(agenda.roles),
        "items": [dataclasses.asdict(item) for item in agenda.items],
    }


def agenda_from_data(data: dict[str, Any]) -> Agenda:
    items = tuple(
        Item(**{k: tuple(v) if k == "tags" else v for k, v in raw.items() if k in _ITEM_FIELDS})
        for raw in data.get("items", [])
    )
    size = data.get("group_size")
    return Agenda(
        id=str(data.get("id", "")),
        title=str(data.get("title", "")),
        items=items,
        language=str(data.get("language", "en")),
        group_size=(int(size[0]), int(size[1])) if size else None,
        roles=tuple(data.get("roles", ())),
        origin="journal",
    )
