"""``facilitator groups``, run in-process."""

from __future__ import annotations

from datetime import time

import pytest

from facilitator.cli.main import main
from facilitator.groups import Group, all_groups, load_group, save_group
from facilitator.rhythm.rhythm import MonthlyRhythm, MoonRhythm, WeeklyRhythm, from_dict


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # Rich tables: keep each cell on one line


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_a_weekly_rhythm_creates_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("groups", "rhythm", "Tuesday group", "every", "3", "weeks", "on", "thursday")
    code, out, err = run(capsys, *argv, "at", "19:00")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "New group: Tuesday group"
    assert lines[1] == "Tuesday group: every 3 weeks on Thursday at 19:00"
    assert lines[2] == "Next meetings:"
    assert len(lines) == 6
    assert all(line.startswith("  Thu ") for line in lines[3:])
    assert all(line.endswith(" 19:00 · meeting (mutual-support-150)") for line in lines[3:])
    stored = load_group("Tuesday group").rhythm
    assert stored is not None and from_dict(stored) == WeeklyRhythm(3, 3, time(19))


def test_moon_with_at_passes_through_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "groups", "rhythm", "Circle", "moon", "--at", "19:30")
    assert code == 0
    assert out.startswith("New group: Circle\nCircle: a call on each new moon and each full moon")
    assert " 19:30 · " in out.splitlines()[3]
    stored = load_group("Circle").rhythm
    assert stored is not None and from_dict(stored) == MoonRhythm(time(19, 30))


def test_plain_words_set_a_full_moon_rhythm(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "groups", "rhythm", "Circle", "full", "moon", "at", "19:30")
    assert code == 0 and "a call on each full moon, at 19:30" in out
    stored = load_group("Circle").rhythm
    assert stored is not None and from_dict(stored) == MoonRhythm(time(19, 30), phases="full")


def test_monthly_rhythm_keeps_the_group_settings(capsys: pytest.CaptureFixture[str]) -> None:
    save_group(Group("Home group", participants=["Ana", "Bo", "Cy"], language="fr"))
    code, out, _ = run(
        capsys, "groups", "rhythm", "home group", "monthly", "on", "2nd", "tuesday", "at", "19:00"
    )
    assert code == 0
    assert out.startswith("Home group: monthly on the 2nd Tuesday at 19:00\n")
    group = load_group("Home group")
    assert group.participants == ["Ana", "Bo", "Cy"] and group.language == "fr"
    assert group.rhythm is not None and from_dict(group.rhythm) == MonthlyRhythm(2, 1, time(19))
    assert len(all_groups()) == 1


def test_a_misspelt_group_is_not_created_unless_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_group(Group("Tuesday group", participants=["Ana"]))
    rhythm = ("weekly", "on", "monday", "at", "18:30")
    code, out, err = run(capsys, "groups", "rhythm", "Tusday group", *rhythm)
    assert code == 1 and out == ""
    assert "no group called 'Tusday group'; did you mean 'Tuesday group'?" in err
    assert "--new" in err
    assert [g.name for g in all_groups()] == ["Tuesday group"]
    code, out, _ = run(capsys, "groups", "rhythm", "Tusday group", "--new", *rhythm)
    assert code == 0 and out.startswith("New group: Tusday group\n")
    assert sorted(g.name for g in all_groups()) == ["Tuesday group", "Tusday group"]
    code, out, _ = run(capsys, "groups", "rhythm", "TUESDAY GROUP", *rhythm)  # same group
    assert code == 0 and out.startswith("Tuesday group: every week on Monday")
    assert load_group("Tuesday group").participants == ["Ana"]


