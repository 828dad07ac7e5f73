"""``facilitator sessions``: list, show, export, search, follow-ups, stats and share digests."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from facilitator.cli.output import console, error, say
from facilitator.i18n import N_, _, ngettext
from facilitator.text import clean, clean_line, ellipsize

if TYPE_CHECKING:
    from facilitator.journal.changes import Action
    from facilitator.meeting.events import Event
    from facilitator.meeting.state import State
    from facilitator.review.queries import Followup

Handler = Callable[[argparse.Namespace], int]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("sessions", help=_("find, read, export and share past sessions"))
    cmds = parser.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    ls = cmds.add_parser("list", help=_("past sessions, newest first"))
    _filters(ls, agenda=True)
    ls.add_argument(
        "--since", type=parse_date, metavar="DATE", help=_("from this day (YYYY-MM-DD)")
    )
    ls.add_argument("--until", type=parse_date, metavar="DATE", help=_("up to this day, included"))
    ls.set_defaults(handler=_safe(cmd_list))
    show = cmds.add_parser("show", help=_("print a session's record"))
    show.add_argument(
        "session", metavar="ID", help=_("a session id, a unique start of one, or latest")
    )
    show.set_defaults(handler=_safe(cmd_show))
    export = cmds.add_parser(
        "export", help=_("write a session as Markdown, HTML (print it as PDF), text, CSV or JSON")
    )
    export.add_argument(
        "session", metavar="ID", nargs="?", help=_("a session id, its start, or latest")
    )
    export.add_argument("--format", choices=["md", "html", "txt", "csv", "json"], default="md",
                        help=_("md (the record), html (a page to print), txt (for e-mail), csv "
                               "(planned vs actual minutes per item), json (every event)"))  # fmt: skip
    export.add_argument("--group", metavar="NAME", help=_("csv only: every session of this group"))
    export.add_argument(
        "--output", metavar="PATH", help=_("a file (private, 0600); default: stdout")
    )
    export.set_defaults(handler=_safe(cmd_export))
    search = cmds.add_parser("search", help=_("find words in what was said and asked"))
    search.add_argument("text", metavar="TEXT")
    _filters(search)
    search.set_defaults(handler=_safe(cmd_search))
    followups = cmds.add_parser("followups", help=_("follow-ups not done yet; close, reopen, give"))
    _filters(followups)
    followups.add_argument("--all", action="store_true", help=_("the done ones too"))
    followups.set_defaults(handler=_safe(cmd_followups))
    change = followups.add_subparsers(dest="followups_command", metavar="ACTION")
    for action, text in (("done", N_("mark a follow-up done")), ("reopen", N_("open a done one again")),
                         ("owner", N_("give a follow-up to someone else"))):  # fmt: skip
        one = change.add_parser(action, help=_(text))
        one.add_argument("followup", metavar="ID", help=_("its id in 'sessions followups'"))
        if action == "owner":
            one.add_argument("name", metavar="NAME", help=_("who takes it forward"))
        one.set_defaults(handler=_safe(cmd_followup_change), action=action)
    stats = cmds.add_parser("stats", help=_("planned vs actual minutes per item, attendance"))
    _filters(stats, agenda=True)
    stats.add_argument("--last", type=int, default=10, metavar="N", help=_("sessions (default 10)"))
    stats.set_defaults(handler=_safe(cmd_stats))
    share = cmds.add_parser("share", help=_("only what was marked to share, names only if agreed"))
    share.add_argument("session", metavar="ID", help=_("a session id, its start, or latest"))
    share.add_argument("--format", choices=["md", "eml"], default="md",
                       help=_("md (Markdown) or eml (an e-mail file to open in your mail program, "
                              "addressed to nobody: it is never sent)"))  # fmt: skip
    share.add_argument(
        "--output", metavar="PATH", help=_("a file (private, 0600); default: stdout")
    )
    share.set_defaults(handler=_safe(cmd_share))


def _filters(parser: argparse.ArgumentParser, agenda: bool = False) -> None:
    parser.add_argument("--group", metavar="NAME", help=_("only this group"))
    if agenda:
        parser.add_argument("--agenda", metavar="ID", help=_("only this agenda (id or title)"))


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date like 2025-03-01").format(text=text)
        ) from None


def _safe(handler: Handler) -> Handler:
    """One clear line on stderr and exit status 1 instead of a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except LookupError as exc:
            error(str(exc.args[0] if exc.args else exc))
        except sqlite3.Error as exc:
            error(_("The session index could not be read ({error}); try again.").format(error=exc))
        except BrokenPipeError:
            raise
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            error(f"{exc.strerror or exc}{where}")
        return 1

    return run


