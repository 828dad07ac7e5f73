"""``facilitator agendas``: list, show, validate, new, edit."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator import catalog, paths
from facilitator.cli.output import console, error, problems, resolve, say
from facilitator.cli.values import parse_hhmm
from facilitator.formats.agenda import load_agenda
from facilitator.formats.problems import FormatError
from facilitator.fsutil import atomic_write
from facilitator.i18n import _, ngettext, pgettext
from facilitator.schedule import format_offset, plan, scaling, total_minutes, typical_people
from facilitator.text import clean_line
from facilitator.text import slug as text_slug
from facilitator.timewords import length_words

if TYPE_CHECKING:
    from facilitator.catalog_cache import Summary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("agendas", help=_("list, show, check and edit meeting agendas"))
    cmds = parser.add_subparsers(dest="agendas_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help=_("the bundled agendas and your own"))
    listing.add_argument(
        "--participants", metavar="N", type=_positive_int, help=_("lengths for N people")
    )
    listing.set_defaults(handler=cmd_list)
    show = cmds.add_parser("show", help=_("print an agenda's timeline"))
    show.add_argument("agenda", metavar="ID|PATH")
    show.add_argument(
        "--at", metavar="HH:MM", type=parse_hhmm, help=_("show clock times from HH:MM")
    )
    show.add_argument(
        "--participants", metavar="N", type=_positive_int, help=_("size rounds for N people")
    )
    show.add_argument("--newcomer", action="store_true", help=_("someone new is present"))
    show.set_defaults(handler=cmd_show)
    validate = cmds.add_parser("validate", help=_("check agenda files"))
    validate.add_argument("files", nargs="+", metavar="PATH")
    validate.set_defaults(handler=cmd_validate)
    new = cmds.add_parser("new", help=_("start your own agenda from a template"))
    new.add_argument("name", metavar="NAME")
    new.add_argument(
        "--from", dest="template", metavar="ID", default="mutual-support-150",
        help=_("the agenda to copy (default: mutual-support-150)"),
    )  # fmt: skip
    new.set_defaults(handler=cmd_new)
    edit = cmds.add_parser(
        "edit", help=_("edit your agenda in $EDITOR, checked before it is saved")
    )
    edit.add_argument("agenda", metavar="ID")
    edit.set_defaults(handler=cmd_edit)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a number of people like 8").format(text=text)
        )
    return value


def cmd_list(args: argparse.Namespace) -> int:
    """The agendas, one table per language (the interface's first, then English, files with
    errors last)."""
    from rich.table import Table
    from rich.text import Text

    from facilitator.catalog_cache import agenda_summaries
    from facilitator.i18n import language as interface
    from facilitator.languages import by_language, heading

    out = console()
    for language, group in by_language(agenda_summaries(), lambda s: s.language, interface()):
        table = Table(
            title=Text(_("Agendas · {language}").format(language=heading(language))),
            title_justify="left",
        )
        table.add_column(pgettext("column", "id"), no_wrap=True)
        table.add_column(pgettext("column", "title"))
        table.add_column(pgettext("column", "minutes"), justify="right")
        table.add_column(pgettext("column", "from"), no_wrap=True)
        for entry in group:
            where = origin(entry.origin == "user", entry.shadows)
            minutes = _listed_minutes(entry, args.participants)
            table.add_row(Text(clean_line(entry.id)), Text(clean_line(entry.title)), minutes, where)
        out.print(table)
    return 0


def origin(own: bool, shadows: bool) -> str:
    """Where an agenda comes from, in the list's last column."""
    if not own:
        return _("bundled")
    return _("your own (replaces bundled)") if shadows else _("your own")


def _listed_minutes(entry: Summary, participants: int | None) -> str:
    people = participants or entry.people
    sized = entry.minutes_for(people)
    if sized is None or entry.written is None:
        return "-"
    unit = _("{minutes} min").format(minutes="")  # the column says minutes: " min", " Min."
    return length_words(entry.written, sized, people).replace(unit, "")


