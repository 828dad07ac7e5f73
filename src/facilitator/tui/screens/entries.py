"""This item's entries: add for anyone, edit, remove, mark to share."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.clock import local_datetime
from facilitator.i18n import _, language
from facilitator.journal.record import met_words
from facilitator.meeting.due import due_typed
from facilitator.meeting.meeting import Meeting
from facilitator.meeting.state import Entry
from facilitator.tui.screens.confirm import AskText, Confirm, PickOne
from facilitator.tui.widgets.text import Plain
from facilitator.views.due_words import (
    due_changed,
    due_mark,
    due_question,
    due_value,
    not_a_date,
    not_a_followup,
)
from facilitator.views.meeting_words import named_mark, never_shared, off_record_mark


class EntriesScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("a", "add", "Add for someone"),
        Binding("f", "add_followup", "Follow-up for someone"),
        Binding("enter", "edit", "Edit", priority=True),
        Binding("delete,backspace", "remove", "Remove"),
        Binding("x", "share", "Share"),
        Binding("n", "named", "Name it when shared"),
        Binding("d", "due", "Due date"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Plain(_("Entries of this item"), classes="dialog-title")
            yield Plain(_("Nothing written for this item yet: a adds an entry."), id="empty")
            yield OptionList(id="entry-list")
            yield Plain(
                _(
                    "a: add for someone · f: follow-up · enter: edit · d: due date · "
                    "delete: remove · x: share · n: with the name · escape: close"
                ),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._fill()

    def _entries(self) -> list[Entry]:
        return self.meeting.entries(self.meeting.state.current)

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for entry in self._entries():
            options.add_option(Option(Text(self._label(entry)), id=entry.id))
        if options.option_count:
            options.highlighted = min(highlighted or 0, options.option_count - 1)
        self.query_one("#empty", Plain).display = not options.option_count

    def _label(self, entry: Entry) -> str:
        owned = entry.kind in ("followups", "decisions")
        who = (entry.owner or entry.person if owned else entry.person or entry.owner) or ""
        words = entry.text or _("(no words, only a rating)")
        extra = f" ({_(met_words(entry.met))})" if entry.met is not None else ""
        share = "  " + _("[to share]") if entry.share else ""
        if entry.named:
            share += "  " + named_mark()
        if entry.off:
            share = "  " + off_record_mark()
        due = due_mark(entry, self._year())
        extra += f"  · {due}" if due else ""
        return f"{who}: {words}{extra}{share}" if who else f"{words}{extra}{share}"

    def _year(self) -> int:
        return local_datetime(self.meeting.now()).year

    def _current(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def action_close(self) -> None:
        self.dismiss(None)

    def action_add(self) -> None:
        m = self.meeting
        item = m.agenda.items[m.state.current]
        kind = item.record or "notes"

        def got_text(person: str | None, text: str | None) -> None:
            if text and kind == "followups":  # whom it was added for does it
                m.add_entry(kind, text, owner=person)
            elif text:
                m.add_entry(kind, text, person=person)
            self._fill()

        def got_person(person: str | None) -> None:
            if person is None:
                return
            asked = _("Entry for {name}").format(name=person)
            self.app.push_screen(AskText(asked), lambda t: got_text(person, t))

        if item.is_round:
            self.app.push_screen(PickOne(_("For whom?"), list(m.state.participants)), got_person)
        else:
            self.app.push_screen(AskText(_("New entry")), lambda t: got_text(None, t))

    def action_add_followup(self) -> None:
        """A follow-up on this item, whatever it keeps, owned by the person picked."""
        m = self.meeting

        def got_text(person: str, text: str | None) -> None:
            if text:
                m.add_entry("followups", text, owner=person)
            self._fill()

        def got_person(person: str | None) -> None:
            if person is not None:
                asked = _("Follow-up for {name}").format(name=person)
                self.app.push_screen(AskText(asked), lambda t: got_text(person, t))

        self.app.push_screen(PickOne(_("For whom?"), list(m.state.participants)), got_person)

    def action_edit(self) -> None:
        entry_id = self._current()
        if entry_id is None:
            return
        entry = self.meeting.entry(entry_id)

        def done(text: str | None) -> None:
            if text:
                self.meeting.rewrite(entry_id, text)
            self._fill()

        screen = AskText(_("Edit the entry"), value=entry.text)
        self.app.push_screen(screen, done)

    def action_remove(self) -> None:
        entry_id = self._current()
        if entry_id is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.meeting.remove_entry(entry_id)
            self._fill()

        label = self._label(self.meeting.entry(entry_id))
        self.app.push_screen(Confirm(_("Remove this entry?") + f"\n\n{label}"), done)

    def action_share(self) -> None:
        entry_id = self._current()
        if entry_id is not None:
            entry = self.meeting.entry(entry_id)
            if entry.off:
                self.notify(never_shared(), markup=False)
                return
            self.meeting.edit_entry(entry_id, share=not entry.share)
            self._fill()

    def action_named(self) -> None:
        """Whether the name beside the entry may go with it when it is shared."""
        entry_id = self._current()
        if entry_id is not None:
            entry = self.meeting.entry(entry_id)
            if entry.off:
                self.notify(never_shared(), markup=False)
                return
            self.meeting.edit_entry(entry_id, named=not entry.named)
            self._fill()

    def action_due(self) -> None:
        """A follow-up's due date changed (a weekday, a date, 15/12) or removed (empty)."""
        entry_id = self._current()
        if entry_id is None:
            return
        m = self.meeting
        entry = m.entry(entry_id)
        if entry.kind != "followups":
            self.notify(not_a_followup(), markup=False)
            return

        def done(typed: str | None) -> None:
            if typed is None:
                return
            found = None
            if typed:
                found = next((d for lang in dict.fromkeys((m.agenda.language, language()))
                              if (d := due_typed(typed, m.now(), None, lang)) is not None), None)  # fmt: skip
                if found is None:
                    self.notify(not_a_date(typed), severity="warning", markup=False)
                    return
            m.set_due(entry_id, found.isoformat() if found is not None else None)
            self.notify(due_changed(m.entry(entry_id), self._year()), markup=False)
            self._fill()

        self.app.push_screen(AskText(due_question(), value=due_value(entry), allow_empty=True),
                             done)  # fmt: skip
