"""``facilitator calendar``: moon phases and a group's meetings, as text or an iCalendar file."""

from __future__ import annotations

import argparse
import sys
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

from facilitator.cli.output import error, say
from facilitator.fsutil import atomic_write
from facilitator.groups import Group
from facilitator.i18n import N_, _, ngettext
from facilitator.rhythm.home import find_group, group_rhythm, local_tz, to_minute, what, zone_label
from facilitator.rhythm.moon import moon_phases
from facilitator.rhythm.rhythm import (
    MoonRhythm,
    PlannedMeeting,
    Rhythm,
    describe,
    parse_date,
    quote_input,
    upcoming,
    wall_clock,
)
from facilitator.text import clean, clean_line

MAX_MONTHS = 60
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the moon phases are checked against tables for these years
GATHERING_MINUTES = 180  # a gathering has no agenda file to measure; half a day is typical
DEFAULT_MINUTES = 90  # an agenda that cannot be read
PHASE_NAMES = {"new moon": N_("new moon"), "full moon": N_("full moon")}  # as moon.py names them


class Refusal(Exception):
    """A request the command cannot honour; the message is for people, on one line."""


@dataclass(frozen=True)
class Request:
    first: date
    until: date  # exclusive
    shown_in: tzinfo  # the time zone times are printed in
    group_tz: tzinfo  # the time zone of the group's wall-clock times
    group: Group | None
    rhythm: Rhythm | None

    def bounds(self) -> tuple[datetime, datetime]:
        return (
            wall_clock(self.first, time(0), self.shown_in),
            wall_clock(self.until, time(0), self.shown_in),
        )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "calendar",
        help=_("moon phases and when a group meets, as text or an iCalendar file"),
        description=_(
            "List new and full moons, or a group's meetings, or export the meetings "
            "to an iCalendar (.ics) file for your calendar application."
        ),
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help=_("YYYY-MM-DD (default today)")
    )
    parser.add_argument("--months", default="3", metavar="N", help=_("how far ahead (default 3)"))
    parser.add_argument("--utc", action="store_true", help=_("show times in UTC, not local time"))
    parser.add_argument("--group", metavar="G", help=_("the group whose meetings to show"))
    parser.add_argument("--format", choices=("text", "ics"), default="text", help=_("default text"))
    parser.add_argument("--output", metavar="FILE", help=_("write to FILE instead of the screen"))
    parser.set_defaults(handler=cmd_calendar)


def cmd_calendar(args: argparse.Namespace) -> int:
    try:
        request = _request(args)
        if args.format == "ics":
            data, summary = _ics(request)
        else:
            data, summary = clean("\n".join(_text(request)) + "\n").encode("utf-8"), ""
    except Refusal as refusal:
        error(f"facilitator calendar: {refusal}")
        return 1
    if args.output:
        return _write(Path(args.output).expanduser(), data, summary)
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text-only stream
        sys.stdout.write(data.decode("utf-8"))
        return 0
    sys.stdout.flush()
    binary.write(data)  # bytes as they are: the CRLF line ends of iCalendar stay intact
    binary.flush()
    return 0


def _request(args: argparse.Namespace) -> Request:
    group_tz = local_tz()
    shown_in = timezone.utc if args.utc else group_tz
    first = datetime.now(shown_in).date() if args.start is None else _date(args.start)
    until = _add_months(first, _months(args.months))
    group, rhythm = _group(args.group) if args.group else (None, None)
    if args.format == "ics" and rhythm is None:
        raise Refusal(_("an iCalendar export needs --group G, a group with a rhythm"))
    return Request(first, until, shown_in, group_tz, group, rhythm)


def _date(text: str) -> date:
    try:
        day = parse_date(text.strip())
    except ValueError as exc:
        raise Refusal(str(exc)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        said = _("dates from {first} to {last} only, not {day}")
        raise Refusal(said.format(first=FIRST_YEAR, last=LAST_YEAR, day=day.isoformat()))
    return day


def _months(text: str) -> int:
    text = text.strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_MONTHS):
        said = _("--months takes a whole number from 1 to {most}, not {text}")
        raise Refusal(said.format(most=MAX_MONTHS, text=quote_input(text)))
    return int(text)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _group(name: str) -> tuple[Group, Rhythm]:
    group = find_group(name)
    if group is None:
        said = _("no group called {name} (see: facilitator groups list)")
        raise Refusal(said.format(name=quote_input(name)))
    label = clean_line(group.name)
    try:
        rhythm = group_rhythm(group)
    except ValueError as exc:
        said = _(
            "the rhythm saved for {group} cannot be read ({error}); set it again with: {command}"
        )
        command = f'facilitator groups rhythm "{label}" ...'
        raise Refusal(
            said.format(group=label, error=clean_line(str(exc)), command=command)
        ) from None
    if rhythm is None:
        said = _("{group} has no rhythm yet; set one with, e.g.: {command}")
        command = f'facilitator groups rhythm "{label}" every 2 weeks on tuesday at 19:00'
        raise Refusal(said.format(group=label, command=command))
    return group, rhythm


