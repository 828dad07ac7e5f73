"""A group's settings, remembered between meetings: people, roles, language, rhythm."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facilitator import paths
from facilitator.fsutil import atomic_write
from facilitator.text import clean_line
from facilitator.text import slug as text_slug


@dataclass
class Group:
    name: str
    participants: list[str] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    language: str = "en"
    agenda: str | None = None
    rhythm: dict[str, Any] | None = None


def slug(name: str) -> str:
    return text_slug(name, "group", 60)


def _file(name: str) -> Path:
    """The group's file: its name made file-safe; when another group already has that file
    ("[Tue] group" and "Tue group" make the same), the name's digest tells them apart."""
    key = clean_line(name).casefold()
    plain = paths.groups_dir() / f"{slug(name)}.json"
    if _stored_name(plain) in (None, key):
        return plain
    digest = hashlib.sha256(key.encode()).hexdigest()[:8]
    return paths.groups_dir() / f"{slug(name)}-{digest}.json"


def _stored_name(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return clean_line(str(data["name"])).casefold()
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_group(name: str) -> Group:
    name = clean_line(name)
    try:
        data = json.loads(_file(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Group(name)
    if not isinstance(data, dict):
        return Group(name)
    return Group(
        name=str(data.get("name", name)),
        participants=[clean_line(str(p)) for p in data.get("participants", [])],
        roles={str(k): [clean_line(str(p)) for p in v] for k, v in data.get("roles", {}).items()},
        language=str(data.get("language", "en")),
        agenda=data.get("agenda"),
        rhythm=data.get("rhythm"),
    )


def save_group(group: Group) -> None:
    paths.ensure_private_dir(paths.groups_dir())
    atomic_write(_file(group.name), json.dumps(asdict(group), ensure_ascii=False, indent=2))


def all_groups() -> list[Group]:
    folder = paths.groups_dir()
    if not folder.is_dir():
        return []
    names = []
    for path in sorted(folder.glob("*.json")):
        try:
            names.append(str(json.loads(path.read_text(encoding="utf-8"))["name"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return [load_group(n) for n in names]


def known(name: str) -> bool:
    """Whether a group called ``name`` (in any case) has been saved."""
    path = _file(name)
    return _stored_name(path) == clean_line(name).casefold()


def likely_meant(name: str) -> str | None:
    """The saved group a new ``name`` is most likely a misspelling of (None for a known name,
    or one far from all): set-up and ``run --group`` ask "did you mean"."""
    if not clean_line(name) or known(name):
        return None
    close = close_names(name)
    return close[0] if close else None


def close_names(name: str) -> list[str]:
    """Saved groups whose names look like a misspelling of ``name``."""
    from difflib import get_close_matches

    names = {group.name.casefold(): group.name for group in all_groups()}
    return [names[n] for n in get_close_matches(clean_line(name).casefold(), names, n=2,
                                                cutoff=0.75)]  # fmt: skip
