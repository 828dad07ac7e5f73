"""The review index against a generated history whose truth is known independently."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.journal.record import md
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.review import index, queries
from facilitator.review.share import share_digest
from tests.factories import MS150
from tests.history_gen import RARE, History, generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> History:
    return generate(tmp_path_factory.mktemp("history") / "sessions", 150, seed=11)


@pytest.fixture
def history(generated: History, data_dir: Path) -> History:
    """A private copy of the generated journals in this test's data folder."""
    shutil.copytree(generated.folder, data_dir / "sessions")
    return History(data_dir / "sessions", generated.sessions)


@pytest.fixture
def db(history: History) -> Iterator[sqlite3.Connection]:
    conn = index.open_index()
    yield conn
    conn.close()


def replay(path: Path) -> Meeting:
    loaded = load(path)
    return Meeting(loaded.state, FakeClock(loaded.last))


def test_every_session_is_listed_newest_first_with_its_figures(history: History, db) -> None:
    rows = queries.list_sessions(db=db)
    newest = sorted(history.sessions, key=lambda s: (s.start, s.id), reverse=True)
    assert [r.id for r in rows] == [s.id for s in newest]
    truth = {s.id: s for s in history.sessions}
    for row in rows:
        s = truth[row.id]
        assert (row.group, row.agenda_id, row.at, row.people) == (s.group, s.agenda.id, s.start,
                                                                   len(s.people))  # fmt: skip
        assert row.finished == (s.end is not None)
        assert row.actual_min == pytest.approx(((s.end or s.last) - s.start) / 60)
        planned = sum(i.per_person * len(s.people) if i.per_person else i.minutes or 0
                      for i in s.agenda.items)  # fmt: skip
        assert row.planned_min == pytest.approx(planned)
    assert any(not r.finished for r in rows) and any(r.finished for r in rows)


def test_filters_by_group_agenda_and_dates(history: History, db) -> None:
    group = history.groups[1]
    assert {r.id for r in queries.list_sessions(group.upper(), db=db)} == \
        {s.id for s in history.group(group)}  # fmt: skip
    assert {r.id for r in queries.list_sessions(agenda="Home group", db=db)} == \
        {s.id for s in history.sessions if s.agenda.id == "home"}  # fmt: skip
    assert queries.list_sessions(agenda="home", db=db) == \
        queries.list_sessions(agenda="Home group", db=db)  # fmt: skip
    since, until = dt.date(2024, 3, 1), dt.date(2024, 6, 30)
    start = dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc).timestamp()
    end = dt.datetime(2024, 7, 1, tzinfo=dt.timezone.utc).timestamp()  # until is inclusive
    expected = {s.id for s in history.sessions if start <= s.start < end and s.group == group}
    assert expected
    found = queries.list_sessions(group, since=since, until=until, db=db)
    assert {r.id for r in found} == expected
    assert queries.list_sessions("no such group", db=db) == []


def test_search_finds_every_entry_and_question_holding_the_words(history: History, db) -> None:
    expected = {(e.session, e.text) for e in history.entries() if RARE in e.text.split()}
    assert len(expected) > 5
    for query in (RARE, RARE.upper(), RARE[:6], f"  {RARE}!! "):
        assert {(h.session, h.text) for h in queries.search(query, limit=None, db=db)} == expected
    group = history.groups[0]
    hits = queries.search(RARE, group, limit=None, db=db)
    assert {h.session for h in hits} == {e.session for e in history.entries()
                                         if RARE in e.text and e.session.startswith(
                                             tuple(s.id for s in history.group(group)))}  # fmt: skip
    lighthouse = {s.id for s in history.sessions
                  if any("lighthouse" in q for q, _ in s.questions)}  # fmt: skip
    hits = queries.search("lighthouse moment", limit=None, db=db)
    assert {h.session for h in hits} == lighthouse and {h.kind for h in hits} == {"question"}
    # Words that mean something to the full-text syntax are only words here.
    for odd in ('"', "NEAR(", "a* OR", "-x", "^", "text:x", ""):
        queries.search(odd, db=db)
    matched = queries.list_sessions(matching=RARE, db=db)
    assert {r.id for r in matched} == {s for s, _ in expected}


