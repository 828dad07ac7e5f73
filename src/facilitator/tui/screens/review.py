"""Review: past sessions, newest first, with a filter; enter opens one, s stats, f follow-ups.

The index is read and refreshed in a thread; rows are added a page at a time as the cursor
moves down, so ten thousand sessions open as fast as two hundred.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input

from facilitator.clock import local_datetime
from facilitator.i18n import _, ngettext
from facilitator.review.index import open_index
from facilitator.review.queries import SessionRow, list_sessions
from facilitator.text import clean_line
from facilitator.tui.widgets.text import Plain

PAGE = 200
FILTER_DELAY = 0.25  # seconds after the last key typed in the filter before the list follows
OVER = "yellow"
UNFINISHED = "◐"


@dataclass
class SessionsLoaded(Message):
    rows: list[SessionRow]
    query: str
    complete: bool = True  # False: only the first page, the rest follows


@dataclass
class LoadFailed(Message):
    reason: str


def length_cell(row: SessionRow) -> Text:
    actual = "–" if row.actual_min is None else f"{row.actual_min:.0f}"
    text = Text(f"{actual}/{row.planned_min:g}", justify="right")
    if row.actual_min is not None and row.actual_min > row.planned_min * 1.05 + 0.5:
        text.stylize(OVER)
    if not row.finished:
        text.append(f" {UNFINISHED}", style="dim")
    return text


def ago(seconds: float) -> str:
    days = int(seconds // 86400)
    if days < 1:
        return _("today")
    if days < 60:
        return ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    if days < 730:
        return ngettext("{count} month ago", "{count} months ago", days // 30).format(
            count=days // 30
        )
    return ngettext("{count} year ago", "{count} years ago", days // 365).format(count=days // 365)


class ReviewScreen(Screen[None]):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("s", "stats", "Stats"),
        Binding("f", "followups", "Follow-ups"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, group: str | None = None, now: float | None = None) -> None:
        super().__init__()
        self.group = group
        self.now = now
        self.rows: list[SessionRow] = []
        self.complete = False  # whether self.rows holds every matching session
        self.loaded = False  # the first answer (rows, or none, or a failure) is shown
        self._partial: str | None = None  # the filter whose first page is shown, rest to come
        self.shown = 0
        self.query_text = ""
        self.pending_filter: str | None = None  # typed, applied FILTER_DELAY after the last key
        self._debounce: Timer | None = None

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#sessions", DataTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#review-filter", Input)

    def compose(self) -> ComposeResult:
        title = _("Review · past sessions") + (f" · {clean_line(self.group)}" if self.group else "")
        yield Plain(title, id="topbar")
        yield Input(placeholder=_("/ to filter: group, agenda or words said"), id="review-filter")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Plain(_("Loading…"), id="review-status", classes="review-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        for label, key, width in ((_("Date"), "date", 16), (_("Group"), "group", 16),
                                  (_("Agenda"), "agenda", 15), (_("People"), "people", 6),
                                  (_("Min/plan"), "min", 9)):  # fmt: skip
            table.add_column(label, key=key, width=width)
        table.focus()
        self.load("")

    @work(thread=True, exclusive=True, group="review-load")
    def load(self, text: str) -> None:
        """The first page first, so it shows at once; then every matching session."""
        try:
            db = open_index()
            try:
                first = list_sessions(self.group, matching=text or None, limit=PAGE, db=db)
                if len(first) == PAGE:
                    self.post_message(SessionsLoaded(first, text, complete=False))
                    first = list_sessions(self.group, matching=text or None, db=db)
            finally:
                db.close()
        except Exception as exc:  # noqa: BLE001 - a worker must never crash the app
            said = _("The sessions could not be read: {error}")
            self.post_message(LoadFailed(said.format(error=type(exc).__name__)))
            return
        self.post_message(SessionsLoaded(first, text))

    @on(SessionsLoaded)
    def _loaded(self, message: SessionsLoaded) -> None:
        if message.query != self.query_text:
            return  # an older filter finished late
        if message.complete and not self.complete and self._partial == message.query:
            self.rows = message.rows  # the rest of the list: the shown rows stay as they are
            if self.table.cursor_row >= self.shown - 20:
                self._more()
        else:
            self.rows = message.rows
            self.shown = 0
            self.table.clear()
            self._more()
        self.complete = message.complete
        self._partial = None if message.complete else message.query
        self._status()
        self.loaded = True

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#review-status", Plain).show(message.reason)
        self.loaded = True

    def _more(self) -> None:
        chunk = self.rows[self.shown : self.shown + PAGE]
        table = self.table
        for r in chunk:
            table.add_row(Text(f"{local_datetime(r.at):%Y-%m-%d %H:%M}"), Text(clean_line(r.group)),
                          Text(clean_line(r.agenda_title)), Text(str(r.people), justify="right"),
                          length_cell(r), key=r.id)  # fmt: skip
        self.shown += len(chunk)

    def _status(self) -> None:
        count = len(self.rows)
        if not count:
            text = (_("No session matches “{words}”.").format(words=self.query_text)
                    if self.query_text else _("No sessions yet: finished meetings appear here."))  # fmt: skip
        else:
            more = "" if self.complete else "+"
            text = ngettext("{count} session", "{count} sessions", count).format(
                count=f"{count:,}{more}"
            )
            if self.query_text:
                text += _(" matching “{words}”").format(words=clean_line(self.query_text))
            now = self.now if self.now is not None else time.time()
            text += _(" · newest {when}").format(when=ago(now - self.rows[0].at))
            if self.shown < count:
                text += _(" · {count} listed, more as you scroll").format(count=f"{self.shown:,}")
            text += _(" · {mark} unfinished").format(mark=UNFINISHED)

        self.query_one("#review-status", Plain).show(text)

    @on(DataTable.RowHighlighted, "#sessions")
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.shown - 20 and self.shown < len(self.rows):
            self._more()
            self._status()

    @on(DataTable.RowSelected, "#sessions")
    def _open(self, event: DataTable.RowSelected) -> None:
        from facilitator.tui.screens.review_views import SessionScreen

        if event.row_key.value is not None:
            self.app.push_screen(SessionScreen(event.row_key.value, self.now))

    @on(Input.Changed, "#review-filter")
    def _typed(self, event: Input.Changed) -> None:
        self._stop_debounce()
        self.pending_filter = event.value.strip()
        self._debounce = self.set_timer(FILTER_DELAY, self.apply_filter)

    def apply_filter(self) -> None:
        """List the sessions matching the filter typed, without waiting for the pause after
        the last key (which calls this)."""
        self._stop_debounce()
        if self.pending_filter is not None:
            value, self.pending_filter = self.pending_filter, None
            self._apply(value)

    def _stop_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def _apply(self, value: str) -> None:
        if value != self.query_text:
            self.query_text = value
            self.load(value)

    @on(Input.Submitted, "#review-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        self._stop_debounce()
        self.pending_filter = None
        self._apply(event.value.strip())
        self.table.focus()

    def _highlighted(self) -> SessionRow | None:
        row = self.table.cursor_row
        return self.rows[row] if 0 <= row < min(self.shown, len(self.rows)) else None

    def action_filter(self) -> None:
        self.filter_input.focus()

    def action_stats(self) -> None:
        from facilitator.tui.screens.review_views import StatsScreen

        current = self._highlighted()
        group = self.group or (current.group if current else None)
        self.app.push_screen(StatsScreen(group))

    def action_followups(self) -> None:
        from facilitator.tui.screens.review_views import FollowupsScreen

        self.app.push_screen(FollowupsScreen(self.group, self.now))

    def action_back(self) -> None:
        if self.filter_input.has_focus:
            self.table.focus()
            return
        self.app.pop_screen()
