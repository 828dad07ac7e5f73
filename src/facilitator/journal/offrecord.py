"""What is said off the record: kept beside the journal while the meeting lasts, then dropped.

An entry off the record (``EntryAdded.off``, and its edits) is written twice. The session's
journal, which is never rewritten, gets it without its words (:func:`redact`): that such an entry
was written, when and at which item. Its words go to the session's off-record file
(``ID.off`` beside the journal), appended and fsynced the same way, so a crash or a closed lid
loses nothing: :func:`restore` gives the words back when the meeting is resumed. When the
meeting ends, or the session is discarded, the file is overwritten, removed, and the folder
fsynced (:func:`drop`). The readers of journals (the review, the index, ``sessions``, the stage,
the exports) read the journal alone, so they never see the words, even during the meeting.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from pathlib import Path

from facilitator import paths
from facilitator.fsutil import fsync_dir
from facilitator.journal.jsonl import FileOps, JournalWriter, lines
from facilitator.journal.load import read_event
from facilitator.meeting.events import EntryAdded, EntryEdited, Event, JournalFormatError
from facilitator.meeting.fold import restore_off_entry
from facilitator.meeting.state import State

SUFFIX = ".off"  # not .jsonl: nothing that lists journals ever reads it


def off_path(session: str, folder: Path | None = None) -> Path:
    return (folder or paths.sessions_dir()) / f"{session}{SUFFIX}"


def is_off(event: Event) -> bool:
    """Whether the event holds words said off the record."""
    return isinstance(event, (EntryAdded, EntryEdited)) and event.off


def redact(event: Event) -> Event:
    """The event as the journal keeps it: an entry off the record without its words or names."""
    if isinstance(event, EntryAdded) and event.off:
        return dataclasses.replace(event, text="", person=None, owner=None, met=None,
                                   share=False, named=False, due=None)  # fmt: skip
    if isinstance(event, EntryEdited) and event.off:
        return dataclasses.replace(event, changes={})
    return event


class OffRecordFile:
    """The off-record file of a session being written; opened at its first entry. What it
    holds is kept in memory too, to write it again whole if the file is removed under it."""

    def __init__(self, session: str, ops: FileOps | None = None) -> None:
        self.path = off_path(session)
        self.ops = ops
        self.writer: JournalWriter | None = None
        self.written: list[Event] = []

    def append(self, events: list[Event]) -> None:
        """Written whole and fsynced, or OSError (and nothing of them is in the file)."""
        if not events:
            return
        if self.writer is None or self._vanished():
            self._reopen()
        assert self.writer is not None
        self.writer.append_many(events)
        self.written += events

    def _vanished(self) -> bool:
        assert self.writer is not None
        try:
            on_disk = os.stat(self.path)
        except OSError:
            return True
        mine = os.fstat(self.writer.fd)
        return (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)

    def _reopen(self) -> None:
        """Opened (again): a file removed under the meeting is written again whole."""
        self.close()
        self.writer = JournalWriter(self.path, self.ops)
        if self.written and os.fstat(self.writer.fd).st_size == 0:
            self.writer.append_many(self.written)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def drop(self) -> None:
        self.close()
        self.written = []
        drop(self.path)


def drop(path: Path) -> None:
    """The off-record file overwritten with zeros, removed, and its removal made durable.
    Overwriting keeps the words out of the disk's free space where the file system writes in
    place; it promises nothing on one that does not (see the README)."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, b"\0" * size)
            os.fsync(fd)
        finally:
            os.close(fd)
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError:  # a folder gone read-only: the next start-up tries again
        return
    fsync_dir(path.parent)


def restore(state: State, path: Path) -> tuple[list[Event], list[str]]:
    """The words of the entries off the record given back to ``state`` from the off-record
    file, if there is one: the events read, and warnings for lines that could not be."""
    warnings: list[str] = []
    read: list[Event] = []
    try:
        found = list(lines(path, warnings))
    except FileNotFoundError:
        return read, warnings
    for line in found:
        try:
            event = read_event(line.data)
        except JournalFormatError as exc:
            warnings.append(f"{path}:{line.number}:1: skipped an entry: {exc}")
            continue
        if isinstance(event, (EntryAdded, EntryEdited)) and event.off:
            read.append(event)
            restore_off_entry(state, event)
    return read, warnings
