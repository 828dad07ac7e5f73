"""The agenda format, version 1: data classes and the checker that builds them."""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection
from dataclasses import dataclass, field

from facilitator.formats.problems import FormatError
from facilitator.formats.reader import Reader
from facilitator.formats.yamlnodes import Node, read_file, scalar_value
from facilitator.i18n import ngettext
from facilitator.text import clean_line, is_language_tag

KINDS = ["open", "round", "discussion", "silence", "break"]
RECORDS = ["expectations", "conclusions", "notes", "followups", "decisions"]
OFF = "off"  # 'record: off': what is typed at the item is shown, then dropped when the meeting ends
DRAWS = ["group", "each"]
SPLITS = ["people", "topics"]
# A meeting item lasts at most a day, and a group is people in one room or call: larger values
# are typing slips, and would overflow the clock times a meeting shows.
MAX_MINUTES = 24 * 60
MAX_GROUP = 1000
MAX_ITEMS = 500  # a day of one-minute items is 1440: 500 is far beyond any meeting
_MINUTES_CAP = (MAX_MINUTES, f"{MAX_MINUTES} (24 hours)")
_GROUP_CAP = (MAX_GROUP, f"{MAX_GROUP} people")
ADVANCES = ["manual", "auto"]
AGENDA_KEYS = [
    "title", "id", "description", "language", "translation_of", "source", "group_size", "roles",
    "brings", "items",
]  # fmt: skip
ITEM_KEYS = [
    "title", "minutes", "kind", "per_person", "who", "first", "when", "record", "deck", "draw",
    "advance", "alternative", "guidance", "flexible", "min_minutes", "protected", "tags",
    "split", "question", "show",
]  # fmt: skip
# What a session may bring (set-up and ``run`` fill them in); items may ``show`` them.
CONTENT = ["topic", "question", "supporting", "reading"]


@dataclass(frozen=True)
class Item:
    title: str
    minutes: float | None = None
    kind: str = "open"
    per_person: float | None = None
    who: str | None = None  # the first role named in 'who'
    who_also: tuple[str, ...] = ()  # 'who: [coach, timekeeper]': the roles after the first
    first: str | None = None  # rounds: the holders of this role speak first
    advance: str = "manual"  # "auto": moves on by itself when its time (a turn's, in a round) is up
    when: str | None = None
    record: str | None = None
    off_record: bool = False  # 'record: off': its entries stay out of every record (record: None)
    deck: str | None = None
    draw: str = "group"
    tags: tuple[str, ...] = ()  # draw only questions with all of these tags
    alternative: str | None = None
    guidance: str | None = None
    flexible: bool = False
    min_minutes: float | None = None
    protected: bool = False
    split: str | None = None  # "people" | "topics": its time may be shared out in slots (T)
    question: str | None = None  # the item's own question: a round's headline, shown at once
    show: tuple[str, ...] = ()  # what the session brings that this item shows (CONTENT)

    @property
    def who_roles(self) -> tuple[str, ...]:
        """Every role named in 'who' (their holders together speak or hold the item)."""
        return ((self.who,) if self.who else ()) + self.who_also

    @property
    def is_round(self) -> bool:
        return self.kind == "round"

    @property
    def floor(self) -> float:
        """The least this item may shrink to when re-planning."""
        if self.flexible:
            return self.min_minutes if self.min_minutes is not None else 0.0
        return self.nominal(None)

    def nominal(self, speakers: int | None) -> float:
        """Planned minutes; rounds with ``per_person`` grow with the number of speakers."""
        if self.per_person is not None and speakers is not None:
            return self.per_person * speakers
        if self.minutes is not None:
            return self.minutes
        return (self.per_person or 0.0) * (speakers or 1)


@dataclass(frozen=True)
class Agenda:
    id: str
    title: str
    items: tuple[Item, ...]
    description: str | None = None
    language: str = "en"
    translation_of: str | None = None  # the id of the agenda this one translates (its twin)
    source: str | None = None
    group_size: tuple[int, int] | None = None
    roles: tuple[str, ...] = ()
    brings: tuple[str, ...] = ()  # what a session of this agenda brings (CONTENT)
    path: str = ""
    origin: str = "bundled"  # "bundled" | "user" | "file"
    extra: dict[str, str] = field(default_factory=dict)

    def size_note(self, people: int) -> str | None:
        """A note when ``people`` is outside the agenda's group size (a warning, never a block)."""
        size = self.group_size
        if not size or size[0] <= people <= size[1]:
            return None
        said = ngettext("This agenda is meant for {low}–{high} people; you have {count}.",
                        "This agenda is meant for {low}–{high} people; you have {count}.", people)  # fmt: skip
        return said.format(low=size[0], high=size[1], count=people)


