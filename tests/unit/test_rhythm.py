from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from facilitator.rhythm.moon import moon_phases
from facilitator.rhythm.parse import parse_rhythm
from facilitator.rhythm.rhythm import (
    MonthlyRhythm,
    MoonRhythm,
    PlannedMeeting,
    Rhythm,
    WeeklyRhythm,
    describe,
    from_dict,
    next_meeting,
    nth_weekday,
    to_dict,
    upcoming,
)

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0, tz: ZoneInfo = PARIS) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=tz)


def year_2026(rhythm: Rhythm, tz: ZoneInfo = PARIS) -> list[PlannedMeeting]:
    return upcoming(rhythm, local(2026, 1, 1, tz=tz), local(2027, 1, 1, tz=tz), tz)


# --- parsing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("moon", MoonRhythm()),
        ("moon --at 19:30", MoonRhythm(time=time(19, 30))),
        ("Moon at 7:05 gatherings 3,sep", MoonRhythm(time(7, 5), (3, 9))),
        ("moon --gatherings none", MoonRhythm(gathering_months=())),
        ("every 3 weeks on thursday at 19:00", WeeklyRhythm(3, 3, time(19))),
        (
            "every 3 weeks on Thursday at 19:00 agenda case-clinic from 2026-03-05",
            WeeklyRhythm(3, 3, time(19), "case-clinic", date(2026, 3, 5)),
        ),
        ("every week on sun at 10:00", WeeklyRhythm(1, 6, time(10))),
        ("weekly on monday at 18:30", WeeklyRhythm(1, 0, time(18, 30))),
        ("fortnightly on wednesdays at 20h15", WeeklyRhythm(2, 2, time(20, 15))),
        ("every fortnight on wednesday at 20:00", WeeklyRhythm(2, 2, time(20))),
        ("every other week on friday at 19:30", WeeklyRhythm(2, 4, time(19, 30))),
        ("monthly on 2nd tuesday at 19:00", MonthlyRhythm(2, 1, time(19))),
        ("monthly on the last friday at 18:00", MonthlyRhythm(-1, 4, time(18))),
        (
            "monthly on first sat at 09:30 agenda open-meetup",
            MonthlyRhythm(1, 5, time(9, 30), "open-meetup"),
        ),
    ],
)
def test_parse_valid(text: str, expected: Rhythm) -> None:
    assert parse_rhythm(text.split()) == expected


