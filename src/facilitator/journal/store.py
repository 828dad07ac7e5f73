"""Where sessions live, how they are named, opened for writing, and found again."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from facilitator import paths
from facilitator.clock import Clock, local_datetime
from facilitator.fsutil import atomic_write
from facilitator.journal.jsonl import FileOps, JournalWriter, encode
from facilitator.journal.load import Loaded, load
from facilitator.journal.lock import SessionLock, hold, is_locked
from facilitator.journal.offrecord import SUFFIX as OFF_SUFFIX
from facilitator.journal.offrecord import OffRecordFile, drop, is_off, off_path, redact, restore
from facilitator.meeting.events import Event, JournalFormatError, MeetingEnded, SessionCreated
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
    """A session being written: the journal, its lock, and what could not be saved yet.

    When the journal cannot be written (a full disk, a read-only or vanished folder), the
    meeting goes on in memory: the events are kept in order in ``pending``, ``problem`` says
    why in words, and a complete copy of the journal is saved in ``fallback`` (another folder)
    when that works. They are written, in order, at the next event or :meth:`check`.

    Words said off the record go to the off-record file only (``journal.offrecord``): the
    journal, its fallback copy and ``history`` hold those events without them.
    """

    def __init__(self, session: str, ops: FileOps | None = None) -> None:
        folder = sessions_folder()
        self.session = session
        self.ops = ops
        self.lock = SessionLock(folder / f"{session}.lock")
        self.lock.acquire()
        try:
            self.writer = JournalWriter(folder / f"{session}.jsonl", ops)
            hold(self.writer.fd)  # the journal itself is held: a deleted lock file admits nobody
        except BaseException:
            self.lock.release()
            raise
        self.warnings: list[str] = []
        self.history: list[Event] = []  # every event of the session, saved or not
        self.pending: list[Event] = []
        self.problem: str | None = None
        self.fallback: Path | None = None
        self.off = OffRecordFile(session, ops)
        self.off_pending: list[Event] = []

    def sink(self, event: Event) -> None:
        if is_off(event):
            self.off_pending.append(event)
            event = redact(event)
        self.history.append(event)
        self.pending.append(event)
        if self.flush() and isinstance(event, MeetingEnded):
            self.off.drop()  # the meeting is over: what was said off the record goes

    def flush(self) -> bool:
        """Write what is pending; whether everything is saved now."""
        if not self.pending and not self.off_pending:
            return True
        try:
            self.off.append(self.off_pending)
            self.off_pending.clear()
            if self._vanished():
                self._recreate()
            else:
                self.writer.append_many(self.pending)
        except OSError as exc:
            self.problem = failure_words(exc)
            self._save_elsewhere()
            return False
        self.pending.clear()
        self.problem = None
        self._forget_fallback()
        return True

    def check(self) -> bool:
        """Each minute: a journal deleted under the meeting is noticed, and pending events are
        tried again. Whether everything is saved."""
        if not self.pending and self._vanished():
            self.pending = []  # nothing new, but the whole journal must be written again
            self.problem = "the sessions folder or its journal was removed"
            try:
                self._recreate()
            except OSError as exc:
                self.problem = f"the journal was removed and {failure_words(exc)}"
                self._save_elsewhere()
                return False
            self.problem = None
            return True
        return self.flush()

    def _vanished(self) -> bool:
        try:
            on_disk = os.stat(self.writer.path)
        except OSError:
            return True
        mine = os.fstat(self.writer.fd)
        return (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)

    def _recreate(self) -> None:
        """The folder or the journal went away: write the whole journal again, whole."""
        folder = sessions_folder()
        self.writer.close()
        self.lock.release()
        self.lock = SessionLock(folder / f"{self.session}.lock")
        self.lock.acquire()
        path = folder / f"{self.session}.jsonl"
        path.unlink(missing_ok=True)
        self.writer = JournalWriter(path, self.ops)
        hold(self.writer.fd)
        self.writer.append_many(self.history)
        self.pending.clear()

    def _save_elsewhere(self) -> None:
        """The whole journal, as it should be, in a private folder of another file system."""
        try:
            target = fallback_folder() / f"{self.session}.jsonl"
            atomic_write(target, b"".join(encode(e) for e in self.history), mode=0o600)
        except OSError:
            self.fallback = None
            return
        self.fallback = target

    def _forget_fallback(self) -> None:
        if self.fallback is not None:
            with contextlib.suppress(OSError):
                self.fallback.unlink()
            self.fallback = None

    def close(self, *, ended: bool = False) -> None:
        self.flush()
        self.writer.close()
        if ended:
            self.off.drop()
            self.off_pending.clear()
        else:
            self.off.close()
        self.lock.release(remove=ended)  # an ended session is never opened for writing again


def failure_words(exc: OSError) -> str:
    """Why a write failed, in words."""
    return {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the disk is read-only",
        errno.EIO: "the disk reported an error",
        errno.ENOENT: "the sessions folder was removed",
        errno.EACCES: "the sessions folder cannot be written (permission denied)",
        errno.EPERM: "the sessions folder cannot be written (permission denied)",
    }.get(exc.errno or 0, exc.strerror or str(exc))


def fallback_folder() -> Path:
    """Where what cannot be saved in the data folder is kept: a private temporary folder."""
    import tempfile

    return paths.ensure_private_dir(Path(tempfile.gettempdir()) / f"facilitator-{os.getuid()}")


def start_session(first: SessionCreated, clock: Clock) -> tuple[OpenSession, Meeting]:
    """A new session, journaled from its first event. What a meeting that ended in a crash
    left off the record is dropped first (Home does it too, ``run`` may never show Home)."""
    with contextlib.suppress(OSError):
        drop_leftover_off_records()
    handle = OpenSession(first.session)
    try:
        meeting = Meeting.create(first, clock, handle.sink)
        if handle.problem is not None:  # not even its first line could be written
            raise OSError(f"the journal cannot be written: {handle.problem}")
        return handle, meeting
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
    handle.off.written, off_warnings = restore(loaded.state, off_path(session))
    meeting = Meeting(loaded.state, clock, handle.sink)
    handle.warnings = loaded.warnings + off_warnings
    handle.history = list(loaded.events)
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
        from facilitator.i18n import SOURCE, _, language

        if self.last.date() == today:
            day = _("today")
        elif language() == SOURCE:
            day = f"{self.last:%a %d %b}"
        else:
            from facilitator.dates import skeleton

            day = skeleton(self.last, "MMMEd", language())
        where = _(", at “{item}”").format(item=self.where) if self.where else ""
        said = _("{group} ({agenda}){where}; last saved action {day} at {time}")
        return said.format(group=self.group or _("A meeting with no group"), agenda=self.agenda,
                           where=where, day=day, time=f"{self.last:%H:%M}")  # fmt: skip


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
    return has_ended_at(journal_path(session))


def has_ended_at(path: Path) -> bool:
    """Whether the journal at ``path`` holds the end of its meeting."""
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


def complete_records() -> list[Path]:
    """Meetings that ended without their record (killed right after q y): the record is
    written now, and the lock file they left is removed. The records written. What such a
    meeting said off the record, still beside it, is dropped first."""
    folder = paths.sessions_dir()
    if not folder.is_dir():
        return []
    drop_leftover_off_records()
    from facilitator.journal.record import render

    written = []
    for path in folder.glob("*.jsonl"):
        record = path.with_suffix(".md")
        if record.exists() or _ENDED not in _tail(path) or is_locked(path.with_suffix(".lock")):
            continue
        try:
            loaded = load(path)
        except (OSError, JournalFormatError):
            continue
        if loaded.state.status != "ended":
            continue
        written.append(write_record(path.stem, render(loaded.state, loaded.last)))
        path.with_suffix(".lock").unlink(missing_ok=True)
    return written


def discard_session(session: str) -> None:
    """Remove a closed session that never started: its journal, lock, any record and any
    words off the record."""
    folder = paths.sessions_dir()
    drop(off_path(session, folder))
    for suffix in (".jsonl", ".lock", ".md"):
        (folder / f"{session}{suffix}").unlink(missing_ok=True)


def drop_leftover_off_records() -> list[Path]:
    """Off-record files of meetings that are over (ended, or their journal gone): a crash
    between the end and the removal leaves one. Those dropped."""
    folder = paths.sessions_dir()
    dropped = []
    for path in sorted(folder.glob(f"*{OFF_SUFFIX}")):
        journal = path.with_suffix(".jsonl")
        try:
            over = not journal.exists() or has_ended_at(journal)
        except OSError:
            continue
        if over and not is_locked(path.with_suffix(".lock")):
            drop(path)
            dropped.append(path)
    return dropped


def write_record(session: str, markdown: str) -> Path:
    target = record_path(session)
    sessions_folder()
    atomic_write(target, markdown, mode=0o600)
    return target