DeckIds = Collection[str]  # the decks an agenda may name, to check and suggest


def load_agenda(
    path: str,
    known_decks: DeckIds | None = None,
    origin: str = "file",
    data: bytes | None = None,
) -> Agenda:
    """Load and check an agenda file; raise FormatError listing every problem."""
    root = read_file(path, data)
    reader = Reader(path)
    agenda = _read_agenda(reader, root, path, known_decks, origin)
    if reader.problems or agenda is None:
        raise FormatError(reader.problems)
    return agenda


def _read_agenda(
    r: Reader, root: Node, path: str, known_decks: DeckIds | None, origin: str
) -> Agenda | None:
    fields = r.mapping(root, AGENDA_KEYS, "the agenda")
    if fields is None:
        return None
    title = r.text(fields, "title", required=True, where=root)
    default_id = clean_line(os.path.splitext(os.path.basename(path))[0])
    agenda_id = r.text(fields, "id") or default_id
    if "id" in fields and not agenda_id.isprintable():  # a no-break space pasted from the web
        odd = next(ch for ch in agenda_id if not ch.isprintable())
        r.problem(fields["id"], f"'id' holds the invisible character U+{ord(odd):04X}; "
                  "retype it with letters, digits and dashes")  # fmt: skip
    language = r.text(fields, "language") or "en"
    _check_language(r, fields, language)
    original = r.text(fields, "translation_of")
    if original is not None and original == agenda_id:
        r.problem(fields["translation_of"], f"'translation_of' names the agenda's own id "
                  f"'{original}'; name the agenda this one translates")  # fmt: skip
    group_size = _read_group_size(r, fields.get("group_size"))
    roles = [name for name, _ in r.text_list(fields, "roles")]
    brings = _content_list(r, fields, "brings")
    items_node = fields.get("items")
    items: list[Item] = []
    if items_node is None:
        if not r.misspelt(fields, "items"):
            r.problem(root, "'items' is required: a list of agenda items, each with a title")
    elif items_node.kind != "seq" or not items_node.items:
        r.problem(items_node, "'items' must be a non-empty list of agenda items")
    elif len(items_node.items) > MAX_ITEMS:
        r.problem(items_node, f"'items' holds {len(items_node.items):,} items; an agenda has at "
                  f"most {MAX_ITEMS}: split it")  # fmt: skip
    else:
        for node in items_node.items:
            item = _read_item(r, node, roles, known_decks)
            if item is not None:
                items.append(item)
    if title is None:
        return None
    return Agenda(
        id=agenda_id, title=title, items=tuple(items), description=r.text(fields, "description",
        one_line=False), language=language, translation_of=original, source=r.text(fields, "source", one_line=False),
        group_size=group_size, roles=tuple(roles), brings=brings, path=path, origin=origin,
    )  # fmt: skip


def _check_language(r: Reader, fields: dict[str, Node], language: str) -> None:
    if not is_language_tag(language):
        r.problem(fields["language"], f"'language' must be a language tag such as en, fr or pt-BR, "
                  f"not '{language}'")  # fmt: skip


def _read_group_size(r: Reader, node: Node | None) -> tuple[int, int] | None:
    if node is None:
        return None
    fields = r.mapping(node, ["min", "max"], "'group_size'")
    if fields is None:
        return None
    low = r.number(fields, "min", integer=True, maximum=_GROUP_CAP)
    high = r.number(fields, "max", integer=True, maximum=_GROUP_CAP)
    if low is not None and high is not None and low > high:
        r.problem(node, f"'group_size' min ({low:g}) is above max ({high:g}); swap them")
        return None
    if low is None and high is None:
        return None
    return (int(low or 1), int(high or 1000))


