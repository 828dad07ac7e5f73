"""A session's record as a standalone HTML page: readable on screen, and with print styles so a
browser's "Save as PDF" gives clean pages.

The body is the record's own Markdown rendered by markdown-it-py (``review.markdown``), after a
chart of planned against actual minutes per item. Users' text is escaped everywhere; the page
loads nothing (its Content-Security-Policy forbids anything but its own styles).
"""

from __future__ import annotations

from html import escape

from facilitator.i18n import Translations, group_words
from facilitator.journal.record import render
from facilitator.meeting.projection import project
from facilitator.meeting.state import State
from facilitator.review.markdown import to_html
from facilitator.text import clean, clean_line, is_language_tag

PLANNED = "#8899aa"  # the planned bar
ACTUAL = "#2f7d4f"  # an item held in its time
OVER = "#c77c00"  # an item that took longer than planned
ENTRIES = "#3a6ea5"  # the rule beside every list of entries

STYLE = f"""
:root {{ color-scheme: light; }}
body {{ font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1d2430; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }}
h2 {{ font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid #d5dbe3; }}
ul {{ padding-left: 1.1rem; margin: .4rem 0; }}
h2 + ul {{ border-left: 4px solid {ENTRIES}; }}
li {{ margin: .25rem 0 .25rem .4rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .92rem; margin: .4rem 0; }}
th, td {{ border: 1px solid #d5dbe3; padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }}
th {{ background: #eef2f7; }}
code {{ font-size: .9em; }}
.chart {{ margin: 1.2rem 0 .5rem; }}
.chart .row {{ display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .2rem .8rem;
  align-items: center; margin: .35rem 0; }}
.chart .label {{ overflow-wrap: anywhere; font-size: .92rem; }}
.chart .bars div {{ height: .7rem; margin: .12rem 0; border-radius: 2px; min-width: 2px; }}
.chart .planned {{ background: {PLANNED}; }}
.chart .actual {{ background: {ACTUAL}; }}
.chart .over {{ background: {OVER}; }}
.chart .minutes {{ font-size: .8rem; color: #4a5563; }}
.chart .key span {{ display: inline-block; width: .8rem; height: .6rem; margin: 0 .3rem 0 .8rem; }}
@page {{ margin: 16mm 14mm; }}
@media print {{
  body {{ margin: 0; max-width: none; font-size: 11pt; }}
  h2 {{ break-after: avoid; }}
  tr, li, .chart .row {{ break-inside: avoid; }}
  .chart div, .chart span, th {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"


def page(title: str, body: str, language: str = "en") -> str:
    """A whole HTML document around ``body`` (already HTML); ``title`` is escaped here."""
    lang = language if is_language_tag(language) else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(clean_line(title))}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _bar(kind: str, minutes: float, scale: float) -> str:
    width = max(0.0, min(100.0, minutes / scale * 100)) if scale > 0 else 0.0
    return f'<div class="{kind}" style="width:{width:.1f}%"></div>'


def chart(state: State, now: float) -> str:
    """Planned against actual minutes, one pair of bars per item, in the group's language."""
    rows = project(state, now).rows
    if not rows:
        return ""
    t = group_words(state.agenda.language)
    actuals = [r.actual_seconds / 60 for r in rows if r.actual_seconds is not None]
    scale = max([r.planned_minutes for r in rows] + actuals + [1.0])
    out = [f'<section class="chart" aria-label="{escape(t.gettext("Minutes per item"))}">',
           f'<p class="minutes key">{escape(t.gettext("Minutes per item"))}:'
           f'<span style="background:{PLANNED}"></span>{escape(t.pgettext("timeline", "planned"))}'
           f'<span style="background:{ACTUAL}"></span>{escape(t.pgettext("timeline", "actual"))}'
           f'<span style="background:{OVER}"></span>{escape(t.gettext("longer than planned"))}'
           "</p>"]  # fmt: skip
    for row in rows:
        actual = row.actual_seconds / 60 if row.actual_seconds is not None else None
        over = actual is not None and actual > row.planned_minutes * 1.05 + 0.5
        said = escape(_said(t, row.planned_minutes, actual, row.status == "skipped"))
        bars = _bar("planned", row.planned_minutes, scale)
        if actual is not None:
            bars += _bar("over" if over else "actual", actual, scale)
        out.append(
            f'<div class="row"><div class="label">{escape(clean_line(row.title))}</div>'
            f'<div class="bars">{bars}<span class="minutes">{said}</span></div></div>'
        )
    out.append("</section>")
    return "\n".join(out) + "\n"


def _said(t: Translations, planned: float, actual: float | None, skipped: bool) -> str:
    if actual is None:
        said = t.gettext("{planned} planned, not held").format(planned=f"{planned:.0f}")
    else:
        said = t.gettext("{planned} planned, {actual} actual").format(
            planned=f"{planned:.0f}", actual=f"{actual:.0f}"
        )
    return said + (t.gettext(" (skipped)") if skipped else "")


def record_html(state: State, now: float) -> str:
    """The session's record as a page: its header, the chart, then the record's sections."""
    body = to_html(clean(render(state, now)))
    at = body.find("<h2>")
    body = body + chart(state, now) if at < 0 else body[:at] + chart(state, now) + body[at:]
    return page(state.agenda.title, body, state.agenda.language)


def digest_html(markdown: str, title: str, language: str = "en") -> str:
    """A share digest (Markdown) as a page."""
    return page(title, to_html(clean(markdown)), language)
