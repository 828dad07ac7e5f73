"""``facilitator calendar``, run in-process."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from ics import Calendar

from facilitator.cli.main import main
from facilitator.groups import Group, save_group


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def set_rhythm(capsys: pytest.CaptureFixture[str], group: str, *words: str) -> None:
    assert run(capsys, "groups", "rhythm", group, *words)[0] == 0


def test_moon_phases_of_early_2024_in_utc(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calendar", "--from", "2024-01-01", "--utc")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Moon phases from 2024-01-01 until 2024-04-01, times in UTC"
    # U.S. Naval Observatory, phases of the Moon 2024 (UTC)
    assert lines[1:] == [
        "2024-01-11 11:57  new moon",
        "2024-01-25 17:54  full moon",
        "2024-02-09 22:59  new moon",
        "2024-02-24 12:30  full moon",
        "2024-03-10 09:00  new moon",
        "2024-03-25 07:00  full moon",
    ]


def test_local_time_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    code, out, _ = run(capsys, "calendar", "--from", "2024-01-01", "--months", "1")
    assert code == 0
    assert "times in Europe/Paris" in out
    assert "2024-01-25 18:54  full moon" in out.splitlines()


def test_moon_group_shows_which_call_falls_on_each_phase(
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_rhythm(capsys, "Circle", "moon")
    code, out, _ = run(capsys, "calendar", "--group", "circle", "--from", "2024-01-01", "--utc")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Circle: a call on each new moon and each full moon")
    # the calls are on the evening of the phase's day, at 19:30 unless the group says otherwise
    assert "2024-01-11 11:57  new moon   new moon call (new-moon-call) at 19:30" in lines
    assert "2024-01-25 17:54  full moon  full moon call (full-moon-call) at 19:30" in lines


def test_moon_group_gathering_and_set_time(capsys: pytest.CaptureFixture[str]) -> None:
    set_rhythm(capsys, "Circle", "moon", "--at", "19:30")
    argv = ("calendar", "--group", "Circle", "--from", "2024-06-01", "--months", "1", "--utc")
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "2024-06-06 12:38  new moon   new moon call (new-moon-call) at 19:30" in out
    # a full moon at 01:08 has its gathering the evening before
    assert "2024-06-22 01:08  full moon  gathering (gathering) at 2024-06-21 19:30" in out


def test_weekly_group_lists_its_meetings(capsys: pytest.CaptureFixture[str]) -> None:
    set_rhythm(capsys, "Tuesday group", "every 3 weeks on thursday at 19:00 from 2026-03-05")
    argv = ("calendar", "--group", "Tuesday group", "--from", "2026-03-01", "--months", "2")
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert out.splitlines()[1:] == [
        "Meetings from 2026-03-01 until 2026-05-01, times in UTC",
        "2026-03-05 19:00  meeting (mutual-support-150)",
        "2026-03-26 19:00  meeting (mutual-support-150)",
        "2026-04-16 19:00  meeting (mutual-support-150)",
    ]


def export(capsys: pytest.CaptureFixture[str], target: Path, group: str = "Tuesday group") -> bytes:
    argv = ("calendar", "--group", group, "--from", "2026-03-01", "--format", "ics")
    code, out, err = run(capsys, *argv, "--output", str(target))
    assert code == 0 and err == "" and str(target) in out
    return target.read_bytes()


def test_ics_export_parses_and_is_identical_when_repeated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    set_rhythm(capsys, "Tuesday group", "weekly", "on", "thursday", "at", "19:00")
    first = export(capsys, tmp_path / "cal" / "group.ics")
    again = export(capsys, tmp_path / "again.ics")
    assert first == again
    assert (
        stat.S_IMODE((tmp_path / "again.ics").stat().st_mode) == 0o600
    )  # when a support group meets is private
    assert b"DTSTAMP:20260301T000000Z\r\n" in first
    events = sorted(Calendar(first.decode("utf-8")).events, key=lambda e: e.begin)
    assert len(events) == 13  # Thursdays 5 March to 28 May
    assert events[0].begin.datetime.isoformat() == "2026-03-05T19:00:00+00:00"
    assert all(e.duration == timedelta(minutes=150) for e in events)  # mutual-support-150
    assert all(e.name == "Tuesday group: meeting" for e in events)
    uids = [e.uid for e in events]
    assert len(set(uids)) == 13
    assert uids == [e.uid for e in sorted(Calendar(again.decode()).events, key=lambda e: e.begin)]
    argv = ("calendar", "--group", "Tuesday group", "--from", "2026-03-01", "--format", "ics")
    code, out, _ = run(capsys, *argv)
    assert code == 0 and out.encode("utf-8") == first  # stdout gets the same bytes, CRLF kept


def test_ics_export_of_a_moon_group(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    set_rhythm(capsys, "Circle", "moon", "--at", "19:00")
    data = export(capsys, tmp_path / "moon.ics", "Circle")
    events = Calendar(data.decode("utf-8")).events
    names = {e.name for e in events}
    assert names == {"Circle: full moon call", "Circle: new moon call"}
    assert {e.duration for e in events} == {timedelta(minutes=90), timedelta(minutes=80)}


def test_errors_are_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    save_group(Group("Plain group"))
    cases = [
        (("--group", "Nobody"), "no group called 'Nobody'"),
        (("--group", "Plain group"), "Plain group has no rhythm yet"),
        (("--from", "2024-02-30"), "is not a date: use YYYY-MM-DD"),
        (("--from", "1066-10-14"), "dates from 1900 to 2100 only"),
        (("--months", "many"), "--months takes a whole number"),
        (("--format", "ics"), "needs --group"),
    ]
    for argv, message in cases:
        code, out, err = run(capsys, "calendar", *argv)
        assert code == 1, argv
        assert out == "" and message in err and err.count("\n") == 1, (argv, err)
        assert "Traceback" not in err


def test_unreadable_rhythm_and_unwritable_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save_group(Group("Broken", rhythm={"kind": "weekly", "weekday": "monday"}))
    code, _, err = run(capsys, "calendar", "--group", "Broken")
    assert code == 1 and "cannot be read" in err and err.count("\n") == 1
    set_rhythm(capsys, "G", "moon")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    argv = ("calendar", "--group", "G", "--format", "ics", "--output", str(blocker / "x.ics"))
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == "" and "cannot write" in err and "Traceback" not in err