def resolve(prefix: str) -> str:
    """The session whose id is ``prefix`` or the only one starting with it; ``latest`` is the
    one that met most recently."""
    from facilitator.groupfolder import journals

    if not prefix or "/" in prefix or "\\" in prefix:
        raise LookupError(_("'{prefix}' is not a session id").format(prefix=prefix))
    names = [p.stem for p in journals()]  # here and in the groups' folders
    if prefix in names:
        return prefix
    if prefix == "latest":  # the top row of 'sessions list': the one that met last
        from facilitator.review.queries import list_sessions

        newest = list_sessions(limit=1) if names else []
        if not newest:
            raise LookupError(_("There are no sessions yet."))
        return newest[0].id
    found = sorted(n for n in names if n.startswith(prefix))
    if not found:
        raise LookupError(
            _("No session id starts with '{prefix}' (see: facilitator sessions list)").format(
                prefix=prefix
            )
        )
    if len(found) > 1:
        shown = ", ".join(found[:3]) + (", …" if len(found) > 3 else "")
        raise LookupError(
            ngettext(
                "'{prefix}' matches {count} session: {shown}",
                "'{prefix}' matches {count} sessions: {shown}",
                len(found),
            ).format(prefix=prefix, count=len(found), shown=shown)
        )
    return found[0]


def _load(prefix: str) -> tuple[str, list[Event], State, float]:
    from facilitator.groupfolder import locate
    from facilitator.journal.load import load
    from facilitator.meeting.events import JournalFormatError

    session = resolve(prefix)
    try:
        loaded = load(locate(session))
    except JournalFormatError as exc:
        raise LookupError(
            _("{session} cannot be read by this version: {error}").format(
                session=session, error=exc
            )
        ) from None
    for warning in loaded.warnings:
        error(warning)
    return session, loaded.events, loaded.state, loaded.last


def _when(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t))  # local time, fast for long lists


def _fit(text: str, width: int) -> str:
    return ellipsize(clean_line(text), width)


def _columns(rows: Sequence[Sequence[str]]) -> None:
    from rich.cells import cell_len

    def width(text: str) -> int:
        return len(text) if text.isascii() else cell_len(text)

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [c + " " * (w - width(c)) for c, w in zip(row[:-1], widths)]
        say("  ".join([*cells, row[-1]]).rstrip())


