"""Who a round has not heard yet, and what n, k and q ask before leaving it (plain functions)."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.views import meeting_words as say
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


def test_the_question_says_how_many_and_who_then_what_the_key_does() -> None:
    three = say.unheard(["Dee", "Eli", "Fay"], "Move on anyway?")
    assert three == "3 have not spoken: Dee, Eli, Fay\nMove on anyway?"
    assert say.unheard(["Fay"], "Move on anyway?") == "1 has not spoken: Fay\nMove on anyway?"


def test_n_and_k_ask_only_in_a_round_that_has_not_heard_everyone() -> None:
    m, clock = at("Expectations", ["Dee", "Eli"])
    assert say.moving_on(m) == "2 have not spoken: Dee, Eli\nMove on anyway?"
    assert say.moving_on(m, skip=True) == "2 have not spoken: Dee, Eli\nSkip this item anyway?"
    for _ in range(2):
        clock.advance(seconds=30)
        m.next_speaker_turn()
    assert say.moving_on(m) is None and say.moving_on(m, skip=True) is None


def test_n_on_the_last_item_does_not_ask_it_has_nowhere_to_go() -> None:
    m, _ = at("Conclusion", ["Dee", "Eli"])
    assert m.not_heard() == ["Dee", "Eli"]
    assert say.moving_on(m) is None  # n says q ends the meeting; q asks


def test_q_names_who_has_not_spoken_before_ending() -> None:
    m, _ = at("Conclusion", ["Dee", "Eli"])
    assert say.end_now(m.not_heard()) == "2 have not spoken: Dee, Eli\nEnd the meeting anyway?"
    assert say.end_now() == "End the meeting now?"
