"""Set-up: the group, its people and roles, a newcomer, the planned start.

The rules are in facilitator.session.setup_form; this screen maps the fields to the form and
shows what it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label

from facilitator.clock import Clock
from facilitator.formats.agenda import Agenda
from facilitator.meeting.events import Carried
from facilitator.session.setup_form import Fields, Prefill, SetupForm
from facilitator.text import clean_line
from facilitator.tui.messages import StartMeeting
from facilitator.tui.screens.confirm import PickOne
from facilitator.tui.widgets.form_field import FormField
from facilitator.tui.widgets.text import Plain
from facilitator.tui.widgets.tickbox import TickBox
from facilitator.views import setup_words as say

LABEL_CELLS = 22  # the labels' column, as setup.tcss sets it (max-width)


@dataclass
class FollowupsLoaded(Message):
    group: str
    carried: list[Carried]


class SetupScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("setup.tcss")  # read when first shown
    BINDINGS = [
        Binding("ctrl+s", "start", "Start the meeting"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, agenda: Agenda, clock: Clock, group: str = "", start: str = "",
                 newcomer: bool = False, content: dict[str, str] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.agenda = agenda
        self.content = content or {}  # what the session brings, as the command line gave it
        self._group_shown = ""  # the group whose people and follow-ups the form shows
        # What that group filled in, by field id (at first, the agenda's language).
        self._filled: dict[str, str] = {"language": agenda.language}
        self.form = SetupForm(agenda, clock)
        self.group_name = group
        self.start = start
        self.newcomer = newcomer

    @property
    def carried(self) -> list[Carried]:
        return self.form.carried

    def compose(self) -> ComposeResult:
        yield Plain(say.title(self.agenda.title), id="topbar")
        yield Plain("", id="warning")  # above the form, so it is seen on small screens too
        with VerticalScroll(id="setup"):
            yield from self._field(
                say.GROUP, FormField(self.group_name, id="group", placeholder=say.GROUP_HINT)
            )
            yield from self._field(
                say.PARTICIPANTS, FormField(id="participants", placeholder=say.PARTICIPANTS_HINT)
            )
            for number, role in enumerate(self.agenda.roles):
                yield from self._field(
                    say.role_label(role), FormField(id=f"role-{number}", placeholder=say.ROLE_HINT)
                )
            for name, label, hint in say.content_fields(self.agenda.brings):
                typed = self.content.get(name, "")
                yield from self._field(label, FormField(typed, id=name, placeholder=hint))
            yield from self._field(
                say.START, FormField(self.start, id="start", placeholder=say.START_HINT)
            )
            yield from self._field(say.LANGUAGE, FormField(self.agenda.language, id="language"))
            yield from self._field(say.RHYTHM, FormField(id="rhythm", placeholder=say.RHYTHM_HINT))
            yield Plain("", id="rhythm-preview")
            yield TickBox(say.NEWCOMER, self.newcomer, id="newcomer")
            yield Plain("", id="followups")
            yield Button(say.GO, id="go", variant="primary", compact=True)
        yield Footer()

    def _field(self, label: str, field: Input) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(label, classes="field-label", markup=False)  # role names are users' text
            yield field

    def _fit_labels(self) -> None:
        """A label longer than the column (a role's name in French or German: « Qui est
        gardien du temps ? ») widens the column, up to 40 % of the screen, rather than wrap."""
        from rich.cells import cell_len

        labels = [label for label in self.query(Label) if label.has_class("field-label")]

        longest = max((cell_len(str(label.render())) for label in labels), default=0)
        if longest + 1 > LABEL_CELLS:
            width = min(longest + 1, max(LABEL_CELLS, self.size.width * 2 // 5))
            for label in labels:
                label.styles.max_width = width
                label.styles.width = width

    def _input(self, name: str) -> Input:

        return self.query_one(f"#{name}", Input)

    @property
    def fields(self) -> Fields:
        """What the form holds now."""
        roles = {role: self._input(f"role-{n}").value for n, role in enumerate(self.agenda.roles)}
        content = {name: self._input(name).value
                   for name, _label, _hint in say.content_fields(self.agenda.brings)}  # fmt: skip
        return Fields(
            group=self._input("group").value, participants=self._input("participants").value,
            roles=roles, start=self._input("start").value, language=self._input("language").value,
            rhythm=self._input("rhythm").value, newcomer=self.query_one(TickBox).value,
            content=content,
        )  # fmt: skip

    def on_mount(self) -> None:
        self._fit_labels()
        self.query_one("#followups").display = False
        if self.group_name:
            self._remember(self.group_name)
        self._input("group").focus()
        self._check()
        self._warm_rhythm()

    @work(thread=True, exclusive=True, group="rhythm")
    def _warm_rhythm(self) -> None:
        """The rhythm preview's modules and moon tables, loaded before the first keystroke
        (the preview then takes about a millisecond)."""
        self.form.rhythm_preview(Fields(rhythm="moon"))

    @on(Input.Submitted, "#group")
    @on(Input.Blurred, "#group")
    def _group_changed(self) -> None:
        self._remember(self._input("group").value)

    def _remember(self, name: str) -> None:
        """The group named: its people, roles, language, rhythm and open follow-ups replace
        the last group's, except what was typed by hand."""
        name = clean_line(name)
        if name.casefold() == self._group_shown.casefold():
            return
        self._group_shown = name
        known = self.form.prefill(name) if name else Prefill()
        ids = self.form.group_fields(known)
        current = {field: self._input(field).value for field in ids}
        for field, value in self.form.regroup(current, self._filled, known).items():
            self._input(field).value = value
        self._filled = ids
        self._input("rhythm").placeholder = known.rhythm_hint or say.RHYTHM_HINT
        self._check()
        self._show_followups(FollowupsLoaded(name, []))  # the last group's are not this one's
        if name:
            self._load_followups(name)

    @work(thread=True, exclusive=True, group="followups")
    def _load_followups(self, group: str) -> None:
        """Open follow-ups of the group's earlier sessions (the index may need a refresh)."""
        from facilitator.review.queries import carried_followups

        self.post_message(FollowupsLoaded(group, carried_followups(group, limit=20)))

    @on(FollowupsLoaded)
    def _show_followups(self, message: FollowupsLoaded) -> None:
        if message.group != self._group_shown:
            return  # an earlier group's, arriving late
        carried = self.form.carried = message.carried
        box = self.query_one("#followups", Plain)
        box.show(say.followups_box(carried))
        box.display = bool(carried)

    @on(Input.Changed)
    @on(TickBox.Changed)
    def _check(self) -> None:
        words = self.form.notices(self.fields)
        warning = self.query_one("#warning", Plain)
        warning.show(" ".join(words))
        warning.display = bool(words)
        preview = self.query_one("#rhythm-preview", Plain)
        preview.show(self.form.rhythm_preview(self.fields))
        preview.display = bool(preview.text)

    @on(Button.Pressed, "#go")
    def action_start(self) -> None:
        fields = self.fields
        try:
            self.form.creation_event(fields)
        except ValueError as exc:
            self.notify(str(exc), markup=False, severity="error")
            return
        if self.form.asks_privacy(fields):
            self._ask_privacy(fields)
        else:
            self._start(fields)

    def _ask_privacy(self, fields: Fields) -> None:
        """Once per group: does it keep a record, may names be shared. Escape starts nothing."""
        group = clean_line(fields.group)
        records, names = say.record_choices(), say.names_choices()

        def got_names(keeps: bool, answer: str | None) -> None:
            if answer is None:
                return
            shared = answer == names[1]
            try:
                self.form.save_privacy(fields, keeps, shared)
            except OSError as exc:
                self.notify(say.privacy_not_saved(exc), markup=False, severity="warning")
            self._start(fields, keeps, shared)

        def got_record(answer: str | None) -> None:
            if answer is not None:
                keeps = answer == records[0]
                self.app.push_screen(PickOne(say.names_question(group), names),
                                     lambda a: got_names(keeps, a))  # fmt: skip

        self.app.push_screen(PickOne(say.record_question(group), records), got_record)

    def _start(self, fields: Fields, keeps_record: bool | None = None,
               names_shared: bool | None = None) -> None:  # fmt: skip
        try:
            first = self.form.creation_event(fields, keeps_record, names_shared)
        except ValueError as exc:
            self.notify(str(exc), markup=False, severity="error")
            return
        try:
            self.form.save_rhythm(fields)
        except OSError as exc:
            self.notify(say.rhythm_not_saved(exc), markup=False, severity="warning")
        self.post_message(StartMeeting(first))

    def action_back(self) -> None:
        self.app.pop_screen()