def test_parse_accepts_one_string_as_well_as_words() -> None:
    assert parse_rhythm(["weekly on monday at 18:30"]) == WeeklyRhythm(1, 0, time(18, 30))


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("", "full moon at 19:30"),
        ("yearly on monday", "unknown rhythm 'yearly'"),
        ("moon --at 25:00", "24-hour HH:MM"),
        ("moon --at", "time after 'at' is missing"),
        ("moon tomorrow", "unexpected 'tomorrow'"),
        ("moon gatherings 13", "not a month"),
        ("every x weeks on thursday at 19:00", "'x' is not a number of weeks"),
        ("every 3 days on thursday at 19:00", "expected 'weeks'"),
        ("every 0 weeks on thursday at 19:00", "from 1 to 52"),
        ("every other month on thursday at 19:00", "expected 'week' after 'every other'"),
        ("weekly on funday at 19:00", "not a day of the week"),
        ("weekly on monday", "the time is missing"),
        ("weekly on monday at 7pm", "24-hour HH:MM"),
        ("weekly on monday at 18:30 agenda", "agenda id after 'agenda' is missing"),
        ("weekly on monday at 18:30 from 2026-02-30", "YYYY-MM-DD"),
        ("every 3 weeks on thursday at 19:00 from 2026-03-04", "pick a Thursday"),
        ("monthly on 5th monday at 19:00", "1st, 2nd, 3rd, 4th or last"),
        ("monthly on 2nd tuesday at 19:00 from 2026-01-01", "unexpected 'from'"),
    ],
)
def test_parse_invalid_says_what_is_right(text: str, hint: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_rhythm(text.split())
    assert hint in str(caught.value)


def test_parse_error_strips_control_characters() -> None:
    with pytest.raises(ValueError) as caught:
        parse_rhythm(["\x1b]52;c;evil\x07"])
    assert "\x1b" not in str(caught.value) and "\x07" not in str(caught.value)


# --- storing and describing ---------------------------------------------------------------------

RHYTHMS = [
    MoonRhythm(),
    MoonRhythm(time(19), (3, 9)),
    WeeklyRhythm(3, 3, time(19), "case-clinic", date(2026, 3, 5)),
    WeeklyRhythm(1, 0, time(18, 30)),
    MonthlyRhythm(-1, 4, time(18)),
    MonthlyRhythm(2, 1, time(19, 5), "open-meetup"),
]


@pytest.mark.parametrize("rhythm", RHYTHMS)
def test_dict_round_trip_through_json(rhythm: Rhythm) -> None:
    stored = json.loads(json.dumps(to_dict(rhythm)))
    assert from_dict(stored) == rhythm


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "yearly"},
        {"kind": "weekly", "weekday": "monday", "at": "18:30"},
        {"kind": "weekly", "every_weeks": "2", "weekday": "monday", "at": "18:30"},
        {"kind": "weekly", "every_weeks": 2, "weekday": "noday", "at": "18:30"},
        {"kind": "monthly", "nth": 9, "weekday": "friday", "at": "18:00"},
        {"kind": "monthly", "nth": True, "weekday": "friday", "at": "18:00"},
        {"kind": "moon", "time": 1900, "gathering_months": [6]},
        {"kind": "moon", "time": None, "gathering_months": ["june"]},
        ["moon"],
    ],
)
def test_from_dict_rejects_bad_data_with_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        from_dict(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rhythm", "text"),
    [
        (WeeklyRhythm(3, 3, time(19)), "every 3 weeks on Thursday at 19:00"),
        (WeeklyRhythm(1, 0, time(18, 30)), "every week on Monday at 18:30"),
        (MonthlyRhythm(2, 1, time(19)), "monthly on the 2nd Tuesday at 19:00"),
        (MonthlyRhythm(-1, 4, time(18), "x"), "monthly on the last Friday at 18:00 (agenda x)"),
        (
            MoonRhythm(time(20)),
            "a call on each new moon and each full moon, at 20:00 on the evening of the phase's "
            "day; "
            "a gathering instead on the first full moon of June and December",
        ),
        (
            MoonRhythm(gathering_months=()),
            "a call on each new moon and each full moon, at 19:30 on the evening of the phase's day",
        ),
    ],
)
def test_describe(rhythm: Rhythm, text: str) -> None:
    assert describe(rhythm) == text


# --- weekly -------------------------------------------------------------------------------------


def test_every_three_weeks_keeps_wall_clock_time_across_dst() -> None:
    rhythm = WeeklyRhythm(3, 3, time(19), anchor=date(2026, 3, 5))
    found = upcoming(rhythm, local(2026, 3, 1), local(2026, 5, 1), PARIS)
    assert [m.start.date() for m in found] == [
        date(2026, 3, 5),
        date(2026, 3, 26),
        date(2026, 4, 16),
    ]
    assert all(m.start.astimezone(PARIS).time() == time(19) for m in found)
    # Paris moves to summer time on 29 March 2026: 18:00 UTC before, 17:00 UTC after.
    assert [m.start.astimezone(UTC).hour for m in found] == [18, 18, 17]
    assert all(m.kind == "meeting" and m.agenda == "mutual-support-150" for m in found)


def test_default_epoch_fixes_the_week_even_before_it() -> None:
    rhythm = WeeklyRhythm(2, 0, time(18, 30))  # counts from Monday 2026-01-05
    found = upcoming(rhythm, local(2025, 12, 1), local(2026, 2, 1), PARIS)
    expected = [date(2025, 12, 8), date(2025, 12, 22), date(2026, 1, 5), date(2026, 1, 19)]
    assert [m.start.date() for m in found] == expected


