"""A group's settings, remembered between meetings: people, roles, language, rhythm.

Each group has a file in this laptop's data folder. A group placed in a folder of its own
(``facilitator groups place``, :mod:`facilitator.groupfolder`) keeps its settings there
instead, merged from each laptop's lines; the local file then names the folder and keeps the
last settings this laptop knew, for when the folder cannot be reached."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facilitator import paths
from facilitator.fsutil import atomic_write
from facilitator.text import clean_line, clean_name, is_language_tag, split_names
from facilitator.text import slug as text_slug


@dataclass
class Group:
    name: str
    participants: list[str] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    language: str = "en"
    agenda: str | None = None
    rhythm: dict[str, Any] | None = None
    # Airtime: "on" (the facilitator may see it, A), "record" (also in the records), "off".
    airtime: str = "on"
    # Asked once, at the group's first set-up (None: not yet): whether the group keeps a record
    # of its meetings at all (False: every entry is off the record), and whether the names of
    # those who agreed may appear beside what it shares with other groups.
    keeps_record: bool | None = None
    names_shared: bool | None = None
    folder: str | None = None  # the group's own folder, shared with the other facilitators


AIRTIME = ("on", "record", "off")


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


MAX_FILE = 1024 * 1024  # a group's people and roles: a few hundred bytes


def _read(path: Path) -> dict[str, Any] | None:
    """A group file's JSON object; None when it is absent, not a regular file (a FIFO would
    block), too large, damaged, nested absurdly deep or not an object."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(MAX_FILE + 1)
        if len(raw) > MAX_FILE:
            return None
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _stored_name(path: Path) -> str | None:
    data = _read(path)
    name = data.get("name") if data is not None else None
    return clean_line(name).casefold() if isinstance(name, str) else None


def _names(value: object) -> list[str]:
    """A list of people as stored; what is not a list of text is dropped (a hand edit)."""
    if not isinstance(value, list):
        return []
    return split_names(",".join(clean_name(v) for v in value if isinstance(v, str)))


def _text(value: object, default: str | None) -> str | None:
    return clean_line(value) or default if isinstance(value, str) else default


def _choice(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def load_group(name: str, problems: list[str] | None = None) -> Group:
    """The saved group; a field of the wrong shape (``"participants": 5``, ``"roles": [...]``)
    is dropped and the rest kept, like a file that cannot be read at all. A placed group's
    settings come from its folder (what cannot be read there is said in ``problems``)."""
    name = clean_line(name)
    data = _read(_file(name))
    if data is None:
        return Group(name)
    folder = _text(data.get("folder"), None)
    if folder:
        from facilitator.groupfolder import read_settings

        data = {**data, **read_settings(Path(folder), [] if problems is None else problems)}
    return group_from(data, name, folder)


def group_from(data: dict[str, Any], name: str, folder: str | None) -> Group:
    """A group from what its file (or its folder) holds, each field checked."""
    roles = data.get("roles")
    rhythm = data.get("rhythm")
    language = _text(data.get("language"), "en") or "en"
    return Group(
        name=_text(data.get("name"), name) or name,
        participants=_names(data.get("participants")),
        roles={clean_line(k): _names(v) for k, v in roles.items() if isinstance(v, list)}
        if isinstance(roles, dict) else {},
        language=language if is_language_tag(language) else "en",
        agenda=_text(data.get("agenda"), None),
        rhythm=rhythm if isinstance(rhythm, dict) else None,
        airtime=airtime if (airtime := data.get("airtime")) in AIRTIME else "on",
        keeps_record=_choice(data.get("keeps_record")),
        names_shared=_choice(data.get("names_shared")),
        folder=folder,
    )  # fmt: skip


def save_group(group: Group, now: float | None = None) -> None:
    """Keep the group on this laptop and, for a placed group, append the fields that changed
    to this laptop's settings file in its folder (at ``now``, the wall-clock time by default).
    The local file is written first: a folder that cannot be written loses nothing here, and
    the ``OSError`` says why."""
    paths.ensure_private_dir(paths.groups_dir())
    atomic_write(_file(group.name), json.dumps(asdict(group), ensure_ascii=False, indent=2))
    if group.folder:
        import time

        from facilitator.groupfolder import FIELDS, append_settings, read_settings
        from facilitator.journal.changes import device_id

        old, new = read_settings(Path(group.folder), []), asdict(group)
        changed = {f: new[f] for f in FIELDS if f not in old or old[f] != new[f]}
        append_settings(Path(group.folder), device_id(), changed, time.time() if now is None
                        else now)  # fmt: skip


def group_folders() -> list[Path]:
    """The folders the groups of this laptop are placed in (read from the local files only)."""
    folder = paths.groups_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        data = _read(path)
        place = data.get("folder") if data is not None else None
        if isinstance(place, str) and clean_line(place):
            found.append(Path(clean_line(place)))
    return found


def all_groups() -> list[Group]:
    folder = paths.groups_dir()
    if not folder.is_dir():
        return []
    names = []
    for path in sorted(folder.glob("*.json")):
        data = _read(path)
        name = data.get("name") if data is not None else None
        if isinstance(name, str) and clean_line(name):  # else not a group file: passed over
            names.append(clean_line(name))
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


def close_names(name: str, groups: list[Group] | None = None) -> list[str]:
    """Saved groups (or ``groups``, already read) whose names look like a misspelling of
    ``name``."""
    from difflib import get_close_matches

    found = all_groups() if groups is None else groups
    names = {group.name.casefold(): group.name for group in found}
    return [names[n] for n in get_close_matches(clean_line(name).casefold(), names, n=2,
                                                cutoff=0.75)]  # fmt: skip
