"""A SQLite index of the session journals: a cache, deleted and rebuilt whenever in doubt.

Each journal is read again only when its size or modification time changed. The database
lives in the private cache folder (0700) and is itself 0600.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator import groupfolder, paths
from facilitator.journal import changes as follow
from facilitator.journal.load import load
from facilitator.meeting.events import FollowupDone, JournalFormatError, SessionContent
from facilitator.meeting.projection import project
from facilitator.text import clean, clean_line

# 7: when each question was drawn, what was retired (the question history); 8: what each
# session brought (its topic, convening and supporting questions, reading); 9: when a
# follow-up is due (entries.due, an ISO date)
SCHEMA_VERSION = 9
DB_NAME = "index.sqlite3"
BUSY_TIMEOUT = 10.0  # seconds to wait while another program updates the index

_TABLES = """
CREATE TABLE files(name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, session TEXT);
CREATE TABLE sessions(id TEXT PRIMARY KEY, grp TEXT, agenda_id TEXT, agenda_title TEXT,
  at REAL, started REAL, ended REAL, last_event REAL, planned_min REAL, actual_min REAL,
  participants TEXT, people INTEGER, finished INTEGER);
CREATE INDEX sessions_at ON sessions(at);
CREATE INDEX sessions_grp ON sessions(grp COLLATE NOCASE, at);
CREATE TABLE items(session TEXT, idx INTEGER, title TEXT, planned_min REAL, actual_min REAL,
  status TEXT, PRIMARY KEY(session, idx)) WITHOUT ROWID;
CREATE TABLE entries(rowid INTEGER PRIMARY KEY, session TEXT, id TEXT, item INTEGER, kind TEXT,
  text TEXT, person TEXT, owner TEXT, met INTEGER, share INTEGER, named INTEGER, done INTEGER,
  at REAL, due TEXT);
CREATE INDEX entries_session ON entries(session);
CREATE INDEX entries_kind ON entries(kind, done);
CREATE TABLE questions(rowid INTEGER PRIMARY KEY, session TEXT, item INTEGER, deck TEXT,
  text TEXT, person TEXT, skipped INTEGER, at REAL);
CREATE INDEX questions_session ON questions(session);
CREATE TABLE content(rowid INTEGER PRIMARY KEY, session TEXT, kind TEXT, text TEXT,
  person TEXT);
