"""Finding agendas and decks: bundled ones and the user's own, by id or by path.

User files shadow bundled ones with the same id. Loaded files are cached by modification time,
so listing and resolving stay fast with hundreds of files.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Generic, TypeVar, cast

from facilitator import paths
from facilitator.formats.agenda import Agenda, load_agenda
from facilitator.formats.deck import Deck, load_deck
from facilitator.formats.problems import FormatError, Problem
from facilitator.i18n import _
from facilitator.text import clean_line

T = TypeVar("T", Agenda, Deck)
R = TypeVar("R")


@dataclass
class Entry(Generic[T]):
    id: str
    path: Path
    origin: str  # "bundled" | "user"
    value: T | None = None
    problems: list[Problem] = field(default_factory=list)
    shadows: bool = False  # a user file that hides a bundled one with the same id
    guessed_title: str = ""  # of a file with errors (see guess_title)

    @property
    def title(self) -> str:
        if self.value is not None:
            return self.value.title
        return self.guessed_title or clean_line(self.path.name)

    @property
    def where(self) -> str:
        """The file's path as it may be shown (a file name can hold control characters)."""
        return clean_line(str(self.path))


_TITLE = re.compile(r"^title:[ \t]*(?P<value>.*)$", re.MULTILINE)


def guess_title(path: Path) -> str:
    """The title of a file that has errors, read from its top-level ``title:`` line when there
    is one (else the file's name), so its owner knows which of their files it is."""
    from facilitator.formats.yamlnodes import compose, scalar_value
    from facilitator.text import ellipsize

    try:  # a FIFO would block: only a regular file is opened, and without waiting
        if not stat.S_ISREG(os.stat(path).st_mode):
            return path.name
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, encoding="utf-8", errors="replace") as fh:
            found = _TITLE.search(fh.read(100_000))
    except OSError:
        return path.name
    if found is None:
        return clean_line(path.name)
    raw = found["value"]
    try:  # the line alone, as YAML: quotes, a '#' inside them, '' for an apostrophe
        node = compose(str(path), f"title: {raw}").get("title")
        value = scalar_value(node) if node is not None and node.kind == "scalar" else None
    except FormatError:  # e.g. control characters: the words as typed
        value = raw.split(" #")[0].strip().strip("'\"")
    title = clean_line(value) if isinstance(value, str) else ""
    return ellipsize(title, 60) if title.strip() else clean_line(path.name)


_cache: dict[tuple[str, Path], tuple[int, int, object]] = {}


def _cached(kind: str, path: Path, load: Callable[[], R]) -> R | FormatError:
    try:
        st = path.stat()
    except OSError:  # e.g. a dangling link: the loader says why it cannot be read
        try:
            return load()
        except FormatError as exc:
            return exc
    key = (kind, path)
    hit = _cache.get(key)
    if hit and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
        return cast("R | FormatError", hit[2])
    try:
        result: R | FormatError = load()
    except FormatError as exc:
        result = exc
    _cache[key] = (st.st_mtime_ns, st.st_size, result)
    return result


def _entries(
    kind: str, folders: list[tuple[Path, str]], load: Callable[[Path, str], T]
) -> list[Entry[T]]:
    by_id: dict[str, Entry[T]] = {}
    for folder, origin in folders:
        for path in paths.yaml_files(folder):
            result = _cached(kind, path, partial(load, path, origin))
            if isinstance(result, FormatError):
                title = _cached("title", path, partial(guess_title, path))
                entry: Entry[T] = Entry(clean_line(path.stem), path, origin, None, result.problems)
                entry.guessed_title = str(title)
            else:
                entry = Entry(result.id, path, origin, result)
            if entry.id in by_id and by_id[entry.id].origin != origin:
                entry.shadows = True
            by_id[entry.id] = entry
    return sorted(by_id.values(), key=lambda e: (e.origin != "user", e.id))


def deck_entries() -> list[Entry[Deck]]:
    return _entries(
        "deck",
        [(paths.bundled_decks(), "bundled"), (paths.user_decks(), "user")],
        lambda p, o: load_deck(str(p), origin=o),
    )


def deck_ids() -> set[str]:
    return {e.id for e in deck_entries() if e.value is not None}


class KnownDecks(Collection[str]):
    """The deck ids, read from disk only when an agenda names a deck (listing stays fast)."""

    def __init__(self) -> None:
        self._ids: set[str] | None = None

    @property
    def ids(self) -> set[str]:
        if self._ids is None:
            self._ids = deck_ids()
        return self._ids

    def __contains__(self, name: object) -> bool:
        return name in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def agenda_entries() -> list[Entry[Agenda]]:
    decks = deck_ids()
    return _entries(
        "agenda",
        [(paths.bundled_agendas(), "bundled"), (paths.user_agendas(), "user")],
        lambda p, o: load_agenda(str(p), decks, origin=o),
    )