def test_search_without_full_text_support(history: History, monkeypatch) -> None:
    monkeypatch.setattr(index, "_fts_available", lambda: False)
    db = index.open_index()
    assert not index.has_fts(db)
    expected = {(e.session, e.text) for e in history.entries() if RARE in e.text.split()}
    assert {(h.session, h.text) for h in queries.search(RARE, limit=None, db=db)} == expected
    assert queries.search("100%_", db=db) == []


def test_open_followups_are_those_never_marked_done(history: History, db) -> None:
    done_later = {ref for s in history.sessions for ref, _ in s.done_refs}
    expected = {
        f"{e.session}/{e.id}"
        for e in history.entries()
        if e.kind == "followups" and not e.done and f"{e.session}/{e.id}" not in done_later
    }
    found = queries.open_followups(db=db)
    assert {f.ref for f in found} == expected
    assert done_later and all(ref not in {f.ref for f in found} for ref in done_later)
    group = history.groups[2]
    mine = {s.id for s in history.group(group)}
    assert {f.ref for f in queries.open_followups(group, db=db)} == \
        {ref for ref in expected if ref.split("/")[0] in mine}  # fmt: skip


@pytest.mark.parametrize("last", [1, 4, 10])
def test_planned_and_actual_minutes_per_item(history: History, db, last: int) -> None:
    for group in history.groups:
        recent = sorted(history.group(group), key=lambda s: s.start)[-last:]
        result = queries.stats(group, last=last, db=db)
        assert [r.id for r in result.sessions] == [s.id for s in recent]
        agenda = recent[-1].agenda
        assert [i.title for i in result.items] == \
            [it.title for it in agenda.items if any(
                agenda.items.index(it) in s.planned for s in recent)]  # fmt: skip
        for item in result.items:
            index_of = next(i for i, it in enumerate(agenda.items) if it.title == item.title)
            planned = [s.planned[index_of] for s in recent if index_of in s.planned]
            actual = [s.actual[index_of] for s in recent
                      if s.actual.get(index_of) is not None and s.running != index_of]  # fmt: skip
            assert item.planned_mean == pytest.approx(sum(planned) / len(planned))
            assert item.runs == len(actual)
            if actual:
                assert item.actual_mean == pytest.approx(sum(actual) / len(actual))
                assert (item.actual_min, item.actual_max) == \
                    (pytest.approx(min(actual)), pytest.approx(max(actual)))  # fmt: skip
        counts: dict[str, int] = {}
        for s in recent:
            for person in s.people:
                counts[person] = counts.get(person, 0) + 1
        assert dict(result.people) == counts


def test_share_digest_holds_every_marked_entry_and_nothing_else(history: History) -> None:
    checked = 0
    for s in history.sessions:
        state = replay(history.folder / f"{s.id}.jsonl").state
        digest = share_digest(state)
        assert "SECRET" not in digest
        for e in s.entries:
            if e.share:
                assert md(e.text) in digest
                checked += 1
            else:
                assert e.text not in digest and md(e.text) not in digest
        named = {e.owner if e.kind == "followups" else e.person for e in s.entries
                 if e.share and e.named}  # fmt: skip
        for person in s.people:
            first_name = person.split()[0]
            assert (first_name in digest) == (person in named), (s.id, person)
        assert s.group not in digest
    assert checked > 50


def test_share_digest_of_a_hand_made_meeting() -> None:
    clock = FakeClock()
    m = Meeting.create(creation_event(MS150, session="s", group="Secret circle",
                                      participants=["Zoë", "Quentin"], t=clock.now()), clock)  # fmt: skip
    m.toggle()
    m.record_draw("jasette", "Which [b]door[/b] did you open?")
    m.add_entry("notes", "private: Quentin's diagnosis")
    a = m.add_entry("expectations", "to *rest*", person="Zoë", share=True)
    m.add_entry("followups", "call the landlord", owner="Quentin", share=True)
    b = m.add_entry("decisions", "meet monthly", person="Zoë", share=True)
    m.edit_entry(b.id, named=True)
    m.add_entry("conclusions", "felt heard", person="Quentin", met=4, share=True)
    m.edit_entry(a.id, share=False)  # changed their mind
    digest = share_digest(m.state)
    assert "diagnosis" not in digest and "rest" not in digest and "Secret circle" not in digest
    assert "Quentin" not in digest
    assert "meet monthly — Zoë" in digest
    assert "call the landlord" in digest and "felt heard (expectations met: fully)" in digest
    assert "Which \\[b\\]door\\[/b\\] did you open?" in digest