# --- text -------------------------------------------------------------------------------------


def _stamp(moment: datetime, tz: tzinfo) -> str:
    return to_minute(moment).astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _text(request: Request) -> list[str]:
    start, end = request.bounds()
    zone = zone_label(request.shown_in, start)
    dates = {"first": request.first.isoformat(), "until": request.until.isoformat(), "zone": zone}
    phases = _("Moon phases from {first} until {until}, times in {zone}").format(**dates)
    group, rhythm = request.group, request.rhythm
    if group is None or rhythm is None:
        return [phases, *_phase_lines(start, end, request, [])]
    head = _("{group}: {rhythm}").format(group=clean_line(group.name), rhythm=describe(rhythm))
    meetings = upcoming(
        rhythm, start - timedelta(days=3), end + timedelta(days=3), request.group_tz
    )
    if isinstance(rhythm, MoonRhythm):
        return [head, phases, *_phase_lines(start, end, request, meetings)]
    shown = [m for m in meetings if start <= m.start < end]
    lines = [f"{_stamp(m.start, request.shown_in)}  {what(m, group.language)}" for m in shown]
    heading = _("Meetings from {first} until {until}, times in {zone}").format(**dates)
    return [head, heading, *(lines or [_("(no meetings in these dates)")])]


def _phase_lines(
    start: datetime,
    end: datetime,
    request: Request,
    meetings: list[PlannedMeeting],
) -> list[str]:
    """Each phase, and the call held for it (on the evening nearest it, within a day)."""
    names = {kind: _(name) for kind, name in PHASE_NAMES.items()}  # the interface's words
    width = max(len(name) for name in names.values())
    lines = []
    for phase in moon_phases(start, end):
        line = f"{_stamp(phase.at, request.shown_in)}  {names[phase.kind]:<{width}}"
        meeting = next((m for m in meetings if m.phase == phase.kind
                        and abs(m.start - phase.at) <= timedelta(days=1)), None)  # fmt: skip
        if meeting is not None:
            line += f"  {what(meeting, request.group.language if request.group else 'en')}"

            if meeting.start != phase.at:  # a moon rhythm with a set time of day
                at = _stamp(meeting.start, request.shown_in)
                line += _(" at {time}").format(time=at[11:] if at[:10] == line[:10] else at)
        lines.append(line.rstrip())
    return lines


# --- iCalendar --------------------------------------------------------------------------------


def _ics(request: Request) -> tuple[bytes, str]:
    from facilitator.rhythm.ics import to_ics

    group, rhythm = request.group, request.rhythm
    assert group is not None and rhythm is not None  # checked by _request
    start, end = request.bounds()
    meetings = upcoming(rhythm, start - timedelta(microseconds=1), end, request.group_tz)
    # DTSTAMP is midnight UTC of the first day exported, not the time of the export: the same
    # export gives the same bytes (files can be compared or kept in version control), and a
    # later export (a later --from) carries a later stamp, which is what calendar applications
    # compare when an event with the same UID comes again. A stamp a little in the future when
    # --from is is harmless: RFC 5545 gives DTSTAMP no ordering against DTSTART.
    stamp = datetime.combine(request.first, time(0), tzinfo=timezone.utc)
    data = to_ics(group.name, meetings, _durations(group), stamp=stamp, language=group.language)
    said = ngettext("{count} meeting of {group}", "{count} meetings of {group}", len(meetings))
    return data, said.format(count=len(meetings), group=clean_line(group.name))


def _durations(group: Group) -> Callable[[PlannedMeeting], int]:
    """Minutes per meeting: the planned length of its agenda for this many participants."""
    speakers = len(group.participants) or None
    known: dict[str, int] = {}

    def minutes(meeting: PlannedMeeting) -> int:
        if meeting.agenda is None:
            return GATHERING_MINUTES
        if meeting.agenda not in known:
            known[meeting.agenda] = _agenda_minutes(meeting.agenda, speakers)
        return known[meeting.agenda]

    return minutes


def _agenda_minutes(agenda_id: str, speakers: int | None) -> int:
    from facilitator import catalog
    from facilitator.formats.problems import FormatError

    try:
        agenda = catalog.find_agenda(agenda_id)
    except (LookupError, FormatError, OSError, ValueError):
        return DEFAULT_MINUTES
    total = round(sum(item.nominal(speakers) for item in agenda.items))
    return total if total > 0 else DEFAULT_MINUTES


def _write(path: Path, data: bytes, summary: str) -> int:
    try:
        atomic_write(path, data, mode=0o600)  # when and where a support group meets is private
    except OSError as exc:
        said = _("cannot write {path}: {error}").format(
            path=clean(str(path)), error=exc.strerror or exc
        )
        error(f"facilitator calendar: {said}")
        return 1
    if summary:
        say(_("Wrote {summary} to {path}").format(summary=summary, path=path))
    else:
        say(_("Wrote {path}").format(path=path))
    return 0
