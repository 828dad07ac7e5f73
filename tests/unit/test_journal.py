"""The session journal: durable, private, tolerant of damage, one writer at a time."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.journal.lock import SessionLock, SessionLocked
from facilitator.journal.record import render
from facilitator.journal.store import journal_path, resume_session, start_session
from facilitator.meeting.events import Unknown
from facilitator.meeting.meeting import Meeting, creation_event
from tests.factories import MS150, raw_line


def first_event(clock: FakeClock, session: str = "s1") -> dict:
    return creation_event(
        MS150, session=session, group="G", participants=["Ana", "Bo"], t=clock.now()
    )


def test_torn_last_line_is_skipped_with_a_warning(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "s.jsonl"
    writer = JournalWriter(path)
    events: list[dict] = []
    m = Meeting.create(first_event(clock), clock, lambda e: (writer.append(e), events.append(e)))
    m.toggle()
    m.add_entry("notes", "kept")
    writer.close()
    with open(path, "ab") as fh:
        fh.write(b'{"at":"2027-01-15T08:00:00.000+00:00","type":"entry_added","id":"x","te')
    result = load(path)
    assert len(result.events) == len(events)
    assert len(result.warnings) == 1
    assert "incomplete last line" in result.warnings[0]
    # Appending after a torn line starts a fresh line; nothing is glued to the torn one.
    writer = JournalWriter(path)
    m2 = Meeting(result.state, clock, writer.append)
    m2.add_entry("notes", "after the crash")
    writer.close()
    again = load(path)
    texts = [e.text for e in again.state.entries.values()]
    assert texts == ["kept", "after the crash"]
    assert "damaged line" in again.warnings[0]


def test_control_characters_in_a_hand_edited_journal_never_reach_the_screen(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    path = tmp_path / "s.jsonl"
    writer = JournalWriter(path)
    m = Meeting.create(first_event(clock), clock, writer.append)
    m.toggle()
    m.add_entry("notes", "line one\nline two\tand a tab, C:\\bin")
    writer.close()
    edited = path.read_text(encoding="utf-8").replace(
        '"Ana"', '"Ana\\u001b]2;PWNED\\u0007\\u009b41m\x7f"'
    )
    path.write_text(edited, encoding="utf-8")
    loaded = load(path)
    replayed = Meeting(loaded.state, clock)
    assert replayed.state.participants == ["Ana]2;PWNED41m", "Bo"]
    assert "\x1b" not in repr(loaded.events)
    notes = [e.text for e in replayed.entries()]
    assert notes == ["line one\nline two\tand a tab, C:\\bin"]  # newlines, tabs, backslashes kept


def test_unknown_event_types_are_kept_and_skipped(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "s.jsonl"
    writer = JournalWriter(path)
    Meeting.create(first_event(clock), clock, writer.append).toggle()
    writer.close()
    with open(path, "ab") as fh:
        fh.write(raw_line({"type": "hologram_projected", "colour": "teal"}, clock.now()))
    loaded = load(path)
    assert loaded.events[-1] == Unknown(clock.now(), "hologram_projected", {"colour": "teal"})
    m = Meeting(loaded.state, clock)
    assert m.state.unknown_events == 1
    assert m.status == "running"
    assert b"hologram_projected" in path.read_bytes()


def test_files_are_private_whatever_the_umask(data_dir: Path) -> None:
    old = os.umask(0)
    try:
        clock = FakeClock()
        handle, m = start_session(first_event(clock), clock)
        m.toggle()
        handle.close()
        from facilitator.journal.store import write_record

        record = write_record("s1", render(m.state, clock.now()))
    finally:
        os.umask(old)
    folder = data_dir / "sessions"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in (journal_path("s1"), record, folder / "s1.lock"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_second_instance_is_refused(data_dir: Path) -> None:
    clock = FakeClock()
    handle, _ = start_session(first_event(clock), clock)
    try:
        with pytest.raises(SessionLocked):
            resume_session("s1", clock)
    finally:
        handle.close()
    other, _ = resume_session("s1", clock)  # free again once the first closed
    other.close()


def test_a_session_open_in_another_window_is_not_offered_for_resuming(data_dir: Path) -> None:
    from facilitator.journal.store import unfinished_sessions

    clock = FakeClock()
    handle, _ = start_session(first_event(clock), clock)
    try:
        assert [u.open_elsewhere for u in unfinished_sessions()] == [True]
    finally:
        handle.close()
    assert [u.open_elsewhere for u in unfinished_sessions()] == [False]


def test_a_stale_lock_from_a_dead_process_is_taken_over(data_dir: Path) -> None:
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    (folder / "s9.lock").write_text("999999")  # a pid that no longer runs, no flock held
    lock = SessionLock(folder / "s9.lock")
    lock.acquire()
    assert (folder / "s9.lock").read_text() == str(os.getpid())
    lock.release()


TRICKY = [
    "[b]bold?[/b] [red]x[/] [/]",
    "emoji 🌱🙂 and accents: éàü ñ",
    "two\nlines\n\nand a blank one",
    "x" * 10_000,
    "right-to-left: ليلى",
]


def test_entries_round_trip_exactly(data_dir: Path) -> None:
    clock = FakeClock()
    handle, m = start_session(first_event(clock), clock)
    m.toggle()
    for text in TRICKY:
        m.add_entry("notes", text)
    m.add_entry("notes", "esc\x1b]52;c;aGk=\x07ape \x9b31m")
    handle.close()
    replayed = Meeting(load(journal_path("s1")).state, clock)
    texts = [e.text for e in replayed.state.entries.values()]
    assert texts == [*TRICKY, "esc]52;c;aGk=ape 31m"]


def test_markdown_record_of_a_full_meeting() -> None:
    clock = FakeClock()
    people = ["Ana", "Bo", "Chen"]
    m = Meeting.create(
        creation_event(MS150, session="s", group="Tuesday", participants=people, t=clock.now()),
        clock,
    )
    m.toggle()
    clock.advance(minutes=2)
    m.next_item()  # expectations
    for person, hope in zip(people, ["to listen", "to be heard | honestly", "calm"]):
        m.add_entry("expectations", hope, person=person)
        clock.advance(minutes=3)
        m.next_speaker_turn()
    clock.advance(minutes=2)
    m.next_item()
    m.record_draw("jasette", "What shaped you?")
    m.record_skip("What shaped you?")
    m.record_draw("jasette", "Who taught you *courage*?")
    clock.advance(minutes=25)
    m.next_item()
    m.add_entry("notes", "a note")
    m.add_entry("followups", "send the article", owner="Bo")
    clock.advance(minutes=100)
    m.next_item()
    m.add_entry("conclusions", "I was listened to", person="Ana", met=4)
    m.add_entry("conclusions", "good", person="Chen", met=2)
    clock.advance(minutes=6)
    m.end()
    text = render(m.state, clock.now())
    assert "| Ana | to listen | I was listened to | fully |" in text
    assert "| Bo | to be heard \\| honestly | – | – |" in text
    assert "| Chen | calm | good | partly |" in text
    assert "What shaped you? — skipped" in text
    assert "Who taught you \\*courage\\*?" in text
    assert "| 1 | Demining | 08:00 | 2 | 08:00 | 2 |" in text
    assert "| 4 | Core | 08:38 | 107 | 08:38 | 100 |" in text
    assert "- [ ] send the article — Bo" in text
    assert json.dumps(text)  # plain text, serialisable


def test_the_record_lists_everyone_who_came_with_arrivals_and_departures() -> None:
    clock = FakeClock()
    m = Meeting.create(
        creation_event(MS150, session="s", group="T", participants=["Ana", "Bo"], t=clock.now()),
        clock,
    )
    m.toggle()
    clock.advance(minutes=10)
    m.add_participant("Gus")
    clock.advance(minutes=30)
    m.remove_participant("Bo")
    m.remove_participant("Gus")
    m.end()
    text = render(m.state, clock.now())
    assert "- Participants: Ana, Bo (left 08:40), Gus (arrived 08:10, left 08:40)" in text


def test_a_case_clinic_record_says_who_held_which_role_and_lists_the_closing_words() -> None:
    from facilitator import catalog

    clock = FakeClock()
    roles = {"case giver": ["Bo"], "coach": ["Ana", "Chen"], "timekeeper": ["Chen"]}
    agenda = catalog.find_agenda("case-clinic")
    m = Meeting.create(creation_event(agenda, session="s", group="G", participants=["Ana", "Bo",
                       "Chen"], roles=roles, t=clock.now()), clock)  # fmt: skip
    m.toggle()
    m.add_entry("conclusions", "I will talk to my manager", person="Bo")
    m.add_entry("conclusions", "Moved by the metaphor", person="Ana")
    m.end()
    text = render(m.state, clock.now())
    assert "- Roles: case giver: Bo; coach: Ana, Chen; timekeeper: Chen" in text
    assert "## Conclusions\n\n- Bo: I will talk to my manager\n- Ana: Moved by the metaphor" in text
    assert "| Person | Expected |" not in text


def test_a_new_journals_name_is_made_durable_too(tmp_path: Path, monkeypatch) -> None:
    """The file's directory entry is fsynced when the journal is created (not when reopened)."""
    from facilitator.journal import jsonl

    synced: list[Path] = []
    monkeypatch.setattr(jsonl, "fsync_dir", synced.append)
    JournalWriter(tmp_path / "new.jsonl").close()
    assert synced == [tmp_path]
    JournalWriter(tmp_path / "new.jsonl").close()
    assert synced == [tmp_path]


def test_a_meeting_killed_right_after_it_ended_gets_its_record_and_loses_its_lock(
    data_dir: Path,
) -> None:
    from facilitator.journal.store import complete_records, record_path

    clock = FakeClock()
    handle, m = start_session(first_event(clock), clock)
    m.toggle()
    m.add_entry("notes", "said")
    m.end()
    handle.writer.close()  # killed before the record was written or the lock let go
    handle.lock.release()
    assert not record_path("s1").exists()
    assert complete_records() == [record_path("s1")]
    assert "said" in record_path("s1").read_text()
    assert not (paths.sessions_dir() / "s1.lock").exists()
    assert complete_records() == []