def test_anchor_far_in_the_future_still_defines_the_week() -> None:
    rhythm = WeeklyRhythm(4, 4, time(12), anchor=date(2030, 1, 4))
    found = upcoming(rhythm, local(2026, 1, 1), local(2026, 3, 1), PARIS)
    # 2030-01-04 minus 59 x 28 days is 2026-01-09.
    assert [m.start.date() for m in found] == [date(2026, 1, 9), date(2026, 2, 6)]


def test_time_skipped_by_dst_moves_forward_by_the_jump() -> None:
    rhythm = WeeklyRhythm(1, 6, time(2, 30))  # Sundays at 02:30; 29 March 2026 has no 02:30
    found = upcoming(rhythm, local(2026, 3, 28), local(2026, 4, 1), PARIS)
    assert len(found) == 1
    assert found[0].start.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert found[0].start.astimezone(PARIS).hour == 3


# --- monthly ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nth", "weekday", "y", "m", "expected"),
    [
        (2, 1, 2026, 3, date(2026, 3, 10)),
        (1, 6, 2026, 3, date(2026, 3, 1)),
        (4, 3, 2026, 2, date(2026, 2, 26)),
        (-1, 4, 2026, 10, date(2026, 10, 30)),
        (-1, 5, 2026, 2, date(2026, 2, 28)),
        (-1, 1, 2024, 12, date(2024, 12, 31)),
    ],
)
def test_nth_weekday(nth: int, weekday: int, y: int, m: int, expected: date) -> None:
    assert nth_weekday(y, m, nth, weekday) == expected


def test_monthly_last_friday_across_autumn_dst_in_london() -> None:
    rhythm = MonthlyRhythm(-1, 4, time(18))
    found = upcoming(rhythm, local(2026, 9, 1, tz=LONDON), local(2026, 12, 1, tz=LONDON), LONDON)
    assert [m.start.date() for m in found] == [
        date(2026, 9, 25),
        date(2026, 10, 30),
        date(2026, 11, 27),
    ]
    # British Summer Time ends on 25 October 2026.
    assert [m.start.astimezone(UTC).hour for m in found] == [17, 18, 18]


def test_monthly_second_tuesday_whole_year() -> None:
    found = year_2026(MonthlyRhythm(2, 1, time(19)))
    assert len(found) == 12
    assert all(m.start.weekday() == 1 and 8 <= m.start.day <= 14 for m in found)
    assert [m.start.month for m in found] == list(range(1, 13))


# --- moon ---------------------------------------------------------------------------------------


def test_moon_calls_are_on_the_evening_of_the_phases_local_day() -> None:
    """Each call is at the group's time on the phase's local day, or the evening before when
    the phase falls in the small hours (nearer that evening than the next)."""
    found = year_2026(MoonRhythm(time(19)))
    phases = moon_phases(
        local(2026, 1, 1) - timedelta(days=2), local(2027, 1, 1) + timedelta(days=1)
    )
    assert len(found) == 25
    for meeting in found:
        assert meeting.start.astimezone(PARIS).time() == time(19)
        phase = next(p for p in phases if abs(p.at - meeting.start) < timedelta(hours=24))
        assert phase.kind == meeting.phase
        day, hour = phase.at.astimezone(PARIS).date(), phase.at.astimezone(PARIS).hour
        expected = day - timedelta(days=1) if hour < 7 else day
        assert meeting.start.date() == expected


def test_moon_gatherings_replace_first_full_moon_of_june_and_december() -> None:
    found = year_2026(MoonRhythm(time(19)))
    gatherings = [m for m in found if m.kind == "gathering"]
    # Full moons: 2026-06-29 23:57 UTC (01:57 on 30 June in Paris) and 2026-12-24 01:28 UTC:
    # both fall after midnight, so the gathering is the evening before.
    assert [m.start.date() for m in gatherings] == [date(2026, 6, 29), date(2026, 12, 23)]
    assert all(m.agenda == "gathering" and m.phase == "full moon" for m in gatherings)
    calls = {m.kind: m.agenda for m in found if m.kind != "gathering"}
    assert calls == {"full moon call": "full-moon-call", "new moon call": "new-moon-call"}
    assert sum(m.kind == "full moon call" for m in found) == 13 - 2


