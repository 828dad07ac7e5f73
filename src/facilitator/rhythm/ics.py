"""Planned meetings as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

Times are written in UTC (``...Z``), so the file needs no VTIMEZONE. Each event's UID depends
only on the group's name, the meeting's start instant and its kind, so exporting again gives the
same UIDs and calendar applications update their events instead of adding copies. DTSTAMP is
passed in, so the same meetings always give the same bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone

from icalendar import Calendar, Event

from facilitator.i18n import N_, Translations, group_words
from facilitator.rhythm.home import KINDS
from facilitator.rhythm.rhythm import PlannedMeeting
from facilitator.text import clean, clean_line

DEFAULT_PRODID = "-//facilitator//EN"
UID_DOMAIN = "facilitator"
# Fixed namespace for the name-based (version 5) UUIDs of meetings: never change it, or every
# calendar that imported our events would get duplicates.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:facilitator:meeting")

Duration = int | Callable[[PlannedMeeting], int]


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("meeting times and the stamp must be timezone-aware datetimes")
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def meeting_uid(group: str, meeting: PlannedMeeting) -> str:
    """Stable UID from the group name, the start instant (UTC) and the kind of meeting."""
    start = _utc(meeting.start).strftime("%Y%m%dT%H%M%SZ")
    name = "\n".join((group, start, meeting.kind))
    return f"{uuid.uuid5(_NAMESPACE, name)}@{UID_DOMAIN}"


def _minutes(duration: Duration, meeting: PlannedMeeting) -> int:
    minutes = duration(meeting) if callable(duration) else duration
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        raise ValueError(f"a meeting lasts a positive whole number of minutes, not {minutes!r}")
    return minutes


PHASES = {"new moon": N_("new moon"), "full moon": N_("full moon")}  # as moon.py names them


def _description(group: str, meeting: PlannedMeeting, t: Translations) -> str:
    agenda = meeting.agenda if meeting.agenda else t.gettext("none set (plan it together)")
    kind = t.gettext(KINDS.get(meeting.kind, meeting.kind))
    said = t.gettext("{kind} of {group}").format(kind=kind[:1].upper() + kind[1:], group=group)
    lines = [said, t.gettext("Agenda: {agenda}").format(agenda=clean_line(agenda))]
    if meeting.phase:
        phase = t.gettext(PHASES.get(meeting.phase, meeting.phase))
        lines.append(t.gettext("Moon phase: {phase}").format(phase=phase))
    return "\n".join(lines)


def _event(group: str, meeting: PlannedMeeting, duration: Duration, stamp: datetime,
           t: Translations) -> Event:  # fmt: skip
    start = _utc(meeting.start)
    event = Event()
    event.add("uid", meeting_uid(group, meeting))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=_minutes(duration, meeting)))
    kind = t.gettext(KINDS.get(meeting.kind, meeting.kind))
    event.add("summary", f"{clean_line(group)}: {kind}")
    event.add("description", _description(clean(group), meeting, t))
    return event


def to_ics(
    group: str,
    meetings: Sequence[PlannedMeeting],
    duration_minutes: Duration,
    prodid: str = DEFAULT_PRODID,
    *,
    stamp: datetime,
    language: str = "en",
) -> bytes:
    """An RFC 5545 VCALENDAR with one VEVENT per meeting.

    ``duration_minutes`` is one length for every meeting or a function of the meeting (e.g. by
    agenda). ``stamp`` (aware) becomes every DTSTAMP, so output is deterministic. The events'
    words are in ``language``, the group's.
    """
    t = group_words(language)
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean_line(group))
    utc_stamp = _utc(stamp)
    for meeting in meetings:
        calendar.add_component(_event(group, meeting, duration_minutes, utc_stamp, t))

    return bytes(calendar.to_ical())  # icalendar declares no return type
