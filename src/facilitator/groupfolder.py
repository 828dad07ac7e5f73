"""A group's memory in a folder of its own, which any file-sync tool can carry.

Two facilitators who take turns share the folder (Syncthing, Nextcloud, a git remote, a USB
stick) and so share one memory: the group's ended meetings, its people and roles, its rhythm,
its follow-ups and the questions it has had. The folder holds::

    sessions/SESSION.jsonl, SESSION.md   an ended meeting's journal and record, moved there once
                                         by the laptop that ran it (the id is unique)
    followups/DEVICE-STAMP-RANDOM.jsonl  follow-ups closed, reopened or given on, one file a run
    settings/DEVICE.jsonl                this laptop's changes to the group's settings, appended

No two laptops ever write the same file, so a sync tool has nothing to merge. Settings are
merged when read: for each field, the line with the latest time wins, and on equal times the
greater device id (then the later line of that device). A meeting runs in the local data folder
and moves to the group's folder when it ends. Caches and the index stay on each laptop, and are
rebuilt from what the folder holds. A sync tool's conflict copies are read where reading them is
safe (settings and follow-up changes: the same rule merges them), passed over as sessions, and
always reported, never deleted.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator import paths
from facilitator.clock import iso, parse_iso
from facilitator.fsutil import fsync_dir, jsonl_files

SESSIONS, FOLLOWUPS, SETTINGS = "sessions", "followups", "settings"
# The fields of a group that live in its folder (its name is the folder's key).
FIELDS = ("name", "participants", "roles", "language", "agenda", "rhythm", "airtime",
          "keeps_record", "names_shared")  # fmt: skip
# Syncthing's "x.sync-conflict-20261204-101500-ABCDEFG.jsonl"; Nextcloud's and Dropbox's
# "x (conflicted copy 2026-12-04).jsonl", "x (Bo's conflicted copy).jsonl"; "x.conflict.jsonl".
_CONFLICT = re.compile(r"\.sync-conflict-|conflicted copy|\.conflict\b", re.IGNORECASE)


def is_conflict_copy(name: str) -> bool:
    return _CONFLICT.search(name) is not None


def session_of(name: str) -> str:
    """The session a journal's file name is for (its own id, or the id a conflict copy was
    made of)."""
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return re.split(r"\.sync-conflict-| \(|\.conflict\b", stem, maxsplit=1)[0]


@dataclass(frozen=True)
class Setting:
    field: str
    value: Any
    t: float
    device: str
    order: int  # the line's place in its device's files


def settings_file(folder: Path, device: str) -> Path:
    return folder / SETTINGS / f"{device}.jsonl"


def read_settings(folder: Path, problems: list[str]) -> dict[str, Any]:
    """The group's settings as the folder holds them, merged by the written rule (module
    docstring); lines that are not settings, and conflict copies, are reported in ``problems``."""
    from facilitator.journal.jsonl import lines

    best: dict[str, Setting] = {}
    for entry in sorted(jsonl_files(folder / SETTINGS), key=lambda e: e.name):
        path = Path(entry.path)
        device = session_of(entry.name)
        if is_conflict_copy(entry.name):
            problems.append(f"{path}: a sync tool's conflict copy, read with the others")
        try:
            for number, line in enumerate(lines(path, problems)):
                setting = _setting(line.data, device, number)
                if setting is None:
                    problems.append(f"{path}:{line.number}:1: not a group setting")
                    continue
                held = best.get(setting.field)
                if held is None or _rank(setting) > _rank(held):
                    best[setting.field] = setting
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror or exc}")
    return {name: setting.value for name, setting in best.items()}


def _rank(setting: Setting) -> tuple[float, str, int]:
    return (setting.t, setting.device, setting.order)


def _setting(data: dict[str, Any], device: str, order: int) -> Setting | None:
    name = data.get("field")
    if data.get("type") != "group_setting" or name not in FIELDS or "value" not in data:
        return None
    try:
        t = parse_iso(str(data["at"]))
    except (KeyError, ValueError):
        return None
    return Setting(str(name), data["value"], t, device, order)


def append_settings(folder: Path, device: str, changed: dict[str, Any], now: float) -> None:
    """Append one line per changed field to this laptop's settings file, fsynced."""
    if not changed:
        return
    target = settings_file(folder, device)
    paths.ensure_private_dir(target.parent)
    data = b"".join(
        (json.dumps({"at": iso(now), "type": "group_setting", "field": name, "value": value},
                    ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        for name, value in changed.items()
    )  # fmt: skip
    created = not target.exists()
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        done = 0
        while done < len(data):
            done += os.write(fd, data[done:])
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(target.parent)


# -- which folders hold what ----------------------------------------------------------------------


def placed_folders() -> list[Path]:
    """The folders of the groups placed in one, on this laptop."""
    from facilitator.groups import group_folders

    return group_folders()


def session_folders() -> list[Path]:
    """Where sessions are read from: this laptop's data folder first, then each group's."""
    return [paths.sessions_dir(), *(folder / SESSIONS for folder in placed_folders())]


def change_folders() -> list[Path]:
    """Where follow-up changes are read from (the same order)."""
    from facilitator.journal.changes import changes_dir

    return [changes_dir(), *(folder / FOLLOWUPS for folder in placed_folders())]


def journals(problems: list[str] | None = None) -> Iterator[Path]:
    """Every session journal, each session once (the first folder that has it: a session
    moved while looking is not counted twice), conflict copies passed over."""
    seen: set[str] = set()
    for folder in session_folders():
        for path in journals_in(folder, problems):
            if path.stem not in seen:
                seen.add(path.stem)
                yield path


def journals_in(folder: Path, problems: list[str] | None = None) -> Iterator[Path]:
    """The journals of one folder, sorted; conflict copies reported in ``problems`` and passed
    over (the session's own file is read; the copy stays for a person to look at)."""
    for entry in sorted(jsonl_files(folder), key=lambda e: e.name):
        if is_conflict_copy(entry.name):
            if problems is not None:
                problems.append(
                    f"{entry.path}: a sync tool's conflict copy of session "
                    f"{session_of(entry.name)}: left as it is, not read"
                )
            continue
        yield Path(entry.path)


def locate(session: str, suffix: str = ".jsonl") -> Path:
    """The session's file (journal or record) wherever it is; the local path when none has it."""
    for folder in session_folders():
        found = folder / f"{session}{suffix}"
        if found.exists():
            return found
    return paths.sessions_dir() / f"{session}{suffix}"


def changes_folder(group: str) -> Path:
    """Where a change to one of ``group``'s follow-ups is written: its folder, if placed."""
    from facilitator.groups import load_group
    from facilitator.journal.changes import changes_dir

    folder = load_group(group).folder if group else None
    return Path(folder) / FOLLOWUPS if folder else changes_dir()


def check(folder: Path) -> list[str]:
    """What a look at a group's folder finds wrong: conflict copies, lines that cannot be
    read (a half-synced file's torn last line), a folder that is not there."""
    if not folder.is_dir():
        return [f"{folder}: not found (not synced yet, or the drive is not connected)"]
    problems: list[str] = []
    list(journals_in(folder / SESSIONS, problems))
    read_settings(folder, problems)
    from facilitator.journal import changes as follow

    for entry in follow.change_files(folder / FOLLOWUPS):
        if is_conflict_copy(entry.name):
            problems.append(f"{entry.path}: a sync tool's conflict copy, read with the others")
        list(follow.read(Path(entry.path), problems))
    return problems


# -- moving ended meetings into the group's folder -----------------------------------------------


def publish(session: str, folder: Path) -> Path:
    """Move an ended session's journal and record from this laptop's data folder into the
    group's ``folder``; the record's new path (or the journal's, without a record). Each file
    is copied in full (temporary file, fsync, rename, fsync of the folder) before the local
    one is removed, so a crash or a full disk at any point leaves at least one whole copy. An
    ``OSError`` says why it could not move; it is tried again later (:func:`publish_pending`)."""
    from facilitator.fsutil import atomic_write

    local = paths.sessions_dir()
    target = paths.ensure_private_dir(folder / SESSIONS)
    moved: Path | None = None
    for suffix in (".jsonl", ".md"):
        source = local / f"{session}{suffix}"
        if not source.exists():
            continue
        data = source.read_bytes()
        there = target / source.name
        if not there.exists() or there.read_bytes() != data:
            if there.exists() and suffix == ".jsonl" and len(there.read_bytes()) > len(data):
                raise OSError(f"{there} is longer than this laptop's copy: left for a person")
            atomic_write(there, data, mode=0o600)
        source.unlink()
        fsync_dir(local)
        moved = there if suffix == ".md" or moved is None else moved
    (local / f"{session}.lock").unlink(missing_ok=True)
    return moved if moved is not None else target / f"{session}.jsonl"


def publish_pending(problems: list[str] | None = None) -> list[Path]:
    """Ended sessions of placed groups still in this laptop's data folder (the folder was not
    reachable when they ended, or the group was placed since), moved now. Open sessions stay."""
    from facilitator.groups import load_group
    from facilitator.journal.load import load
    from facilitator.journal.lock import is_locked
    from facilitator.meeting.events import JournalFormatError

    if not placed_folders():
        return []
    moved = []
    for path in journals_in(paths.sessions_dir()):
        try:
            if b'"type":"meeting_ended"' not in _tail(path) or is_locked(path.with_suffix(".lock")):
                continue
            state = load(path).state
        except (OSError, JournalFormatError):
            continue
        folder = load_group(state.group).folder if state.group and state.status == "ended" else None
        if not folder:
            continue
        try:
            moved.append(publish(path.stem, Path(folder)))
        except OSError as exc:
            if problems is not None:
                problems.append(f"{path.stem}: not moved to {folder}: {exc.strerror or exc}")
    return moved


def _tail(path: Path, size: int = 4096) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - size))
        return fh.read()