def test_gathering_month_follows_the_group_time_zone() -> None:
    found = year_2026(MoonRhythm(), tz=NEW_YORK)
    june = [m for m in found if m.kind == "gathering" and m.start.month == 6]
    assert [m.start.date() for m in june] == [date(2026, 6, 29)]  # still 29 June in New York


def test_only_the_first_of_two_full_moons_in_a_month_is_a_gathering() -> None:
    # May 2026 has two full moons (1 May and 31 May).
    found = year_2026(MoonRhythm(gathering_months=(5,)))
    may_full = [m for m in found if m.phase == "full moon" and m.start.month == 5]
    assert [m.start.day for m in may_full] == [1, 31]
    assert [m.kind for m in may_full] == ["gathering", "full moon call"]


def test_moon_without_time_meets_at_half_past_seven_in_the_evening() -> None:
    after, until = local(2026, 3, 1), local(2026, 5, 1)
    found = upcoming(MoonRhythm(), after, until, PARIS)
    assert len(found) == len(moon_phases(after, until))
    assert all(m.start.tzinfo is PARIS and m.start.time() == time(19, 30) for m in found)


def test_a_group_follows_full_moons_new_moons_or_both() -> None:
    full = year_2026(MoonRhythm(phases="full"))
    new = year_2026(MoonRhythm(phases="new"))
    assert {m.phase for m in full} == {"full moon"} and {m.phase for m in new} == {"new moon"}
    assert len(full) + len(new) == len(year_2026(MoonRhythm()))
    assert sum(m.kind == "gathering" for m in full) == 2


@pytest.mark.parametrize(
    ("words", "rhythm"),
    [
        ("full moon at 19:30", MoonRhythm(time(19, 30), phases="full")),
        ("new moon", MoonRhythm(phases="new")),
        ("new moons at 20:00", MoonRhythm(time(20), phases="new")),
        ("every other tuesday at 18:00", WeeklyRhythm(2, 1, time(18))),
        ("every tuesday at 18:00", WeeklyRhythm(1, 1, time(18))),
    ],
)
def test_plain_phrases_read_as_rhythms(words: str, rhythm: object) -> None:
    assert parse_rhythm([words]) == rhythm
    assert from_dict(to_dict(parse_rhythm([words]))) == rhythm


# --- bounds and next meeting --------------------------------------------------------------------


def test_bounds_are_exclusive_and_next_meeting_is_strictly_after() -> None:
    rhythm = WeeklyRhythm(1, 0, time(18, 30))
    monday = local(2026, 3, 2, 18, 30)
    assert upcoming(rhythm, monday, monday + timedelta(days=7), PARIS) == []
    following = next_meeting(rhythm, monday, PARIS)
    assert following is not None and following.start == monday + timedelta(days=7)
    assert next_meeting(rhythm, monday - timedelta(minutes=1), PARIS).start == monday  # type: ignore[union-attr]


def test_next_meeting_for_sparse_rhythms() -> None:
    after = local(2026, 1, 31, 20)
    monthly = next_meeting(MonthlyRhythm(-1, 4, time(18)), after, PARIS)
    assert monthly is not None and monthly.start == local(2026, 2, 27, 18)
    weekly = next_meeting(WeeklyRhythm(52, 0, time(9)), after, PARIS)
    assert weekly is not None and weekly.start == local(2027, 1, 4, 9)


def test_empty_range_and_naive_datetimes() -> None:
    rhythm = MoonRhythm()
    assert upcoming(rhythm, local(2026, 2, 1), local(2026, 1, 1), PARIS) == []
    with pytest.raises(ValueError, match="timezone-aware"):
        upcoming(rhythm, datetime(2026, 1, 1), local(2026, 2, 1), PARIS)
    with pytest.raises(ValueError, match="timezone-aware"):
        next_meeting(rhythm, datetime(2026, 1, 1), PARIS)
