"""Calendar export, read back with the independent ``ics`` parser (not the library that wrote it)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from ics import Calendar

from facilitator.rhythm.ics import to_ics
from facilitator.rhythm.rhythm import MoonRhythm, PlannedMeeting, WeeklyRhythm, upcoming

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")
STAMP = datetime(2026, 1, 1, 12, tzinfo=UTC)
AWKWARD = "Mardi; soir, à Lyon\nsecond line 🌙"


def moon_meetings() -> list[PlannedMeeting]:
    after = datetime(2026, 5, 20, tzinfo=PARIS)
    return upcoming(MoonRhythm(time(19)), after, after + timedelta(days=45), PARIS)


def weekly_meetings() -> list[PlannedMeeting]:
    after = datetime(2026, 3, 1, tzinfo=PARIS)
    return upcoming(WeeklyRhythm(1, 3, time(19)), after, after + timedelta(days=60), PARIS)


def parse(data: bytes) -> Calendar:
    return Calendar(data.decode("utf-8"))


def unfolded_lines(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_events_round_trip_through_independent_parser() -> None:
    meetings = weekly_meetings()
    events = sorted(
        parse(to_ics("Home group", meetings, 150, stamp=STAMP)).events, key=lambda e: e.begin
    )
    assert len(events) == len(meetings) == 8  # Thursdays 5 March to 23 April
    for event, meeting in zip(events, meetings):
        assert event.begin.datetime == meeting.start
        assert event.end.datetime - event.begin.datetime == timedelta(minutes=150)
        assert event.name == "Home group: meeting"
        assert "Agenda: mutual-support-150" in event.description
        assert event.uid.endswith("@facilitator")
    assert len({e.uid for e in events}) == len(events)


def test_dst_change_is_kept_in_utc_times() -> None:
    lines = unfolded_lines(to_ics("g", weekly_meetings(), 60, stamp=STAMP))
    starts = [line for line in lines if line.startswith("DTSTART")]
    # Thursdays at 19:00 in Paris: 18:00Z in winter time, 17:00Z from 29 March 2026.
    assert starts[0] == "DTSTART:20260305T180000Z"
    assert starts[4] == "DTSTART:20260402T170000Z"


def test_required_properties_are_present() -> None:
    meetings = moon_meetings()
    lines = unfolded_lines(to_ics("g", meetings, 90, "-//example//test//EN", stamp=STAMP))
    assert lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines
    assert "PRODID:-//example//test//EN" in lines
    for prop in (
        "UID:",
        "DTSTAMP:20260101T120000Z",
        "DTSTART:",
        "DTEND:",
        "SUMMARY:",
        "DESCRIPTION:",
    ):
        assert sum(line.startswith(prop) for line in lines) == len(meetings), prop


def test_lines_use_crlf_and_are_folded_to_75_octets() -> None:
    data = to_ics(AWKWARD * 5, moon_meetings(), 90, stamp=STAMP)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    data.decode("utf-8")  # folding never splits a multi-byte character


def test_reexport_gives_identical_uids_and_bytes() -> None:
    first = to_ics("Home group", moon_meetings(), 90, stamp=STAMP)
    assert to_ics("Home group", moon_meetings(), 90, stamp=STAMP) == first
    later = to_ics("Home group", moon_meetings(), 90, stamp=STAMP + timedelta(days=3))
    assert later != first
    assert [e.uid for e in sorted(parse(later).events, key=lambda e: e.begin)] == [
        e.uid for e in sorted(parse(first).events, key=lambda e: e.begin)
    ]


def test_uid_depends_on_group_instant_and_kind_only() -> None:
    meeting = moon_meetings()[0]
    in_utc = PlannedMeeting(meeting.start.astimezone(UTC), meeting.kind, "other", None)
    renamed_kind = PlannedMeeting(meeting.start, "gathering", meeting.agenda, meeting.phase)
    moved = PlannedMeeting(meeting.start + timedelta(minutes=1), meeting.kind, meeting.agenda, None)

    def uid(group: str, m: PlannedMeeting) -> str:
        return next(iter(parse(to_ics(group, [m], 90, stamp=STAMP)).events)).uid

    assert uid("A", in_utc) == uid("A", meeting)
    assert uid("B", meeting) != uid("A", meeting)
    assert uid("A", renamed_kind) != uid("A", meeting)
    assert uid("A", moved) != uid("A", meeting)


def test_awkward_group_name_is_escaped_and_round_trips() -> None:
    data = to_ics(AWKWARD, moon_meetings(), 90, stamp=STAMP)
    summary = next(line for line in unfolded_lines(data) if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:Mardi\\; soir\\, à Lyon second line 🌙: full moon call"
    events = sorted(parse(data).events, key=lambda e: e.begin)
    assert [e.name for e in events] == [
        "Mardi; soir, à Lyon second line 🌙: full moon call",
        "Mardi; soir, à Lyon second line 🌙: new moon call",
        "Mardi; soir, à Lyon second line 🌙: gathering",
    ]
    assert events[0].description.startswith(
        "Full moon call of " + AWKWARD + "\nAgenda: full-moon-call"
    )
    assert "Agenda: gathering" in events[2].description


def test_control_characters_are_dropped() -> None:
    data = to_ics("evil\x1b]52;c;aGk=\x07 group", moon_meetings(), 90, stamp=STAMP)
    assert b"\x1b" not in data and b"\x07" not in data
    assert next(iter(parse(data).events)).name.startswith("evil]52;c;aGk= group")


def test_duration_can_depend_on_the_meeting() -> None:
    def minutes(meeting: PlannedMeeting) -> int:
        return 240 if meeting.kind == "gathering" else 70

    events = parse(to_ics("g", moon_meetings(), minutes, stamp=STAMP)).events
    lengths = {e.name: e.end.datetime - e.begin.datetime for e in events}
    assert lengths == {
        "g: full moon call": timedelta(minutes=70),
        "g: new moon call": timedelta(minutes=70),
        "g: gathering": timedelta(minutes=240),
    }


@pytest.mark.parametrize("duration", [0, -30, 1.5, True])
def test_bad_duration_is_refused(duration: object) -> None:
    with pytest.raises(ValueError, match="minutes"):
        to_ics("g", moon_meetings(), duration, stamp=STAMP)  # type: ignore[arg-type]


def test_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        to_ics("g", moon_meetings(), 90, stamp=datetime(2026, 1, 1))


def test_empty_calendar_is_still_valid() -> None:
    calendar = parse(to_ics("g", [], 90, stamp=STAMP))
    assert len(calendar.events) == 0
