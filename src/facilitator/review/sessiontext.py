"""A past session as Rich renderables: the parts of the review screen's record view.

Pure Rich (no Textual). Everything users wrote goes into ``Text`` objects, never markup.
"""

from __future__ import annotations

from datetime import date

from rich.box import SIMPLE_HEAD
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from facilitator.clock import local_datetime
from facilitator.dates import due_day
from facilitator.i18n import _, language, ngettext
from facilitator.journal.record import met_words
from facilitator.meeting.projection import project
from facilitator.meeting.state import Entry, State
from facilitator.review.chart import Row, comparison
from facilitator.text import clean, clean_line

OPEN = "bold yellow"
SHARED = "cyan"


def _t(text: str | None) -> Text:
    return Text(clean(text or ""))


def summary(state: State, now: float) -> Text:
    start = state.started if state.started is not None else state.created
    parts = [clean_line(state.group) or _("no group"), clean_line(state.agenda.title),
             f"{local_datetime(start):%Y-%m-%d %H:%M}"]  # fmt: skip
    if state.started is not None:
        end = state.ended if state.ended is not None else state.last_event
        parts[-1] += f"–{local_datetime(end):%H:%M}"
        parts.append(
            _("{minutes} min of {planned} planned").format(
                minutes=f"{(end - state.started) / 60:.0f}", planned=f"{state.total:g}"
            )
        )
    people = len(state.attended)
    parts.append(ngettext("{count} person", "{count} people", people).format(count=people))
    text = Text(" · ".join(parts))
    if state.ended is None:
        text.append(" · " + _("unfinished"), style=OPEN)
    return text


def timeline(state: State, now: float, width: int) -> Text:
    notes = {"skipped": " " + _("skipped"), "pending": " " + _("not reached"),
             "current": " " + _("(running)")}  # fmt: skip
    rows: list[Row] = []
    for row in project(state, now).rows:
        actual = row.actual_seconds / 60 if row.actual_seconds is not None else None
        rows.append((row.title, row.planned_minutes, actual, notes.get(row.status, "")))
    return comparison(rows, width)


def brought(state: State) -> Text | None:
    """The session's topic, convening and supporting questions and reading (None: nothing)."""
    content = state.content
    lines = [(_("Topic: "), content.topic), (_("Question: "), content.question)]
    lines += [("• ", text) for text in content.supporting]
    lines.append((_("Reading: "), content.reading.line))
    out = Text()
    for label, text in lines:
        if text:
            out.append(label, style="dim")
            out.append_text(_t(text))
            out.append("\n")
    out.rstrip()
    return out if out.plain else None


def questions(state: State) -> Text | None:
    out = Text()
    for run in state.items:
        for draw in run.draws:
            out.append("• ")
            out.append_text(_t(draw.text))
            if draw.person:
                out.append(" " + _("(for {name})").format(name=clean_line(draw.person)),
                           style="dim")  # fmt: skip
            if draw.skipped:
                words = _("set aside for the alternative") if draw.aside else _("skipped")
                out.append(f" — {words}", style="dim")
            out.append("\n")
        if run.alternative:
            item = state.agenda.items[run.index]
            said = _("{title}: the alternative — ").format(title=clean_line(item.title))
            out.append(f"• {said}")
            out.append_text(_t(item.alternative))
            out.append("\n")
    out.rstrip()
    return out if out.plain else None


def _people(state: State, entries: list[Entry]) -> list[str]:
    order = list(state.attended)
    order += [e.person for e in entries if e.person and e.person not in order]
    said = {e.person or "" for e in entries}
    return [p for p in order if p in said] + ([""] if "" in said else [])


def _marks(entry: Entry, text: Text) -> Text:
    if entry.share:
        text.append(" ↗ " + (_("shared, named") if entry.named else _("shared")), style=SHARED)
    return text


def expectations(state: State) -> Table | None:
    hopes = [e for e in state.entries.values() if e.kind == "expectations"]
    ends = [e for e in state.entries.values() if e.kind == "conclusions"]
    if not hopes and not ends:
        return None
    table = Table(box=SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    columns = ((_("Person"), 2), (_("Expected"), 4), (_("Concluded"), 4), (_("Met"), 2))
    for column, ratio in columns:
        table.add_column(column, ratio=ratio, overflow="fold")
    for person in _people(state, hopes + ends):
        cells = []
        for group in (hopes, ends):
            said = [e for e in group if (e.person or "") == person]
            cell = Text()
            for number, entry in enumerate(said):
                cell.append("\n" if number else "")
                cell.append_text(_marks(entry, _t(entry.text)))
            cells.append(cell or Text("–", style="dim"))
        met = next((_(met_words(e.met)) for e in ends if (e.person or "") == person
                    and e.met is not None), "")  # fmt: skip
        table.add_row(Text(clean_line(person) or "–"), *cells, Text(met or "–"))
    return table


def _due(entry: Entry) -> str:
    """``due Fri, Dec 11`` in the interface's words; "" without a date (or a damaged one)."""
    try:
        due = date.fromisoformat(entry.due) if entry.due else None
    except ValueError:
        return ""
    return _("due {date}").format(date=due_day(due, language())) if due else ""


def entry_list(state: State, kind: str, open_refs: set[str] | None = None) -> Text | None:
    chosen = [e for e in state.entries.values() if e.kind == kind]
    out = Text()
    for entry in chosen:
        if kind == "followups":
            is_open = not entry.done and (open_refs is None or
                                           f"{state.session}/{entry.id}" in open_refs)  # fmt: skip
            mark = "○ " + _("open") if is_open else "✓ " + _("done")
            out.append(mark + "  ", style=OPEN if is_open else "green")
            line = _t(entry.text)
            if is_open:
                line.stylize(OPEN)
        else:
            out.append("• ")
            line = _t(entry.text)
        out.append_text(_marks(entry, line))
        who = entry.owner if kind == "followups" else entry.person
        if who:
            out.append(f" — {clean_line(who)}", style="dim")
        due = _due(entry) if kind == "followups" else ""
        if due:
            out.append(f" · {due}", style="dim")
        out.append("\n")
    out.rstrip()
    return out if out.plain else None


def sections(state: State, now: float, width: int,
             open_refs: set[str] | None = None) -> list[tuple[str, RenderableType]]:  # fmt: skip
    """(heading, body) pairs for every part of the record that has something in it."""
    parts: list[tuple[str, RenderableType | None]] = [
        (_("What the session brought"), brought(state)),
        (_("Timeline · planned vs actual minutes"), timeline(state, now, width)),
        (
            ngettext("Question drawn", "Questions drawn", sum(len(r.draws) for r in state.items)),
            questions(state),
        ),
        (_("Expectations and conclusions"), expectations(state)),
        (_("Notes"), entry_list(state, "notes")),
        (_("Follow-ups"), entry_list(state, "followups", open_refs)),
        (_("Decisions"), entry_list(state, "decisions")),
    ]
    return [(title, body) for title, body in parts if body is not None]
