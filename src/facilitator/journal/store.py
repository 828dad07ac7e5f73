"""Where sessions live, how they are named, opened for writing, and found again."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from facilitator import paths
from facilitator.clock import Clock, local_datetime
from facilitator.fsutil import atomic_write
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import Loaded, load
from facilitator.journal.lock import SessionLock, is_locked
from facilitator.meeting.events import Event, JournalFormatError, SessionCreated
from facilitator.meeting.meeting import Meeting
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


def start_session(first: SessionCreated, clock: Clock) -> tuple[OpenSession, Meeting]:
    handle = OpenSession(first.session)
    try:
        return handle, Meeting.create(first, clock, handle.sink)
    except BaseException:
        handle.close()
        raise


def resume_session(session: str, clock: Clock) -> tuple[OpenSession, Meeting]:
    """Open an unfinished session again; time away is counted and reported. Raises
    JournalFormatError for a journal this version cannot read (it is left as it is)."""
    handle = OpenSession(session)
    try:
        loaded = load(journal_path(session))
    except BaseException:
        handle.close()
        raise
    meeting = Meeting(loaded.state, clock, handle.sink)
    handle.warnings = loaded.warnings
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
        except OSError:
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
    if _ENDED in _tail(path):
        return None
    try:
        loaded = load(path)
    except JournalFormatError:  # named on Home, never offered: a later version may read it
        return Unfinished(path.stem, "", "", local_datetime(_mtime(path)),
                          is_locked(path.with_suffix(".lock")), "", False)  # fmt: skip
    state = loaded.state
    if state.status == "ended":
        return None
    return Unfinished(path.stem, clean_line(state.group), clean_line(state.agenda.title),
                      local_datetime(loaded.last), is_locked(path.with_suffix(".lock")),
                      _where(loaded), True)  # fmt: skip


def _where(loaded: Loaded) -> str:
    """ "Core discussion, Eli speaking, paused", from the journal."""
    state = loaded.state
    run = state.item
    parts = [clean_line(state.agenda.items[state.current].title)]
    if run.speaker:
        parts.append(f"{clean_line(run.speaker)} speaking")
    if state.status in ("ready", "paused"):
        parts.append("not started" if state.status == "ready" else "paused")
    return ", ".join(parts)


_ENDED = b'"type":"meeting_ended"'


def has_ended(session: str) -> bool:
    """Whether the session's journal holds the end of its meeting."""
    path = journal_path(session)
    if _ENDED in _tail(path):
        return True
    try:
        return load(path).state.status == "ended"
    except JournalFormatError:
        return False


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
