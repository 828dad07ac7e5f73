"""Someone new to the group arrives (a, marked new): the brief introductions left out are held
after all, the journal says who was new and what was brought back, and so does the record."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.journal.record import render
from facilitator.meeting.events import ParticipantAdded, decode, to_data
from facilitator.meeting.meeting import Meeting
from tests.factories import meeting


def test_someone_new_before_the_start_opens_the_meeting_with_the_introductions() -> None:
    m = meeting()
    assert m.state.current == 1  # the introductions were left out: nobody new
    assert m.add_participant("Mei", new=True) == "Mei"
    assert m.state.current == 0 and m.state.items[1].status == "pending"
    assert m.state.newcomers == ["Mei"] and m.state.newcomer
    m.toggle()
    m.next_item()
    assert m.state.current == 1  # then the demining, as planned


def test_someone_new_during_the_meeting_is_introduced_next_then_the_meeting_goes_on() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    for _ in range(2):
        clock.advance(120)
        m.next_item()
    assert m.agenda.items[m.state.current].title == "Jasette"
    m.add_participant("Mei", new=True)
    assert m.state.current == 3  # the ice breaker goes on
    m.next_item()
    assert m.agenda.items[m.state.current].title == "Introductions"
    m.next_item()
    assert m.agenda.items[m.state.current].title == "Core"  # not the items already held
    assert m.add_participant("Noor", new=True) is not None
    assert m.state.newcomers == ["Mei", "Noor"]  # the introductions are not held twice
    assert [r.status for r in m.state.items][:4] == ["done", "done", "done", "done"]


def test_someone_coming_back_or_not_new_brings_nothing_back() -> None:
    m = meeting()
    m.add_participant("Mei")
    assert m.state.current == 1 and m.state.newcomers == []
    m.toggle()
    m.remove_participant("Ana")
    m.add_participant("Ana", new=True)  # she was here earlier: not new
    assert m.state.newcomers == [] and m.state.items[0].status == "left_out"


def test_the_journal_says_who_was_new_and_what_was_brought_back() -> None:
    m = meeting()
    written: list = []  # type: ignore[type-arg]
    first = m.state
    m.sink = written.append  # type: ignore[assignment]
    m.add_participant("Mei", new=True)
    added = next(e for e in written if isinstance(e, ParticipantAdded))
    data = to_data(added)
    assert data["new"] is True and data["restores"] == [0]
    assert decode(data, added.t) == added
    plain = to_data(ParticipantAdded(t=added.t, name="Bo"))
    assert "new" not in plain and "restores" not in plain  # other arrivals written as before
    assert first.newcomers == ["Mei"]


def test_the_record_says_who_was_new() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    m.toggle()
    clock.advance(300)
    m.add_participant("Mei", new=True)
    m.end()
    record = render(m.state, clock.now())
    assert "Mei (new to the group, arrived " in record


def test_replaying_the_journal_gives_the_same_newcomers_and_items() -> None:
    from facilitator.meeting.meeting import creation_event
    from tests.factories import MS150, PEOPLE

    clock = FakeClock()
    written: list = []  # type: ignore[type-arg]
    first = creation_event(MS150, session="s", group="G", participants=PEOPLE, t=clock.now())
    m = Meeting.create(first, clock, written.append)
    m.toggle()
    clock.advance(60)
    m.next_item()
    m.add_participant("Mei", new=True)
    m.next_item()
    again = Meeting.replay([decode(to_data(e), e.t) for e in written], clock)
    assert again.state.newcomers == ["Mei"] and again.state.current == m.state.current == 0
    assert [r.status for r in again.state.items] == [r.status for r in m.state.items]
