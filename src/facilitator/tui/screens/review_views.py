"""Views opened from Review: one session's record, stats, and the open follow-ups."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from facilitator.clock import local_datetime
from facilitator.i18n import N_, _, ngettext
from facilitator.journal.changes import Action
from facilitator.meeting.state import State
from facilitator.review.followup_change import FollowupChanges, after, owner_name, toggled
from facilitator.review.queries import Followup, Stats
from facilitator.text import clean_line
from facilitator.tui.screens.confirm import AskText
from facilitator.tui.widgets.text import Plain
from facilitator.views.review_words import (
    followup_changed,
    followup_not_changed,
    followup_unchanged,
    followup_words,
    followups_status,
    followups_title,
    listed,
    owner_choices,
    owner_placeholder,
    owner_question,
)


@dataclass
class Loaded(Message):
    """A view's data, read in a thread."""

    data: object


@dataclass
class Failed(Message):
    reason: str


def _fail(exc: Exception) -> Failed:
    return Failed(_("Could not read it: {error}").format(error=type(exc).__name__))


class _View(Screen[None]):
    """A title, a scrolling body filled once the data has arrived, and escape to go back."""

    CSS_PATH = "review.tcss"
    BINDINGS = [Binding("escape", "back", "Back")]
    heading_text = ""

    def compose(self) -> ComposeResult:
        yield Plain(self.heading_text, id="topbar")
        with VerticalScroll(classes="review-body"):
            yield Plain(_("Loading…"), classes="summary")
        yield Footer()

    @property
    def body(self) -> VerticalScroll:
        return self.query_one(".review-body", VerticalScroll)

    def _fill(self, parts: list[tuple[str, RenderableType]]) -> None:
        widgets: list[Static] = []
        for heading, renderable in parts:
            if heading:
                widgets.append(Plain(heading, classes="heading"))
            widgets.append(Static(renderable, classes="section"))
        self.body.mount_all(widgets)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one(".summary", Plain).show(message.reason)

    def action_back(self) -> None:
        self.app.pop_screen()

    @property
    def width(self) -> int:
        return max(40, self.app.size.width - 4)


@dataclass
class Record:
    state: State
    last: float
    open_refs: set[str]


