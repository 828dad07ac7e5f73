"""The one journal loader: every reader of a journal (resume, the review, the command line,
the stage, the question history) goes through :func:`load`.

A line that cannot be read, or an event that cannot apply, is skipped with a warning naming the
file and the line: one damaged event never hides a session. A journal whose first line is not a
session's beginning raises :class:`JournalFormatError`. Anything else that goes wrong is a bug,
and is not caught here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator.clock import parse_iso
from facilitator.journal import upgrade
from facilitator.journal.jsonl import lines
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
    if first is None:
        raise JournalFormatError(f"{path}: not a session journal (no readable first line)")
    try:
        created = _event(first.data)
        if not isinstance(created, SessionCreated):
            raise JournalFormatError("the first line is not a session's beginning")
        version = created.format
        created = upgrade.first_event(created)
        state = new_state(created)
    except JournalFormatError as exc:
        raise JournalFormatError(f"{path}:{first.number}:1: {exc}") from None
    events: list[Event] = [created]
    for line in source:
        try:
            data = upgrade.fill_in(line.data, state) if version < 2 else line.data
            event = _event(data)
            if version < 2:
                event = upgrade.decisions(event, data, state)
            apply(state, event)
        except JournalFormatError as exc:
            warnings.append(f"{path}:{line.number}:1: skipped an event: {exc}")
            continue
        events.append(event)
    last = max(e.t for e in events)
    return Loaded(path, events, state, last, warnings, version)


def _event(data: dict[str, object]) -> Event:
    try:
        t = parse_iso(str(data["at"]))
    except (KeyError, ValueError, OverflowError, OSError):
        raise JournalFormatError("an event without a readable time") from None
    return decode(data, t)
