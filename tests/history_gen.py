"""A generated history of many groups' sessions, written as real journals.

Meetings are driven through the Meeting model with a fake clock; the generator keeps its own
account of what happened (the truth), so tests can check the index against figures that never
went through it. ``fast=True`` writes each journal in one go instead of through the fsyncing
JournalWriter (for the benchmark).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.journal.jsonl import JournalWriter, encode
from facilitator.meeting.events import SessionCreated, Slot
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.schedule import plan, total_minutes
from tests.factories import MS150

HOME = Agenda(
    id="home",
    title="Home group",
    items=(
        Item("Check-in", kind="round", per_person=3, record="expectations"),
        Item(
            "Sharing", minutes=45, kind="discussion", flexible=True, min_minutes=20, record="notes"
        ),  # fmt: skip
        Item("Follow-ups", minutes=10, record="followups"),
        Item("Decisions", minutes=5, record="decisions"),
        Item("Check-out", kind="round", per_person=2, record="conclusions", protected=True),
    ),
)
FIRST = ["Maëlle", "Oskar", "Priya", "Tomasz", "Ingrid", "Kwame", "Soledad", "Yusuf", "Hana",
         "Lorcan", "Beatriz", "Dmitri", "Amara", "Henrik", "Noor", "Ulla", "Rafael", "Keiko"]  # fmt: skip
WORDS = ["garden", "rent", "commute", "sleep", "neighbours", "bicycle", "budget", "tenancy",
         "solar", "courage", "patience", "burnout", "compost", "repair", "café", "letter",
         "meeting", "housing", "workshop", "kitchen", "library", "river", "sister", "choir"]  # fmt: skip
QUESTIONS = ["When did you last change your mind in public?", "Which shared place do you miss?",
             "What rule did you break for a good reason?", "Who taught you to disagree well?",
             "What is a lighthouse moment you remember?"]  # fmt: skip
RARE = "marmalade"  # planted in a few entries, for search
MIN = 60.0


@dataclass
class EntryTruth:
    session: str
    id: str
    kind: str
    text: str
    person: str | None
    owner: str | None
    share: bool
    named: bool
    at: float
    done: bool = False


@dataclass
class SessionTruth:
    id: str
    group: str
    agenda: Agenda
    start: float
    people: list[str]
    newcomer: bool
    planned: dict[int, float] = field(default_factory=dict)  # item index -> planned minutes
    actual: dict[int, float | None] = field(default_factory=dict)  # minutes; None: never ran
    entries: list[EntryTruth] = field(default_factory=list)
    questions: list[tuple[str, bool]] = field(default_factory=list)  # (text, skipped)
    done_refs: list[tuple[str, float]] = field(default_factory=list)
    end: float | None = None
    last: float = 0.0
    running: int | None = None  # the item still running when an unfinished journal stops


@dataclass
class History:
    folder: Path
    sessions: list[SessionTruth] = field(default_factory=list)

    def group(self, name: str) -> list[SessionTruth]:
        return [s for s in self.sessions if s.group == name]

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(s.group for s in self.sessions))

    def entries(self) -> list[EntryTruth]:
        return [e for s in self.sessions for e in s.entries]


def planned_minutes(agenda: Agenda, index: int, people: int, newcomer: bool) -> float:
    """Planned length computed here, independently of the schedule module: rounds with
    ``per_person`` grow with the people; a left-out item's time goes to the flexible one."""
    item = agenda.items[index]
    minutes = item.per_person * people if item.per_person is not None else item.minutes or 0.0
    if item.flexible and not newcomer:
        minutes += sum(i.minutes or 0.0 for i in agenda.items if i.when == "newcomer")
    return minutes


_TEMPLATES: dict[str, SessionCreated] = {}


def _template(agenda: Agenda) -> SessionCreated:
    """The creation event of this agenda, built once (turning the agenda into data is slow)."""
    if agenda.id not in _TEMPLATES:
        _TEMPLATES[agenda.id] = creation_event(agenda, session="", group="", participants=[], t=0)
    return _TEMPLATES[agenda.id]


class _Run:
    """One meeting being played, with its truth kept on the side."""

    def __init__(self, rng: random.Random, truth: SessionTruth, sink: object) -> None:
        self.rng, self.truth = rng, truth
        self.clock = FakeClock(truth.start)
        slots = plan(truth.agenda, len(truth.people), truth.newcomer)
        first = dataclasses.replace(
            _template(truth.agenda), session=truth.id, group=truth.group,
            participants=tuple(truth.people), newcomer=truth.newcomer, t=self.clock.now(),
            total=total_minutes(truth.agenda, len(truth.people)),
            planned=tuple(Slot(s.start, s.minutes, s.active) for s in slots),
        )  # fmt: skip
        self.m = Meeting.create(first, self.clock, sink)  # type: ignore[arg-type]
        self.since = 0.0

    def wait(self, seconds: float) -> None:
        self.clock.advance(round(seconds))

    def text(self, kind: str) -> str:
        words = self.rng.sample(WORDS, 3)
        if self.rng.random() < 0.04:
            words.insert(1, RARE)
        return f"{kind[:-1] if kind.endswith('s') else kind}: {' '.join(words)}"

    def entry(self, kind: str, person: str | None = None, owner: str | None = None,
              met: int | None = None) -> EntryTruth:  # fmt: skip
        rng = self.rng
        text = self.text(kind)
        share = rng.random() < 0.25
        if not share and rng.random() < 0.3:
            text += f" SECRET{rng.randrange(10**8):08d}"
        self.wait(rng.uniform(20, 90))
        e = self.m.add_entry(kind, text, person=person, owner=owner, met=met, share=share)
        named = share and rng.random() < 0.5
        if named:
            self.m.edit_entry(e.id, named=True)
        truth = EntryTruth(self.truth.id, e.id, kind, text, person, owner, share, named, e.at)
        self.truth.entries.append(truth)
        return truth


