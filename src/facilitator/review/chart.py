"""Planned-vs-actual bars and attendance drawn with block characters, as Rich ``Text``.

Used by ``facilitator sessions stats`` and by the review screen; user text is always plain
``Text``, never markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from facilitator.clock import local_datetime
from facilitator.review.queries import Stats
from facilitator.text import clean_line, ellipsize

_EIGHTHS = " ▏▎▍▌▋▊▉"
PLANNED = "grey62"
ON_TIME = "green"
OVER = "yellow"
PEOPLE = "cyan"


def bar(value: float, scale: float, width: int) -> str:
    """``value`` drawn in at most ``width`` cells, where ``scale`` fills them all."""
    if scale <= 0 or width <= 0 or value <= 0:
        return ""
    cells = min(float(width), value / scale * width)
    full = int(cells)
    part = int((cells - full) * 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")) or "▏"


def _label(text: str, width: int) -> str:
    text = ellipsize(clean_line(text), width)
    return text + " " * (width - cell_len(text))


Row = tuple[str, float, "float | None", str]


def comparison(rows: list[Row], width: int, everything: list[Row] | None = None) -> Text:
    """Two bars per row: (label, planned, actual, note); the actual one is yellow when over.
    Label width and scale come from ``everything`` (default: ``rows``)."""
    every = everything or rows
    label = min(24, max([cell_len(clean_line(r[0])) for r in every] + [4]))
    longest = max(cell_len(r[3]) for r in every) if every else 0
    room = max(8, width - label - 9 - 5 - longest)
    scale = max([r[1] for r in every] + [r[2] or 0.0 for r in every] + [1.0])
    out = Text()
    for title, planned, actual, note in rows:
        out.append(_label(title, label) + " planned ")
        out.append(bar(planned, scale, room), style=PLANNED)
        out.append(f" {planned:.0f}\n")
        out.append(" " * label + " actual  ")
        if actual is None:
            out.append("–")
        else:
            style = OVER if actual > planned * 1.05 + 0.5 else ON_TIME
            out.append(bar(actual, scale, room), style=style)
            out.append(f" {actual:.0f}")
        out.append(f"{note}\n")
    out.rstrip()
    return out


def stats_text(stats: Stats, width: int = 80) -> Text:
    sessions = stats.sessions
    out = Text()
    if not sessions:
        out.append("No sessions yet.")
        return out
    groups = sorted({s.group for s in sessions})
    of = clean_line(groups[0]) if len(groups) == 1 else f"{len(groups)} groups"
    first, last = (f"{local_datetime(s.at):%Y-%m-%d}" for s in (sessions[0], sessions[-1]))
    count = f"{len(sessions)} session" + ("s" if len(sessions) > 1 else "")
    out.append(f"Planned vs actual minutes · {of}\n", style="bold")
    out.append(f"last {count}, {first} to {last} · actual: mean (shortest–longest)\n\n",
               style="dim")  # fmt: skip
    blocks: dict[str, list[Row]] = {}
    for item in stats.items:
        note = ""
        if item.actual_min is not None and item.actual_max is not None:
            note = f" ({item.actual_min:.0f}–{item.actual_max:.0f})"
        if item.skipped:
            note += f" · skipped {item.skipped}×"
        rows = blocks.setdefault(item.agenda_title, [])
        rows.append((item.title, item.planned_mean, item.actual_mean, note))
    for title, rows in blocks.items():
        if len(blocks) > 1:
            out.append(clean_line(title) + "\n", style="bold")
        out.append_text(comparison(rows, width, [r for b in blocks.values() for r in b]))
        out.append("\n")
    out.append("\nAttendance\n", style="bold")
    most = max(s.people for s in sessions) or 1
    for s in sessions:
        out.append(f"{local_datetime(s.at):%Y-%m-%d}  ")
        out.append(bar(s.people, most, min(30, width - 20)), style=PEOPLE)
        out.append(f" {s.people}\n")
    if stats.people:
        out.append(f"\nWho came (of {len(sessions)})\n", style="bold")
        label = min(24, max(cell_len(clean_line(p)) for p, _ in stats.people))
        for person, times in stats.people:
            out.append(_label(person, label) + " ")
            out.append(bar(times, len(sessions), min(30, width - label - 8)), style=PLANNED)
            out.append(f" {times}\n")
    out.rstrip()
    return out
