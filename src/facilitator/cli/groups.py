"""``facilitator groups``: your groups, and how often each one meets."""

from __future__ import annotations

import argparse
from datetime import datetime, tzinfo
from pathlib import Path

from facilitator.cli.output import console, error, say
from facilitator.groups import AIRTIME, Group, all_groups, close_names, load_group, save_group
from facilitator.i18n import _, ngettext, pgettext
from facilitator.rhythm.home import find_group, group_rhythm, local_tz, what, when
from facilitator.rhythm.parse import FORMS, parse_rhythm
from facilitator.rhythm.rhythm import Rhythm, describe, next_meeting, quote_input, to_dict
from facilitator.text import clean_line

SHOWN_MEETINGS = 3


def _examples() -> str:
    """The epilog of ``groups rhythm``: the commands and the forms stay as typed (the rhythm's
    words are English whatever the interface); only the headings and the notes are translated."""
    return "\n".join([
        _("examples:"),
        '  facilitator groups rhythm "Tuesday group" every 3 weeks on thursday at 19:00',
        "  facilitator groups rhythm Congregation moon --at 19:30",
        "  facilitator groups rhythm Congregation moon --at 19:30 --gatherings june,december",
        '  facilitator groups rhythm "Home group" monthly on 2nd tuesday at 19:00',
        '  facilitator groups rhythm "Home group" none        ' + _("(forget the rhythm)"),
        '  facilitator groups rhythm "Home group"             ' + _("(show it)"),
        "",
        _("forms:"),
        *(f"  {form}" for form in FORMS),
    ])  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("groups", help=_("your groups and when they meet"))
    cmds = parser.add_subparsers(dest="groups_command", metavar="ACTION", required=True)
    cmds.add_parser(
        "list", help=_("each group, its people, its rhythm and its next meeting")
    ).set_defaults(handler=cmd_list)
    rhythm = cmds.add_parser(
        "rhythm",
        help=_("set how often a group meets"),
        description=_(
            "Set, show or forget how often a group meets. Times are local wall-clock "
            "times: a 19:00 meeting stays at 19:00 when the clocks change."
        ),
        epilog=_examples(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rhythm.add_argument(
        "--new",
        action="store_true",
        help=_("create the group even though its name is close to an existing group's"),
    )
    rhythm.add_argument("group", metavar="GROUP", help=_("the group's name (created if new)"))
    rhythm.add_argument(
        "words", nargs=argparse.REMAINDER, metavar="WORDS", help=_("the rhythm, or 'none'")
    )
    rhythm.set_defaults(handler=cmd_rhythm)
    airtime = cmds.add_parser(
        "airtime",
        help=_("whether a group's meetings count airtime"),
        description=_(
            "Airtime is who has spoken how long, from rounds and raised hands. 'on': "
            "the facilitator may look at it in a meeting (A); 'record': it is also written in the "
            "meeting's record; 'off': it is not shown at all. Applies to meetings set up from now on."
        ),
    )
    airtime.add_argument("group", metavar="GROUP", help=_("the group's name"))
    airtime.add_argument("choice", nargs="?", choices=AIRTIME, help=_("on, record or off"))
    airtime.set_defaults(handler=cmd_airtime)
    record = cmds.add_parser(
        "record",
        help=_("whether a group keeps a record of its meetings"),
        description=_(
            "'on': each meeting's record, review and search keep what was written, "
            "except at items off the record; 'off': nothing written is kept, as if every item were "
            "off the record. Set-up asks it the first time; applies to meetings set up from now on."
        ),
    )
    record.add_argument("group", metavar="GROUP", help=_("the group's name"))
    record.add_argument("choice", nargs="?", choices=("on", "off"), help=_("on or off"))
    record.set_defaults(handler=cmd_record)
    names = cmds.add_parser(
        "names",
        help=_("whether names may appear beside what a group shares"),
        description=_(
            "'on': an entry marked to share carries the name of who said it (or who "
            "does it); 'off': the share digest never names anyone. Set-up asks it the first time; "
            "applies to meetings set up from now on (E, n changes one entry)."
        ),
    )
    names.add_argument("group", metavar="GROUP", help=_("the group's name"))
    names.add_argument("choice", nargs="?", choices=("on", "off"), help=_("on or off"))
    names.set_defaults(handler=cmd_names)
    place = cmds.add_parser(
        "place",
        help=_("keep a group's memory in a folder you share with the other facilitators"),
        description=_(
            "Keep the group's memory (its ended meetings, people and roles, rhythm, "
            "follow-ups and the questions it has had) in FOLDER, which a file-sync tool "
            "(Syncthing, Nextcloud, a git repository, a USB stick) shares with the laptops of the "
            "facilitators who take turns. Each laptop writes only files of its own there, so the "
            "sync tool never has two versions to merge. On the next laptop, place the group in the "
            "synced folder too: it joins what is there."
        ),
    )
    place.add_argument("group", metavar="GROUP", help=_("the group's name"))
    place.add_argument("folder", metavar="FOLDER", help=_("the shared folder (created if absent)"))
    place.set_defaults(handler=cmd_place)
    check = cmds.add_parser(
        "check",
        help=_("look at the groups' shared folders for conflict copies and half-synced files"),
    )
    check.add_argument("group", metavar="GROUP", nargs="?", help=_("one group (default: all)"))
    check.set_defaults(handler=cmd_check)


def cmd_place(args: argparse.Namespace) -> int:
    import time

    from facilitator.groupfolder import PlaceError, place

    name = clean_line(args.group)
    if not name:
        error("facilitator groups place: " + _("the group needs a name"))
        return 1
    group = find_group(name) or Group(name)  # a group new to this laptop joins its folder
    try:
        placed = place(group.name, clean_line(args.folder), time.time())
    except PlaceError as exc:
        error(f"facilitator groups place: {exc}")
        return 1
    if placed.joined:
        said = _("{group} now lives in {folder} (joined what it holds).")
    else:
        said = _("{group} now lives in {folder} (its memory starts there).")
    name = load_group(group.name).name  # as the folder spells it
    say(said.format(group=clean_line(name), folder=placed.folder))
    if placed.moved or placed.changes:
        meetings = ngettext("{count} ended meeting", "{count} ended meetings", placed.moved)
        changes = ngettext("{count} follow-up change", "{count} follow-up changes", placed.changes)
        say(_("Moved there: {meetings}, {changes}.").format(
            meetings=meetings.format(count=placed.moved),
            changes=changes.format(count=placed.changes),
        ))  # fmt: skip
    for problem in placed.problems:
        error(problem)
    say(_("Share that folder with the other facilitators' laptops, and place the group there too."))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from facilitator.groupfolder import check

    groups = [g for g in all_groups() if g.folder]
    if args.group:
        wanted = clean_line(args.group).casefold()
        groups = [g for g in groups if g.name.casefold() == wanted]
    if not groups:
        say(_("No group is placed in a folder (see: facilitator groups place)."))
        return 0
    found = 0
    for group in groups:
        problems = check(Path(group.folder or ""))
        found += len(problems)
        state = (ngettext("{count} to look at", "{count} to look at", len(problems))
                 .format(count=len(problems)) if problems else _("all well"))  # fmt: skip
        say(f"{clean_line(group.name)}: {group.folder}: {state}")
        for problem in problems:
            say(f"  {problem}")
    return 1 if found else 0


def _next_meetings(
    rhythm: Rhythm, now: datetime, tz: tzinfo, count: int, language: str
) -> list[str]:
    """The next ``count`` meetings, their day and kind in the group's ``language`` (as Home's
    "Next:" line has them)."""
    lines = []
    after = now
    for _turn in range(count):
        meeting = next_meeting(rhythm, after, tz)
        if meeting is None:
            break
        lines.append(f"{when(meeting.start, now, language)} · {what(meeting, language)}")
        after = meeting.start
    return lines


def _rhythm_cells(group: Group, now: datetime, tz: tzinfo) -> tuple[str, str]:
    try:
        rhythm = group_rhythm(group)
    except ValueError:
        return _("cannot be read: set it again"), "-"
    if rhythm is None:
        return "-", "-"
    upcoming = _next_meetings(rhythm, now, tz, 1, group.language)
    return describe(rhythm), upcoming[0] if upcoming else "-"


def cmd_list(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    groups = all_groups()
    if not groups:
        say(_("No groups yet. Give one a rhythm with, e.g.:"))
        say('  facilitator groups rhythm "Home group" every 2 weeks on tuesday at 19:00')
        return 0
    tz = local_tz()
    now = datetime.now(tz)
    table = Table(title=_("Groups"), title_justify="left")
    table.add_column(pgettext("column", "group"), overflow="fold")
    table.add_column(pgettext("column", "people"), justify="right")
    table.add_column(pgettext("column", "rhythm"), overflow="fold")
    table.add_column(pgettext("column", "next meeting"), overflow="fold")
    placed = any(group.folder for group in groups)
    if placed:
        table.add_column(pgettext("column", "shared folder"), overflow="fold")
    for group in groups:
        rhythm_text, next_text = _rhythm_cells(group, now, tz)
        cells: list[Text | str] = [Text(clean_line(group.name)), str(len(group.participants)),
                                   Text(rhythm_text), Text(next_text)]  # fmt: skip
        if placed:
            cells.append(Text(group.folder or "-"))
        table.add_row(*cells)
    console().print(table)
    return 0


def cmd_rhythm(args: argparse.Namespace) -> int:
    name = clean_line(args.group)
    if not name:
        error("facilitator groups rhythm: " + _("the group needs a name"))
        return 1
    words = [clean_line(word) for word in args.words]
    new = args.new or "--new" in words  # also after the name, where REMAINDER takes it
    words = [word for word in words if word != "--new"]
    if not words:
        return _show(name)
    if [word.lower() for word in words] == ["none"]:
        return _forget(name)
    group = find_group(name)
    try:  # meetings use the group's own agenda unless the words name one
        rhythm = parse_rhythm(words, group.agenda if group else None)
    except ValueError as exc:
        error(f"facilitator groups rhythm: {clean_line(str(exc))}")
        return 1
    is_new = group is None
    if group is None:
        close = close_names(name)
        if close and not new:
            said = _("no group called {name}; did you mean {close}? "
                     "To create a new group with this name, add --new.")  # fmt: skip
            close_text = _(" or ").join(quote_input(n) for n in close)
            error(
                "facilitator groups rhythm: "
                + said.format(name=quote_input(name), close=close_text)
            )
            return 1
        group = Group(name)
    group.rhythm = to_dict(rhythm)
    if not _save(group):
        return 1
    if is_new:
        say(_("New group: {group}").format(group=group.name))
    _print_rhythm(group, rhythm)
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    return _yes_no(args, "record", "keeps_record", _("{group}: record {value}"))


def cmd_names(args: argparse.Namespace) -> int:
    return _yes_no(args, "names", "names_shared", _("{group}: names {value}"))


def _yes_no(args: argparse.Namespace, command: str, attribute: str, said: str) -> int:
    """A group's yes-or-no setting shown, or set with on/off; 'not asked yet' before set-up.
    ``said`` names the setting; its value is the word typed to choose it (on, off)."""
    group = find_group(clean_line(args.group))
    if group is None:
        error(f"facilitator groups {command}: {_no_group(args.group)}")
        return 1
    if args.choice is not None:
        setattr(group, attribute, args.choice == "on")
        if not _save(group):
            return 1
    value = getattr(group, attribute)
    shown = _("not asked yet") if value is None else "on" if value else "off"
    say(said.format(group=clean_line(group.name), value=shown))
    return 0


def cmd_airtime(args: argparse.Namespace) -> int:
    group = find_group(clean_line(args.group))
    if group is None:
        error(f"facilitator groups airtime: {_no_group(args.group)}")
        return 1
    if args.choice is not None:
        group.airtime = args.choice
        if not _save(group):
            return 1
    said = _("{group}: airtime {value}")  # the value as typed: on, record or off
    say(said.format(group=clean_line(group.name), value=group.airtime))
    return 0


def _show(name: str) -> int:
    group = find_group(name)
    if group is None:
        error(f"facilitator groups rhythm: {_no_group(name)}")
        return 1
    try:
        rhythm = group_rhythm(group)
    except ValueError as exc:
        said = _("the saved rhythm cannot be read: {error}").format(error=exc)
        error(f"facilitator groups rhythm: {said}")
        return 1
    if rhythm is None:
        say(_("{group} has no rhythm yet.").format(group=clean_line(group.name)))
        return 0
    _print_rhythm(group, rhythm)
    return 0


def _forget(name: str) -> int:
    group = find_group(name)
    if group is None or group.rhythm is None:
        say(_("{group} has no rhythm.").format(group=name))
        return 0
    group.rhythm = None
    if not _save(group):
        return 1
    say(_("{group} has no rhythm now.").format(group=clean_line(group.name)))
    return 0


def _no_group(name: str) -> str:
    return _("no group called {name}").format(name=quote_input(name))


def _save(group: Group) -> bool:
    try:
        save_group(group)
    except OSError as exc:
        said = _("cannot save the group: {error}").format(error=exc.strerror or exc)
        error(f"facilitator groups rhythm: {said}")
        return False
    return True


def _print_rhythm(group: Group, rhythm: Rhythm) -> None:
    tz = local_tz()
    say(_("{group}: {rhythm}").format(group=clean_line(group.name), rhythm=describe(rhythm)))
    lines = _next_meetings(rhythm, datetime.now(tz), tz, SHOWN_MEETINGS, group.language)
    if lines:
        say(_("Next meetings:"))
        for line in lines:
            say(f"  {line}")
