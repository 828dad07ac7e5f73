"""Set-up as a form: what was typed, what to point out, and the session it creates.

Used by the set-up screen and by ``facilitator run --participants``. Nothing here reads a key or
draws: the screen hands the fields over and shows what comes back. The groups on this machine
are read once per form, not on each keystroke.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo

from facilitator.clock import Clock, nearest_time_of_day, parse_clock_time
from facilitator.formats.agenda import Agenda
from facilitator.groups import Group, all_groups, close_names, load_group
from facilitator.i18n import _, ngettext
from facilitator.journal.store import new_session_id
from facilitator.meeting.events import Airtime, Carried, Reading, SessionContent, SessionCreated
from facilitator.meeting.meeting import clean_content, creation_event, gather_people
from facilitator.text import clean_line, is_language_tag, repeated_names, split_names
from facilitator.timewords import far_start_note


class GroupBook:
    """The groups saved on this machine, read once."""

    def __init__(self, groups: list[Group] | None = None) -> None:
        self._groups = groups

    @property
    def groups(self) -> list[Group]:
        if self._groups is None:
            self._groups = all_groups()
        return self._groups

    def find(self, name: str) -> Group | None:
        key = clean_line(name).casefold()
        return next((g for g in self.groups if clean_line(g.name).casefold() == key), None)

    def likely_meant(self, name: str) -> str | None:
        """The saved group a new ``name`` is most likely a misspelling of."""
        name = clean_line(name)
        if not name or self.find(name) is not None:
            return None
        close = close_names(name, self.groups)
        return close[0] if close else None


@dataclass
class Fields:
    """What set-up holds, as typed."""

    group: str = ""
    participants: str = ""
    roles: dict[str, str] = field(default_factory=dict)  # role -> names, commas
    start: str = ""
    language: str = ""
    rhythm: str = ""
    newcomer: bool = False
    content: dict[str, str] = field(default_factory=dict)  # set-up's field id -> as typed


def session_content(typed: Mapping[str, str]) -> SessionContent:
    """What the session brings, from set-up's fields (``supporting``: questions split at ``;``
    or line ends)."""
    supporting = typed.get("supporting", "").replace("\n", ";").split(";")
    return clean_content(SessionContent(
        topic=typed.get("topic", ""), question=typed.get("question", ""),
        supporting=tuple(supporting),
        reading=Reading(typed.get("reading-title", ""), typed.get("reading-author", ""),
                        typed.get("reading-link", "")),
    ))  # fmt: skip


@dataclass(frozen=True)
class Prefill:
    """What the group remembers, for the fields still empty."""

    participants: str = ""
    roles: Mapping[str, str] = field(default_factory=dict)
    language: str = ""
    rhythm_hint: str = ""


class SetupForm:
    def __init__(self, agenda: Agenda, clock: Clock, book: GroupBook | None = None) -> None:
        self.agenda = agenda
        self.clock = clock
        self.book = book or GroupBook()
        self.carried: list[Carried] = []
        self._language_notes: dict[str, str | None] = {}
        self._tz: tzinfo | None = None  # the computer's zone, read once per form

    # -- what the group remembers -------------------------------------------------------------

    def prefill(self, name: str) -> Prefill:
        group = self.book.find(name)
        if group is None:
            return Prefill()
        held = {
            role: group.roles.get(role) or group.roles.get(same)
            for role, same in zip(self.agenda.roles, self._original_roles(), strict=True)
        }
        roles = {role: ", ".join(names) for role, names in held.items() if names}
        # A translated agenda was chosen for its language: the group's last one does not win.
        language = "" if self.agenda.translation_of else group.language or ""
        return Prefill(", ".join(group.participants), roles, language,
                       _rhythm_hint(group))  # fmt: skip

    def group_fields(self, known: Prefill) -> dict[str, str]:
        """What a group fills in, by set-up's field ids: its people, who holds each role, its
        language (the agenda's when it has none)."""
        out = {"participants": known.participants}
        for number, role in enumerate(self.agenda.roles):
            out[f"role-{number}"] = known.roles.get(role, "")
        out["language"] = known.language or self.agenda.language
        return out

    def regroup(self, current: Mapping[str, str], filled: Mapping[str, str],
                known: Prefill) -> dict[str, str]:  # fmt: skip
        """The fields to change when the group's name changes: those still empty, or holding
        what the last group filled in, take the new group's (emptied when it has none); what
        the facilitator typed stays. ``filled`` is what the last group filled in."""
        changes = {}
        for name, value in self.group_fields(known).items():
            now = current.get(name, "")
            untouched = not now.strip() or now == filled.get(name)
            if untouched and now != value:
                changes[name] = value
        return changes

    def _original_roles(self) -> tuple[str, ...]:
        """The roles of the agenda a translated one translates, by position (the same people
        hold them in every language); the agenda's own roles when it is no translation."""
        own = self.agenda.roles
        if self.agenda.translation_of is None:
            return own
        from facilitator import catalog
        from facilitator.formats.problems import FormatError

        try:
            original = catalog.find_agenda(self.agenda.translation_of).roles
        except (LookupError, FormatError):
            return own
        return original if len(original) == len(own) else own

    # -- reading the fields --------------------------------------------------------------------

    def roles(self, fields: Fields) -> dict[str, list[str]]:
        return {role: split_names(fields.roles.get(role, "")) for role in self.agenda.roles}

    def people(self, fields: Fields) -> list[str]:
        """The participants, and anyone named only in a role ("ana" in a role is Ana): the
        meeting will have them all."""
        return gather_people(split_names(fields.participants), self.roles(fields))[0]

    def start_time(self, fields: Fields) -> float | None:
        """The planned start as a moment (None: when space is pressed); ValueError."""
        text = fields.start.strip()
        if not text:
            return None
        at = parse_clock_time(text)
        return nearest_time_of_day(self.clock.now(), at.hour, at.minute)

    def minutes(self, fields: Fields) -> float:
        from facilitator.schedule import count_roles, total_minutes

        counts = count_roles(self.agenda, self.roles(fields))
        return total_minutes(self.agenda, len(self.people(fields)) or 1, counts)

    # -- what to point out, and what stops the start -------------------------------------------

    def notices(self, fields: Fields) -> list[str]:
        """Everything worth a word before starting (none of it stops the start but problems)."""
        count = len(self.people(fields))
        words: list[str] = []
        note = self.agenda.size_note(count) if count else None
        if note:
            words.append(_("{note} You can still start.").format(note=note))
        if not count:
            words.append(_("Add the participants: rounds are shared between them."))
        words += self._start_words(fields) + self._length_words(fields, count)
        problem = self.rhythm_problem(fields)
        if problem:
            words.append(_("Rhythm: {problem}").format(problem=problem))
        words += [self.language_problem(fields) or self.language_note(fields) or ""]
        words += self._group_words(fields) + self._privacy_words(fields) + self._role_words(fields)
        words += self.repeated_words(fields) + self._content_words(fields)
        return [w for w in words if w]

    def _content_words(self, fields: Fields) -> list[str]:
        """A convening question or topic the agenda's items show, still empty."""
        shown = {kind for item in self.agenda.items for kind in item.show}
        content = session_content(fields.content)
        if "question" in self.agenda.brings and "question" in shown and not content.question:
            return [_("No convening question yet: the items that show it will have none.")]
        if "topic" in self.agenda.brings and "topic" in shown and not content.topic:
            return [_("No topic yet: the items that show it will have none.")]
        return []

    def repeated_words(self, fields: Fields) -> list[str]:
        """A person written twice (``Ana, ana``) is one participant: said, never silently."""
        words = []
        for spellings in repeated_names(fields.participants):
            said = ngettext(
                "“{name}” is written {count} time as {spellings}: kept once. If they are two "
                "people, tell them apart (“{name} B.”).",
                "“{name}” is written {count} times ({spellings}): kept once. If they are two "
                "people, tell them apart (“{name} B.”).",
                len(spellings),
            )
            shown = ", ".join(f"“{s}”" for s in spellings)
            words.append(said.format(name=spellings[0], count=len(spellings), spellings=shown))
        return words

    def problems(self, fields: Fields) -> list[str]:
        """What must be fixed before the meeting can start."""
        out = []
        try:
            self.start_time(fields)
        except ValueError:
            out.append(_("The planned start should look like 19:00."))
        out.append(self.language_problem(fields) or "")
        if self.rhythm_problem(fields):
            out.append(_("The rhythm is not clear yet: fix it or empty the field."))
        return [p for p in out if p]

    def _start_words(self, fields: Fields) -> list[str]:
        try:
            start = self.start_time(fields)
        except ValueError:
            return [_("The planned start should look like 19:00.")]
        if start is None:
            return []
        note = far_start_note(start, self.clock.now(), start + self.minutes(fields) * 60)
        return [note] if note else []

    def _length_words(self, fields: Fields, count: int) -> list[str]:
        """Rounds that give each speaker their minutes make the meeting longer than written."""
        from facilitator.schedule import scaling, total_minutes
        from facilitator.timewords import hhmm

        if not count or not scaling(self.agenda)[1]:
            return []
        sized, written = self.minutes(fields), total_minutes(self.agenda)
        if sized <= written + 0.5:
            return []
        values = {"count": count, "minutes": f"{sized:g}", "over": f"{sized - written:g}",
                  "written": f"{written:g}"}  # fmt: skip
        try:
            start = self.start_time(fields)
        except ValueError:
            start = None
        if start is None:
            said = _("With {count} people this agenda runs {minutes} min, {over} more than its "
                     "{written}.")  # fmt: skip
            return [said.format(**values)]
        said = _("With {count} people this agenda runs {minutes} min, {over} more than its "
                 "{written}: it would end at {end}.")  # fmt: skip
        return [said.format(**values, end=hhmm(start + sized * 60))]

    def _group_words(self, fields: Fields) -> list[str]:
        """A name close to a group's that exists is likely a typo: say so (it starts anew)."""
        name = clean_line(fields.group)
        meant = self.book.likely_meant(name)
        said = _("“{name}” would be a new group: did you mean “{meant}”?")
        return [said.format(name=name, meant=meant)] if meant else []

    def _privacy_words(self, fields: Fields) -> list[str]:
        """A group that keeps no record: said before its meeting starts."""
        name = clean_line(fields.group)
        group = self.book.find(name) if name else None
        if group is None or group.keeps_record is not False:
            return []
        said = _("“{name}” keeps no record: everything written in its meetings stays off the "
                 "record (facilitator groups record changes it).")  # fmt: skip
        return [said.format(name=clean_line(group.name))]

    def _role_words(self, fields: Fields) -> list[str]:
        """A round for a role nobody holds would be empty (Case Clinic's coaches)."""
        roles = self.roles(fields)
        missing: dict[str, str] = {}
        for item in self.agenda.items:
            if item.who and not any(roles.get(role) for role in item.who_roles):
                missing.setdefault(_(" or ").join(item.who_roles), item.title)
        said = _("Nobody holds the role {role} yet (needed for “{title}”).")
        return ([said.format(role=role, title=title) for role, title in missing.items()]
                + self._missed_turns(fields, roles) + self._role_typos(fields, roles))  # fmt: skip

    def _missed_turns(self, fields: Fields, roles: dict[str, list[str]]) -> list[str]:
        """Someone whose roles give them no turn of their own, left out of a round for some
        roles (a timekeeper who is not named as a coach, with no mirroring turn)."""
        speaking = {r for item in self.agenda.items for r in (*item.who_roles, item.first) if r}
        people, holders = gather_people(split_names(fields.participants), roles)
        rounds = [item for item in self.agenda.items if item.is_round and item.who
                  and any(holders.get(role) for role in item.who_roles)]  # fmt: skip
        if not rounds:
            return []
        left_out: dict[str, list[str]] = {}  # the roles they hold -> who
        for person in people:
            mine = [role for role, names in holders.items() if person in names]
            if not any(role in speaking for role in mine):
                left_out.setdefault(_(" and ").join(mine), []).append(person)
        item = rounds[0]
        only = _(
            "{names} would have no turn in “{title}” (only {roles}): give the role {needed} "
            "to whoever should speak there."
        )
        none = _(
            "{names} would have no turn in “{title}” (no role): give the role {needed} to "
            "whoever should speak there."
        )
        needed = _(" or ").join(item.who_roles)
        return [(only if held else none).format(names=_and(names), title=item.title, roles=held,
                                                needed=needed)
                for held, names in left_out.items()]  # fmt: skip

    def _role_typos(self, fields: Fields, roles: dict[str, list[str]]) -> list[str]:
        """A name in a role that is not a participant but close to one is likely a typo (it
        would add a person); a name far from all is someone coming only for the role."""
        folded = {name.casefold(): name for name in split_names(fields.participants)}
        words = []
        for role, names in roles.items():
            for name in names:
                if name.casefold() in folded:
                    continue
                close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.75)
                if close:
                    said = _("“{name}” ({role}) is not among the participants: "
                             "did you mean “{meant}”?")  # fmt: skip
                    words.append(said.format(name=name, role=role, meant=folded[close[0]]))
        return words

    def language(self, fields: Fields) -> str:
        return clean_line(fields.language)

    def language_problem(self, fields: Fields) -> str | None:
        language = self.language(fields)
        if not language or is_language_tag(language):
            return None
        said = _("The question language should be a tag such as en, fr or pt-BR, not “{language}”.")
        return said.format(language=language)

    def language_note(self, fields: Fields) -> str | None:
        """A language no deck of this agenda has (questions come in the deck's own)."""
        language = self.language(fields)
        if not language or not is_language_tag(language):
            return None
        if language not in self._language_notes:  # decks are read once per language typed
            from facilitator import catalog

            self._language_notes[language] = catalog.language_note(self.agenda, language)
        return self._language_notes[language]

    def rhythm_problem(self, fields: Fields) -> str | None:
        text = fields.rhythm.strip()
        if not text:
            return None
        from facilitator.rhythm.parse import parse_rhythm

        try:
            parse_rhythm([text], self.rhythm_agenda())
        except ValueError as exc:
            return str(exc)
        return None

    def rhythm_preview(self, fields: Fields) -> str:
        """The next three meetings of the rhythm typed ("" while it is empty or unclear):
        computed, no file read, so it follows each keystroke."""
        text = fields.rhythm.strip()
        if not text:
            return ""
        from datetime import datetime, timedelta

        from facilitator.rhythm.home import local_tz, when
        from facilitator.rhythm.parse import parse_rhythm
        from facilitator.rhythm.rhythm import WeeklyRhythm, upcoming

        try:
            rhythm = parse_rhythm([text], self.rhythm_agenda())
        except ValueError:
            return ""
        if self._tz is None:
            self._tz = local_tz()
        now = datetime.fromtimestamp(self.clock.now(), self._tz)
        weeks = rhythm.every_weeks if isinstance(rhythm, WeeklyRhythm) else 5
        found = upcoming(rhythm, now, now + timedelta(weeks=3 * weeks + 2), self._tz)[:3]
        dates = "; ".join(when(m.start, now) for m in found)
        return _("Next: {dates}").format(dates=dates) if dates else ""

    def rhythm_agenda(self) -> str | None:
        """The agenda the group's meetings will use: this one, unless it was opened from a
        file that Home and the calendar cannot find by its id (then the default)."""
        found = self.agenda.origin != "file" and self.agenda.id.isprintable()
        return self.agenda.id.strip() if found else None

    # -- the session ---------------------------------------------------------------------------

    def creation_event(self, fields: Fields, keeps_record: bool | None = None,
                       names_shared: bool | None = None) -> SessionCreated:  # fmt: skip
        """The session's first event; ValueError when a problem stops the start. Whether the
        group keeps a record and lets names be shared: as given, else as the group chose."""
        problems = self.problems(fields)
        if problems:
            raise ValueError(problems[0])
        group = clean_line(fields.group)
        now = self.clock.now()
        airtime = _airtime(group)
        saved = load_group(group) if group else None
        return creation_event(
            self.agenda, session=new_session_id(group or "meeting", now), group=group,
            participants=self.people(fields), roles=self.roles(fields),
            newcomer=fields.newcomer, planned_start=self.start_time(fields),
            language=self.language(fields) or None, carried=self.carried, airtime=airtime,
            off_record=_chosen(keeps_record, saved.keeps_record if saved else None) is False,
            names_shared=_chosen(names_shared, saved.names_shared if saved else None) is True,
            content=session_content(fields.content), t=now,
        )  # fmt: skip

    def asks_privacy(self, fields: Fields) -> bool:
        """Whether to ask, before this meeting starts, whether the group keeps a record and
        whether names may appear in what it shares: once per group, at its first set-up."""
        group = clean_line(fields.group)
        if not group:
            return False
        saved = load_group(group)
        return saved.keeps_record is None or saved.names_shared is None

    def save_privacy(self, fields: Fields, keeps_record: bool, names_shared: bool) -> None:
        """The group's answers, kept with its settings (OSError if they cannot be saved)."""
        from facilitator.groups import save_group

        group = load_group(clean_line(fields.group))
        group.keeps_record, group.names_shared = keeps_record, names_shared
        save_group(group, now=self.clock.now())

    def save_rhythm(self, fields: Fields) -> None:
        """The group's rhythm, as typed (OSError if it cannot be saved)."""
        name, text = clean_line(fields.group), fields.rhythm.strip()
        if not name or not text:
            return
        from facilitator.groups import load_group, save_group
        from facilitator.rhythm.parse import parse_rhythm
        from facilitator.rhythm.rhythm import to_dict

        group = load_group(name)
        group.rhythm = to_dict(parse_rhythm([text], self.rhythm_agenda()))
        save_group(group)


def _chosen(given: bool | None, saved: bool | None) -> bool | None:
    return given if given is not None else saved


def _airtime(name: str) -> Airtime:
    """What the group chose for airtime (``facilitator groups airtime``); "on" by default."""
    if not name:
        return "on"
    chosen = load_group(name).airtime
    return "off" if chosen == "off" else "record" if chosen == "record" else "on"


def remembered_roles(
    group: Group | None, roles: tuple[str, ...], people: list[str]
) -> dict[str, list[str]]:
    """The roles the group's people held last time, for those of them here today."""
    if group is None or not roles:
        return {}
    here = {p.casefold() for p in people}
    return {role: [p for p in group.roles.get(role, []) if p.casefold() in here] for role in roles}


def _rhythm_hint(group: Group) -> str:
    if not group.rhythm:
        return ""
    from facilitator.rhythm.rhythm import describe, from_dict

    try:
        return f"now: {describe(from_dict(group.rhythm))} (type to change)"
    except ValueError:
        return ""


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + _(" and ") + names[-1]