def test_index_is_private_and_rebuilt_when_deleted_damaged_or_old(history: History, db) -> None:
    path = index.db_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    before = queries.list_sessions(db=db)
    db.close()
    path.unlink()
    assert queries.list_sessions() == before
    path.write_bytes(b"this is not a database" * 100)
    assert queries.list_sessions() == before
    old = sqlite3.connect(path)
    old.execute(f"PRAGMA user_version = {index.SCHEMA_VERSION - 1}")
    old.commit()
    old.close()
    assert queries.list_sessions() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_only_new_and_changed_journals_are_read(history: History, db, monkeypatch) -> None:
    calls: list[Path] = []
    real = index.load
    monkeypatch.setattr(index, "load", lambda p: calls.append(p) or real(p))
    assert index.update(db).read == 0 and calls == []
    # a new session
    clock = FakeClock(dt.datetime(2030, 5, 1, 19, tzinfo=dt.timezone.utc))
    session = "2030-05-01-1900-new-group-0001"
    writer = JournalWriter(paths.sessions_dir() / f"{session}.jsonl")
    first = creation_event(MS150, session=session, group="New group", participants=["Ana"],
                           t=clock.now())  # fmt: skip
    m = Meeting.create(first, clock, writer.append)
    m.toggle()
    f = m.add_entry("followups", "buy a kettle for the zythum", owner="Ana")
    writer.close()
    report = index.update(db)
    assert (report.read, [p.name for p in calls]) == (1, [f"{session}.jsonl"])
    assert queries.list_sessions(db=db)[0].id == session
    assert [h.session for h in queries.search("zythum", db=db)] == [session]
    assert f"{session}/{f.id}" in {x.ref for x in queries.open_followups(db=db)}
    # a later session marks it done
    writer = JournalWriter(paths.sessions_dir() / f"{session}.jsonl")
    clock.advance(minutes=5)
    Meeting(load(writer.path).state, clock, writer.append).mark_followup_done(
        f"{session}/{f.id}")  # fmt: skip
    writer.close()
    calls.clear()
    assert index.update(db).read == 1 and len(calls) == 1
    assert f"{session}/{f.id}" not in {x.ref for x in queries.open_followups(db=db)}
    # removed
    os.unlink(paths.sessions_dir() / f"{session}.jsonl")
    assert index.update(db).removed == 1
    assert queries.search("zythum", db=db) == []
    assert len(queries.list_sessions(db=db)) == len(history.sessions)


def test_damaged_journals_are_reported_once_and_skipped(history: History, db) -> None:
    (paths.sessions_dir() / "junk.jsonl").write_bytes(b"\x00\xffnot json\n")
    (paths.sessions_dir() / "odd.jsonl").write_text(
        '{"type":"paused","at":"2027-01-01T00:00:00+00:00"}\n'
    )
    report = index.update(db)
    assert sorted(p.split(":")[0] for p in report.problems) == ["junk.jsonl", "odd.jsonl"]
    assert index.update(db).problems == []
    assert len(queries.list_sessions(db=db)) == len(history.sessions)


def test_an_index_busy_elsewhere_is_waited_for_never_deleted(
    history: History, db, monkeypatch
) -> None:
    monkeypatch.setattr(index, "BUSY_TIMEOUT", 0.05)
    (paths.sessions_dir() / history.sessions[0].id).with_suffix(".jsonl").touch()
    other = sqlite3.connect(index.db_path())
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        index.open_index()
    other.rollback()
    other.close()
    assert len(queries.list_sessions(db=db)) == len(history.sessions)


def test_the_review_works_on_a_data_folder_that_cannot_be_written(
    history: History, monkeypatch, tmp_path: Path
) -> None:
    """The index goes to the user's cache folder instead (a read-only disk, another's folder)."""
    from facilitator import paths as paths_module

    data = paths_module.data_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(paths_module, "writable", lambda folder: not folder.is_relative_to(data))
    assert not paths_module.cache_dir().is_relative_to(data)
    rows = queries.list_sessions()
    assert len(rows) == len(history.sessions)
    assert paths_module.cache_dir().is_relative_to(tmp_path / "xdg-cache")
