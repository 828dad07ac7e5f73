"""A follow-up keeps its due date: read from its words, changed or removed, in the journal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.meeting import events as ev
from facilitator.meeting.meeting import Meeting
from tests.factories import MS150, meeting, replayed

TUESDAY = datetime(2026, 12, 8, 19, 0, tzinfo=UTC)
CORE = 4


def in_the_core(sink=None) -> Meeting:  # type: ignore[no-untyped-def]
    m = meeting(MS150, clock=FakeClock(TUESDAY), sink=sink)
    m.toggle()
    while m.state.current != CORE:
        m.next_item()
    return m


def test_a_follow_up_is_due_when_its_words_say() -> None:
    m = in_the_core()
    entry = m.write("followups", "Bo: send the letter by Friday")
    assert (entry.owner, entry.text, entry.due) == ("Bo", "send the letter by Friday", "2026-12-11")
    assert m.write("followups", "Ana: find a room").due is None
    assert m.write("notes", "by Friday we know more").due is None  # only follow-ups are due
    assert m.add_entry("followups", "call Dee tomorrow", owner="Eli").due == "2026-12-09"


def test_the_group_language_is_read_too() -> None:
    from facilitator import catalog

    m = meeting(catalog.find_agenda("mutual-support-150-fr"), clock=FakeClock(TUESDAY))
    assert m.write("followups", "Bo : envoyer la lettre d'ici vendredi").due == "2026-12-11"


def test_new_words_that_name_a_date_move_it_and_words_without_keep_it() -> None:
    m = in_the_core()
    entry = m.write("followups", "Bo: send the letter by Friday")
    m.rewrite(entry.id, "send the letter by 15 Dec")
    assert m.entry(entry.id).due == "2026-12-15"
    m.rewrite(entry.id, "send the letter")
    assert m.entry(entry.id).due == "2026-12-15"


def test_a_due_date_changed_and_removed() -> None:
    m = in_the_core()
    entry = m.write("followups", "Bo: send the letter by Friday")
    assert m.set_due(entry.id, "2026-12-18")
    assert not m.set_due(entry.id, "2026-12-18")  # the same: nothing written
    assert m.entry(entry.id).due == "2026-12-18"
    assert m.set_due(entry.id, None)
    assert m.entry(entry.id).due is None
    with pytest.raises(ValueError):
        m.set_due(entry.id, "Friday")


def test_the_journal_keeps_it_and_writes_nothing_new_without_one(tmp_path: Path) -> None:
    path = tmp_path / "s1.jsonl"
    writer = JournalWriter(path)
    m = in_the_core(sink=writer.append)
    plain = m.write("followups", "Ana: find a room")
    due = m.write("followups", "Bo: send the letter by Friday")
    m.set_due(due.id, "2026-12-18")
    writer.close()
    assert "due" not in ev.to_data(ev.EntryAdded(1e9, plain.id, CORE, "followups", "x"))
    assert '"due"' not in next(line for line in path.read_text().splitlines() if plain.id in line)
    again = replayed(path)
    assert again.entry(due.id).due == "2026-12-18"
    assert again.entry(plain.id).due is None


@pytest.mark.parametrize("bad", ["Friday", "2026-13-01", "2026-12-1", 5])
def test_a_due_that_is_no_date_is_a_damaged_line(bad: object) -> None:
    line = {"type": "entry_added", "id": "e1", "item": 0, "kind": "followups", "due": bad}
    with pytest.raises(ev.JournalFormatError):
        ev.decode(line, 1e9)
    with pytest.raises(ev.JournalFormatError):
        ev.decode({"type": "entry_edited", "id": "e1", "due": bad}, 1e9)
    edited = ev.decode({"type": "entry_edited", "id": "e1", "due": None}, 1e9)
    assert isinstance(edited, ev.EntryEdited) and edited.changes == {"due": None}


def test_off_the_record_its_date_stays_out_of_the_journal() -> None:
    from facilitator.journal.offrecord import redact

    added = ev.EntryAdded(1e9, "e1", 1, "followups", "by Friday", owner="Bo", off=True,
                          due="2026-12-11")  # fmt: skip
    assert redact(added) == ev.EntryAdded(1e9, "e1", 1, "followups", "", off=True)