def _play(rng: random.Random, truth: SessionTruth, sink: object,
          owed: list[EntryTruth], unfinished: bool) -> None:  # fmt: skip
    run = _Run(rng, truth, sink)
    m, agenda, people = run.m, truth.agenda, truth.people
    active = m.state.active_indexes()
    truth.planned = {i: planned_minutes(agenda, i, len(people), truth.newcomer) for i in active}
    truth.actual = dict.fromkeys(active)
    m.toggle()
    cut = rng.random() < 0.05  # ends early, after the core
    for position, index in enumerate(active):
        item, start, spent = agenda.items[index], m.now(), 0.0
        if position == 0:
            for old in [f for f in owed if rng.random() < 0.4]:
                run.wait(15)
                m.mark_followup_done(f"{old.session}/{old.id}")
                truth.done_refs.append((f"{old.session}/{old.id}", m.now()))
                owed.remove(old)
        if item.deck:
            question = rng.choice(QUESTIONS)
            m.record_draw(item.deck, question)
            skipped = rng.random() < 0.2
            truth.questions.append((question, skipped))
            if skipped:
                run.wait(30)
                m.record_skip(question)
                other = rng.choice([q for q in QUESTIONS if q != question])
                m.record_draw(item.deck, other)
                truth.questions.append((other, False))
        kinds = {"expectations": people, "conclusions": people}.get(item.record or "", [])
        for person in kinds:
            run.entry(item.record or "", person=person,
                      met=rng.randrange(5) if item.record == "conclusions" else None)  # fmt: skip
        if item.record in ("notes", "followups", "decisions") or item.flexible:
            for _ in range(rng.randrange(1, 3)):
                run.entry("notes")
            for _ in range(rng.randrange(0, 3)):
                f = run.entry("followups", owner=rng.choice(people))
                if rng.random() < 0.15:
                    m.edit_entry(f.id, done=True)
                    f.done = True
                else:
                    owed.append(f)
            if rng.random() < 0.5:
                run.entry("decisions")
        if unfinished and item.flexible:
            truth.actual[index] = (m.now() - start) / MIN
            truth.running = index
            truth.last = m.now()
            return
        if item.flexible and rng.random() < 0.3:  # a break that the item's time leaves out
            spent += m.now() - start
            m.toggle()
            run.wait(600)
            m.toggle()
            start = m.now()
        target = truth.planned[index] * MIN * rng.uniform(0.6, 1.4)
        run.wait(max(0.0, target - spent - (m.now() - start)))
        truth.actual[index] = (spent + m.now() - start) / MIN
        last = position == len(active) - 1
        if last or (cut and item.flexible):
            m.end()
            truth.end = truth.last = m.now()
            return
        m.next_item(skip=rng.random() < 0.05 and position > 0)


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def generate(folder: Path, count: int = 150, *, seed: int = 7, fast: bool = False,
             start: dt.datetime | None = None) -> History:  # fmt: skip
    """About ``count`` sessions over many groups meeting every one to four weeks."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    history = History(folder)
    groups = max(3, count // 60)
    origin = (start or dt.datetime(2023, 1, 2, 18, 30, tzinfo=dt.timezone.utc)).timestamp()
    for g in range(groups):
        name = f"{rng.choice(['Tuesday', 'Riverside', 'Lyon', 'Home', 'Harbour'])} circle {g + 1}"
        agenda = MS150 if g % 2 == 0 else HOME
        pool = [f"{first} {chr(65 + (g * 7 + k) % 26)}." for k, first in
                enumerate(rng.sample(FIRST, rng.randrange(5, 10)))]  # fmt: skip
        owed: list[EntryTruth] = []
        every = rng.choice([7, 14, 21, 28]) * 86400.0
        share_of = count // groups + (1 if g < count % groups else 0)
        first_day = origin + (g % 3) * 3600.0 + rng.randrange(7) * 86400.0
        for number in range(share_of):
            when = first_day + number * every + rng.randrange(-2, 3) * 1800.0
            people = rng.sample(pool, rng.randrange(3, len(pool) + 1))
            stamp = dt.datetime.fromtimestamp(when, dt.timezone.utc)
            sid = f"{stamp:%Y-%m-%d-%H%M}-{_slug(name)}-{rng.randrange(16**4):04x}"
            truth = SessionTruth(sid, name, agenda, when, people, rng.random() < 0.2)
            unfinished = number == share_of - 1 and g % 3 == 0
            path = folder / f"{sid}.jsonl"
            if fast:
                events: list = []
                _play(rng, truth, events.append, owed, unfinished)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(b"".join(encode(e) for e in events))
            else:
                writer = JournalWriter(path)
                try:
                    _play(rng, truth, writer.append, owed, unfinished)
                finally:
                    writer.close()
            history.sessions.append(truth)
    history.sessions.sort(key=lambda s: s.start)
    return history
