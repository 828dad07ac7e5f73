"""Following a journal as it grows: only the appended bytes, the whole file when replaced."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter, encode
from facilitator.journal.load import Follower, load
from facilitator.meeting.meeting import Meeting, creation_event
from tests.factories import MS150, PEOPLE


def _journaled(path: Path, clock: FakeClock) -> tuple[Meeting, JournalWriter]:
    writer = JournalWriter(path)
    first = creation_event(MS150, session="s1", group="Tuesday", participants=PEOPLE,
                           t=clock.now())  # fmt: skip
    writer.append(first)
    return Meeting.create(first, clock, writer.append), writer


def test_the_follower_reads_only_what_was_appended(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "s1.jsonl"
    meeting, writer = _journaled(path, clock)
    follower = Follower(path)
    assert follower.poll() is True
    assert follower.poll() is False  # nothing new: one stat, nothing read
    meeting.toggle()
    clock.advance(30)
    meeting.send_message("Break till 20:10")
    assert follower.poll() is True
    assert follower.loaded is not None
    assert follower.loaded.state.message == "Break till 20:10"
    assert follower.loaded.state.status == "running"
    before = follower.loaded
    meeting.next_item()
    assert follower.poll() is True
    assert follower.loaded is before  # the same session, grown: not read again
    assert follower.loaded.state.current == load(path).state.current
    writer.close()


def test_a_line_being_written_waits_until_it_is_whole(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "s1.jsonl"
    meeting, writer = _journaled(path, clock)
    follower = Follower(path)
    follower.poll()
    line = encode(_started(clock.now()))
    with open(path, "ab") as fh:
        fh.write(line[:10])
    assert follower.poll() is False
    with open(path, "ab") as fh:
        fh.write(line[10:])
    assert follower.poll() is True
    assert follower.loaded is not None and follower.loaded.state.status == "running"
    assert follower.loaded.warnings == []
    writer.close()


def _started(t: float):  # type: ignore[no-untyped-def]
    from facilitator.meeting.events import MeetingStarted

    return MeetingStarted(t)


def test_a_replaced_journal_is_read_again_whole(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "s1.jsonl"
    meeting, writer = _journaled(path, clock)
    meeting.toggle()
    follower = Follower(path)
    follower.poll()
    lines = path.read_bytes().splitlines(keepends=True)
    other = tmp_path / "other.jsonl"
    other.write_bytes(lines[0])  # the same session, not started (a copy put in its place)
    os.replace(other, path)
    assert follower.poll() is True
    assert follower.loaded is not None and follower.loaded.state.status == "ready"
    writer.close()
