"""Planned against actual minutes per item as CSV: one row per item and session.

For one session the rows come from its journal; for a whole group, from the review index (which
holds the same projection of each journal). A cell of users' text that a spreadsheet would run
as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is given a
leading apostrophe, as spreadsheets expect.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import astuple, dataclass

from facilitator.clock import local_datetime
from facilitator.meeting.projection import project
from facilitator.meeting.state import State
from facilitator.text import clean_line

COLUMNS = ("session", "date", "group", "agenda", "item_number", "item", "status",
           "planned_minutes", "actual_minutes", "difference_minutes")  # fmt: skip
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CsvRow:
    session: str
    date: str  # local time the session started (or was created), YYYY-MM-DD HH:MM
    group: str
    agenda: str
    item_number: int  # as in the record's timeline: 1 for the first item held or planned
    item: str
    status: str  # done | skipped | pending (never reached) | current (unfinished session)
    planned_minutes: str
    actual_minutes: str  # empty when the item never ran
    difference_minutes: str  # actual minus planned; empty when the item never ran


def safe_cell(text: str) -> str:
    text = clean_line(text)
    return "'" + text if text.startswith(_FORMULA) else text


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _row(session: str, at: float, group: str, agenda: str, number: int, title: str,
         status: str, planned: float, actual: float | None) -> CsvRow:  # fmt: skip
    return CsvRow(
        session, f"{local_datetime(at):%Y-%m-%d %H:%M}", safe_cell(group), safe_cell(agenda),
        number, safe_cell(title), status, _minutes(planned), _minutes(actual),
        "" if actual is None else _minutes(actual - planned),
    )  # fmt: skip


def session_rows(state: State, now: float) -> list[CsvRow]:
    at = state.started if state.started is not None else state.created
    return [
        _row(state.session, at, state.group, state.agenda.title, number, r.title, r.status,
             r.planned_minutes, r.actual_seconds / 60 if r.actual_seconds is not None else None)
        for number, r in enumerate(project(state, now).rows, 1)
    ]  # fmt: skip


def group_rows(group: str, db: sqlite3.Connection | None = None) -> list[CsvRow]:
    """Every session of ``group`` (any case), oldest first, item by item."""
    from facilitator.review.queries import item_rows

    rows: list[CsvRow] = []
    numbers: dict[str, int] = {}
    for r in item_rows(group, db=db):  # in agenda order within each session
        numbers[r.session] = numbers.get(r.session, 0) + 1
        rows.append(_row(r.session, r.at, r.group, r.agenda_title, numbers[r.session], r.title,
                         r.status, r.planned_min, r.actual_min))  # fmt: skip
    return rows


def to_csv(rows: list[CsvRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(astuple(r) for r in rows)
    return out.getvalue()
