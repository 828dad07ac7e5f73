"""The "when do we meet next" lines of the Home screen."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from facilitator.groups import Group, save_group
from facilitator.rhythm.home import find_group, local_tz, upcoming_lines, when
from facilitator.rhythm.rhythm import MonthlyRhythm, MoonRhythm, Rhythm, WeeklyRhythm, to_dict

PARIS = ZoneInfo("Europe/Paris")
NEW_YEAR = datetime(2026, 1, 1, 12, tzinfo=PARIS)  # a Thursday


def add(name: str, rhythm: Rhythm | None) -> None:
    save_group(Group(name, rhythm=None if rhythm is None else to_dict(rhythm)))


def test_no_groups_or_no_rhythms_give_no_lines() -> None:
    assert upcoming_lines(NEW_YEAR, PARIS) == []
    add("Quiet group", None)
    assert upcoming_lines(NEW_YEAR, PARIS) == []


@pytest.mark.parametrize(
    ("rhythm", "now", "line"),
    [
        (
            WeeklyRhythm(3, 3, time(19), anchor=datetime(2026, 3, 5).date()),
            NEW_YEAR,  # 5 March minus 9 weeks is Thursday 1 January
            "Next: G · Thu 1 Jan 19:00 · meeting (mutual-support-150)",
        ),
        (
            MonthlyRhythm(2, 1, time(19), "open-meetup"),
            NEW_YEAR,
            "Next: G · Tue 13 Jan 19:00 · meeting (open-meetup)",
        ),
        (
            MoonRhythm(time(19, 30)),
            NEW_YEAR,  # full moon 2026-01-03 10:03 UTC
            "Next: G · Sat 3 Jan 19:30 · full moon call (full-moon-call)",
        ),
        (
            MoonRhythm(phases="new"),  # 19:30 unless told; new moons only
            NEW_YEAR,
            "Next: G · Sun 18 Jan 19:30 · new moon call (new-moon-call)",
        ),
        (
            MoonRhythm(time(19, 30)),
            datetime(2026, 1, 4, tzinfo=PARIS),  # new moon 2026-01-18 19:52 UTC
            "Next: G · Sun 18 Jan 19:30 · new moon call (new-moon-call)",
        ),
        (
            MoonRhythm(time(19, 30)),
            datetime(
                2026, 12, 10, tzinfo=PARIS
            ),  # full moon 2026-12-24 01:28 UTC: the evening before
            "Next: G · Wed 23 Dec 19:30 · gathering (gathering)",
        ),
        (
            MonthlyRhythm(2, 1, time(19)),
            datetime(2026, 12, 30, tzinfo=PARIS),
            "Next: G · Tue 12 Jan 2027 19:00 · meeting (mutual-support-150)",
        ),
    ],
)
def test_one_line_per_kind_of_rhythm(rhythm: Rhythm, now: datetime, line: str) -> None:
    add("G", rhythm)
    assert upcoming_lines(now, PARIS) == [line]


def test_lines_are_sorted_by_date_and_skip_unreadable_rhythms() -> None:
    add("Zebra monthly", MonthlyRhythm(1, 4, time(18)))  # Fri 2 Jan
    add("Alpha weekly", WeeklyRhythm(1, 0, time(18, 30)))  # Mon 5 Jan
    add("Moon circle", MoonRhythm(time(19, 30)))  # Sat 3 Jan
    add("No rhythm", None)
    save_group(Group("Broken", rhythm={"kind": "yearly"}))
    lines = upcoming_lines(NEW_YEAR, PARIS)
    assert [line.split(" · ")[0] for line in lines] == [
        "Next: Zebra monthly",
        "Next: Moon circle",
        "Next: Alpha weekly",
    ]


def test_naive_now_is_read_in_the_given_zone() -> None:
    add("G", WeeklyRhythm(1, 3, time(19)))
    assert upcoming_lines(datetime(2026, 1, 1, 18, 59), PARIS)[0].endswith(
        "Thu 1 Jan 19:00 · meeting (mutual-support-150)"
    )
    assert "Thu 8 Jan" in upcoming_lines(datetime(2026, 1, 1, 19, 0), PARIS)[0]


def test_meeting_at_the_same_wall_clock_time_after_a_dst_change() -> None:
    add("G", WeeklyRhythm(1, 3, time(19)))
    lines = upcoming_lines(datetime(2026, 3, 27, tzinfo=PARIS), PARIS)  # summer time from 29 March
    assert lines == ["Next: G · Thu 2 Apr 19:00 · meeting (mutual-support-150)"]


def test_defaults_use_the_clock_and_the_local_zone() -> None:
    add("G", WeeklyRhythm(1, 3, time(19)))
    lines = upcoming_lines()
    assert len(lines) == 1 and lines[0].startswith("Next: G · Thu ")


def test_group_names_lose_control_characters() -> None:
    add("Evil\x1b]52;c;x\x07 group", WeeklyRhythm(1, 3, time(19)))
    (line,) = upcoming_lines(NEW_YEAR, PARIS)
    assert "\x1b" not in line and "\x07" not in line


def test_local_tz_follows_daylight_saving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    zone = local_tz()
    assert datetime(2026, 1, 15, tzinfo=zone).utcoffset() == timedelta(hours=1)
    assert datetime(2026, 7, 15, tzinfo=zone).utcoffset() == timedelta(hours=2)


def test_local_tz_survives_a_posix_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "CET-1CEST")
    assert datetime(2026, 1, 15, tzinfo=local_tz()).utcoffset() is not None


def test_find_group_forgives_case_and_when_shows_the_year_only_when_needed() -> None:
    add("Tuesday group", None)
    found = find_group("tuesday GROUP")
    assert found is not None and found.name == "Tuesday group"
    assert find_group("Wednesday group") is None
    start = datetime(2027, 1, 12, 19, tzinfo=PARIS)
    assert when(start, NEW_YEAR) == "Tue 12 Jan 2027 19:00"
    assert when(start, start) == "Tue 12 Jan 19:00"
