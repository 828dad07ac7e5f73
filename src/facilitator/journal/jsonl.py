"""The journal on disk: one JSON object a line, appended and fsynced, read back tolerantly.

Writing: each event is on disk (written whole, flushed and fsynced) when ``append`` returns.
Reading: :func:`lines` yields each line's data with its number; a torn last line, a damaged
line, one too long or nested too deep is passed over with a warning naming it. What the lines
mean is read by :mod:`facilitator.journal.load`, the one loader.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.clock import iso
from facilitator.fsutil import fsync_dir
from facilitator.meeting.events import Event, to_data
from facilitator.paths import ensure_private_dir
from facilitator.text import clean

MAX_LINE = 4 * 1024 * 1024  # bytes; the agenda in the first line is at most 1 MiB as YAML

# A line that may hold a terminal control character once decoded: a JSON escape of one, or one
# written raw. Only such lines (edited by hand, or by someone else) pay for a deep clean.
_MAY_HOLD_CONTROLS = re.compile(
    rb"\\u00[0189]|\\u007f|\\u202|\\u206|\\[bfr]|[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]",
    re.IGNORECASE,
)


# Bytes that can begin one of those: most lines have none, and pay one quick scan.
_MAY_BEGIN = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f\\\xc2\xe2]")


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
    line = {"at": iso(event.t), **to_data(event)}
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class JournalWriteError(OSError):
    """An event could not be written whole: nothing of it is in the journal."""


class FileOps:
    """The system calls a journal is written with (tests put a full disk in their place)."""

    write = staticmethod(os.write)
    fsync = staticmethod(os.fsync)
    ftruncate = staticmethod(os.ftruncate)


class JournalWriter:
    """Appends events, all or nothing: each is on disk (written whole and fsynced) when
    ``append`` returns; when it cannot be, the journal is cut back to where it was and
    :class:`JournalWriteError` says why."""

    def __init__(self, path: Path, ops: FileOps | None = None) -> None:
        ensure_private_dir(path.parent)
        existed = path.exists()
        self.ops = ops or FileOps()
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(self.fd, 0o600)
        self.path = path
        if not existed:  # the new file's name must survive a crash too
            fsync_dir(path.parent)
        self._repair_torn_tail()

    def _repair_torn_tail(self) -> None:
        """After a crash mid-write the last line may lack its newline: end it so the next
        event starts on a line of its own (the torn line itself is then skipped on read)."""
        size = os.fstat(self.fd).st_size
        if size == 0:
            return
        with open(self.path, "rb") as fh:
            fh.seek(size - 1)
            if fh.read(1) != b"\n":
                self._write(b"\n", size)

    def append(self, event: Event) -> None:
        self.append_many([event])

    def append_many(self, events: list[Event]) -> None:
        """Several events in one write and one fsync (a journal catching up after a failure)."""
        self._write(b"".join(encode(e) for e in events), os.fstat(self.fd).st_size)

    def _write(self, data: bytes, good: int) -> None:
        """``data`` written whole and fsynced, retrying short writes; on failure the file is
        truncated back to ``good`` bytes."""
        try:
            done = 0
            while done < len(data):
                count = self.ops.write(self.fd, data[done:])
                if count <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                done += count
            self.ops.fsync(self.fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.ops.ftruncate(self.fd, good)
                self.ops.fsync(self.fd)
            raise JournalWriteError(exc.errno, exc.strerror or str(exc)) from exc

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


@dataclass(frozen=True)
class Line:
    number: int
    data: dict[str, Any]


def lines(path: Path, warnings: list[str]) -> Iterator[Line]:
    """Each readable line's data, with its number; problems go to ``warnings``."""
    with open(path, "rb") as fh:
        number = 0
        while True:
            raw = fh.readline(MAX_LINE + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # the rest of the line, unread
                    raw = fh.readline(MAX_LINE)
                warnings.append(f"{path}:{number}:1: skipped a line over {MAX_LINE // 2**20} MiB")
                continue
            if not raw.strip():
                continue
            data = _parse(raw)
            if data is None:
                last = not raw.endswith(b"\n")
                what = "an incomplete last line (the program stopped while writing)" if last \
                    else "a damaged line"  # fmt: skip
                warnings.append(f"{path}:{number}:1: skipped {what}")
                continue
            yield Line(number, data)


def whole_lines(
    path: Path, offset: int, number: int, warnings: list[str]
) -> tuple[list[Line], int, int]:
    """The whole lines after byte ``offset`` (line ``number`` was the last read), with the
    offset and number after them: a last line without its newline is left for next time."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read()
    end = data.rfind(b"\n") + 1
    out: list[Line] = []
    for raw in data[:end].splitlines(keepends=True):
        number += 1
        if len(raw) > MAX_LINE:
            warnings.append(f"{path}:{number}:1: skipped a line over {MAX_LINE // 2**20} MiB")
            continue
        if not raw.strip():
            continue
        parsed = _parse(raw)
        if parsed is None:
            warnings.append(f"{path}:{number}:1: skipped a damaged line")
            continue
        out.append(Line(number, parsed))
    return out, offset + end, number


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return None
    if not isinstance(data.get("at"), str):
        return None
    if _MAY_BEGIN.search(raw) and _MAY_HOLD_CONTROLS.search(raw):
        cleaned: dict[str, Any] = _cleaned(data)
        return cleaned
    return data
