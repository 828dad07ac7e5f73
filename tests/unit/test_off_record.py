"""Off the record: shown during the meeting, kept beside the journal until it ends, then gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import catalog, paths
from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item, load_agenda
from facilitator.journal.jsonl import encode
from facilitator.journal.load import load
from facilitator.journal.offrecord import off_path, redact
from facilitator.journal.record import render
from facilitator.journal.store import (
    complete_records,
    discard_session,
    journal_path,
    resume_session,
    start_session,
)
from facilitator.meeting import events as ev
from facilitator.meeting.meeting import creation_event
from tests.factories import meeting

SECRET = "Dee has a migraine"
AGENDA = Agenda(
    id="t", title="T",
    items=(Item("Demining", minutes=2, off_record=True), Item("Core", minutes=10)),
)  # fmt: skip


def every_file_holding(folder: Path, words: str) -> list[Path]:
    needle = words.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_an_entry_at_an_item_off_the_record_is_shown_but_kept_out_of_the_record() -> None:
    m = meeting(AGENDA)
    m.toggle()
    entry = m.write("notes", SECRET)
    assert entry.off and m.off_record() and [e.text for e in m.entries(0)] == [SECRET]
    assert m.state.entries == {} and SECRET not in render(m.state, m.now())
    m.edit_entry(entry.id, share=True, text="Dee is tired")
    assert m.entry(entry.id).text == "Dee is tired" and not m.entry(entry.id).share
    m.next_item()
    kept = m.write("notes", "on the record")
    assert not kept.off and list(m.state.entries) == [kept.id]
    m.remove_entry(entry.id)
    assert [e.id for e in m.entries()] == [kept.id]


def test_a_group_that_keeps_no_record_has_every_entry_off_it() -> None:
    clock = FakeClock()
    first = creation_event(AGENDA, session="s1", group="G", participants=["Ana"],
                           off_record=True, t=clock.now())  # fmt: skip
    from facilitator.meeting.meeting import Meeting

    m = Meeting.create(first, clock)
    m.toggle()
    m.next_item()
    assert m.off_record() and m.write("followups", "Ana: call Bo").off
    assert m.state.entries == {}


def test_the_journal_keeps_that_an_entry_was_off_the_record_never_its_words() -> None:
    added = ev.EntryAdded(5.0, "e1", 1, "followups", SECRET, person="Dee", owner="Dee", off=True)
    kept = redact(added)
    assert isinstance(kept, ev.EntryAdded) and kept.off and kept.id == "e1" and kept.item == 1
    assert b"Dee" not in encode(kept)
    edited = redact(ev.EntryEdited(6.0, "e1", {"text": SECRET}, off=True))
    assert b"Dee" not in encode(edited) and b'"off":true' in encode(edited)
    on = ev.EntryAdded(5.0, "e2", 1, "notes", "said")
    assert redact(on) is on and b"off" not in encode(on)  # other journals are as they were


def _bundled_meeting(clock: FakeClock, session: str = "s-off"):  # type: ignore[no-untyped-def]
    agenda = load_agenda(str(paths.bundled_agendas() / "mutual-support-150.yaml"),
                         catalog.deck_ids())  # fmt: skip
    first = creation_event(agenda, session=session, group="Tuesday",
                           participants=["Ana", "Bo", "Dee"], t=clock.now())  # fmt: skip
    handle, m = start_session(first, clock)
    m.toggle()
    while not m.off_record():
        m.next_item()
    return handle, m


def test_the_words_stay_beside_the_journal_until_the_meeting_ends(data_dir: Path) -> None:
    clock = FakeClock()
    handle, m = _bundled_meeting(clock)
    m.write("notes", SECRET)
    m.next_item()
    m.write("expectations", "to listen", person="Ana")
    assert every_file_holding(data_dir, SECRET) == [off_path("s-off")]
    assert off_path("s-off").stat().st_mode & 0o777 == 0o600
    assert load(journal_path("s-off")).state.off_entries  # that it was said, not what
    m.end()
    handle.close(ended=True)
    assert not off_path("s-off").exists() and every_file_holding(data_dir, SECRET) == []
    assert every_file_holding(data_dir, "to listen")


def test_a_resumed_meeting_shows_the_words_again(data_dir: Path) -> None:
    clock = FakeClock()
    handle, m = _bundled_meeting(clock)
    entry = m.write("notes", "Dee has a headache")
    m.edit_entry(entry.id, text=SECRET)
    handle.close()  # the terminal closed mid-meeting
    clock.advance(30)
    handle2, resumed = resume_session("s-off", clock)
    assert [e.text for e in resumed.entries(resumed.state.current)] == [SECRET]
    assert resumed.entry(entry.id).off
    resumed.end()
    handle2.close(ended=True)
    assert every_file_holding(data_dir, SECRET) == []


def test_a_crash_between_the_end_and_the_removal_is_tidied_at_the_next_start(
    data_dir: Path,
) -> None:
    clock = FakeClock()
    handle, m = _bundled_meeting(clock)
    m.write("notes", SECRET)
    handle.off.drop = lambda: None  # type: ignore[method-assign]  # killed before it could
    m.end()
    handle.close()
    assert off_path("s-off").exists()
    complete_records()
    assert every_file_holding(data_dir, SECRET) == []
    assert (data_dir / "sessions" / "s-off.md").exists()


def test_a_discarded_session_leaves_no_words(data_dir: Path) -> None:
    clock = FakeClock()
    handle, m = _bundled_meeting(clock)
    m.write("notes", SECRET)
    handle.close()
    discard_session("s-off")
    assert every_file_holding(data_dir, SECRET) == []


def test_a_group_says_once_whether_it_keeps_a_record_and_shares_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from facilitator.cli.main import main
    from facilitator.groups import Group, load_group, save_group
    from facilitator.review.share import share_digest
    from facilitator.session.setup_form import Fields, SetupForm

    save_group(Group("Home group"))
    form = SetupForm(catalog.find_agenda("home-group"), FakeClock())
    fields = Fields(group="Home group", participants="Ana, Bo")
    assert form.asks_privacy(fields) and not form.asks_privacy(Fields(participants="Ana"))
    first = form.creation_event(fields)
    assert not first.off_record and not first.names_shared  # until asked: a record, no names
    form.save_privacy(fields, keeps_record=True, names_shared=True)
    assert not form.asks_privacy(fields)
    first = form.creation_event(fields)
    assert not first.off_record and first.names_shared
    from facilitator.meeting.meeting import Meeting

    m = Meeting.create(first, FakeClock())
    m.toggle()
    entry = m.add_entry("notes", "the library lends rooms", person="Bo", share=True)
    assert entry.named and "— Bo" in share_digest(m.state)
    m.edit_entry(entry.id, named=False)  # one entry, without the name
    assert "Bo" not in share_digest(m.state)
    capsys.readouterr()
    assert main(["groups", "record", "home group", "off"]) == 0
    assert main(["groups", "names", "Home group"]) == 0
    assert capsys.readouterr().out == "Home group: record off\nHome group: names on\n"
    assert load_group("Home group").keeps_record is False
    assert form.creation_event(fields).off_record
    save_group(Group("New group"))
    assert main(["groups", "record", "New group"]) == 0
    assert capsys.readouterr().out == "New group: record not asked yet\n"


def test_a_meeting_of_a_group_without_a_record_keeps_that_in_its_journal() -> None:
    first = creation_event(AGENDA, session="s1", group="G", participants=["Ana"],
                           off_record=True, names_shared=True, t=FakeClock().now())  # fmt: skip
    import json

    line = json.loads(encode(first))
    assert line["off_record"] is True and line["names_shared"] is True
    plain = json.loads(encode(creation_event(AGENDA, session="s1", group="G",
                                             participants=["Ana"], t=0.0)))  # fmt: skip
    assert "off_record" not in plain and "names_shared" not in plain  # as journals were
    from facilitator.meeting.fold import new_state

    state = new_state(first)
    assert state.off_record and state.names_shared


def test_the_next_meeting_drops_what_a_crash_after_the_end_left(data_dir: Path) -> None:
    clock = FakeClock()
    handle, m = _bundled_meeting(clock)
    m.write("notes", SECRET)
    handle.off.drop = lambda: None  # type: ignore[method-assign]  # killed before it could
    m.end()
    handle.close()
    handle, m = _bundled_meeting(clock, "s-next")  # `facilitator run`, never Home
    assert every_file_holding(data_dir, SECRET) == []
    handle.close()


def test_words_whose_file_was_removed_under_the_meeting_are_written_again(
    data_dir: Path,
) -> None:
    clock = FakeClock()
    handle, m = _bundled_meeting(clock)
    m.write("notes", SECRET)
    off_path("s-off").unlink()  # a clean-up tool, a hand
    m.write("notes", "Bo is tired")
    handle.close()
    handle, resumed = resume_session("s-off", clock)
    assert [e.text for e in resumed.entries()] == [SECRET, "Bo is tired"]
    handle.close()
    handle, resumed = resume_session("s-off", clock)
    off_path("s-off").unlink()  # after a resume too: what was read is written again
    resumed.write("notes", "Ana is late")
    handle.close()
    handle, resumed = resume_session("s-off", clock)
    assert [e.text for e in resumed.entries()] == [SECRET, "Bo is tired", "Ana is late"]
    handle.close()


def test_set_up_says_when_the_group_keeps_no_record() -> None:
    from facilitator.groups import Group, save_group
    from facilitator.session.setup_form import Fields, SetupForm

    save_group(Group("Quiet", keeps_record=False))
    save_group(Group("Open", keeps_record=True))
    form = SetupForm(catalog.find_agenda("home-group"), FakeClock())
    said = form.notices(Fields(group="quiet", participants="Ana, Bo, Chen"))
    assert "“Quiet” keeps no record: everything written in its meetings stays off" in " ".join(said)
    assert not any("record" in w for w in form.notices(Fields(group="Open", participants="Ana")))