def cmd_show(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    agenda = resolve(catalog.find_agenda, args.agenda)
    if agenda is None:
        return 1
    note = agenda.size_note(args.participants) if args.participants else None
    if note:
        error(_("Note: {note}").format(note=note))
    people = args.participants or (typical_people(agenda) if scaling(agenda)[1] else None)
    slots = plan(agenda, people, args.newcomer)
    table = Table(title=Text(agenda.title), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(pgettext("column", "item"))
    table.add_column(pgettext("column", "start"))
    table.add_column(pgettext("column", "end"))
    table.add_column(pgettext("column", "minutes"), justify="right")
    base = dt.datetime.combine(dt.date.today(), args.at) if args.at else None

    def when(minutes: float) -> str:
        if base is None:
            return format_offset(minutes)
        return (base + dt.timedelta(minutes=minutes)).strftime("%H:%M")

    number = 0
    for slot in slots:
        if not slot.active:
            continue
        number += 1
        table.add_row(
            str(number),
            Text(slot.item.title),
            when(slot.start),
            when(slot.end),
            f"{slot.minutes:g}",
        )
    end = slots[-1].end if slots else 0
    ends = when(max(s.end for s in slots if s.active) if slots else end)
    table.caption = _("ends at {time}").format(time=ends)
    if people is not None and scaling(agenda)[1]:
        length = length_words(total_minutes(agenda), total_minutes(agenda, people), people)
        if args.participants:
            caption = _("ends at {time}: {length}")
        else:
            caption = _("ends at {time}: {length} (--participants N for another number)")
        table.caption = caption.format(time=ends, length=length)
    console().print(table)
    left_out = [s.item.title for s in slots if not s.active]
    if left_out:
        say(_("Left out (no newcomer): {items}").format(items="; ".join(left_out)))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    failed = False
    for name in args.files:
        try:
            agenda = load_agenda(name, catalog.KnownDecks())
        except FormatError as exc:
            problems(exc.problems)
            failed = True
            continue
        try:
            different = catalog.twin_problems(agenda)
        except FormatError as exc:  # the file changed since it was loaded
            different = exc.problems
        if different:
            problems(different)
            failed = True
            continue
        count = len(agenda.items)
        if agenda.translation_of:
            said = ngettext("{name}: ok ({id}, {count} item, translates {original})",
                            "{name}: ok ({id}, {count} items, translates {original})", count)  # fmt: skip
        else:
            said = ngettext("{name}: ok ({id}, {count} item)", "{name}: ok ({id}, {count} items)",
                            count)  # fmt: skip
        say(said.format(name=name, id=agenda.id, count=count, original=agenda.translation_of))
    return 1 if failed else 0


def cmd_new(args: argparse.Namespace) -> int:
    try:
        template = catalog.find_agenda(args.template)
    except (LookupError, FormatError) as exc:
        error(str(exc))
        return 1
    slug = text_slug(args.name, "agenda")
    target = paths.user_agendas() / f"{slug}.yaml"
    if target.exists():
        said = _("{path}: already exists; edit it with: facilitator agendas edit {id}")
        error(said.format(path=target, id=slug))
        return 1
    lines = Path(template.path).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith(("id:", "title:", "# yaml-language"))]
    schema = paths.schemas() / "agenda.schema.json"
    head = [
        f"# yaml-language-server: $schema={schema.as_uri()}",
        f"title: {_yaml_quote(args.name)}",
        f"id: {slug}",
    ]
    # 0644 on purpose: agendas and decks hold no one's words and are made to be shared
    # (sent to another group, kept in a repository); the folder around them stays 0700.
    atomic_write(target, "\n".join(head + body) + "\n", mode=0o644)
    said = _("Created {path} from {template}. Edit it with: facilitator agendas edit {id}")
    say(said.format(path=target, template=template.id, id=slug))
    return 0


def _yaml_quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def cmd_edit(args: argparse.Namespace) -> int:
    try:
        source = catalog.find_agenda(args.agenda)
    except LookupError as exc:
        error(str(exc))
        return 1
    except FormatError as exc:
        entry = next((e for e in catalog.agenda_entries() if e.id == args.agenda), None)
        if entry is None:
            problems(exc.problems)
            return 1
        source_path = entry.path
    else:
        source_path = Path(source.path)
    target = (
        source_path
        if source_path.parent == paths.user_agendas()
        else paths.user_agendas() / f"{args.agenda}.yaml"
    )
    return edit_until_valid(source_path, target)


def edit_until_valid(source: Path, target: Path) -> int:
    """Like ``crontab -e``: edit a copy, re-open until valid, only then replace the file."""
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    fd, tmp_name = tempfile.mkstemp(prefix=f"{target.stem}.", suffix=".yaml")
    tmp = Path(tmp_name)
    keep = False
    try:
        os.write(fd, source.read_bytes())
        os.close(fd)
        while True:
            status = subprocess.call([*shlex.split(editor), str(tmp)])
            if status != 0:
                said = _("the editor exited with status {status}; nothing was changed")
                error(said.format(status=status))
                return 1
            data = tmp.read_bytes()
            try:
                agenda = load_agenda(str(target), catalog.KnownDecks(), data=data)
            except FormatError as exc:
                problems(exc.problems)
                if not _ask(_("Edit again? [Y/n] ")):
                    said = _("Not saved; {path} is unchanged. Your edits are kept in {copy}")
                    error(said.format(path=target, copy=tmp))
                    keep = True
                    return 1
                continue
            if data == source.read_bytes() and source == target:
                say(_("No changes."))
                return 0
            atomic_write(target, data, mode=0o644)
            count = len(agenda.items)
            said = ngettext("Saved {path} ({id}, {count} item).",
                            "Saved {path} ({id}, {count} items).", count)  # fmt: skip
            say(said.format(path=target, id=agenda.id, count=count))
            return 0
    finally:
        if not keep:
            tmp.unlink(missing_ok=True)


def _ask(prompt: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(prompt)
    except EOFError:
        return False
    # Translators: the answers that mean yes to "Edit again? [Y/n]", separated by spaces.
    yes = {"", "y", "yes", *_("y yes").lower().split()}
    return answer.strip().lower() in yes
