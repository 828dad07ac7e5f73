"""Items and turns that move on by themselves (``advance: auto``), at the moment they fall due."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.meeting import Meeting
from tests.factories import meeting

MIN = 60.0
AGENDA = Agenda(
    id="a", title="A",
    items=(
        Item("Arrive", minutes=2),
        Item("Stillness", minutes=3, kind="silence", advance="auto"),
        Item("Mirroring", kind="round", per_person=2, minutes=6, advance="auto"),
        Item("Dialogue", minutes=30, flexible=True, min_minutes=10),
        Item("Close", minutes=5, kind="round", advance="auto"),
    ),
)  # fmt: skip


def at(title: str, clock: FakeClock, events: list | None = None) -> Meeting:
    m = meeting(AGENDA, ["Ana", "Bo", "Chen"], clock=clock,
                sink=events.append if events is not None else None)  # fmt: skip
    m.toggle()
    while m.agenda.items[m.state.current].title != title:
        m.next_item()
    return m


def test_a_silence_ends_by_itself_when_its_time_is_up() -> None:
    clock = FakeClock()
    m = at("Stillness", clock)
    clock.advance(minutes=2)
    assert said(m) == []
    clock.advance(minutes=1, seconds=10)  # the tick comes ten seconds late (a closed lid)
    assert said(m) == ["Time is up: on to Mirroring"]
    assert m.agenda.items[m.state.current].title == "Mirroring"
    assert m.elapsed() == 10  # it began when the silence ended, not when noticed
    stillness = next(r for r in m.projection().rows if r.title == "Stillness")
    assert stillness.actual_seconds == 3 * MIN


def test_turns_pass_by_themselves_in_an_auto_round() -> None:
    clock = FakeClock()
    m = at("Mirroring", clock)
    clock.advance(seconds=120 * 2 + 30)
    assert said(m) == ["Bo speaks", "Chen speaks"]
    assert m.run.speaker == "Chen" and m.speaker_elapsed() == 30
    clock.advance(seconds=90)
    assert said(m) == ["Everyone has spoken", "Time is up: on to Dialogue"]
    assert m.elapsed() == 0


def test_nothing_moves_while_paused_or_where_the_agenda_does_not_say_so() -> None:
    clock = FakeClock()
    m = at("Stillness", clock)
    m.toggle()  # paused
    clock.advance(minutes=10)
    assert said(m) == []
    m = at("Arrive", FakeClock())
    m.clock.advance(minutes=10)  # type: ignore[attr-defined]
    assert said(m) == []
    assert m.remaining() < 0  # overtime: the facilitator decides


def test_the_last_item_waits_for_the_facilitator() -> None:
    clock = FakeClock()
    m = at("Close", clock)
    clock.advance(minutes=20)
    changes = said(m)
    assert changes and changes[-1] == "Everyone has spoken"
    assert m.status == "running" and m.remaining() < 0


def test_moves_made_by_themselves_replay_exactly() -> None:
    clock = FakeClock()
    events: list = []
    m = at("Stillness", clock, events)
    clock.advance(minutes=3 + 2 * 3, seconds=5)
    m.catch_up()
    again = Meeting.replay(events, clock)
    assert again.state.current == m.state.current
    assert again.projection() == m.projection()


@pytest.mark.parametrize("bad", ["sometimes", "yes"])
def test_advance_takes_manual_or_auto(tmp_path, bad: str) -> None:  # type: ignore[no-untyped-def]
    from facilitator.formats.agenda import load_agenda
    from facilitator.formats.problems import FormatError

    path = tmp_path / "a.yaml"
    path.write_text(f"title: T\nitems:\n  - title: A\n    minutes: 2\n    advance: {bad}\n")
    with pytest.raises(FormatError) as caught:
        load_agenda(path)
    assert f"{path}:5:14: 'advance' is '{bad}'" in str(caught.value)


def said(m) -> list[str]:  # type: ignore[no-untyped-def]
    """What moved by itself, as the screen says it, one move at a time."""
    from facilitator.views.meeting import moved_words

    return [moved_words([move]) for move in m.catch_up()]
