"""``facilitator decks``: list, show, validate, new, draw."""

from __future__ import annotations

import argparse

from facilitator import catalog, paths
from facilitator.cli.output import console, error, problems, resolve, say
from facilitator.formats.deck import load_deck
from facilitator.formats.problems import FormatError
from facilitator.fsutil import atomic_write
from facilitator.i18n import _, ngettext, pgettext
from facilitator.text import clean_line


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("decks", help=_("question decks for ice breakers and rounds"))
    cmds = parser.add_subparsers(dest="decks_command", metavar="ACTION", required=True)
    cmds.add_parser("list", help=_("the bundled decks and your own")).set_defaults(handler=cmd_list)
    show = cmds.add_parser("show", help=_("print a deck's questions"))
    show.add_argument("deck", metavar="ID|PATH")
    show.set_defaults(handler=cmd_show)
    validate = cmds.add_parser("validate", help=_("check deck files"))
    validate.add_argument("files", nargs="+", metavar="PATH")
    validate.set_defaults(handler=cmd_validate)
    new = cmds.add_parser("new", help=_("start your own deck"))
    new.add_argument("name", metavar="NAME")
    new.set_defaults(handler=cmd_new)
    draw = cmds.add_parser("draw", help=_("draw a question the group has not had yet"))
    draw.add_argument("deck", metavar="ID|PATH")
    draw.add_argument("--group", metavar="G", help=_("avoid questions this group already had"))
    draw.add_argument(
        "--tag",
        metavar="T",
        action="append",
        default=[],
        help=_("only questions with this tag (repeatable)"),
    )
    draw.add_argument("--language", metavar="LANG", help=_("prefer the deck in this language"))
    draw.add_argument("--seed", metavar="N", type=int, help=_("make the draw reproducible"))
    draw.set_defaults(handler=cmd_draw)


def cmd_list(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=_("Question decks"), title_justify="left")
    table.add_column(pgettext("column", "id"), no_wrap=True)
    table.add_column(pgettext("column", "title"))
    table.add_column(pgettext("column", "language"))
    table.add_column(pgettext("column", "questions"), justify="right")
    table.add_column(pgettext("column", "from"), no_wrap=True)
    for entry in catalog.deck_entries():
        deck = entry.value
        where = origin(entry.origin == "user", entry.shadows)
        title = clean_line(entry.title)
        table.add_row(
            Text(clean_line(entry.id)),
            Text(title)
            if deck
            else Text(_("{title} (has errors)").format(title=title), style="red"),
            Text(deck.language if deck else "-"),
            str(len(deck.questions)) if deck else "-",
            where,
        )
    console().print(table)
    return 0


def origin(own: bool, shadows: bool) -> str:
    """Where a deck comes from, in the list's last column (a deck's words: in some languages
    a deck and an agenda differ in gender)."""
    if not own:
        return pgettext("deck", "bundled")
    return (
        pgettext("deck", "your own (replaces bundled)") if shadows else pgettext("deck", "your own")
    )


def cmd_show(args: argparse.Namespace) -> int:
    from rich.text import Text

    deck = resolve(catalog.find_deck, args.deck)
    if deck is None:
        return 1
    out = console()
    out.print(Text(f"{deck.title} ({deck.id}, {deck.language})", style="bold"))
    if deck.description:
        out.print(Text(deck.description))
    for number, question in enumerate(deck.questions, 1):
        tags = f"  [{', '.join(question.tags)}]" if question.tags else ""
        out.print(Text(f"{number:3}. {question.text}{tags}"))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    failed = False
    for name in args.files:
        try:
            deck = load_deck(name)
        except FormatError as exc:
            problems(exc.problems)
            failed = True
            continue
        count = len(deck.questions)
        said = ngettext("{name}: ok ({id}, {count} question)",
                        "{name}: ok ({id}, {count} questions)", count)  # fmt: skip
        say(said.format(name=name, id=deck.id, count=count))
    return 1 if failed else 0


def cmd_new(args: argparse.Namespace) -> int:
    from facilitator.cli.agendas import _yaml_quote
    from facilitator.text import slug as text_slug

    slug = text_slug(args.name, "agenda")
    target = paths.user_decks() / f"{slug}.yaml"
    if target.exists():
        error(_("{path}: already exists").format(path=target))
        return 1
    schema = paths.schemas() / "deck.schema.json"
    text = "\n".join([
        f"# yaml-language-server: $schema={schema.as_uri()}",
        f"title: {_yaml_quote(args.name)}",
        f"id: {slug}",
        "language: en",
        "description: Questions our group wrote.",
        "questions:",
        '  - text: "What has surprised you since we last met?"',
        "    tags: [light]",
        '  - text: "Which conversation this month stayed with you, and why?"',
        "    tags: [medium]",
    ]) + "\n"  # fmt: skip
    # 0644 on purpose: agendas and decks hold no one's words and are made to be shared
    # (sent to another group, kept in a repository); the folder around them stays 0700.
    atomic_write(target, text, mode=0o644)
    said = _("Created {path}. Add your questions, then check it: facilitator decks validate {path}")
    say(said.format(path=target))
    return 0


def cmd_draw(args: argparse.Namespace) -> int:
    from facilitator.cli.draw import draw_once

    return draw_once(args)
