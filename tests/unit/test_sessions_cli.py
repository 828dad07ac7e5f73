"""``facilitator sessions …`` and ``facilitator review`` on the command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.cli.main import build_parser, main
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.journal.record import render
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.review import index
from tests.factories import MS150, raw_line
from tests.history_gen import RARE, History, generate

HOSTILE = "[bold red]loud[/] \x1b]52;c;SGVsbG8=\x07copied\x9b31m [/]"


@pytest.fixture
def history(data_dir: Path) -> History:
    return generate(data_dir / "sessions", 12, seed=5)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def hostile_session(session: str = "2027-03-01-1900-odd-0001") -> str:
    """A journal written by hand, holding markup and terminal escapes in a note."""
    clock = FakeClock(1_803_000_000.0)
    writer = JournalWriter(paths.sessions_dir() / f"{session}.jsonl")
    first = creation_event(MS150, session=session, group="Odd [i]group", participants=["Ana"],
                           t=clock.now())  # fmt: skip
    m = Meeting.create(first, clock, writer.append)
    m.toggle()
    clock.advance(minutes=3)
    writer.close()
    with open(writer.path, "ab") as fh:
        fh.write(raw_line({"type": "entry_added", "id": "e1", "item": 1, "kind": "notes",
                           "text": HOSTILE, "share": True}, clock.now()))  # fmt: skip
    return session


def test_list_filters_and_prints_one_line_per_session(history: History, capsys) -> None:
    code, out, err = run(capsys, "sessions", "list")
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert lines[0].split()[:3] == ["ID", "DATE", "GROUP"]
    assert len(lines) == 1 + len(history.sessions)
    newest = max(history.sessions, key=lambda s: (s.start, s.id))
    assert lines[1].startswith(newest.id)
    group = history.groups[0]
    code, out, _ = run(capsys, "sessions", "list", "--group", group)
    assert len(out.splitlines()) == 1 + len(history.group(group))
    code, out, _ = run(capsys, "sessions", "list", "--since", "2099-01-01")
    assert (code, out) == (0, "No sessions found.\n")


def test_bad_dates_are_refused_by_argparse(history: History, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["sessions", "list", "--since", "yesterday"])
    assert exit_.value.code == 2
    assert "'yesterday' is not a date like 2025-03-01" in capsys.readouterr().err


def test_show_accepts_a_unique_prefix_and_refuses_ambiguous_ones(history: History,
                                                                 capsys) -> None:  # fmt: skip
    s = history.sessions[0]
    code, out, err = run(capsys, "sessions", "show", s.id[:-2])
    assert code == 0 and err == ""
    assert s.agenda.title in out and "Timeline" in out
    assert any(e.text in out.replace("\n", " ") for e in s.entries if len(e.text) < 40)
    code, out, err = run(capsys, "sessions", "show", "20")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "matches" in err and "Traceback" not in err
    code, _, err = run(capsys, "sessions", "show", "1999")
    assert code == 1 and err.startswith("No session id starts with '1999'")
    code, _, err = run(capsys, "sessions", "show", "../etc")
    assert code == 1 and "is not a session id" in err


def test_export_markdown_and_json_to_private_files(history: History, capsys, tmp_path) -> None:
    s = history.sessions[3]
    target = tmp_path / "out" / "record.md"
    code, out, _ = run(capsys, "sessions", "export", s.id, "--output", str(target))
    assert code == 0 and str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    loaded = load(paths.sessions_dir() / f"{s.id}.jsonl")
    events, state = loaded.events, loaded.state
    assert target.read_text() == render(state, loaded.last)
    target = tmp_path / "events.json"
    run(capsys, "sessions", "export", s.id, "--format", "json", "--output", str(target))
    exported = json.loads(target.read_text())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(exported) == len(events) and exported[0]["type"] == "session_created"
    assert exported[0]["at"].startswith(f"{s.id[:10]}T")
    code, out, _ = run(capsys, "sessions", "export", s.id, "--format", "json")
    assert json.loads(out) == exported


def test_search_followups_and_stats(history: History, capsys) -> None:
    code, out, _ = run(capsys, "sessions", "search", RARE)
    expected = [e for e in history.entries() if RARE in e.text]
    assert code == 0 and len(out.splitlines()) == len(expected) > 0
    code, out, _ = run(capsys, "sessions", "search", "zzzz")
    assert out == "Nothing found.\n"
    code, out, _ = run(capsys, "sessions", "followups")
    done = {ref for s in history.sessions for ref, _ in s.done_refs}
    open_ = [e for e in history.entries()
             if e.kind == "followups" and not e.done and f"{e.session}/{e.id}" not in done]  # fmt: skip
    assert len(out.splitlines()) == 1 + len(open_)
    group = history.groups[0]
    code, out, _ = run(capsys, "sessions", "stats", "--group", group, "--last", "3")
    assert code == 0 and f"Planned vs actual minutes · {group}" in out
    assert "planned █" in out and "actual  █" in out and "Attendance" in out


def test_share_prints_only_marked_entries(history: History, capsys, tmp_path) -> None:
    s = next(s for s in history.sessions if any(e.share for e in s.entries))
    code, out, _ = run(capsys, "sessions", "share", s.id)
    assert code == 0
    flat = out.replace("\n", " ")
    assert all(e.text in flat for e in s.entries if e.share)
    assert "SECRET" not in out and not any(e.text in flat for e in s.entries if not e.share)
    target = tmp_path / "digest.md"
    run(capsys, "sessions", "share", s.id, "--output", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == out


def test_user_text_is_never_markup_and_escapes_never_reach_the_terminal(capsys) -> None:
    session = hostile_session()
    for argv in (["show", session], ["search", "loud"], ["share", session], ["list"],
                 ["export", session]):  # fmt: skip
        code, out, err = run(capsys, "sessions", *argv)
        assert code == 0, (argv, err)
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out, argv
        if argv[0] != "list":
            assert "[bold red]loud[/]" in out.replace("\\", ""), argv
    code, out, _ = run(capsys, "sessions", "export", session, "--format", "json")
    # Escapes are dropped as the journal is read (it is a file entering the program); the
    # markup-like words stay, literally.
    assert json.loads(out)[-1]["text"] == "[bold red]loud[/] ]52;c;SGVsbG8=copied31m [/]"
    assert "\x1b" not in out and "\x9b" not in out


def test_errors_are_one_line_and_a_damaged_index_is_rebuilt(history: History, capsys) -> None:
    run(capsys, "sessions", "list")
    index.db_path().write_bytes(b"garbage" * 1000)
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and len(out.splitlines()) == 1 + len(history.sessions)
    (paths.sessions_dir() / "2020-01-01-broken.jsonl").write_text("{not json\n")
    code, out, err = run(capsys, "sessions", "show", "2020-01-01-broken")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_review_command_is_registered(capsys) -> None:
    args = build_parser().parse_args(["review", "--group", "Tuesday"])
    assert args.group == "Tuesday" and args.handler.__name__ == "cmd_review"


def test_latest_is_the_session_that_met_last_as_listed(capsys) -> None:
    """Alpha was set up first but met later than Beta: 'latest' is Alpha, the top row."""
    from facilitator.journal.store import new_session_id, start_session

    clock = FakeClock(1_800_000_000.0)
    alpha_first = creation_event(MS150, session=new_session_id("Alpha", clock.now()),
                                 group="Alpha", participants=["Ana"], t=clock.now())  # fmt: skip
    alpha, a = start_session(alpha_first, clock)
    clock.advance(minutes=10)
    beta_first = creation_event(MS150, session=new_session_id("Beta", clock.now()),
                                group="Beta", participants=["Bo"], t=clock.now())  # fmt: skip
    beta, b = start_session(beta_first, clock)
    clock.advance(minutes=5)
    b.toggle()
    b.end()
    beta.close(ended=True)
    clock.advance(minutes=165)
    a.toggle()
    a.end()
    alpha.close(ended=True)
    assert beta_first.session > alpha_first.session  # a later id, an earlier meeting
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and out.splitlines()[1].startswith(alpha_first.session)
    code, out, err = run(capsys, "sessions", "show", "latest")
    assert code == 0 and "Alpha" in out and "Beta" not in out, err
