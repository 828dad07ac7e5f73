"""Small builders shared by tests."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.meeting import Meeting, creation_event

MS150 = Agenda(
    id="ms",
    title="Mutual support",
    items=(
        Item("Introductions", minutes=2, kind="round", when="newcomer"),
        Item("Demining", minutes=2),
        Item("Expectations", minutes=11, kind="round", record="expectations"),
        Item("Jasette", minutes=25, kind="round", deck="jasette", alternative="News"),
        Item("Core", minutes=105, kind="discussion", flexible=True, min_minutes=60),
        Item("Conclusion", minutes=5, kind="round", record="conclusions", protected=True),
    ),
    group_size=(6, 12),
)

PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]


def meeting(
    agenda: Agenda = MS150,
    people: list[str] | None = None,
    newcomer: bool = False,
    clock: FakeClock | None = None,
    roles: dict[str, list[str]] | None = None,
    sink=None,
    planned_start: float | None = None,
) -> Meeting:  # type: ignore[no-untyped-def]
    clock = clock or FakeClock()
    first = creation_event(
        agenda,
        session="s1",
        group="Tuesday",
        participants=people or PEOPLE,
        roles=roles,
        newcomer=newcomer,
        planned_start=planned_start,
        t=clock.now(),
    )
    return Meeting.create(first, clock, sink)


def raw_line(data: dict, t: float) -> bytes:  # type: ignore[type-arg]
    """A journal line as someone else (a hand, a newer version) could have written it."""
    import json

    from facilitator.clock import iso

    return (json.dumps({"at": iso(t), **data}, ensure_ascii=False) + "\n").encode()


def replayed(path, clock=None):  # type: ignore[no-untyped-def]
    """The meeting a journal replays to (through the one loader)."""
    from facilitator.journal.load import load

    loaded = load(path)
    return Meeting(loaded.state, clock or FakeClock(loaded.last))


ENQUIRY_QUESTION = "What does enough mean?"


def enquiry(content=None, agenda: str = "enquiring-open") -> Meeting:  # type: ignore[no-untyped-def]
    """A bundled agenda's meeting whose session brings ``content`` (Ana hosts, with Bo, Chen)."""
    from facilitator import catalog
    from facilitator.meeting.events import SessionContent

    if content is None:
        content = SessionContent(question=ENQUIRY_QUESTION,
                                 supporting=("Who decides?", "When did you last?"))  # fmt: skip
    first = creation_event(catalog.find_agenda(agenda), session="s", group="G",
                           participants=["Ana", "Bo", "Chen"], roles={"host": ["Ana"]},
                           content=content, t=1_800_000_000.0)  # fmt: skip
    return Meeting.create(first, FakeClock(1_800_000_000.0))