CREATE INDEX content_session ON content(session);
CREATE TABLE retired(session TEXT, text TEXT);
CREATE INDEX retired_session ON retired(session);
CREATE TABLE attendance(session TEXT, person TEXT, PRIMARY KEY(session, person)) WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance(person);
CREATE TABLE followups_done(session TEXT, ref TEXT, t REAL);
CREATE INDEX followups_done_ref ON followups_done(ref);
CREATE INDEX followups_done_session ON followups_done(session);
CREATE TABLE change_files(name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER);
CREATE TABLE changes(file TEXT, ref TEXT, t REAL, action TEXT, owner TEXT);
CREATE INDEX changes_ref ON changes(ref, t);
CREATE INDEX changes_file ON changes(file);
"""

_FTS = """
CREATE VIRTUAL TABLE entries_fts USING fts5(text, content='entries', content_rowid='rowid');
CREATE VIRTUAL TABLE questions_fts USING fts5(text, content='questions', content_rowid='rowid');
CREATE VIRTUAL TABLE content_fts USING fts5(text, content='content', content_rowid='rowid');
"""
_FTS_TABLES = ("entries", "questions", "content")
BULK = 100  # from this many journals to read, the text index is rebuilt in one pass

_SESSION_TABLES = (
    "sessions",
    "items",
    "entries",
    "questions",
    "content",
    "attendance",
    "followups_done",
    "retired",
)


@dataclass
class Refresh:
    """What one refresh did."""

    read: int = 0
    removed: int = 0
    problems: list[str] = field(default_factory=list)


def db_path() -> Path:
    return paths.cache_dir() / DB_NAME


def has_fts(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'entries_fts'").fetchone()
    return row is not None


def _fts_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.Error:
        return False
    return True


def _remove_db(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def _connect(path: Path) -> sqlite3.Connection:
    paths.ensure_private_dir(path.parent)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))  # created private, never via umask
    os.chmod(path, 0o600)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def _prepare(db: sqlite3.Connection) -> None:
    """Check the schema version; create the tables in an empty database. Two programs
    opening a new index at once are serialised by the write lock."""
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        db.execute("SELECT count(*) FROM files").fetchone()
        return
    with db:
        db.execute("BEGIN IMMEDIATE")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version != 0 or db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError(f"index version {version}, expected {SCHEMA_VERSION}")
        script = _TABLES + (_FTS if _fts_available() else "")
        for statement in filter(str.strip, script.split(";")):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def open_index(path: Path | None = None, *, refresh: bool = True) -> sqlite3.Connection:
    """The index, brought up to date with the journals. A damaged or outdated database is
    deleted and built again from the journals."""
    path = path or db_path()
    for attempt in (1, 2):
        db: sqlite3.Connection | None = None
        try:
            db = _connect(path)
            _prepare(db)
            if refresh:
                update(db)
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if attempt == 2 or _busy(exc):
                raise
            _remove_db(path)
    raise AssertionError("unreachable")


def _busy(exc: sqlite3.DatabaseError) -> bool:
    """Another program is writing the index: wait or fail, never delete it."""
    return isinstance(exc, sqlite3.OperationalError) and any(
        word in str(exc) for word in ("locked", "busy")
    )


def update(db: sqlite3.Connection) -> Refresh:
    """Read new and changed journals, in this laptop's data folder and in the folders its
    groups are placed in (:mod:`facilitator.groupfolder`); forget the ones that are gone."""
    report = Refresh()
    known = {name: (size, mtime) for name, size, mtime in db.execute(
        "SELECT name, size, mtime_ns FROM files")}  # fmt: skip
    seen: set[str] = set()
    changed: list[tuple[str, int, int]] = []
    where: dict[str, Path] = {}
    for path in groupfolder.journals():  # conflict copies: reported by `groups check`
        try:
            stat = path.stat()
        except OSError:
            continue  # gone while looking
        seen.add(path.name)
        where[path.name] = path
        if known.get(path.name) != (stat.st_size, stat.st_mtime_ns):
            changed.append((path.name, stat.st_size, stat.st_mtime_ns))
    gone = set(known) - seen
    _update_changes(db, groupfolder.change_folders(), report)
    if not changed and not gone:
        return report
    fts = has_fts(db)
    bulk = fts and len(changed) + len(gone) >= BULK
    with db:
        db.execute("BEGIN IMMEDIATE")
        for name in gone:
            _forget(db, name[: -len(".jsonl")], fts and not bulk)
            db.execute("DELETE FROM files WHERE name = ?", (name,))
            report.removed += 1
        for name, size, mtime in changed:
            session = name[: -len(".jsonl")]
            _forget(db, session, fts and not bulk)
            try:
                indexed = _index_journal(db, where[name], session)
            except OSError as exc:
                report.problems.append(f"{name}: {exc.strerror or exc}")
                continue
            if not indexed:
                report.problems.append(f"{name}: not a session journal")
            elif fts and not bulk:
                for table in _FTS_TABLES:
                    db.execute(
                        f"INSERT INTO {table}_fts(rowid, text) "
                        f"SELECT rowid, text FROM {table} WHERE session = ?",
                        (session,),
                    )
            db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                       (name, size, mtime, session if indexed else None))  # fmt: skip
            report.read += 1
        if bulk:
            for table in _FTS_TABLES:
                db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    return report


def _update_changes(db: sqlite3.Connection, folders: list[Path], report: Refresh) -> None:
    """Read new and grown files of follow-up changes; forget the ones that are gone. Each
    file's name is unique (device, time, random), so the same name in two folders is the same
    file, read once."""
    known = {name: (size, mtime) for name, size, mtime in db.execute(
        "SELECT name, size, mtime_ns FROM change_files")}  # fmt: skip
    seen: dict[str, tuple[int, int]] = {}
    where: dict[str, Path] = {}
    for folder in folders:
        for entry in follow.change_files(folder):
            if entry.name in seen:
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue
            seen[entry.name] = (stat.st_size, stat.st_mtime_ns)
            where[entry.name] = Path(entry.path)
    stale = [n for n in known if seen.get(n) != known[n]]
    fresh = [n for n in seen if seen[n] != known.get(n)]
    if not stale and not fresh:
        return
    with db:
        db.execute("BEGIN IMMEDIATE")
        for name in stale:
            db.execute("DELETE FROM changes WHERE file = ?", (name,))
            db.execute("DELETE FROM change_files WHERE name = ?", (name,))
        for name in fresh:
            try:
                found = list(follow.read(where[name], report.problems))
            except OSError as exc:
                report.problems.append(f"{name}: {exc.strerror or exc}")
                continue
            db.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?)",
                           [(name, c.ref, c.t, c.action, c.owner) for c in found])  # fmt: skip
            db.execute("INSERT INTO change_files VALUES (?, ?, ?)", (name, *seen[name]))


def _forget(db: sqlite3.Connection, session: str, fts: bool) -> None:
    if fts:
        for table in _FTS_TABLES:
            db.execute(
                f"INSERT INTO {table}_fts({table}_fts, rowid, text) "
                f"SELECT 'delete', rowid, text FROM {table} WHERE session = ?",
                (session,),
            )
    for table in _SESSION_TABLES:
        column = "id" if table == "sessions" else "session"
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", (session,))


def _people(attended: list[str]) -> list[str]:
    """Everyone who was there at some point (not who was set up but never came)."""
    return [p for p in dict.fromkeys(clean_line(str(p)) for p in attended) if p]


def _index_journal(db: sqlite3.Connection, path: Path, session: str) -> bool:
    try:
        loaded = load(path)
    except JournalFormatError:
        return False
    state, last = loaded.state, loaded.last
    rows = project(state, last).rows
    people = _people(state.attended)
    end = state.ended if state.ended is not None else state.last_event
    actual = (end - state.started) / 60 if state.started is not None else None
    db.execute(
        "INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (session, clean_line(state.group), clean_line(state.agenda.id),
         clean_line(state.agenda.title), state.started or state.created, state.started,
         state.ended, state.last_event, state.total, actual, json.dumps(people), len(people),
         int(state.ended is not None)),
    )  # fmt: skip
    db.executemany(
        "INSERT OR REPLACE INTO items VALUES (?,?,?,?,?,?)",
        [(session, r.index, clean_line(r.title), r.planned_minutes,
          r.actual_seconds / 60 if r.actual_seconds is not None else None, r.status)
         for r in rows],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO entries VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(session, e.id, e.item, e.kind, clean(str(e.text)), _name(e.person), _name(e.owner),
          e.met, int(bool(e.share)), int(bool(e.named)), int(bool(e.done)), e.at, e.due)
         for e in state.entries.values()],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO questions VALUES (NULL,?,?,?,?,?,?,?)",
        [(session, run.index, clean_line(d.deck), clean(d.text), _name(d.person),
          int(d.skipped), d.at) for run in state.items for d in run.draws],
    )  # fmt: skip
    db.executemany("INSERT INTO content VALUES (NULL, ?, ?, ?, NULL)",
                   [(session, kind, text) for kind, text in content_rows(state.content)])  # fmt: skip
    db.executemany("INSERT INTO retired VALUES (?, ?)",
                   [(session, clean(text)) for text in state.retired])  # fmt: skip
    db.executemany("INSERT OR IGNORE INTO attendance VALUES (?, ?)",
                   [(session, p) for p in people])  # fmt: skip
    db.executemany(
        "INSERT INTO followups_done VALUES (?, ?, ?)",
        [(session, e.ref, e.t) for e in loaded.events if isinstance(e, FollowupDone)],
    )  # fmt: skip
    return True


def content_rows(content: SessionContent) -> list[tuple[str, str]]:
    """What a session brought, as (kind, text) rows to search: ``convening`` is its question
    (``question`` is a question drawn from a deck)."""
    rows = [("topic", content.topic), ("convening", content.question)]
    rows += [("supporting", text) for text in content.supporting]
    rows.append(("reading", content.reading.line))
    return [(kind, clean_line(text)) for kind, text in rows if text]


def _name(value: Any) -> str | None:
    return clean_line(str(value)) if value else None
