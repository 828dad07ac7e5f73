"""Set-up: the group, its people and roles, a newcomer, the planned start."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label

from facilitator.clock import Clock, nearest_time_of_day
from facilitator.formats.agenda import Agenda
from facilitator.groups import load_group
from facilitator.journal.store import new_session_id
from facilitator.meeting.meeting import creation_event, gather_people
from facilitator.text import clean_line, is_language_tag, split_names
from facilitator.tui.format import far_start_note
from facilitator.tui.messages import StartMeeting
from facilitator.tui.widgets.text import Plain
from facilitator.tui.widgets.tickbox import TickBox


class SetupScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("setup.tcss")  # read when first shown
    BINDINGS = [
        Binding("ctrl+s", "start", "Start the meeting"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, agenda: Agenda, clock: Clock, group: str = "", start: str = "",
                 newcomer: bool = False) -> None:  # fmt: skip
        super().__init__()
        self.agenda = agenda
        self._language_notes: dict[str, str | None] = {}
        self.clock = clock
        self.group_name = group
        self.start = start
        self.newcomer = newcomer
        self.carried: list[dict[str, object]] = []

    def compose(self) -> ComposeResult:
        yield Plain(f"Set up · {self.agenda.title}", id="topbar")
        yield Plain("", id="warning")  # above the form, so it is seen on small screens too
        with VerticalScroll(id="setup"):
            yield from self._field(
                "Group name",
                Input(self.group_name, id="group", placeholder="e.g. Tuesday evening group"),
            )
            yield from self._field(
                "Participants", Input(id="participants", placeholder="Ana, Bo, Chen (commas)")
            )
            for number, role in enumerate(self.agenda.roles):
                yield from self._field(
                    f"Who is {role}?", Input(id=f"role-{number}", placeholder="names, commas")
                )
            yield from self._field(
                "Planned start",
                Input(self.start, id="start", placeholder="HH:MM (empty: when you press space)"),
            )
            yield from self._field("Question language", Input(self.agenda.language, id="language"))
            yield from self._field("Rhythm (optional)", Input(
                id="rhythm", placeholder="e.g. every 3 weeks on thursday at 19:00, or moon"))  # fmt: skip
            yield TickBox("Someone new is here today", self.newcomer, id="newcomer")
            yield Plain("", id="followups")
            yield Button("Start the meeting (ctrl+s)", id="go", variant="primary", compact=True)
        yield Footer()

    def _field(self, label: str, field: Input) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(label, classes="field-label", markup=False)  # role names are users' text
            yield field

    def on_mount(self) -> None:
        self.query_one("#followups").display = False
        if self.group_name:
            self._remember(self.group_name)
        self.query_one("#group", Input).focus()
        self._check()

    @on(Input.Submitted, "#group")
    @on(Input.Blurred, "#group")
    def _group_changed(self) -> None:
        self._remember(self.query_one("#group", Input).value)

    def _remember(self, name: str) -> None:
        name = clean_line(name)
        if not name:
            return
        group = load_group(name)
        people = self.query_one("#participants", Input)
        if not people.value and group.participants:
            people.value = ", ".join(group.participants)
        for number, role in enumerate(self.agenda.roles):
            field = self.query_one(f"#role-{number}", Input)
            if not field.value and group.roles.get(role):
                field.value = ", ".join(group.roles[role])
        rhythm = self.query_one("#rhythm", Input)
        if not rhythm.value and group.rhythm:
            rhythm.placeholder = f"now: {_describe(group.rhythm)} (type to change)"
        if group.language and self.query_one("#language", Input).value == self.agenda.language:
            self.query_one("#language", Input).value = group.language
        self._check()
        self.run_worker(
            lambda: self._load_followups(name), thread=True, exclusive=True, group="followups"
        )

    def _load_followups(self, group: str) -> None:
        """Open follow-ups of the group's earlier sessions (the index may need a refresh)."""
        from facilitator.review.queries import carried_followups

        self.app.call_from_thread(self._show_followups, carried_followups(group, limit=20))

    def _show_followups(self, carried: list[dict[str, object]]) -> None:
        self.carried = carried
        lines = [f"Open follow-ups from earlier sessions ({len(carried)}; key F in the meeting):"]
        for item in carried[:5]:
            owner = f" — {item['owner']}" if item.get("owner") else ""
            lines.append(f"  • {item['text']}{owner}")
        box = self.query_one("#followups", Plain)
        box.show("\n".join(lines))
        box.display = bool(carried)

    def _roles(self) -> dict[str, list[str]]:
        return {role: split_names(self.query_one(f"#role-{n}", Input).value)
                for n, role in enumerate(self.agenda.roles)}  # fmt: skip

    def _people(self, roles: dict[str, list[str]]) -> list[str]:
        """The participants, and anyone named only in a role ("ana" in a role is Ana): the
        meeting will have them all."""
        return gather_people(split_names(self.query_one("#participants", Input).value), roles)[0]

    @on(Input.Changed)
    @on(TickBox.Changed)
    def _check(self) -> None:
        count = len(self._people(self._roles()))
        words = []
        note = self.agenda.size_note(count) if count else None
        if note:
            words.append(f"{note} You can still start.")
        if not count:
            words.append("Add the participants: rounds are shared between them.")
        start = self._start_time()
        if start is False:
            words.append("The planned start should look like 19:00.")
        elif isinstance(start, float):
            note = far_start_note(start, self.clock.now(), start + self.agenda_minutes() * 60)
            words += [note] if note else []
        problem = self._rhythm_problem()
        if problem:
            words.append(f"Rhythm: {problem}")
        if self._language_problem():
            words.append(self._language_problem() or "")
        elif self._language_note():
            words.append(self._language_note() or "")
        words += self._group_words() + self._role_words()
        warning = self.query_one("#warning", Plain)
        warning.show(" ".join(words))
        warning.display = bool(words)

    def _group_words(self) -> list[str]:
        """A name close to a group's that exists is likely a typo: say so (it starts anew)."""
        from facilitator.groups import likely_meant

        name = clean_line(self.query_one("#group", Input).value)
        meant = likely_meant(name)
        return [f"“{name}” would be a new group: did you mean “{meant}”?"] if meant else []

    def _role_words(self) -> list[str]:
        """A round for a role nobody holds would be empty (Case Clinic's coaches)."""
        roles = self._roles()
        missing: dict[str, str] = {}
        for item in self.agenda.items:
            if item.who and not roles.get(item.who):
                missing.setdefault(item.who, item.title)
        return [f"Nobody holds the role {role} yet (needed for “{title}”)."
                for role, title in missing.items()] + self._role_typos(roles)  # fmt: skip

    def _role_typos(self, roles: dict[str, list[str]]) -> list[str]:
        """A name in a role that is not a participant but close to one is likely a typo (it
        would add a person); a name far from all is someone coming only for the role."""
        import difflib

        typed = split_names(self.query_one("#participants", Input).value)
        folded = {name.casefold(): name for name in typed}
        words = []
        for role, names in roles.items():
            for name in names:
                if name.casefold() in folded:
                    continue
                close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.75)
                if close:
                    words.append(f"“{name}” ({role}) is not among the participants: "
                                 f"did you mean “{folded[close[0]]}”?")  # fmt: skip
        return words

    def agenda_minutes(self) -> float:
        from facilitator.schedule import total_minutes

        roles = self._roles()
        people = self._people(roles)
        return total_minutes(self.agenda, len(people) or 1, {r: len(p) for r, p in roles.items()})

    def _start_time(self) -> float | None | bool:
        text = self.query_one("#start", Input).value.strip()
        if not text:
            return None
        try:
            hours, minutes = (int(p) for p in text.split(":"))
            return nearest_time_of_day(self.clock.now(), hours, minutes)
        except ValueError:
            return False

    @on(Button.Pressed, "#go")
    def action_start(self) -> None:
        group = clean_line(self.query_one("#group", Input).value)
        roles = self._roles()
        people = self._people(roles)
        start = self._start_time()
        if start is False:
            self.notify("The planned start should look like 19:00.", markup=False, severity="error")
            return
        if self._language_problem():
            self.notify(self._language_problem() or "", markup=False, severity="error")
            return
        if self._rhythm_problem():
            self.notify(
                "The rhythm is not clear yet: fix it or empty the field.",
                markup=False,
                severity="error",
            )
            return
        self._save_rhythm(group)
        now = self.clock.now()
        first = creation_event(
            self.agenda, session=new_session_id(group or "meeting", now), group=group,
            participants=people, roles=roles, newcomer=self.query_one(TickBox).value,
            planned_start=start if isinstance(start, float) else None,
            language=self._language() or None,
            carried=self.carried, t=now,
        )  # fmt: skip
        self.post_message(StartMeeting(first))

    def action_back(self) -> None:
        self.app.pop_screen()

    def _language(self) -> str:
        return clean_line(self.query_one("#language", Input).value).strip()

    def _language_problem(self) -> str | None:
        language = self._language()
        if not language or is_language_tag(language):
            return None
        return f"The question language should be a tag such as en, fr or pt-BR, not “{language}”."

    def _language_note(self) -> str | None:
        """A language no deck of this agenda has (questions come in the deck's own)."""
        language = self._language()
        if not language or not is_language_tag(language):
            return None
        if language not in self._language_notes:  # decks are read once per language typed
            from facilitator import catalog

            self._language_notes[language] = catalog.language_note(self.agenda, language)
        return self._language_notes[language]

    def _rhythm_problem(self) -> str | None:
        text = self.query_one("#rhythm", Input).value.strip()
        if not text:
            return None
        from facilitator.rhythm.parse import parse_rhythm

        try:
            parse_rhythm([text], self._rhythm_agenda())
        except ValueError as exc:
            return str(exc)
        return None

    def _rhythm_agenda(self) -> str | None:
        """The agenda the group's meetings will use: this one, unless it was opened from a
        file that Home and the calendar cannot find by its id (then the default)."""
        found = self.agenda.origin != "file" and self.agenda.id.isprintable()
        return self.agenda.id.strip() if found else None

    def _save_rhythm(self, name: str) -> None:
        text = self.query_one("#rhythm", Input).value.strip()
        if not name or not text:
            return
        from facilitator.groups import save_group
        from facilitator.rhythm.parse import parse_rhythm
        from facilitator.rhythm.rhythm import to_dict

        group = load_group(name)
        group.rhythm = to_dict(parse_rhythm([text], self._rhythm_agenda()))
        save_group(group)


def _describe(data: dict[str, object]) -> str:
    from facilitator.rhythm.rhythm import describe, from_dict

    try:
        return describe(from_dict(data))
    except ValueError:
        return ""
