"""Follow-ups changed between meetings: done, reopened, or given to someone else.

Each change is one line appended and fsynced to a file of its own run,
``followups/DEVICE-YYYYMMDDTHHMMSSZ-RANDOM.jsonl`` under the data folder. An old session's
journal is never rewritten, and no two programs (or laptops sharing a synced folder) ever write
the same file: the device id and a random tail make each name unique. The latest change to a
follow-up wins, whichever file it is in.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from facilitator import paths
from facilitator.clock import iso, parse_iso
from facilitator.fsutil import fsync_dir, jsonl_files
from facilitator.journal.jsonl import lines
from facilitator.text import clean_line

Action = Literal["done", "reopen", "owner"]
ACTIONS: tuple[Action, ...] = ("done", "reopen", "owner")
TYPE = "followup_change"
SHORT = 6  # hex digits of a follow-up's short id
DEVICE_FILE = "device-id"


@dataclass(frozen=True)
class Change:
    t: float
    ref: str  # SESSION/ENTRY
    action: Action
    owner: str | None = None  # the new owner, for "owner"


def short_id(ref: str) -> str:
    """A follow-up's id on the command line: the same for its whole life, on every laptop."""
    return hashlib.sha256(ref.encode("utf-8")).hexdigest()[:SHORT]


def changes_dir() -> Path:
    return paths.data_dir() / "followups"


def device_id() -> str:
    """This laptop's name in change files: kept in the local cache, made once."""
    path = paths.cache_dir() / DEVICE_FILE
    try:
        found = clean_line(path.read_text(encoding="utf-8")).strip()
        if found.isalnum():
            return found
    except OSError:
        pass
    made = secrets.token_hex(4)
    try:
        paths.ensure_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, made.encode())
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # a new id next time: names stay unique through their random tail
    return made


def encode(change: Change) -> bytes:
    line: dict[str, object] = {"at": iso(change.t), "type": TYPE, "ref": change.ref,
                               "action": change.action}  # fmt: skip
    if change.owner is not None:
        line["owner"] = change.owner
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class ChangeWriter:
    """One run's file of changes: created new, appended to, each line fsynced."""

    def __init__(self, folder: Path | None = None, now: float | None = None) -> None:
        self.folder = folder or changes_dir()
        self.now = time.time() if now is None else now
        self.path: Path | None = None
        self.fd: int | None = None

    def _open(self) -> int:
        paths.ensure_private_dir(self.folder)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(self.now))
        self.path = self.folder / f"{device_id()}-{stamp}-{secrets.token_hex(3)}.jsonl"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o600)
        fsync_dir(self.folder)
        return fd

    def append(self, change: Change) -> None:
        if self.fd is None:
            self.fd = self._open()
        data = encode(change)
        done = 0
        while done < len(data):
            done += os.write(self.fd, data[done:])
        os.fsync(self.fd)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def read(path: Path, warnings: list[str]) -> Iterator[Change]:
    """The changes in one file; lines that are not changes are passed over with a warning."""
    for line in lines(path, warnings):
        data = line.data
        action, ref, owner = data.get("action"), data.get("ref"), data.get("owner")
        try:
            t = parse_iso(str(data["at"]))
        except (KeyError, ValueError):
            t = None
        if (data.get("type") != TYPE or action not in ACTIONS or not isinstance(ref, str)
                or t is None or (owner is not None and not isinstance(owner, str))):  # fmt: skip
            warnings.append(f"{path}:{line.number}:1: not a follow-up change")
            continue
        who = clean_line(owner).strip() if isinstance(owner, str) else None
        yield Change(t, clean_line(ref), cast(Action, action), who or None)


def change_files(folder: Path | None = None) -> Iterator[os.DirEntry[str]]:
    yield from jsonl_files(folder or changes_dir())