def test_show_and_clear_a_rhythm(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "groups", "rhythm", "G", "weekly", "on", "monday", "at", "18:30")
    code, out, _ = run(capsys, "groups", "rhythm", "G")
    assert code == 0 and out.startswith("G: every week on Monday at 18:30\n")
    code, out, _ = run(capsys, "groups", "rhythm", "G", "none")
    assert code == 0 and out == "G has no rhythm now.\n"
    assert load_group("G").rhythm is None
    assert run(capsys, "groups", "rhythm", "G")[1] == "G has no rhythm yet.\n"


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "groups", "list")
    assert code == 0 and out.startswith("No groups yet.")
    save_group(Group("Home group", participants=["Ana", "Bo", "Cy", "Di"]))
    run(capsys, "groups", "rhythm", "Home group", "fortnightly", "on", "wednesday", "at", "20:00")
    save_group(Group("Quiet group"))
    save_group(Group("Broken", rhythm={"kind": "yearly"}))
    code, out, _ = run(capsys, "groups", "list")
    assert code == 0
    rows = {line.split("│")[1].strip(): line for line in out.splitlines() if "│" in line}
    home = [cell.strip() for cell in rows["Home group"].split("│")[1:-1]]
    assert home[:3] == ["Home group", "4", "every 2 weeks on Wednesday at 20:00"]
    assert home[3].startswith("Wed ") and home[3].endswith("20:00 · meeting (mutual-support-150)")
    assert [c.strip() for c in rows["Quiet group"].split("│")[1:-1]] == [
        "Quiet group",
        "0",
        "-",
        "-",
    ]
    assert "cannot be read: set it again" in rows["Broken"]


def test_errors_exit_1_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (("G", "yearly", "on", "monday"), "unknown rhythm 'yearly'"),
        (("G", "weekly", "on", "monday", "at", "7pm"), "24-hour HH:MM"),
        (("G", "moon", "--at", "25:00"), "24-hour HH:MM"),
        (("\x1b\x07", "moon"), "the group needs a name"),
        (("Nobody",), "no group called 'Nobody'"),
    ]
    for argv, message in cases:
        code, out, err = run(capsys, "groups", "rhythm", *argv)
        assert code == 1, argv
        assert out == "" and message in err and err.count("\n") == 1, (argv, err)
        assert "Traceback" not in err
    assert all_groups() == []


def test_control_characters_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "groups", "rhythm", "Evil\x1b]52;c;eA==\x07 group", "moon")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    code, out, _ = run(capsys, "groups", "list")
    assert code == 0 and "\x1b]" not in out and "\x07" not in out
    code, _, err = run(capsys, "groups", "rhythm", "G", "weekly", "on", "\x1b[31mday")
    assert code == 1 and "\x1b" not in err


def test_two_groups_whose_names_make_the_same_file_name_stay_apart() -> None:
    from facilitator.groups import Group, all_groups, load_group, save_group

    save_group(Group("Tue group", participants=["Ana"]))
    save_group(Group("[Tue] 🌙 group", participants=["Zed"]))
    save_group(Group("TUE GROUP", participants=["Ana", "Bo"]))  # the same group, other case
    assert load_group("Tue group").participants == ["Ana", "Bo"]
    assert load_group("[Tue] 🌙 group").participants == ["Zed"]
    assert sorted(g.name for g in all_groups()) == ["TUE GROUP", "[Tue] 🌙 group"]


