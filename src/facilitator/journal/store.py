"""Where sessions live, how they are named, opened for writing, and found again."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from facilitator import paths
from facilitator.clock import Clock, local_datetime
from facilitator.fsutil import atomic_write
from facilitator.journal.jsonl import Event, JournalWriter, read_events
from facilitator.journal.lock import SessionLock, is_locked
from facilitator.meeting.meeting import REPLAY_ERRORS, Meeting
from facilitator.text import clean_line, slug


def sessions_folder() -> Path:
    return paths.ensure_private_dir(paths.sessions_dir())


def new_session_id(group: str, t: float) -> str:
    stamp = local_datetime(t).strftime("%Y-%m-%d-%H%M")
    return f"{stamp}-{slug(group, 'group', 30)}-{secrets.token_hex(2)}"


def journal_path(session: str) -> Path:
    return paths.sessions_dir() / f"{session}.jsonl"


def record_path(session: str) -> Path:
    return paths.sessions_dir() / f"{session}.md"


class OpenSession:
    """A session being written: the journal, its lock and the meeting built from it."""

    def __init__(self, session: str) -> None:
        folder = sessions_folder()
        self.session = session
        self.lock = SessionLock(folder / f"{session}.lock")
        self.lock.acquire()
        try:
            self.writer = JournalWriter(folder / f"{session}.jsonl")
        except BaseException:
            self.lock.release()
            raise
        self.warnings: list[str] = []

    def sink(self, event: Event) -> None:
        self.writer.append(event)

    def close(self, *, ended: bool = False) -> None:
        self.writer.close()
        self.lock.release(remove=ended)  # an ended session is never opened for writing again


def start_session(first: Event, clock: Clock) -> tuple[OpenSession, Meeting]:
    handle = OpenSession(str(first["session"]))
    return handle, Meeting.create(first, clock, handle.sink)


def resume_session(session: str, clock: Clock) -> tuple[OpenSession, Meeting]:
    """Open an unfinished session again; time away is counted and reported."""
    handle = OpenSession(session)
    result = read_events(journal_path(session))
    if not result.events:
        handle.close()
        raise LookupError(f"session {session} has no events")
    try:
        meeting = Meeting.replay(result.events, clock, handle.sink)
    except BaseException:  # a journal this version cannot read: let go of it as it is
        handle.close()
        raise
    handle.warnings = result.warnings
    clock.not_before(meeting.state.last_event)
    meeting.state.resumed_after = max(0.0, clock.now() - meeting.state.last_event)
    return handle, meeting


@dataclass(frozen=True)
class Unfinished:
    session: str
    group: str
    agenda: str
    last: dt.datetime
    open_elsewhere: bool = False  # another facilitator has it open right now
    where: str = ""  # the item in hand and who has the floor, as the journal left them
    resumable: bool = True  # False: its journal cannot be replayed by this version

    def describe(self, today: dt.date) -> str:
        """In a sentence, for the offer to resume it."""
        day = "today" if self.last.date() == today else f"{self.last:%a %d %b}"
        where = f", at “{self.where}”" if self.where else ""
        return (
            f"{self.group or 'A meeting with no group'} ({self.agenda}){where}; "
            f"last saved action {day} at {self.last:%H:%M}"
        )


def unfinished_sessions() -> list[Unfinished]:
    """Sessions whose journal has no ``meeting_ended``, newest first. A file that goes away or
    cannot be read while looking is passed over: this runs behind Home and before a meeting."""
    folder = paths.sessions_dir()
    if not folder.is_dir():
        return []
    found: list[Unfinished] = []
    for path in sorted(folder.glob("*.jsonl"), key=_mtime, reverse=True)[:50]:
        try:
            unfinished = _unfinished(path)
        except (OSError, *REPLAY_ERRORS):
            continue
        if unfinished is not None:
            found.append(unfinished)
    return found


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _unfinished(path: Path) -> Unfinished | None:
    if b'"type":"meeting_ended"' in _tail(path):
        return None
    events = read_events(path).events
    if not events or events[0].get("type") != "session_created" or _ended(events):
        return None
    first = events[0]
    agenda = first.get("agenda")
    title = agenda.get("title", "") if isinstance(agenda, dict) else ""
    where = _where(events)
    return Unfinished(path.stem, clean_line(str(first.get("group", ""))), clean_line(str(title)),
                      local_datetime(float(events[-1]["t"])),
                      is_locked(path.with_suffix(".lock")), where or "", where is not None)  # fmt: skip


def _where(events: list[Event]) -> str | None:
    """ "Core discussion, Eli speaking, paused", from the journal (None if it cannot be read)."""
    from facilitator.clock import FakeClock

    try:
        meeting = Meeting.replay(events, FakeClock(float(events[-1]["t"])))
    except REPLAY_ERRORS:
        return None
    state = meeting.state
    parts = [clean_line(state.agenda.items[state.current].title)]
    if meeting.run.speaker:
        parts.append(f"{clean_line(meeting.run.speaker)} speaking")
    if state.status in ("ready", "paused"):
        parts.append("not started" if state.status == "ready" else "paused")
    return ", ".join(parts)


def has_ended(session: str) -> bool:
    """Whether the session's journal holds the end of its meeting."""
    path = journal_path(session)
    return b'"type":"meeting_ended"' in _tail(path) or _ended(read_events(path).events)


def _ended(events: list[Event]) -> bool:
    return any(e.get("type") == "meeting_ended" for e in events)


def _tail(path: Path, size: int = 4096) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - size))
        return fh.read()


def discard_session(session: str) -> None:
    """Remove a closed session that never started: its journal, lock and any record."""
    folder = paths.sessions_dir()
    for suffix in (".jsonl", ".lock", ".md"):
        (folder / f"{session}{suffix}").unlink(missing_ok=True)


def write_record(session: str, markdown: str) -> Path:
    target = record_path(session)
    sessions_folder()
    atomic_write(target, markdown, mode=0o600)
    return target
