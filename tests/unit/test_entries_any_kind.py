"""A follow-up, a decision or a note on any item; owners that stay with what they own."""

from __future__ import annotations

from pathlib import Path

from facilitator.clock import FakeClock
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import creation_event
from facilitator.review.queries import open_followups
from facilitator.views.meeting import Layout, capture, entry_line
from tests.factories import MS150, meeting

CORE = 4


def in_the_core():  # type: ignore[no-untyped-def]
    m = meeting(MS150)
    m.toggle()
    while m.state.current != CORE:
        m.next_item()
    return m


def test_a_follow_up_without_a_name_is_the_speakers() -> None:
    m = in_the_core()
    m.raise_hand("Chen")
    m.give_floor()
    assert m.write("followups", "send Ana the letter").owner == "Chen"
    assert m.write("followups", "Bo: book the room").owner == "Bo"
    assert m.write("followups", "call Fay", speaker="Dee").owner == "Dee"  # who said it first


def test_a_follow_up_with_nobody_speaking_has_no_owner_yet() -> None:
    m = in_the_core()
    assert m.write("followups", "find a room").owner is None


def test_a_decision_may_name_who_takes_it_forward() -> None:
    m = in_the_core()
    m.raise_hand("Chen")
    m.give_floor()
    named = m.write("decisions", "Dee: we meet in the park")
    assert (named.owner, named.text) == ("Dee", "we meet in the park")
    assert m.write("decisions", "no meeting in August").owner is None  # the group's, not Chen's
    assert entry_line(named) == "• Dee: we meet in the park"


def test_the_field_takes_the_kind_chosen_on_an_item_that_keeps_none() -> None:
    m = in_the_core()
    assert MS150.items[CORE].record is None
    assert not capture(m, Layout()).shown
    asked = capture(m, Layout(writing="followups"))
    assert asked.shown and asked.prompt.startswith("Follow-up")
    assert capture(m, Layout(writing="decisions")).prompt.startswith("Decision")


def test_a_decision_with_an_owner_is_an_open_follow_up(data_dir: Path) -> None:
    clock = FakeClock()
    handle, m = start_session(creation_event(MS150, session="one", group="G",
                                             participants=["Ana", "Bo"], t=clock.now()),
                              clock)  # fmt: skip
    m.toggle()
    m.write("decisions", "Bo: we move to Thursdays")
    m.write("decisions", "we keep the same room")
    m.end()
    handle.close()
    assert [(f.text, f.owner) for f in open_followups("G")] == [("we move to Thursdays", "Bo")]