def _read_item(r: Reader, node: Node, roles: list[str], known_decks: DeckIds | None) -> Item | None:
    fields = r.mapping(node, ITEM_KEYS, "an agenda item")
    if fields is None:
        return None
    title = r.text(fields, "title", required=True, where=node)
    minutes = r.number(fields, "minutes", maximum=_MINUTES_CAP)
    per_person = r.number(fields, "per_person", maximum=_MINUTES_CAP)
    min_minutes = r.number(fields, "min_minutes", positive=False, maximum=_MINUTES_CAP)
    kind = r.choice(fields, "kind", KINDS, "open") or "open"
    flexible = r.boolean(fields, "flexible")
    protected = r.boolean(fields, "protected")
    where = fields.get("title", node)
    if (
        minutes is None
        and per_person is None
        and "minutes" not in fields
        and "per_person" not in fields
    ):
        r.problem(where, "the item needs 'minutes' (or 'per_person' for a round)")
    if per_person is not None and kind != "round":
        r.problem(fields["per_person"], "'per_person' is only for rounds; add 'kind: round'")
    if min_minutes is not None:
        if min_minutes < 0:
            r.problem(fields["min_minutes"], "'min_minutes' must be 0 or more")
        if not flexible:
            r.problem(fields["min_minutes"], "'min_minutes' only applies with 'flexible: true'")
        if minutes is not None and min_minutes > minutes:
            r.problem(
                fields["min_minutes"],
                f"'min_minutes' ({min_minutes:g}) is above 'minutes' ({minutes:g})",
            )
    if flexible and protected:
        r.problem(fields["protected"], "an item cannot be both 'flexible' and 'protected'")
    who_roles = _roles(r, fields, "who", roles)
    first = _role(r, fields, "first", roles)
    if first is not None and kind != "round":
        r.problem(fields["first"], "'first' orders a round's speakers; add 'kind: round'")
    when = r.choice(fields, "when", ["newcomer"], None)
    split = r.choice(fields, "split", SPLITS, None)
    if split is not None and kind == "round":
        r.problem(fields["split"], "'split' shares an item's time in slots; a round has its "
                  "turns already: remove 'split' or choose another kind")  # fmt: skip
    deck = r.text(fields, "deck")
    if "tags" in fields and deck is None:
        r.problem(fields["tags"], "'tags' choose questions from the item's 'deck'; add 'deck:'")
    if deck is not None and known_decks is not None and deck not in known_decks:
        close = difflib.get_close_matches(deck, sorted(known_decks), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "see 'facilitator decks list'"
        r.problem(fields["deck"], f"no question deck called '{deck}'; {hint}")
    record = _record(r, fields)
    if title is None:
        return None
    return Item(
        title=title, minutes=minutes, kind=kind, per_person=per_person,
        who=who_roles[0] if who_roles else None, who_also=who_roles[1:], first=first, when=when,
        record=None if record == OFF else record, off_record=record == OFF, deck=deck,
        draw=r.choice(fields, "draw", DRAWS, "group") or "group",
        advance=r.choice(fields, "advance", ADVANCES, "manual") or "manual",
        alternative=r.text(fields, "alternative", one_line=False),
        guidance=r.text(fields, "guidance", one_line=False), flexible=flexible,
        min_minutes=min_minutes, protected=protected,
        tags=tuple(t for t, _ in r.text_list(fields, "tags")), split=split,
        question=r.text(fields, "question", one_line=False), show=_content_list(r, fields, "show"),
    )  # fmt: skip


def _record(r: Reader, fields: dict[str, Node]) -> str | None:
    """'record': a kind, or 'off'. A YAML 1.1 reader takes a bare ``off`` (or ``no``) for false:
    false says off as well, so the schema and the loader agree whichever reader checks it."""
    node = fields.get("record")
    if node is not None and node.kind == "scalar" and scalar_value(node) is False:
        return OFF
    return r.choice(fields, "record", [*RECORDS, OFF], None)


def _content_list(r: Reader, fields: dict[str, Node], key: str) -> tuple[str, ...]:
    """A list of what a session brings (one name alone is a list of one)."""
    node = fields.get(key)
    if node is not None and node.kind == "scalar":
        named = [(clean_line(node.text), node)]
    else:
        named = r.text_list(fields, key)
    for name, where in named:
        if name not in CONTENT:
            r.problem(where, f"'{key}' may name {', '.join(CONTENT)}, not '{name}'")
    return tuple(dict.fromkeys(name for name, _ in named if name in CONTENT))


def _roles(r: Reader, fields: dict[str, Node], key: str, roles: list[str]) -> tuple[str, ...]:
    """'who': one role, or a list of them (``[coach, timekeeper]``)."""
    node = fields.get(key)
    if node is None or node.kind != "seq":
        role = _role(r, fields, key, roles)
        return (role,) if role else ()
    named = r.text_list(fields, key)
    if not named:
        r.problem(node, f"'{key}' must name at least one role")
    for role, where in named:
        _check_role(r, where, key, role, roles)
    return tuple(dict.fromkeys(role for role, _ in named))


def _role(r: Reader, fields: dict[str, Node], key: str, roles: list[str]) -> str | None:
    """A key that names one of the agenda's roles."""
    role = r.text(fields, key)
    if role is not None:
        _check_role(r, fields[key], key, role, roles)
    return role


def _check_role(r: Reader, where: Node, key: str, role: str, roles: list[str]) -> None:
    if role not in roles:
        close = difflib.get_close_matches(role, roles, n=1, cutoff=0.6)
        known = (
            f"did you mean '{close[0]}'?" if close
            else f"roles are: {', '.join(roles)}" if roles
            else "add it under 'roles:' at the top"
        )  # fmt: skip
        r.problem(where, f"'{key}' is '{role}', which is not one of the agenda's roles; {known}")
