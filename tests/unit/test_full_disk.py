"""A full disk, a read-only or vanished folder: nothing acknowledged as saved is ever lost."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import FileOps, JournalWriteError, JournalWriter
from facilitator.journal.load import load
from facilitator.journal.lock import SessionLocked
from facilitator.journal.store import OpenSession, journal_path, start_session
from facilitator.meeting.meeting import creation_event
from facilitator.views.meeting import Saving, saving_words
from tests.factories import MS150, PEOPLE


class FullDisk(FileOps):
    """Writes that fall short, then fail, once ``room`` bytes are used; ``room = None``: the
    disk has room again."""

    def __init__(self) -> None:
        self.room: int | None = None
        self.truncated: list[int] = []

    def write(self, fd: int, data: bytes) -> int:  # type: ignore[override]
        if self.room is None:
            return os.write(fd, data)
        if self.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        written = os.write(fd, data[: self.room])  # a short write: half a line on disk
        self.room -= written
        return written

    def ftruncate(self, fd: int, length: int) -> None:  # type: ignore[override]
        self.truncated.append(length)
        os.ftruncate(fd, length)


def first_event(clock: FakeClock):  # type: ignore[no-untyped-def]
    return creation_event(MS150, session="s1", group="G", participants=PEOPLE, t=clock.now())


def test_a_write_that_falls_short_leaves_nothing_of_the_event(tmp_path: Path) -> None:
    clock = FakeClock()
    disk = FullDisk()
    writer = JournalWriter(tmp_path / "j.jsonl", disk)
    writer.append(first_event(clock))
    size = (tmp_path / "j.jsonl").stat().st_size
    disk.room = 10
    with pytest.raises(JournalWriteError) as failed:
        writer.append(first_event(clock))
    assert failed.value.errno == errno.ENOSPC
    assert (tmp_path / "j.jsonl").stat().st_size == size  # cut back: no torn half line
    disk.room = None
    writer.append(first_event(clock))
    assert load(tmp_path / "j.jsonl").warnings == []


def test_the_meeting_goes_on_in_memory_and_catches_up_in_order(data_dir: Path) -> None:
    clock = FakeClock()
    handle = OpenSession("s1", disk := FullDisk())
    from facilitator.meeting.meeting import Meeting

    m = Meeting.create(first_event(clock), clock, handle.sink)
    m.toggle()
    m.add_entry("notes", "before the disk filled")
    disk.room = 30
    m.add_entry("notes", "fullentry3")  # shown on screen, not yet on disk
    m.add_entry("notes", "fullentry4")
    assert handle.problem == "the disk is full"
    assert len(handle.pending) == 2
    assert [e.text for e in m.entries()][-2:] == ["fullentry3", "fullentry4"]
    assert "fullentry3" not in journal_path("s1").read_text()  # not one torn byte of it
    assert handle.fallback is not None  # the whole journal, elsewhere
    kept = load(handle.fallback)
    assert [e.text for e in kept.state.entries.values()][-2:] == ["fullentry3", "fullentry4"]
    words = saving_words(Saving(handle.problem, len(handle.pending), str(handle.fallback)))
    assert words.startswith("NOT SAVED: the disk is full. 2 actions not saved yet")
    assert str(handle.fallback) in words
    disk.room = None  # space again: the next check writes them, in order
    assert handle.check() is True
    assert handle.problem is None and handle.pending == [] and handle.fallback is None
    texts = [e.text for e in load(journal_path("s1")).state.entries.values()]
    assert texts == ["before the disk filled", "fullentry3", "fullentry4"]
    handle.close()


def test_a_journal_removed_during_the_meeting_is_written_again_whole(data_dir: Path) -> None:
    import shutil

    clock = FakeClock()
    handle, m = start_session(first_event(clock), clock)
    m.toggle()
    m.add_entry("notes", "said before")
    shutil.rmtree(paths.sessions_dir())
    assert handle.check() is True
    m.add_entry("notes", "said after")
    texts = [e.text for e in load(journal_path("s1")).state.entries.values()]
    assert texts == ["said before", "said after"]
    handle.close()


def test_a_deleted_lock_file_admits_no_second_writer(data_dir: Path) -> None:
    clock = FakeClock()
    handle, _ = start_session(first_event(clock), clock)
    (paths.sessions_dir() / "s1.lock").unlink()
    with pytest.raises(SessionLocked):
        OpenSession("s1")
    handle.close()


def test_a_session_that_cannot_write_its_first_line_does_not_start(data_dir: Path,
                                                                    monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr(FileOps, "write", staticmethod(_no_space))
    clock = FakeClock()
    with pytest.raises(OSError, match="the disk is full"):
        start_session(first_event(clock), clock)


def _no_space(fd: int, data: bytes) -> int:
    raise OSError(errno.ENOSPC, "No space left on device")
