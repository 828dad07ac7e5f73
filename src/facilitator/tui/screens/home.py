"""Home: the agendas (bundled and your own) with the timeline of the highlighted one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from facilitator.clock import local_datetime
from facilitator.i18n import _, ngettext, pgettext
from facilitator.tui.messages import OpenSetup, ResumeSession
from facilitator.tui.widgets.text import Plain
from facilitator.views.fitting import wrap_to

if TYPE_CHECKING:
    from facilitator.catalog import Entry
    from facilitator.formats.problems import Problem
    from facilitator.journal.store import Unfinished

ABOUT_LINES = 4  # of an agenda's description beside the list


@dataclass(frozen=True)
class Row:
    """One agenda of the list, as the list shows it (from its summary, or once it is read)."""

    id: str
    title: str
    language: str | None  # None: the file has errors
    origin: str


class AgendaList(OptionList):
    """The agendas; the highlighted one stays in view when lines appear below the list."""

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_highlight)


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "setup", "Set up a meeting", show=True),
        Binding("u", "resume", "Resume the unfinished meeting"),
        Binding("r", "review", "Review sessions"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, upcoming: list[str] | None = None, *, load_at_once: bool = True) -> None:
        super().__init__()
        self.entries: list[Entry[Any]] = []
        self._rows: list[Row | None] = []  # by option: an agenda, or a language's heading
        self._by_id: dict[str, Entry[Any]] = {}  # the agendas read, by id
        self._listed: list[Row] = []  # what the list shows, in the order it was given
        self.upcoming = upcoming or []
        # False when a meeting opens on top of Home at once (`facilitator run`): reading every
        # agenda then would only cost the meeting time and memory; they are read when the
        # meeting ends and Home is shown again.
        self._load_at_once = load_at_once
        self._loading = False
        self.unfinished: str | None = None  # a session to offer for resuming (u)

    def compose(self) -> ComposeResult:
        yield Plain(_("facilitator · choose an agenda, then press enter"), id="topbar")
        with Horizontal(id="home"):
            with Vertical(id="agenda-pick"):
                yield AgendaList(id="agendas")
                yield Plain(_("★ your own agenda"), id="legend")
            with Vertical(id="agenda-detail"):
                yield Plain("", id="agenda-title")
                yield Plain("", id="agenda-about")
                yield Plain("", id="agenda-timeline")
        yield Plain("", id="unfinished")
        yield Plain("\n".join(self.upcoming), id="upcoming")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#upcoming").display = bool(self.upcoming)
        self.query_one("#unfinished").display = False
        self.query_one("#legend").display = False  # until the group's own agendas are read
        self.query_one(OptionList).focus()
        if self._load_at_once:
            self._list_saved_summaries()

    def _list_saved_summaries(self) -> None:
        """The agendas as they were summarised last time, listed before the first frame when
        no file has changed since (nothing is parsed); the worker then reads them all."""
        from facilitator.catalog_cache import fresh_summaries

        found = fresh_summaries()
        if found and all(s.language is not None for s in found):
            self._list([Row(s.id, s.title, s.language, s.origin) for s in found])

    def show_upcoming(self, lines: list[str]) -> None:
        """The groups' next meetings, one line each (looked up after the first frame)."""
        self.upcoming = lines
        box = self.query_one("#upcoming", Plain)
        box.show("\n".join(lines))
        box.display = bool(lines)

    def on_screen_resume(self) -> None:
        if self._load_at_once:
            # After the first frame, so parsing does not compete with drawing it.
            self.call_after_refresh(self.load_agendas)
        self._load_at_once = True  # the next time Home is shown, in any case
        if self.entries:  # else once they are listed: the first frame and the list come first
            self.call_after_refresh(self.look_for_unfinished)

    def on_screen_suspend(self) -> None:
        # A meeting on top (resumed, or set up) may end what was unfinished; the palette or a
        # question over Home changes nothing, and the offer stays in the palette.
        if getattr(self.app, "meeting", None) is not None:
            self._show_unfinished([])

    @property
    def agendas_asked_for(self) -> bool:
        """Whether the agendas have been read, or are being read."""
        return self._loading

    def load_agendas(self) -> None:
        """Read the agendas in a thread (once), then list them."""
        if not self._loading:
            self._loading = True
            self.run_worker(self._load, thread=True, exclusive=True, group="catalog")

    def _load(self) -> None:
        """Agendas are read off the event loop, so the first frame comes at once."""
        from facilitator import catalog

        entries = catalog.agenda_entries()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill, entries)
        from facilitator.catalog_cache import agenda_summaries

        agenda_summaries()  # saved for the next first frame (only changed files are read)

    def look_for_unfinished(self) -> None:
        self.run_worker(self._look_for_unfinished, thread=True, exclusive=True, group="resume")

    def _look_for_unfinished(self) -> None:
        """A meeting left unfinished (a crash, a closed terminal) can be taken up again."""
        from facilitator.groupfolder import publish_pending
        from facilitator.journal.store import complete_records, unfinished_sessions

        try:
            complete_records()  # a meeting killed right after it ended still gets its record
            publish_pending()  # and a placed group's ended meetings go to its folder
            found = [u for u in unfinished_sessions() if not u.open_elsewhere]
        except OSError:  # the sessions folder cannot be read: nothing to offer, Home goes on
            found = []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_unfinished, found)

    def _show_unfinished(self, found: list[Unfinished]) -> None:
        """The newest meeting that can be resumed is offered; the others are counted."""
        offer = next((u for u in found if u.resumable), None)
        self.unfinished = offer.session if offer else None
        line = self.query_one("#unfinished", Plain)
        if offer is not None:
            today = local_datetime(self.app.clock.now()).date()  # type: ignore[attr-defined]
            said = (_("u resumes the newest of {count} unfinished meetings: {meeting}")
                    if len(found) > 1 else _("u resumes the unfinished meeting: {meeting}"))  # fmt: skip
            words = said.format(count=len(found), meeting=offer.describe(today))
        elif found:  # it stays where it is; a later version may read it
            said = _("An unfinished meeting cannot be read by this version: {session}")
            words = said.format(session=found[0].session)
        else:
            words = ""
        width = max(10, self.size.width - 2)  # two rows at most, ending in … when cut
        line.show("\n".join(wrap_to(words, width, 2)))
        line.display = bool(found)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.unfinished is not None if action == "resume" else True

    def action_resume(self) -> None:
        if self.unfinished is not None:
            self.post_message(ResumeSession(self.unfinished))
            self._show_unfinished([])  # a new look when Home is back

    def _fill(self, entries: list[Entry[Any]]) -> None:
        """The agendas read: listed again only where they differ from what is listed."""
        if not self.query(OptionList):  # the app closed while the agendas were read
            return
        self.entries = entries
        self._by_id = {entry.id: entry for entry in entries}
        rows = [Row(e.id, e.title, e.value.language if e.value is not None else None, e.origin)
                for e in entries]  # fmt: skip
        if rows != self._listed:
            self._list(rows)
        else:  # the same list: the highlighted agenda's details, now that it is read
            entry = self.entry_at(self.query_one(OptionList).highlighted)
            if entry is not None:
                self._show(entry)
        self.look_for_unfinished()

    def _list(self, rows: list[Row]) -> None:
        """The agendas, under a heading per language (the interface's first, then English)."""
        from facilitator.i18n import language as interface
        from facilitator.languages import by_language, heading

        options = self.query_one(OptionList)
        self._listed = rows
        self._rows = []
        options.clear_options()
        for language, group in by_language(rows, lambda row: row.language, interface()):
            options.add_option(Option(Text(heading(language), style="bold"), disabled=True))
            self._rows.append(None)
            for row in group:
                mark = "★ " if row.origin == "user" else "  "
                label = Text(f"{mark}{row.title}")
                if row.language is None:
                    label.append(_(" (has errors)"), style="red")
                options.add_option(Option(label, id=row.id))
                self._rows.append(row)
        self.query_one("#legend").display = any(row.origin == "user" for row in rows)
        if rows:
            options.highlighted = self._default_index()

    def _default_index(self) -> int:
        """The 150-minute meeting, in the interface's language when it has a twin in it (else
        the first agenda)."""
        from facilitator.i18n import language

        rows = [row.id if row is not None else None for row in self._rows]
        for wanted in (f"mutual-support-150-{language()}", "mutual-support-150"):
            if wanted in rows:
                return rows.index(wanted)
        return next(n for n, entry in enumerate(rows) if entry is not None)

    def entry_at(self, index: int | None) -> Entry[Any] | None:
        """The agenda on the list's row ``index`` (None: a language's heading, no row, or an
        agenda listed from its summary and not read yet)."""
        if index is None or not 0 <= index < len(self._rows):
            return None
        row = self._rows[index]
        return self._by_id.get(row.id) if row is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self.entry_at(event.option_index)
        if entry is not None:
            self._show(entry)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_setup()

    def _show(self, entry: Entry[Any]) -> None:
        from facilitator.schedule import format_offset, plan, scaling, total_minutes, typical_people
        from facilitator.timewords import length_words

        table = self.query_one("#agenda-timeline", Plain)
        table.show("")
        agenda = entry.value
        if agenda is None:
            count = len(entry.problems)
            said = ngettext("{title} has {count} error", "{title} has {count} errors", count)
            self.query_one("#agenda-title", Plain).show(said.format(title=entry.title, count=count))
            self.query_one("#agenda-about", Plain).show(
                f"{entry.where}\n"
                + _(
                    "Fix the file, then choose it again (facilitator agendas validate FILE checks it)."
                )
            )
            table.show("\n".join(self._problem_lines(entry)))
            return
        where = _("your own") if entry.origin == "user" else _("bundled")
        size = (
            " · " + _("{low}–{high} people").format(low=agenda.group_size[0], high=agenda.group_size[1])
            if agenda.group_size else ""
        )  # fmt: skip
        people = typical_people(agenda) if agenda.group_size or scaling(agenda)[1] else None
        length = length_words(total_minutes(agenda), total_minutes(agenda, people), people or 1)
        self.query_one("#agenda-title", Plain).show(f"{agenda.title} · {length}{size} · {where}")
        self.query_one("#agenda-about", Plain).show(self._about(agenda.description or ""))
        start, mins, item = (
            pgettext("plan", "start"),
            pgettext("plan", "min"),
            pgettext("plan", "item"),
        )
        lines = [f"{start:<8}{mins:>5}  {item}"]
        for slot in plan(agenda, people, True):
            note = _(" (if someone is new)") if slot.item.when == "newcomer" else ""
            if slot.item.per_person:  # the minutes shown are for the people assumed here
                note += _(" ({minutes} min each)").format(minutes=f"{slot.item.per_person:g}")
            lines.append(
                f"{format_offset(slot.start):<8}{slot.minutes:>5g}  {slot.item.title}{note}"
            )
        table.show("\n".join(lines))

    def _about(self, description: str) -> str:
        """The description in the lines it has, ending in "…" when cut."""
        return "\n".join(wrap_to(description, self._detail_width(), ABOUT_LINES))

    def _problem_lines(self, entry: Entry[Any]) -> list[str]:
        """Every problem that fits, wrapped; then how many more there are and where to see them."""
        width, room = self._detail_width(), self.query_one("#agenda-timeline").size.height or 99
        lines: list[str] = []
        for shown, problem in enumerate(entry.problems):
            wrapped = list(wrap_to(_short(problem), width, 3))
            if len(lines) + len(wrapped) > room - (shown + 1 < len(entry.problems)):
                more = len(entry.problems) - shown
                said = ngettext("… and {count} more: facilitator agendas validate {file}",
                                "… and {count} more: facilitator agendas validate {file}", more)  # fmt: skip
                lines.append(said.format(count=more, file=entry.where))
                break
            lines += wrapped
        return lines

    def _detail_width(self) -> int:
        return self.query_one("#agenda-detail").content_region.width or 40

    def on_resize(self) -> None:
        entry = self.entry_at(self.query_one(OptionList).highlighted)
        if entry is not None:
            self._show(entry)  # wrapped for the new width

    def action_setup(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        entry = self.entry_at(highlighted)
        if entry is None:
            row = self._rows[highlighted] if highlighted is not None and 0 <= highlighted < len(
                self._rows) else None  # fmt: skip
            if (
                row is not None and row.language is not None
            ):  # listed, not read yet: set-up reads it
                self.post_message(OpenSetup(row.id))
            return
        if entry.value is None:
            self.notify(
                _("This agenda has errors: fix them first (facilitator agendas validate)."),
                markup=False,
                severity="error",
            )
            return
        self.post_message(OpenSetup(entry.id))

    def action_review(self) -> None:
        try:
            from facilitator.tui.screens.review import ReviewScreen
        except ImportError:
            self.notify(_("Review is not available yet."), markup=False)
            return
        self.app.push_screen(ReviewScreen())


def _short(problem: Problem) -> str:
    """One problem for the Home panel: where in the file and what (the list of allowed keys,
    long and the same each time, is left to agendas validate)."""
    message = re.sub(r" \(allowed: [^)]*\)$", "", problem.message)
    said = _("line {line}, column {column}: {message}")
    return said.format(line=problem.line, column=problem.column, message=message)