def test_a_rhythm_uses_the_groups_own_agenda_unless_told(
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_group(Group("Clinic", participants=["Ana"], agenda="case-clinic"))
    code, out, _ = run(
        capsys, "groups", "rhythm", "Clinic", "weekly", "on", "monday", "at", "18:30"
    )
    assert code == 0 and out.splitlines()[3].endswith(" 18:30 · meeting (case-clinic)")
    code, out, _ = run(capsys, "groups", "rhythm", "Clinic", "monthly", "on", "last", "friday",
                       "at", "18:00", "agenda", "home-group")  # fmt: skip
    assert code == 0 and out.splitlines()[3].endswith(" 18:00 · meeting (home-group)")


def test_a_group_file_of_the_wrong_shape_is_read_as_far_as_it_makes_sense(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json
    import os

    from facilitator import paths

    folder = paths.groups_dir()
    folder.mkdir(parents=True)
    bad = {
        "participants": {"name": "Odd", "participants": 5, "roles": ["host"]},
        "roles": {"name": "Roles", "participants": ["Ana", 7, None, "A\u200bna"],
                  "roles": {"host": "Ana", "coach": ["Bo", {"x": 1}], "7": [3]}},
        "types": {"name": "Types", "language": 12, "agenda": ["x"], "rhythm": [1]},
    }  # fmt: skip
    for stem, data in bad.items():
        (folder / f"{stem}.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (folder / "nameless.json").write_text('{"name": {"a": 1}}', encoding="utf-8")
    (folder / "list.json").write_text("[1, 2]", encoding="utf-8")
    os.mkfifo(folder / "pipe.json")
    odd = load_group("Odd")
    assert (odd.participants, odd.roles) == ([], {})
    roles = load_group("Roles")
    assert roles.participants == ["Ana"]
    assert roles.roles == {"coach": ["Bo"], "7": []}
    types = load_group("Types")
    assert (types.language, types.agenda, types.rhythm) == ("en", None, None)
    assert sorted(g.name for g in all_groups()) == ["Odd", "Roles", "Types"]
    code, out, err = run(capsys, "groups", "list")
    assert code == 0 and "Traceback" not in err
    assert "Odd" in out and "Roles" in out


def test_a_group_switches_airtime_off_or_into_the_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from facilitator import catalog
    from facilitator.clock import FakeClock
    from facilitator.session.setup_form import Fields, SetupForm

    save_group(Group("Home group"))
    assert run(capsys, "groups", "airtime", "Home group")[1] == "Home group: airtime on\n"
    assert run(capsys, "groups", "airtime", "home group", "record") == (
        0, "Home group: airtime record\n", "")  # fmt: skip
    assert load_group("Home group").airtime == "record"
    form = SetupForm(catalog.find_agenda("home-group"), FakeClock())
    first = form.creation_event(Fields(group="Home group", participants="Ana, Bo, Chen"))
    assert first.airtime == "record"  # the meeting keeps the group's choice in its journal
    assert run(capsys, "groups", "airtime", "Nobody")[0] == 1
    with pytest.raises(SystemExit):
        main(["groups", "airtime", "Home group", "sometimes"])
    save_group(Group("Odd", airtime="maybe"))
    assert load_group("Odd").airtime == "on"


def test_a_moon_group_meets_on_the_evening_of_each_phases_local_day() -> None:
    """`groups rhythm X moon`: every call of 2020 against the US Naval Observatory's table
    (an independent ephemeris): 19:30 on the phase's day in Paris, the evening before when the
    phase falls in the small hours."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from facilitator.rhythm.parse import parse_rhythm
    from facilitator.rhythm.rhythm import upcoming
    from tests.unit.test_moon import USNO_2020, utc

    paris = ZoneInfo("Europe/Paris")
    rhythm = parse_rhythm(["moon"])
    start = datetime(2020, 1, 1, tzinfo=paris)
    found = upcoming(rhythm, start, datetime(2021, 1, 1, tzinfo=paris), paris)
    assert len(found) == len(USNO_2020)
    for meeting, (kind, when) in zip(found, USNO_2020, strict=True):
        phase = utc(when).astimezone(paris)
        small_hours = (phase.hour, phase.minute) < (7, 30)  # nearer the evening before
        day = phase.date() - timedelta(days=1) if small_hours else phase.date()
        assert meeting.phase == kind and meeting.start.time() == time(19, 30), (meeting, when)
        assert meeting.start.date() == day, (meeting, when)


def test_place_and_check_a_groups_shared_folder(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    save_group(Group("Tuesday group", participants=["Ana", "Bo"]))
    shared = tmp_path / "Sync" / "tuesday"
    code, out, _ = run(capsys, "groups", "place", "tuesday group", str(shared))
    assert code == 0 and f"Tuesday group now lives in {shared} (its memory starts there)" in out
    assert load_group("Tuesday group").folder == str(shared)
    code, out, _ = run(capsys, "groups", "list")
    assert "shared folder" in out
    code, out, _ = run(capsys, "groups", "check")
    assert code == 0 and "all well" in out
    settings = next((shared / "settings").iterdir())
    settings.with_name("x.sync-conflict-20270101-000000-ABC.jsonl").write_bytes(
        settings.read_bytes()
    )
    code, out, _ = run(capsys, "groups", "check", "Tuesday group")
    assert code == 1 and "1 to look at" in out and "conflict copy" in out
    code, _, err = run(capsys, "groups", "place", "Thursday", str(shared))
    assert code == 1 and "holds the group “Tuesday group”, not “Thursday”" in err
