"""A rebuildable cache of what ``agendas list`` shows, so listing hundreds of files stays fast.

Each agenda file is summarised once (id, title, minutes, valid or not) and re-read only when its
size or modification time changes, or when the decks change (an agenda is only valid if its decks
exist). The files stay the truth: the cache can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from facilitator import paths
from facilitator.fsutil import atomic_write
from facilitator.text import clean_line

VERSION = 5  # 2: a file with errors is listed by its title; 3: stamps hold the file's mode;
# 4: how the length grows with the number of people; 5: summaries hold the agenda's language


@dataclass(frozen=True)
class Summary:
    id: str
    title: str
    minutes: float | None  # for ``people``; None: the file has errors
    origin: str
    path: str
    shadows: bool = False
    each: float = 0.0  # minutes each person adds (rounds with per_person)
    people: int = 6  # how many people the length is shown for by default
    written: float | None = None  # the length the agenda's own minutes add up to
    language: str | None = None  # None: the file has errors

    def minutes_for(self, people: int) -> float | None:
        """The length for ``people`` (None: the file has errors)."""
        if self.minutes is None:
            return None
        return self.minutes - self.each * self.people + self.each * people


def _stamp(path: Path) -> list[int]:
    try:
        st = path.stat()
    except OSError:  # a dangling link: listed as unreadable until it changes
        return [-1, -1]
    return [st.st_size, st.st_mtime_ns, st.st_mode]


def _decks_key() -> str:
    files = paths.yaml_files(paths.bundled_decks()) + paths.yaml_files(paths.user_decks())
    return json.dumps([[str(p), *_stamp(p)] for p in files])


def _summarise(path: Path, origin: str, decks: Collection[str]) -> dict[str, object]:
    from facilitator import catalog
    from facilitator.formats.agenda import load_agenda
    from facilitator.formats.problems import FormatError
    from facilitator.schedule import scaling, total_minutes, typical_people

    try:
        agenda = load_agenda(str(path), decks, origin=origin)
    except FormatError:
        return {"id": clean_line(path.stem), "title": f"{catalog.guess_title(path)} (has errors)",
                "minutes": None}  # fmt: skip
    people = typical_people(agenda)
    return {"id": agenda.id, "title": agenda.title, "minutes": total_minutes(agenda, people),
            "written": total_minutes(agenda), "each": scaling(agenda)[1],
            "people": people, "language": agenda.language}  # fmt: skip


def _summary(entry: dict[str, object], origin: str, path: Path) -> Summary:
    minutes, each, people = entry["minutes"], entry.get("each"), entry.get("people")
    written = entry.get("written", minutes)
    return Summary(
        str(entry["id"]),
        str(entry["title"]),
        float(minutes) if isinstance(minutes, (int, float)) else None,
        origin,
        str(path),
        each=float(each) if isinstance(each, (int, float)) else 0.0,
        people=people if isinstance(people, int) else 6,
        written=float(written) if isinstance(written, (int, float)) else None,
        language=str(entry["language"]) if entry.get("language") else None,
    )


def fresh_summaries() -> list[Summary] | None:
    """The saved summaries, when every agenda and deck file is as it was when they were
    written (the same files, sizes, times and modes); else None. Nothing is parsed, so Home
    can list its agendas in its first frame."""
    try:
        cached = json.loads((paths.cache_dir() / "agendas.json").read_text(encoding="utf-8"))
        if cached.get("version") != VERSION or cached.get("decks") != _decks_key():
            return None
        files = cached["files"]
        by_id: dict[str, Summary] = {}
        seen = 0
        for folder, origin in (
            (paths.bundled_agendas(), "bundled"),
            (paths.user_agendas(), "user"),
        ):
            for path in paths.yaml_files(folder):
                entry = files.get(str(path))
                if not entry or entry.get("stamp") != _stamp(path):
                    return None
                seen += 1
                summary = _summary(entry, origin, path)
                if summary.id in by_id and by_id[summary.id].origin != origin:
                    summary = Summary(**{**summary.__dict__, "shadows": True})
                by_id[summary.id] = summary
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return None
    if seen != len(files):  # a file was removed
        return None
    return sorted(by_id.values(), key=lambda s: (s.origin != "user", s.id))


def agenda_summaries() -> list[Summary]:
    cache_file = paths.cache_dir() / "agendas.json"
    decks = _decks_key()
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
        if cached.get("version") != VERSION or cached.get("decks") != decks:
            cached = {}
    except (OSError, ValueError, AttributeError):
        cached = {}
    files: dict[str, dict[str, object]] = cached.get("files", {}) if cached else {}
    fresh: dict[str, dict[str, object]] = {}
    by_id: dict[str, Summary] = {}
    from facilitator import catalog

    known = catalog.KnownDecks()
    for folder, origin in ((paths.bundled_agendas(), "bundled"), (paths.user_agendas(), "user")):
        for path in paths.yaml_files(folder):
            stamp = _stamp(path)
            hit = files.get(str(path))
            entry = hit if hit and hit.get("stamp") == stamp else {
                "stamp": stamp, **_summarise(path, origin, known)}  # fmt: skip
            fresh[str(path)] = entry
            summary = _summary(entry, origin, path)
            if summary.id in by_id and by_id[summary.id].origin != origin:
                summary = Summary(**{**summary.__dict__, "shadows": True})
            by_id[summary.id] = summary
    if fresh != files:
        with contextlib.suppress(OSError):
            paths.ensure_private_dir(cache_file.parent)
            atomic_write(cache_file, json.dumps({"version": VERSION, "decks": decks,
                                                 "files": fresh}))  # fmt: skip
    return sorted(by_id.values(), key=lambda s: (s.origin != "user", s.id))