class SessionScreen(_View):
    """One session: timeline planned vs actual, questions, what was said, follow-ups."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("x", "share", "Write share digest"),
        Binding("c", "copy_share", "Copy share digest"),
    ]

    def __init__(self, session: str, now: float | None = None) -> None:
        super().__init__()
        self.session = session
        self.now = now
        self.record: Record | None = None
        self.heading_text = _("Session {session}").format(session=session)

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="review-session")
    def load(self) -> None:
        from facilitator.groupfolder import locate
        from facilitator.journal.load import load
        from facilitator.meeting.events import JournalFormatError
        from facilitator.review.queries import open_followups

        try:
            loaded = load(locate(self.session))
            refs = {f.ref for f in open_followups(loaded.state.group or None)}
        except (OSError, JournalFormatError, sqlite3.Error) as exc:
            self.post_message(_fail(exc))
            return
        self.post_message(Loaded(Record(loaded.state, loaded.last, refs)))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        from facilitator.review.sessiontext import sections, summary

        record = message.data
        assert isinstance(record, Record)
        self.record = record
        self.query_one(".summary", Plain).show(summary(record.state, record.last).plain)
        self._fill(sections(record.state, record.last, self.width, record.open_refs))

    def action_share(self) -> None:
        if self.record is None:
            return
        self.write_share(self.record.state)

    def action_copy_share(self) -> None:
        """The share digest as plain text (what a mail or a list post wants) to the clipboard."""
        from facilitator.review.export_text import to_text
        from facilitator.review.share import share_digest, shared_entries
        from facilitator.text import clean
        from facilitator.views.review_words import digest_copied

        if self.record is None:
            return
        state = self.record.state
        self.app.copy_to_clipboard(to_text(clean(share_digest(state))))
        self.notify(digest_copied(len(shared_entries(state))), markup=False, timeout=8)

    @work(thread=True, group="review-share")
    def write_share(self, state: State) -> None:
        from facilitator import paths
        from facilitator.fsutil import atomic_write
        from facilitator.review.share import share_digest

        target: Path = paths.sessions_dir() / f"{self.session}.share.md"
        try:
            atomic_write(target, share_digest(state), mode=0o600)
        except OSError as exc:
            said = _("Could not write the digest: {error}").format(error=exc.strerror)
            self.app.call_from_thread(self.notify, said, markup=False, severity="error")
            return
        shared = sum(1 for e in state.entries.values() if e.share)
        said = ngettext("Share digest ({count} marked entry) written: {path}",
                        "Share digest ({count} marked entries) written: {path}", shared)  # fmt: skip
        self.app.call_from_thread(
            self.notify, said.format(count=shared, path=target), markup=False, timeout=8,
        )  # fmt: skip


class StatsScreen(_View):
    """Planned vs actual per item over the last sessions, and attendance."""

    def __init__(self, group: str | None = None, last: int = 10) -> None:
        super().__init__()
        self.group = group
        self.last = last
        self.heading_text = _("Stats") + (
            f" · {clean_line(group)}" if group else _(" · all groups")
        )

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="review-stats")
    def load(self) -> None:
        from facilitator.review.queries import stats

        try:
            result = stats(self.group, last=self.last)
        except Exception as exc:  # noqa: BLE001
            self.post_message(_fail(exc))
            return
        self.post_message(Loaded(result))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        from facilitator.review.chart import stats_text

        result = message.data
        assert isinstance(result, Stats)
        self.query_one(".summary").display = False
        self._fill([("", stats_text(result, self.width))])


class FollowupsScreen(Screen[None]):
    """Follow-ups nobody has marked done; enter opens the session they came from, x closes or
    reopens the one chosen, o gives it to someone else, a lists the done ones too."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("x,space", "toggle_done", "Done/reopen",
                tooltip=N_("mark the follow-up done, or open a done one again")),
        Binding("o", "owner", "Change owner", tooltip=N_("give the follow-up to someone else")),
        Binding("a", "every", "Done ones too",
                tooltip=N_("list the done follow-ups too, or only the open ones")),
    ]  # fmt: skip

    def __init__(self, group: str | None = None, now: float | None = None) -> None:
        super().__init__()
        self.group = group
        self.now = now
        self.items: list[Followup] = []  # every follow-up, the done ones too, newest first
        self.every = False  # a: the done ones are listed too
        self.kept: set[str] = set()  # changed here: listed even when done
        self.changes: FollowupChanges | None = None  # this visit's file(s) of changes

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#followup-table", DataTable)

    @property
    def shown(self) -> list[Followup]:
        """The rows listed, in order."""
        return listed(self.items, self.every, self.kept)

    @property
    def selected(self) -> Followup | None:
        rows = self.shown
        row = self.table.cursor_row
        return rows[row] if 0 <= row < len(rows) and self.table.row_count else None

    def compose(self) -> ComposeResult:
        yield Plain(self._title(), id="topbar")
        yield DataTable(id="followup-table", cursor_type="row", zebra_stripes=True)
        yield Plain(_("Loading…"), id="followup-status", classes="review-status")
        yield Footer()

    def _title(self) -> str:
        return followups_title(self.every) + (f" · {clean_line(self.group)}" if self.group else "")

    def on_mount(self) -> None:
        table = self.table
        for key, label, width in (("date", _("Date"), 10), ("group", _("Group"), 14),
                                  ("owner", _("Owner"), 12), ("due", _("Due"), 10),
                                  ("follow-up", _("Follow-up"), 32)):  # fmt: skip
            table.add_column(label, key=key, width=width)
        table.focus()
        self.load()

    def on_unmount(self) -> None:
        if self.changes is not None:
            self.changes.close()

    @work(thread=True, exclusive=True, group="review-followups")
    def load(self) -> None:
        from facilitator.review.queries import open_followups

        try:
            found = open_followups(self.group, closed=True)
        except Exception as exc:  # noqa: BLE001
            self.post_message(_fail(exc))
            return
        self.post_message(Loaded(found))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        assert isinstance(message.data, list)
        self.items = message.data
        self._list()

    def _cells(self, f: Followup) -> list[Text]:
        style = "strike dim" if f.done else ""
        return [Text(f"{local_datetime(f.at):%Y-%m-%d}", style=style),
                Text(clean_line(f.group), style=style), Text(clean_line(f.owner or "–"), style=style),
                Text(f.due or "–", style=style), Text(followup_words(f), style=style)]  # fmt: skip

    def _list(self, keep: str | None = None) -> None:
        """Fills the table again; the cursor stays on ``keep`` when it is still listed."""
        table = self.table
        table.clear()
        rows = self.shown
        for f in rows:
            table.add_row(*self._cells(f), key=f.ref)
        at = next((n for n, f in enumerate(rows) if f.ref == keep), None)
        if at is not None:
            table.move_cursor(row=at, animate=False)
        self._status()

    def _status(self) -> None:
        self.query_one("#followup-status", Plain).show(followups_status(self.shown, self.every))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#followup-status", Plain).show(message.reason)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        ref = event.row_key.value or ""
        if "/" in ref:
            self.app.push_screen(SessionScreen(ref.rsplit("/", 1)[0], self.now))

    def action_toggle_done(self) -> None:
        f = self.selected
        if f is not None:
            self.change(f, toggled(f))

    def action_owner(self) -> None:
        f = self.selected
        if f is None:
            return

        def given(typed: str | None) -> None:
            owner = owner_name(typed)
            if owner is not None:  # empty, or escape: nothing changes
                self.change(f, "owner", owner)

        self.app.push_screen(AskText(owner_question(f), owner_placeholder(),
                                     choices=owner_choices(self.items)), given)  # fmt: skip

    def action_every(self) -> None:
        chosen = self.selected
        self.every = not self.every
        self.query_one("#topbar", Plain).show(self._title())
        self._list(chosen.ref if chosen else None)

    def change(self, f: Followup, action: Action, owner: str | None = None) -> None:
        """Writes the change (appended, fsynced) and shows the row as it now is; a failed
        write is said and the row stays as it was."""
        if after(f, action, owner) is None:
            self.notify(followup_unchanged(f, action, owner), markup=False)
            return
        if self.changes is None:
            clock = getattr(self.app, "clock", None)
            self.changes = FollowupChanges(clock.now) if clock is not None else FollowupChanges()
        try:
            changed = self.changes.write(f, action, owner)
        except OSError as exc:
            self.notify(followup_not_changed(exc), markup=False, severity="error", timeout=10)
            return
        self.items = [changed if i.ref == f.ref else i for i in self.items]
        self.kept.add(f.ref)
        table = self.table
        for key, cell in zip(("date", "group", "owner", "due", "follow-up"), self._cells(changed)):
            table.update_cell(f.ref, key, cell)
        self._status()
        self.notify(followup_changed(changed, action, owner), markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()