def _minutes(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def cmd_list(args: argparse.Namespace) -> int:
    from facilitator.review.queries import list_sessions

    rows = list_sessions(args.group, args.agenda, args.since, args.until)
    if not rows:
        say(_("No sessions found."))
        return 0
    table = [[_("ID"), _("DATE"), _("GROUP"), _("AGENDA"), _("PEOPLE"), _("MIN (PLANNED)")]]
    for r in rows:
        length = f"{_minutes(r.actual_min)} ({r.planned_min:g})"
        table.append([r.id, _when(r.at), _fit(r.group, 24), _fit(r.agenda_title, 24),
                      str(r.people), length + ("" if r.finished else "  " + _("unfinished"))])  # fmt: skip
    _columns(table)
    return 0


def _record(state: State, last: float) -> str:
    from facilitator.journal.record import render

    return clean(render(state, last))


def cmd_show(args: argparse.Namespace) -> int:
    from rich.markdown import Markdown

    _, _, state, last = _load(args.session)
    text = re.sub(r"(?<!\\)<br>", " / ", _record(state, last))
    console().print(Markdown(text))
    return 0


def _json_text(events: list[Event]) -> str:
    from facilitator.journal.jsonl import encode

    lines = [json.loads(encode(e)) for e in events]
    text = json.dumps(lines, ensure_ascii=False, indent=1)
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _write(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):  # an e-mail file: ASCII, its parts encoded
            sys.stdout.write(text.decode("ascii", "replace"))
        else:
            say(text.rstrip("\n"))
        return
    from facilitator.fsutil import atomic_write

    target = Path(output).expanduser()
    atomic_write(target, text, mode=0o600)
    say(_("Written: {path}").format(path=target))


def cmd_export(args: argparse.Namespace) -> int:
    if args.group is not None and args.format != "csv":
        raise LookupError(_("--group exports a whole group as CSV only: add --format csv"))
    if args.group is not None and args.session is not None:
        raise LookupError(_("Give a session or --group, not both."))
    if args.group is not None:
        from facilitator.review.export_csv import group_rows, to_csv

        rows = group_rows(clean_line(args.group))
        if not rows:
            raise LookupError(
                _("No sessions of the group '{group}'.").format(group=clean_line(args.group))
            )
        _write(to_csv(rows), args.output)
        return 0
    if args.session is None:
        raise LookupError(_("Which session? Give its id, the start of it, or latest."))
    _session, events, state, last = _load(args.session)
    _write(_export_text(args.format, events, state, last), args.output)
    return 0


def _export_text(form: str, events: list[Event], state: State, last: float) -> str:
    if form == "json":
        return _json_text(events)
    if form == "html":
        from facilitator.review.export_html import record_html

        return record_html(state, last)
    if form == "txt":
        from facilitator.review.export_text import to_text

        return to_text(_record(state, last))
    if form == "csv":
        from facilitator.review.export_csv import session_rows, to_csv

        return to_csv(session_rows(state, last))
    return _record(state, last)


def cmd_share(args: argparse.Namespace) -> int:
    _, _, state, _ = _load(args.session)
    if args.format == "eml":
        from facilitator.review.export_eml import share_email

        _write(share_email(state), args.output)
        return 0
    from facilitator.review.share import share_digest

    _write(clean(share_digest(state)), args.output)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from facilitator.review.queries import search

    hits = search(args.text, args.group)
    if not hits:
        say(_("Nothing found."))
        return 0
    table = []
    for h in hits:
        who = f"{clean_line(h.person)}: " if h.person else ""
        table.append([_when(h.at)[:10], _fit(h.group, 20), h.kind, h.session,
                      who + clean_line(h.text)])  # fmt: skip
    _columns(table)
    return 0


def cmd_followups(args: argparse.Namespace) -> int:
    from facilitator.review.queries import open_followups

    found = open_followups(args.group, closed=args.all)
    if not found:
        say(_("No follow-ups.") if args.all else _("No open follow-ups."))
        return 0
    table = [[_("ID"), _("DATE"), _("GROUP"), _("OWNER"), _("DUE"), _("FOLLOW-UP")]]
    for f in found:
        text = (_("done: ") if f.done else "") + clean_line(f.text)
        table.append([f.short, _when(f.at)[:10], _fit(f.group, 20), _fit(f.owner or "–", 16),
                      _fit(f.due or "–", 10), text])  # fmt: skip
    _columns(table)
    return 0


def _followup(wanted: str, group: str | None) -> Followup:
    """The follow-up whose short id starts with ``wanted`` (or whose SESSION/ENTRY it is)."""
    from facilitator.review.queries import open_followups

    wanted = clean_line(wanted).strip()
    every = open_followups(group, closed=True)
    short = wanted.lower()
    found = [f for f in every if f.ref == wanted] or [
        f for f in every if len(short) >= 3 and f.short.startswith(short)
    ]
    if not found:
        raise LookupError(
            _(
                "No follow-up has the id '{wanted}' (see: facilitator sessions followups --all)"
            ).format(wanted=wanted)
        )
    if len(found) > 1:
        refs = ", ".join(f.ref for f in found[:3])
        raise LookupError(
            ngettext(
                "'{wanted}' matches {count} follow-up ({refs}): give more of it",
                "'{wanted}' matches {count} follow-ups ({refs}): give more of it",
                len(found),
            ).format(wanted=wanted, count=len(found), refs=refs)
        )
    return found[0]


def cmd_followup_change(args: argparse.Namespace) -> int:
    from facilitator.review.followup_change import FollowupChanges, after, owner_name
    from facilitator.views.review_words import followup_changed, followup_unchanged

    f = _followup(args.followup, args.group)
    action = cast("Action", args.action)
    owner = owner_name(args.name) if action == "owner" else None
    if action == "owner" and not owner:
        raise LookupError(_("Give the name of who takes it forward."))
    if after(f, action, owner) is None:
        say(followup_unchanged(f, action, owner))
        return 0
    changes = FollowupChanges()
    try:
        changes.write(f, action, owner)
    finally:
        changes.close()
    say(followup_changed(f, action, owner))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from facilitator.review.chart import stats_text
    from facilitator.review.queries import stats

    result = stats(args.group, args.agenda, max(1, args.last))
    if not result.sessions:
        say(_("No sessions found."))
        return 0
    width = max(40, min(100, console().width))
    console().print(stats_text(result, width))
    return 0
