"""Who a round has not heard yet: those n, k and q name before leaving it (plain functions)."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from tests.factories import meeting

ROUNDS = Agenda(
    id="r", title="Rounds",
    items=(
        Item("Opening", minutes=2),
        Item("Expectations", minutes=12, kind="round"),
        Item("Core", minutes=60, flexible=True, min_minutes=20),
        Item("Conclusion", minutes=6, kind="round"),
    ),
)  # fmt: skip
PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]


def at(title: str, people: list[str] | None = None):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    m = meeting(ROUNDS, people or list(PEOPLE), clock=clock)
    m.toggle()
    while m.agenda.items[m.state.current].title != title:
        m.next_item()
    return m, clock


def test_a_round_just_opened_has_heard_nobody_its_first_speaker_included() -> None:
    m, _ = at("Expectations")
    assert m.run.speaker == "Ana"
    assert m.not_heard() == PEOPLE


def test_those_who_spoke_or_passed_are_heard_and_so_is_a_speaker_well_into_their_turn() -> None:
    m, clock = at("Expectations")
    clock.advance(seconds=40)
    m.next_speaker_turn()  # Ana has spoken, Bo has the floor
    clock.advance(seconds=5)
    m.next_speaker_turn(passed=True)  # Bo passes, Chen has the floor
    assert m.not_heard() == ["Chen", "Dee", "Eli", "Fay"]  # Chen's turn has barely begun
    clock.advance(seconds=30)
    assert m.not_heard() == ["Dee", "Eli", "Fay"]


def test_a_round_that_heard_everyone_leaves_nobody_out() -> None:
    m, clock = at("Expectations", ["Ana", "Bo"])
    for _ in range(2):
        clock.advance(seconds=30)
        m.next_speaker_turn()
    assert m.run.speaker is None
    assert m.not_heard() == []


def test_nobody_is_left_out_outside_a_started_round() -> None:
    m, clock = at("Opening")
    assert m.not_heard() == []  # not a round
    ready = meeting(Agenda(id="x", title="X", items=(Item("Round", minutes=5, kind="round"),)))
    assert ready.status == "ready" and ready.not_heard() == []
    while m.agenda.items[m.state.current].title != "Conclusion":
        m.next_item()
    m.end()
    assert m.not_heard() == []


def test_has_next_item_is_false_on_the_last_item_and_once_ended() -> None:
    m, _ = at("Core")
    assert m.has_next_item()
    m.next_item()
    assert not m.has_next_item()
    ended, _ = at("Core")
    ended.end()
    assert not ended.has_next_item()
