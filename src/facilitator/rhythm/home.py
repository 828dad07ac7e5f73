"""When each group meets next, in words for the Home screen and the command line (no UI code).

A group's rhythm is stored in its settings as :func:`facilitator.rhythm.rhythm.to_dict` wrote it.
Groups have no time zone of their own: their wall-clock times are the computer's local time, with
its daylight-saving rules (see :func:`local_tz`).
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from facilitator.groups import Group, all_groups, known, load_group, slug
from facilitator.i18n import N_, SOURCE, _, base, group_words
from facilitator.rhythm.rhythm import (
    MONTHS,
    WEEKDAYS,
    PlannedMeeting,
    Rhythm,
    from_dict,
    next_meeting,
)
from facilitator.text import clean_line

# How PlannedMeeting names its kinds (rhythm.py), for the catalogue.
KINDS = {"full moon call": N_("full moon call"), "new moon call": N_("new moon call"),
         "gathering": N_("gathering"), "meeting": N_("meeting")}  # fmt: skip


def local_tz() -> tzinfo:
    """The computer's time zone, with its daylight-saving rules when they can be found.

    ``datetime.now().astimezone().tzinfo`` is only today's fixed UTC offset: a 19:00 meeting
    computed with it in winter would show at 20:00 in summer. So read the zone the C library
    uses (``$TZ``, else ``/etc/localtime``) and fall back to the fixed offset (e.g. on Windows).
    """
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
            return _fixed_offset()  # a POSIX rule like "CET-1CEST": trust only today's offset
    try:
        with open("/etc/localtime", "rb") as fh:
            return ZoneInfo.from_file(fh, key="localtime")
    except (OSError, ValueError):
        return _fixed_offset()


def _fixed_offset() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None  # astimezone() always sets one
    return zone


def zone_label(tz: tzinfo, moment: datetime) -> str:
    """A short name for ``tz`` in messages: "Europe/Paris", "UTC", "CET"..."""
    key = getattr(tz, "key", None)
    if isinstance(key, str) and key != "localtime":
        return key
    return moment.astimezone(tz).tzname() or "local time"


def find_group(name: str) -> Group | None:
    """The saved group called ``name``: by its name in any case, else by the only group whose
    name differs from it in punctuation alone ("tuesday-group" is "Tuesday group")."""
    if known(name):
        return load_group(name)
    wanted = slug(clean_line(name))
    alike = [group for group in all_groups() if slug(group.name) == wanted]
    return alike[0] if len(alike) == 1 else None


def group_rhythm(group: Group) -> Rhythm | None:
    """The group's rhythm, None when it has none; ValueError when the stored one is unreadable."""
    if group.rhythm is None:
        return None
    return from_dict(group.rhythm)


def to_minute(moment: datetime) -> datetime:
    """``moment`` rounded to the nearest minute, as published tables of moon phases do."""
    rounded = moment.astimezone(timezone.utc) + timedelta(seconds=30)
    return rounded.replace(second=0, microsecond=0).astimezone(moment.tzinfo)


def when(start: datetime, now: datetime | None = None, language: str = SOURCE) -> str:
    """``Thu 3 Dec 19:00`` in English (the same whatever the locale); in another language, its
    CLDR words (``jeu. 3 déc. 19:00``, Babel's skeletons); the year too if not ``now``'s."""
    start = to_minute(start)
    this_year = now is not None and now.astimezone(start.tzinfo).year == start.year
    if base(language) != SOURCE:
        from facilitator.dates import clock_time, skeleton

        form = "MMMEd" if this_year else "yMMMEd"
        return f"{skeleton(start, form, language)} {clock_time(start, language)}"
    day = f"{WEEKDAYS[start.weekday()][:3].title()} {start.day} {MONTHS[start.month - 1][:3]}"
    if not this_year:
        day += f" {start.year}"
    return f"{day} {start:%H:%M}"


def what(meeting: PlannedMeeting, language: str = SOURCE) -> str:
    """``full moon call (full-moon-call)``, or just ``gathering`` when no agenda is planned; the
    kind in ``language`` (the group's)."""
    kind = group_words(language).gettext(KINDS.get(meeting.kind, meeting.kind))
    if meeting.agenda is None:
        return kind
    return f"{kind} ({clean_line(meeting.agenda)})"


def upcoming_lines(now: datetime | None = None, tz: tzinfo | None = None) -> list[str]:
    """One line per group with a rhythm, soonest first, e.g.

    ``Next: Tuesday group · Thu 3 Dec 19:00 · full moon call (full-moon-call)``.

    ``tz`` defaults to the local time zone; a naive ``now`` is read in ``tz``. Groups whose
    stored rhythm cannot be read are left out (``facilitator groups list`` shows them).
    """
    zone = local_tz() if tz is None else tz
    if now is None:
        now = datetime.now(zone)
    elif now.tzinfo is None or now.utcoffset() is None:
        now = now.replace(tzinfo=zone)
    found: list[tuple[datetime, str, PlannedMeeting, str]] = []
    for group in all_groups():
        try:
            rhythm = group_rhythm(group)
        except ValueError:
            continue
        if rhythm is None:
            continue
        meeting = next_meeting(rhythm, now, zone)
        if meeting is not None:
            found.append((meeting.start, clean_line(group.name), meeting, group.language or ""))
    found.sort(key=lambda row: (row[0], row[1]))
    # "Next" is the interface's word; the day, the month and the kind are the group's.
    said = _("Next: {group} · {when} · {what}")
    return [said.format(group=name, when=when(m.start, now, lang or SOURCE),
                        what=what(m, lang or SOURCE)) for _, name, m, lang in found]  # fmt: skip