def _is_path(name: str) -> bool:
    return "/" in name or name.endswith((".yaml", ".yml"))


def find_agenda(name: str) -> Agenda:
    """An agenda by id or by path; raises LookupError or FormatError."""
    if _is_path(name) or Path(name).is_file():
        path = Path(name)
        if not path.is_file():
            raise LookupError(f"{name}: no such file")
        return load_agenda(str(path), KnownDecks(), origin="file")
    quick = _from_summaries(name)
    if quick is not None:
        return quick
    for entry in agenda_entries():
        if entry.id == name:
            if entry.value is None:
                raise FormatError(entry.problems)
            return entry.value
    raise LookupError(f"no agenda called '{name}' (see 'facilitator agendas list')")


class _Known(Collection[str]):
    """Every deck an agenda names, known (see _from_summaries)."""

    def __contains__(self, name: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _from_summaries(name: str) -> Agenda | None:
    """The agenda ``name`` read alone, when the saved summaries are fresh and say which file
    it is (``run AGENDA`` then parses no other); None: look through them all."""
    from facilitator.catalog_cache import fresh_summaries

    found = fresh_summaries()
    hit = next((s for s in found or [] if s.id == name and s.language is not None), None)
    if hit is None:
        return None
    path = Path(hit.path)
    # Its decks were found when the summary was saved, and no deck file has changed since
    # (fresh_summaries checks): they need not be read again to check it.
    result = _cached("agenda", path, partial(load_agenda, str(path), _Known(), origin=hit.origin))
    if isinstance(result, FormatError) or result.id != name:
        return None  # changed in between: the whole look says what it is now
    return result


def find_deck(name: str, language: str | None = None) -> Deck:
    """A deck by id or path; with a language, prefer ``ID-LANG`` when it exists."""
    if _is_path(name):
        path = Path(name)
        if not path.is_file():
            raise LookupError(f"{name}: no such file")
        return load_deck(str(path))
    entries = {e.id: e for e in deck_entries()}
    if language and not language.startswith("en"):
        base = language.split("-")[0]
        for candidate in (f"{name}-{language}", f"{name}-{base}"):
            if candidate in entries and entries[candidate].value is not None:
                name = candidate
                break
    entry = entries.get(name)
    if entry is None:
        raise LookupError(f"no question deck called '{name}' (see 'facilitator decks list')")
    if entry.value is None:
        raise FormatError(entry.problems)
    return entry.value


def language_note(agenda: Agenda, language: str) -> str | None:
    """Says so when the agenda's questions cannot come in ``language`` (they will come from
    the deck as it is, in its own language)."""
    wanted = language.split("-")[0].casefold()
    missing = []
    for deck_id in dict.fromkeys(item.deck for item in agenda.items if item.deck):
        try:
            deck = find_deck(deck_id, language)
        except (LookupError, FormatError):
            continue  # reported where the agenda is checked
        if deck.language.split("-")[0].casefold() != wanted:
            missing.append(f"{deck.id} ({deck.language})")
    if not missing:
        return None
    said = _("No question deck in “{language}” for this agenda: questions come from {decks}.")
    return said.format(language=language, decks=", ".join(missing))


def twin_problems(agenda: Agenda) -> list[Problem]:
    """Where a translated agenda (``translation_of``) departs from its original's structure,
    or that its original cannot be found; positions are in the twin's file."""
    from facilitator.formats import twins
    from facilitator.formats.yamlnodes import read_file

    if agenda.translation_of is None or not agenda.path:
        return []
    root = read_file(agenda.path)
    try:
        original = find_agenda(agenda.translation_of)
    except LookupError:
        where = root.get("translation_of") or root
        close = difflib.get_close_matches(
            agenda.translation_of, [e.id for e in agenda_entries()], n=1, cutoff=0.6
        )
        hint = f"did you mean '{close[0]}'?" if close else "see 'facilitator agendas list'"
        message = f"'translation_of' names no agenda called '{agenda.translation_of}'; {hint}"
        return [Problem(agenda.path, where.line, where.column, message)]
    except FormatError:
        where = root.get("translation_of") or root
        message = (f"'translation_of' names '{agenda.translation_of}', which has errors: "
                   "fix it first (facilitator agendas validate)")  # fmt: skip
        return [Problem(agenda.path, where.line, where.column, message)]
    return twins.problems(agenda.path, root, agenda, original)
