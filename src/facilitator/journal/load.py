"""The one journal loader: every reader of a journal (resume, the review, the command line,
the stage, the question history) goes through :func:`load`.

A line that cannot be read, or an event that cannot apply, is skipped with a warning naming the
file and the line: one damaged event never hides a session. A journal whose first line is not a
session's beginning raises :class:`JournalFormatError`. Anything else that goes wrong is a bug,
and is not caught here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.clock import parse_iso
from facilitator.journal import upgrade
from facilitator.journal.jsonl import Line, lines, whole_lines
from facilitator.meeting.events import Event, JournalFormatError, SessionCreated, decode
from facilitator.meeting.fold import apply, new_state
from facilitator.meeting.state import State


@dataclass
class Loaded:
    path: Path
    events: list[Event]  # those that applied, in order
    state: State
    last: float  # the time of the latest event
    warnings: list[str] = field(default_factory=list)
    format: int = 2


def load(path: Path) -> Loaded:
    """Read, check and replay a journal. OSError if it cannot be read at all."""
    warnings: list[str] = []
    source = lines(path, warnings)
    first = next(source, None)
    loaded = _begin(path, first, warnings)
    for line in source:
        _replay(loaded, line)
    return loaded


def _begin(path: Path, first: Line | None, warnings: list[str]) -> Loaded:
    """The session as its first line sets it up."""
    if first is None:
        raise JournalFormatError(f"{path}: not a session journal (no readable first line)")
    try:
        created = read_event(first.data)
        if not isinstance(created, SessionCreated):
            raise JournalFormatError("the first line is not a session's beginning")
        version = created.format
        created = upgrade.first_event(created)
        state = new_state(created)
    except JournalFormatError as exc:
        raise JournalFormatError(f"{path}:{first.number}:1: {exc}") from None
    return Loaded(path, [created], state, created.t, warnings, version)


def _replay(loaded: Loaded, line: Line) -> None:
    """One more line applied to the session, or skipped with a warning."""
    state, version = loaded.state, loaded.format
    try:
        data = upgrade.fill_in(line.data, state) if version < 2 else line.data
        event = read_event(data)
        if version < 2:
            event = upgrade.decisions(event, data, state)
        apply(state, event)
    except JournalFormatError as exc:
        loaded.warnings.append(f"{loaded.path}:{line.number}:1: skipped an event: {exc}")
        return
    loaded.events.append(event)
    loaded.last = max(loaded.last, event.t)


class Follower:
    """A journal followed as it grows (the stage): :meth:`poll` costs one ``stat`` when
    nothing changed, reads only the bytes appended since, and reads the whole journal again
    only when the file was replaced (another inode, or shorter than what was read).

    Lines are taken only once they are whole (ended by a newline): a line being written is
    read at the next poll. The events go through the same replay as :func:`load`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loaded: Loaded | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) read
        self._offset = 0  # bytes read and replayed
        self._number = 0  # lines read
        self._first: Line | None = None

    def poll(self) -> bool:
        """Whether the session changed since the last poll. OSError if the journal cannot
        be read; JournalFormatError if it is not a session's journal."""
        info = os.stat(self.path)
        identity = (info.st_dev, info.st_ino)
        if identity != self._file or info.st_size < self._offset:
            self.loaded, self._file, self._offset, self._number = None, identity, 0, 0
        if info.st_size == self._offset:
            return False
        before = None if self.loaded is None else len(self.loaded.events)
        warnings = [] if self.loaded is None else self.loaded.warnings
        appended, self._offset, self._number = whole_lines(
            self.path, self._offset, self._number, warnings
        )
        for line in appended:
            if self.loaded is None:
                self.loaded = _begin(self.path, line, warnings)
            else:
                _replay(self.loaded, line)
        return self.loaded is not None and (before is None or len(self.loaded.events) > before)


def read_event(data: dict[str, object]) -> Event:
    try:
        t = parse_iso(str(data["at"]))
    except (KeyError, ValueError, OverflowError, OSError):
        raise JournalFormatError("an event without a readable time") from None
    return decode(data, t)
