"""Questions asked of the index: sessions, text search, open follow-ups, planned vs actual.

Every function takes an optional open ``db``; without one the index is opened, brought up to
date with the journals and closed again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from facilitator.journal.changes import short_id
from facilitator.meeting.events import Carried
from facilitator.review.index import has_fts, open_index

When = float | dt.date | dt.datetime


@dataclass(frozen=True)
class SessionRow:
    id: str
    group: str
    agenda_id: str
    agenda_title: str
    at: float  # when it started (or was created, if never started)
    ended: float | None
    planned_min: float
    actual_min: float | None
    people: int
    finished: bool


@dataclass(frozen=True)
class Hit:
    session: str
    at: float
    group: str
    kind: str  # an entry kind, "question" (drawn), or what the session brought (index.content_rows)
    text: str
    person: str | None


@dataclass(frozen=True)
class Followup:
    session: str
    at: float
    group: str
    id: str
    text: str
    owner: str | None
    done: bool = False
    due: str | None = None  # an ISO date

    @property
    def ref(self) -> str:
        return f"{self.session}/{self.id}"

    @property
    def short(self) -> str:
        return short_id(self.ref)


@dataclass(frozen=True)
class ItemStats:
    agenda_title: str
    title: str
    runs: int  # sessions where the item took time (an unfinished session's running item aside)
    skipped: int
    planned_mean: float
    actual_mean: float | None
    actual_min: float | None
    actual_max: float | None


@dataclass
class Stats:
    sessions: list[SessionRow]  # oldest first
    items: list[ItemStats] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)  # sessions attended, most first


_SESSION_COLUMNS = (
    "s.id, s.grp, s.agenda_id, s.agenda_title, s.at, s.ended, s.planned_min, s.actual_min, "
    "s.people, s.finished"
)


@contextlib.contextmanager
def _opened(db: sqlite3.Connection | None) -> Iterator[sqlite3.Connection]:
    if db is not None:
        yield db
        return
    db = open_index()
    try:
        yield db
    finally:
        db.close()


def epoch(value: When, *, end_of_day: bool = False) -> float:
    """Seconds since the epoch; a date is its local midnight (the next one for ``end_of_day``)."""
    if isinstance(value, dt.datetime):
        return value.timestamp()
    if isinstance(value, dt.date):
        day = value + dt.timedelta(days=1) if end_of_day else value
        return dt.datetime(day.year, day.month, day.day).timestamp()
    return float(value)


def _session(row: tuple) -> SessionRow:  # type: ignore[type-arg]
    return SessionRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                      bool(row[9]))  # fmt: skip


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def list_sessions(group: str | None = None, agenda: str | None = None,
                  since: When | None = None, until: When | None = None, *,
                  matching: str | None = None, limit: int | None = None,
                  db: sqlite3.Connection | None = None) -> list[SessionRow]:  # fmt: skip
    """Sessions, newest first. ``agenda`` is an agenda id or title; ``until`` a date is
    inclusive; ``matching`` finds text in the group, the agenda title or what was said."""
    where: list[str] = ["1"]
    args: list[str | float] = []  # the values of the ?s, in order
    if group:
        where.append("s.grp = ? COLLATE NOCASE")
        args.append(group)
    if agenda:
        where.append("(s.agenda_id = ? COLLATE NOCASE OR s.agenda_title = ? COLLATE NOCASE)")
        args += [agenda, agenda]
    if since is not None:
        where.append("s.at >= ?")
        args.append(epoch(since))
    if until is not None:
        whole_day = isinstance(until, dt.date) and not isinstance(until, dt.datetime)
        where.append("s.at < ?" if whole_day else "s.at <= ?")
        args.append(epoch(until, end_of_day=True))
    with _opened(db) as conn:
        if matching and matching.strip():
            like = _like(matching.strip())
            options = ["s.grp LIKE ? ESCAPE '\\'", "s.agenda_title LIKE ? ESCAPE '\\'"]
            args += [like, like]
            words = _words(matching)
            for table in _TEXT_TABLES if words else ():
                source, condition, more = _matches(conn, table, words)
                options.append(f"s.id IN (SELECT e.session FROM {source} WHERE {condition})")
                args += more
            where.append("(" + " OR ".join(options) + ")")
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions s WHERE {' AND '.join(where)} "
        sql += "ORDER BY s.at DESC, s.id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return [_session(r) for r in conn.execute(sql, args)]


def _json_list(values: set[str]) -> str:
    import json

    return json.dumps(sorted(values))


_TEXT_TABLES = ("entries", "questions", "content")


def _matches(conn: sqlite3.Connection, table: str, words: list[str]) -> tuple[str, str, list[str]]:
    """(source, condition, arguments) selecting the rows of ``table`` (aliased ``e``) whose
    text holds every word: as word prefixes with full-text search, as substrings without."""
    if has_fts(conn):
        match = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
        return f"{table}_fts f JOIN {table} e ON e.rowid = f.rowid", f"{table}_fts MATCH ?", [match]
    condition = " AND ".join(["e.text LIKE ? ESCAPE '\\'"] * len(words))
    return f"{table} e", condition, [_like(w) for w in words]


def search(text: str, group: str | None = None, *, limit: int | None = 500,
           db: sqlite3.Connection | None = None) -> list[Hit]:  # fmt: skip
    """Entries, drawn questions and what sessions brought holding every word of ``text`` (as a word prefix with
    full-text search, anywhere in the text without it), newest first."""
    words = _words(text)
    if not words:
        return []
    hits: list[Hit] = []
    with _opened(db) as conn:
        for table in _TEXT_TABLES:
            source, condition, args = _matches(conn, table, words)
            kind = "'question'" if table == "questions" else "e.kind"
            if group:
                condition += " AND s.grp = ? COLLATE NOCASE"
                args.append(group)
            sql = (f"SELECT e.session, s.at, s.grp, {kind}, e.text, e.person FROM {source} "
                   f"JOIN sessions s ON s.id = e.session WHERE {condition} "
                   f"ORDER BY s.at DESC, e.session, e.rowid")  # fmt: skip
            hits += [
                Hit(*row)
                for row in conn.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), args)
            ]
    hits.sort(key=lambda h: (-h.at, h.session))
    return hits[:limit] if limit else hits


_FOLLOWUPS = (
    "SELECT e.session, s.at, s.grp, e.id, e.text, e.owner, e.done, e.at, e.due FROM entries e "
    "JOIN sessions s ON s.id = e.session WHERE (e.kind = 'followups' "
    "OR (e.kind = 'decisions' AND e.owner IS NOT NULL)) {group} "
    "ORDER BY s.at DESC, e.at"
)


def open_followups(group: str | None = None, *, closed: bool = False,
                   db: sqlite3.Connection | None = None) -> list[Followup]:  # fmt: skip
    """Follow-ups not marked done: in their session, by a later ``followup_done``, or between
    meetings (``journal.changes``), whichever came last; ``closed`` lists the done ones too.
    The owner is the latest one given between meetings, else the one said."""
    args: list[str] = [group] if group else []
    sql = _FOLLOWUPS.format(group="AND s.grp = ? COLLATE NOCASE" if group else "")
    with _opened(db) as conn:
        rows = conn.execute(sql, args).fetchall()
        marks = conn.execute("SELECT ref, t, 1, NULL FROM followups_done UNION ALL "
                             "SELECT ref, t, action, owner FROM changes").fetchall()  # fmt: skip
    state: dict[str, tuple[float, bool]] = {}  # ref -> (when, done) of the latest close/reopen
    owners: dict[str, tuple[float, str]] = {}
    for ref, t, action, owner in marks:
        if action == "owner":
            if ref not in owners or t >= owners[ref][0]:
                owners[ref] = (t, owner)
        elif ref not in state or t >= state[ref][0]:
            state[ref] = (t, action != "reopen")
    found: list[Followup] = []
    for session, at, grp, entry, text, owner, done, said, due in rows:
        ref = f"{session}/{entry}"
        mark = state.get(ref)
        is_done = mark[1] if mark is not None and mark[0] >= said else bool(done)
        if is_done and not closed:
            continue
        given = owners.get(ref)
        found.append(Followup(session, at, grp, entry, text, given[1] if given else owner,
                              is_done, due))  # fmt: skip
    return found


def stats(group: str | None = None, agenda: str | None = None, last: int = 10, *,
          db: sqlite3.Connection | None = None) -> Stats:  # fmt: skip
    """Planned vs actual minutes per agenda item over the last ``last`` sessions that ran,
    and who came."""
    with _opened(db) as conn:
        ran = [r for r in list_sessions(group, agenda, db=conn) if r.actual_min is not None]
        recent = ran[:last]
        recent.reverse()
        ids = _json_list({r.id for r in recent})
        items = conn.execute(
            "SELECT i.session, i.idx, i.title, i.planned_min, i.actual_min, i.status "
            "FROM items i WHERE i.session IN (SELECT value FROM json_each(?))",
            (ids,),
        ).fetchall()
        people = conn.execute(
            "SELECT person, count(*) FROM attendance WHERE session IN "
            "(SELECT value FROM json_each(?)) GROUP BY person ORDER BY count(*) DESC, person",
            (ids,),
        ).fetchall()
    titles = {r.id: r.agenda_title for r in recent}
    agendas = {r.id: r.agenda_id for r in recent}
    order = {r.id: n for n, r in enumerate(recent)}
    groups: dict[tuple[str, str], list[tuple[int, int, float, float | None, str]]] = {}
    for session, idx, title, planned, actual, status in items:
        key = (agendas[session], title)
        groups.setdefault(key, []).append((order[session], idx, planned, actual, status))
    result = Stats(recent, people=[(p, n) for p, n in people])
    rank: dict[str, int] = {}
    for row in reversed(recent):  # the agenda used most recently comes first
        rank.setdefault(row.agenda_id, len(rank))
    for key in sorted(groups, key=lambda k: (rank[k[0]], min(r[1] for r in groups[k]))):
        rows = groups[key]
        actual = [a for _, _, _, a, status in rows if a is not None and status != "current"]
        title = next(titles[r.id] for r in recent if r.agenda_id == key[0])
        result.items.append(ItemStats(
            title, key[1], len(actual), sum(1 for *_, s in rows if s == "skipped"),
            sum(p for _, _, p, _, _ in rows) / len(rows),
            sum(actual) / len(actual) if actual else None,
            min(actual) if actual else None, max(actual) if actual else None,
        ))  # fmt: skip
    return result


@dataclass(frozen=True)
class ItemRow:
    """One item of one session, planned against actual."""

    session: str
    at: float
    group: str
    agenda_title: str
    index: int
    title: str
    status: str
    planned_min: float
    actual_min: float | None


def item_rows(group: str, *, db: sqlite3.Connection | None = None) -> list[ItemRow]:
    """Every item of every session of ``group`` (any case), oldest session first."""
    with _opened(db) as conn:
        found = conn.execute(
            "SELECT s.id, s.at, s.grp, s.agenda_title, i.idx, i.title, i.status, i.planned_min, "
            "i.actual_min FROM sessions s JOIN items i ON i.session = s.id "
            "WHERE s.grp = ? COLLATE NOCASE ORDER BY s.at, s.id, i.idx",
            (group,),
        ).fetchall()
    return [ItemRow(*row) for row in found]


def carried_followups(group: str, limit: int | None = None) -> list[Carried]:
    """A group's open follow-ups as a new session carries them (``session_created.carried``).

    Never raises: a broken or locked cache must never stop a meeting from starting.
    """
    if not group:
        return []
    try:
        found = open_followups(group)
    except Exception:  # noqa: BLE001 - see the docstring
        return []
    return [Carried(f.ref, f.text, f.owner) for f in found[:limit]]
