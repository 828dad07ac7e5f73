"""Follow-ups closed, reopened and given to someone else between meetings, on the command line."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest

from facilitator.cli.main import main
from facilitator.clock import FakeClock
from facilitator.journal import changes
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import creation_event
from facilitator.review.queries import carried_followups, open_followups
from tests.factories import MS150

PAST = 1_700_000_000.0  # 2023: the command line's changes come later, in real time


def one_meeting(session: str = "one", group: str = "G") -> None:
    clock = FakeClock(PAST)
    handle, m = start_session(creation_event(MS150, session=session, group=group,
                                             participants=["Ana", "Bo"], t=clock.now()),
                              clock)  # fmt: skip
    m.toggle()
    m.add_entry("followups", "send the article", owner="Bo")
    m.add_entry("followups", "book the room")
    m.end()
    handle.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["sessions", "followups", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def short(text: str) -> str:
    return next(f.short for f in open_followups(closed=True) if f.text == text)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_ids_are_short_and_stable(data_dir: Path, capsys) -> None:
    one_meeting()
    code, out, _ = run(capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:2] == ["ID", "DATE"]
    article = short("send the article")
    assert len(article) == changes.SHORT
    assert any(line.startswith(article) and "Bo" in line for line in lines)
    ref = next(f.ref for f in open_followups() if f.text == "send the article")
    assert article == changes.short_id(ref)  # a hash of SESSION/ENTRY: the same on every laptop


def test_done_is_journaled_in_a_file_of_its_own_and_leaves_set_up(data_dir: Path, capsys) -> None:
    one_meeting()
    sessions = digest(data_dir / "sessions")
    article = short("send the article")
    code, out, err = run(capsys, "done", article)
    assert (code, err) == (0, "") and out == f"Done: send the article ({article})\n"
    assert digest(data_dir / "sessions") == sessions  # no session's file rewritten
    [written] = (data_dir / "followups").iterdir()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert written.name.startswith(changes.device_id() + "-")
    assert b'"action":"done"' in written.read_bytes()
    assert [c.text for c in carried_followups("G")] == ["book the room"]  # the next set-up
    code, out, _ = run(capsys)
    assert article not in out and "book the room" in out
    code, out, _ = run(capsys, "--all")
    assert "done: send the article" in out
    code, out, _ = run(capsys, "done", article)
    assert out.startswith("Already done") and len(list(written.parent.iterdir())) == 1


def test_reopen_wins_over_a_later_meeting_marking_it_done(data_dir: Path, capsys) -> None:
    one_meeting()
    ref = next(f.ref for f in open_followups() if f.text == "book the room")
    clock = FakeClock(PAST + 86_400)
    handle, m = start_session(creation_event(MS150, session="two", group="G",
                                             participants=["Ana"], t=clock.now(),
                                             carried=carried_followups("G")), clock)  # fmt: skip
    m.toggle()
    m.mark_followup_done(ref)
    m.end()
    handle.close()
    room = short("book the room")
    assert [c.text for c in carried_followups("G")] == ["send the article"]
    code, out, _ = run(capsys, "reopen", room)
    assert code == 0 and out.startswith("Open again: book the room")
    assert sorted(c.text for c in carried_followups("G")) == ["book the room", "send the article"]


def test_owner_changes_and_stays(data_dir: Path, capsys) -> None:
    one_meeting()
    room = short("book the room")
    code, out, _ = run(capsys, "owner", room, "Mei")
    assert code == 0 and out == f"Now Mei's: book the room ({room})\n"
    run(capsys, "done", room)
    run(capsys, "reopen", room)
    assert [c.owner for c in carried_followups("G") if c.text == "book the room"] == ["Mei"]
    assert len(list((data_dir / "followups").iterdir())) == 3  # one file per run


def test_unknown_and_ambiguous_ids_get_a_clear_error(data_dir: Path, capsys) -> None:
    one_meeting()
    code, out, err = run(capsys, "done", "zzzzzz")
    assert code == 1 and out == "" and "No follow-up has the id 'zzzzzz'" in err
    code, out, err = run(capsys, "done", "ab")
    assert code == 1 and "No follow-up" in err
    code, _, err = run(capsys, "owner", short("book the room"), " ")
    assert code == 1 and "Give the name" in err
    assert not (data_dir / "followups").exists()


def test_a_torn_or_foreign_line_in_a_change_file_is_passed_over(data_dir: Path, capsys) -> None:
    one_meeting()
    room = short("book the room")
    run(capsys, "done", room)
    [written] = (data_dir / "followups").iterdir()
    with open(written, "ab") as fh:
        fh.write(b'{"at":"2030-01-01T00:00:00+00:00","type":"other"}\n{"at":"20')
    (data_dir / "followups" / "x.sync-conflict-1.jsonl").write_bytes(written.read_bytes())
    assert [c.text for c in carried_followups("G")] == ["send the article"]


def test_two_runs_never_share_a_file(data_dir: Path) -> None:
    first, second = changes.ChangeWriter(now=PAST), changes.ChangeWriter(now=PAST)
    for writer in (first, second):
        writer.append(changes.Change(PAST, "one/e1", "done"))
        writer.close()
    assert first.path != second.path and first.path and second.path
    assert first.path.parent == second.path.parent == data_dir / "followups"