@dataclass(frozen=True)
class Placed:
    folder: Path
    joined: bool  # the folder already held the group (another laptop placed it first)
    moved: int  # ended meetings moved into it
    changes: int  # follow-up changes copied into it
    problems: list[str]


class PlaceError(Exception):
    """Why a group cannot be placed in a folder, in a sentence."""


def place(name: str, where: str | os.PathLike[str], now: float) -> Placed:
    """Keep group ``name``'s memory in the folder ``where`` from now on. A folder that already
    holds the group (synced from another laptop) is joined: what it says wins, and this
    laptop adds only what it lacks. This laptop's ended meetings of the group, and the
    follow-up changes about them, move or are copied into it."""
    from dataclasses import asdict

    from facilitator.groups import group_from, load_group, save_group
    from facilitator.journal.changes import ChangeWriter, device_id

    folder = Path(where).expanduser().resolve()
    if folder == paths.data_dir() or paths.data_dir() in folder.parents:
        raise PlaceError(
            f"{folder} is inside this laptop's data folder: choose a folder of its own"
        )
    if folder.exists() and not folder.is_dir():
        raise PlaceError(f"{folder} is not a folder")
    problems: list[str] = []
    held = read_settings(folder, problems) if folder.is_dir() else {}
    named = held.get("name")
    if isinstance(named, str) and named.casefold() != name.casefold():
        raise PlaceError(f"{folder} holds the group \u201c{named}\u201d, not \u201c{name}\u201d")
    try:
        for part in (SESSIONS, FOLLOWUPS, SETTINGS):
            paths.ensure_private_dir(folder / part)
        group = asdict(load_group(name))
        mine = {f: v for f, v in group.items() if f in FIELDS and f not in held}
        append_settings(folder, device_id(), mine, now)
        merged = {**group, **read_settings(folder, problems)}
        # This laptop's file now names the folder, and keeps what the folder says, for when
        # it cannot be reached; nothing differs from the folder, so nothing more is appended.
        save_group(group_from(merged, name, str(folder)), now=now)
    except OSError as exc:
        raise PlaceError(f"cannot use {folder}: {exc.strerror or exc}") from exc
    moved = publish_pending(problems)
    sessions = {p.stem for p in journals_in(folder / SESSIONS)}
    copied = 0
    from facilitator.journal import changes as follow

    writer = ChangeWriter(folder / FOLLOWUPS, now)
    try:
        for entry in follow.change_files(follow.changes_dir()):
            for change in follow.read(Path(entry.path), problems):
                if change.ref.split("/")[0] in sessions:
                    writer.append(change)
                    copied += 1
    except OSError as exc:
        problems.append(f"follow-up changes not all copied: {exc.strerror or exc}")
    finally:
        writer.close()
    return Placed(folder, bool(held), len(moved), copied, problems)
