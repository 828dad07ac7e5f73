"""What the meeting and the entries list say of a follow-up's due date (no Textual)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from facilitator.dates import due_day
from facilitator.i18n import _, language
from facilitator.meeting.state import Entry
from facilitator.text import clean_line


def when(due: str | None, year: int | None = None) -> str:
    """The due date in the interface's words (``Fri, Dec 11``); "" for none or a damaged one."""
    return _when(due, year, language()) if due else ""


@lru_cache(maxsize=256)  # the meeting's entries redraw every second; their dates seldom change
def _when(due: str, year: int | None, language: str) -> str:
    try:
        day = date.fromisoformat(due)
    except ValueError:
        return ""
    return due_day(day, language, year)


def due_mark(entry: Entry, year: int | None = None) -> str:
    """Beside a follow-up in a list: ``due Fri, Dec 11`` ("" when it has no due date)."""
    said = when(entry.due, year)
    return _("due {date}").format(date=said) if said else ""


def due_notice(entry: Entry, year: int | None = None) -> str | None:
    """The notice after a follow-up is written whose words gave a due date, so the facilitator
    can confirm it; None when they gave none."""
    said = when(entry.due, year)
    if entry.kind != "followups" or not said:
        return None
    if entry.owner:
        text = _("Follow-up for {name}, due {date} — E to change")
        return text.format(name=clean_line(entry.owner), date=said)
    return _("Follow-up due {date} — E to change").format(date=said)


def due_question() -> str:
    return _("When is it due? (Friday, 15 Dec, 15/12; empty: no date)")


def due_value(entry: Entry) -> str:
    """What the due date's field holds when it opens: the date as ISO, ready to change."""
    return entry.due or ""


def not_a_followup() -> str:
    return _("Only a follow-up has a due date.")


def not_a_date(typed: str) -> str:
    return _("“{typed}” is not a date: try Friday, 15 Dec or 15/12.").format(typed=typed)


def due_changed(entry: Entry, year: int | None = None) -> str:
    said = when(entry.due, year)
    return _("Due {date}.").format(date=said) if said else _("No due date.")
