"""Durable appends and tolerant reads of JSON Lines journals."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.clock import iso, parse_iso
from facilitator.paths import ensure_private_dir
from facilitator.text import clean

Event = dict[str, Any]

# A line that may hold a terminal control character once decoded: a JSON escape of one, or one
# written raw. Only such lines (edited by hand, or by someone else) pay for a deep clean.
_MAY_HOLD_CONTROLS = re.compile(
    rb"\\u00[0189]|\\u007f|\\[bfr]|[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", re.IGNORECASE
)


def _cleaned(value: Any) -> Any:
    """``value`` with terminal control characters dropped from every string in it."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {clean(str(k)): _cleaned(v) for k, v in value.items()}
    return value


def encode(event: Event) -> bytes:
    body = {k: v for k, v in event.items() if k != "t"}
    line = {"at": iso(float(event["t"])), **body}
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class JournalWriter:
    """Appends events; each is on disk (flushed and fsynced) when ``append`` returns."""

    def __init__(self, path: Path) -> None:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        self.path = path
        self._fh = os.fdopen(fd, "ab", buffering=0)
        self._repair_torn_tail()

    def _repair_torn_tail(self) -> None:
        """After a crash mid-write the last line may lack its newline: end it so the next
        event starts on a line of its own (the torn line itself is then skipped on read)."""
        size = self.path.stat().st_size
        if size == 0:
            return
        with open(self.path, "rb") as fh:
            fh.seek(size - 1)
            if fh.read(1) != b"\n":
                self._fh.write(b"\n")
                os.fsync(self._fh.fileno())

    def append(self, event: Event) -> None:
        self._fh.write(encode(event))
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        self._fh.close()


@dataclass
class ReadResult:
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_events(path: Path) -> ReadResult:
    """All events of a journal; a torn or garbled line is skipped with a warning."""
    result = ReadResult()
    with open(path, "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw.decode("utf-8"))
            if _MAY_HOLD_CONTROLS.search(raw):
                line = _cleaned(line)
            if not isinstance(line, dict) or "type" not in line or "at" not in line:
                raise ValueError("not an event")
            line["t"] = parse_iso(str(line.pop("at")))
        except (ValueError, UnicodeDecodeError):
            last = number == len(lines) or (number == len(lines) - 1 and not lines[-1])
            what = "an incomplete last line (the program stopped while writing)" if last \
                else "a damaged line"  # fmt: skip
            result.warnings.append(f"{path}:{number}:1: skipped {what}")
            continue
        result.events.append(line)
    return result
