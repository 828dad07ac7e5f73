"""Rounds: turns, shares, passes, arrivals and leavers, with a fake clock."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from tests.factories import meeting

MIN = 60.0

ROUND = Agenda(
    id="r", title="Rounds",
    items=(
        Item("Opening", minutes=2),
        Item("Shared", minutes=12, kind="round"),
        Item("Each", kind="round", per_person=2, minutes=12),
        Item("Core", minutes=60, flexible=True, min_minutes=20),
    ),
)  # fmt: skip
PEOPLE = ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]


def at_round(title: str, people: list[str] | None = None, clock: FakeClock | None = None):  # type: ignore[no-untyped-def]
    clock = clock or FakeClock()
    m = meeting(ROUND, people or list(PEOPLE), clock=clock)
    m.toggle()
    while m.agenda.items[m.state.current].title != title:
        m.next_item()
    return m, clock


def speak(m, clock: FakeClock, seconds: float) -> None:  # type: ignore[no-untyped-def]
    clock.advance(seconds)
    m.next_speaker_turn()


@pytest.mark.parametrize("title", ["Shared", "Each"])
def test_a_round_where_everyone_keeps_to_their_share_ends_on_time(title: str) -> None:
    m, clock = at_round(title)
    while m.run.speaker is not None:
        speak(m, clock, m.speaker_share())
    assert m.remaining() == 0


@pytest.mark.parametrize("title", ["Shared", "Each"])
def test_a_leaver_who_already_spoke_does_not_push_the_round_into_overtime(title: str) -> None:
    m, clock = at_round(title)
    for _ in range(3):
        speak(m, clock, 120)
    m.remove_participant("Ana")
    assert m.speaker_share() == 120
    while m.run.speaker is not None:
        speak(m, clock, m.speaker_share())
    assert m.remaining() == 0


def test_an_arrival_redivides_what_is_left_among_those_still_to_speak() -> None:
    m, clock = at_round("Shared")
    for _ in range(3):
        speak(m, clock, 120)
    m.add_participant("Gus")
    assert m.run.order[-1] == "Gus"
    assert m.speaker_share() == pytest.approx((12 * MIN - 3 * 120) / 4)
    while m.run.speaker is not None:
        speak(m, clock, m.speaker_share())
    assert m.remaining() == pytest.approx(0)


def test_the_turn_in_progress_keeps_its_share_when_someone_arrives() -> None:
    m, clock = at_round("Shared")
    clock.advance(110)
    m.add_participant("Gus")
    assert m.speaker_share() == 120
    assert m.speaker_elapsed() == 110


def test_in_the_first_seconds_of_a_turn_its_share_follows_who_is_there() -> None:
    m, clock = at_round("Shared")
    clock.advance(5)
    m.add_participant("Gus")
    assert m.speaker_share() == pytest.approx(12 * MIN / 7)
    m.remove_participant("Dee")
    assert m.speaker_share() == 120
    clock.advance(30)
    m.add_participant("Hal")  # well into the turn: it keeps its share
    assert m.speaker_share() == 120


def test_a_short_turn_leaves_more_for_the_others_in_a_shared_round() -> None:
    m, clock = at_round("Shared")
    speak(m, clock, 20)
    assert m.speaker_share() == pytest.approx((12 * MIN - 20) / 5)


def test_a_short_turn_gives_its_rest_back_to_the_meeting_in_a_per_person_round() -> None:
    m, clock = at_round("Each")
    speak(m, clock, 20)
    assert m.speaker_share() == 120
    core = next(r for r in m.projection().rows if r.title == "Core")
    while m.run.speaker is not None:
        speak(m, clock, m.speaker_share())
    m.next_item()
    assert m.remaining() == pytest.approx(core.projected_seconds + 100)


def test_plus_during_a_turn_is_shared_by_everyone_still_to_speak() -> None:
    m, clock = at_round("Shared")
    clock.advance(30)
    assert m.extend(+3)
    assert m.speaker_share() == pytest.approx(120 + 180 / 6)


def test_a_per_person_round_never_gives_a_negative_share() -> None:
    m, _ = at_round("Each", ["Ana", "Bo", "Chen"])
    assert m.extend(-1) and m.extend(-1)
    m.remove_participant("Bo")
    m.remove_participant("Chen")
    assert m.speaker_share() is not None and m.speaker_share() >= 0
    assert m.remaining() >= 0


def test_an_arrival_joins_a_round_entered_during_a_pause() -> None:
    m, clock = at_round("Opening", ["Ana", "Bo", "Chen"])
    m.toggle()
    m.next_item()  # into the round while paused
    m.add_participant("Gus")
    m.toggle()
    assert m.run.order == ["Ana", "Bo", "Chen", "Gus"]
    assert m.speaker_share() == 180


def test_an_arrival_after_the_round_waits_to_be_given_the_floor() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo"])
    speak(m, clock, 60)
    speak(m, clock, 60)
    assert m.run.speaker is None
    m.add_participant("Gus")
    assert m.run.speaker is None  # nothing moves on by itself
    assert m.next_speaker_turn() == "Gus"


def test_someone_who_left_meanwhile_is_not_called_when_going_back_to_a_round() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo", "Chen"])
    clock.advance(60)
    m.next_item()
    m.remove_participant("Ana")  # the speaker of the unfinished round
    m.remove_participant("Chen")
    m.add_participant("Gus")
    m.previous_item()
    assert m.run.speaker == "Bo"
    assert m.run.order == ["Bo", "Gus"]
    assert m.next_speaker() == "Gus"


def test_a_passed_speaker_comes_back_at_the_end() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo", "Chen"])
    assert m.next_speaker_turn(passed=True) == "Bo"
    assert m.next_speaker_turn() == "Chen"
    assert m.next_speaker_turn() == "Ana"
    assert m.next_speaker_turn() is None


def test_items_that_are_not_rounds_have_no_speakers() -> None:
    m, _ = at_round("Opening")
    assert m.run.order == [] and m.run.speaker is None
    assert m.next_speaker_turn() is None
    assert m.speaker_share() is None


def test_the_order_of_the_next_round_can_be_set_before_it_starts() -> None:
    m, _ = at_round("Opening", ["Ana", "Bo", "Chen"])
    target = m.next_round()
    assert target is not None and m.agenda.items[target].title == "Shared"
    assert m.reorder(["Chen", "Ana", "Bo"], target)
    assert not m.reorder(["Chen", "Ana"], target)  # everyone, or it is refused
    m.next_item()
    assert m.run.speaker == "Chen"
    assert m.next_speaker() == "Ana"


def test_in_the_first_seconds_of_a_round_the_facilitator_can_choose_who_opens() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo", "Chen"])
    clock.advance(5)  # the round's clock runs while the facilitator looks around
    assert m.round_not_begun()
    m.reorder(["Bo", "Ana", "Chen"])
    assert m.run.speaker == "Bo"
    clock.advance(20)  # Bo has been speaking for a while: the round has begun
    assert not m.round_not_begun()
    m.reorder(["Bo", "Chen", "Ana"])
    assert m.run.speaker == "Bo" and m.next_speaker() == "Chen"


def test_a_role_round_takes_a_late_arrival_who_holds_the_role() -> None:
    agenda = Agenda(
        id="cc", title="Case clinic", roles=("case giver", "coach"),
        items=(Item("Mirroring", kind="round", who="coach", per_person=2, minutes=6),
               Item("Dialogue", minutes=25, flexible=True, min_minutes=15)),
    )  # fmt: skip
    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen"]}
    m = meeting(agenda, ["Ana", "Bo", "Chen"], roles=roles)
    m.toggle()
    m.add_participant("Dee", ["coach"])
    m.add_participant("Eve")
    assert m.run.order == ["Bo", "Chen", "Dee"]
    assert m.allotted() == 6 * MIN


@pytest.mark.parametrize("passes_first", [False, True])
def test_a_per_person_turn_cut_short_by_leaving_gives_nobody_extra(passes_first: bool) -> None:
    m, clock = at_round("Each", ["Ana", "Bo", "Chen"])
    clock.advance(20)
    if passes_first:
        m.next_speaker_turn(passed=True)  # Ana passes after a few words, then has to go
    m.remove_participant("Ana")
    assert m.speaker_share() == 120
    clock.advance(120)
    m.next_speaker_turn()
    assert m.speaker_share() == 120


def test_a_long_turn_costs_the_meeting_not_the_next_speakers() -> None:
    m, clock = at_round("Shared")
    speak(m, clock, 12 * MIN)  # the first speaker takes the whole round
    assert m.speaker_share() == 120  # the next ones keep an equal share
    assert m.extend(+1)
    assert m.speaker_share() == pytest.approx(120 + 60 / 5)
    while m.run.speaker is not None:
        speak(m, clock, m.speaker_share())
    assert m.elapsed() == 12 * MIN + 5 * 132
    core = next(r for r in m.projection().rows if r.title == "Core")
    assert core.projected_seconds == (86 - 23 - 12) * MIN  # the flexible item absorbs it


def test_the_holders_of_a_rounds_first_role_open_it() -> None:
    from facilitator import catalog

    roles = {"case giver": ["Dee"], "coach": ["Ana", "Bo", "Chen"], "timekeeper": ["Chen"]}
    m = meeting(catalog.find_agenda("case-clinic"), ["Ana", "Bo", "Chen", "Dee"], roles=roles)
    closing = next(i for i, item in enumerate(m.agenda.items) if item.title == "Closing remarks")
    assert m.state.speakers_for(closing) == ["Dee", "Ana", "Bo", "Chen"]


def test_roles_given_during_the_meeting_fill_the_round_in_hand() -> None:
    from facilitator import catalog

    clock = FakeClock()
    m = meeting(catalog.find_agenda("case-clinic"), ["Ana", "Bo", "Chen", "Dee"], clock=clock)
    m.toggle()
    mirroring = next(i for i, it in enumerate(m.agenda.items) if it.title == "Mirroring")
    while m.state.current != mirroring:
        m.next_item()
    assert m.run.order == [] and m.run.speaker is None  # nobody holds "coach" yet
    m.set_roles({"case giver": ["dee"], "coach": ["ana", "Bo", "Eve"]})
    assert m.state.roles["case giver"] == ["Dee"]  # spelt as the participant is
    assert m.state.participants[-1] == "Eve"  # named in a role: here now
    assert m.run.order == ["Ana", "Bo", "Eve"] and m.run.speaker == "Ana"
    assert m.speaker_share() == 120


def test_someone_who_passed_and_left_is_not_come_back_to() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo", "Chen"])
    clock.advance(10)
    m.next_speaker_turn(passed=True)  # Ana passes; Bo speaks
    m.next_item()  # on to another item; Ana leaves meanwhile
    m.remove_participant("Ana")
    m.previous_item()
    assert m.run.passed == []
    m.next_speaker_turn()
    assert m.run.speaker == "Chen"
    assert m.next_speaker_turn() is None


def test_stepping_out_during_ones_turn_and_back_is_not_a_second_turn() -> None:
    m, clock = at_round("Each", ["Ana", "Bo", "Chen"])
    clock.advance(60)
    m.remove_participant("Ana")  # in the middle of her turn
    clock.advance(30)
    m.add_participant("Ana")
    assert m.run.order == ["Bo", "Chen"]
    speak(m, clock, 120)
    assert m.run.speaker == "Chen" and m.speaker_share() == 120


def test_a_speaker_who_leaves_at_once_and_comes_back_is_still_to_be_heard() -> None:
    m, clock = at_round("Each", ["Ana", "Bo"])
    clock.advance(3)
    m.remove_participant("Ana")  # stepped out before saying anything
    clock.advance(5)
    m.remove_participant("Bo")
    m.add_participant("Ana")
    assert m.run.order == ["Ana"] and m.run.speaker == "Ana"


def test_the_moments_before_choosing_who_opens_are_nobodys_turn() -> None:
    m, clock = at_round("Each", ["Ana", "Bo", "Chen"])
    clock.advance(12)  # the facilitator looks for who should open
    m.reorder(["Chen", "Ana", "Bo"])
    speak(m, clock, 120)
    assert m.run.speaker == "Ana" and m.speaker_elapsed() == 0


def test_a_speaker_back_after_passing_starts_a_turn_at_zero() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo"])
    clock.advance(30)
    m.next_speaker_turn(passed=True)
    speak(m, clock, 120)
    assert m.run.speaker == "Ana" and m.speaker_elapsed() == 0


def test_roles_stay_with_someone_who_steps_out_and_comes_back() -> None:
    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen"]}
    agenda = Agenda(
        id="cc", title="Case clinic", roles=("case giver", "coach"),
        items=(Item("Mirroring", kind="round", who="coach", per_person=2, minutes=4),
               Item("Dialogue", minutes=25, flexible=True, min_minutes=15)),
    )  # fmt: skip
    m = meeting(agenda, ["Ana", "Bo", "Chen"], roles=roles)
    m.remove_participant("Chen")
    assert m.state.role_counts()["coach"] == 1  # counts only those here
    m.add_participant("chen")
    assert m.state.holders("coach") == ["Bo", "Chen"]


def test_o_answered_a_while_after_asking_still_chooses_who_opens() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo", "Chen", "Dee"])
    clock.advance(10)
    opens = m.round_not_begun()  # the screen asks "Who speaks first?"
    clock.advance(10)  # ...and the answer comes after the first seconds
    assert m.choose_speaker("Chen", opens=opens)
    assert m.run.speaker == "Chen" and m.run.order == ["Chen", "Dee", "Ana", "Bo"]
    assert m.speaker_elapsed() == 0


def test_o_on_a_finished_round_orders_the_next_round() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo"])
    speak(m, clock, 60)
    speak(m, clock, 60)
    target = m.next_round()
    assert target is not None and m.agenda.items[target].title == "Each"


def test_someone_who_left_while_the_round_was_elsewhere_has_had_their_turn() -> None:
    m, clock = at_round("Shared", ["Ana", "Bo", "Chen"])
    clock.advance(100)  # Ana speaks, then the facilitator goes to another item
    m.next_item()
    m.remove_participant("Ana")
    m.previous_item()
    assert m.run.speaker == "Bo" and m.speaker_share() == pytest.approx((720 - 100) / 2)
    m.add_participant("Ana")
    assert "Ana" not in m.run.order  # back, but not for a second turn


def test_old_journals_with_speakers_on_items_that_are_not_rounds_replay_without_them() -> None:
    from facilitator.meeting.events import SpeakerChanged
    from facilitator.meeting.meeting import Meeting

    clock = FakeClock()
    events: list = []
    m = meeting(ROUND, ["Ana", "Bo"], clock=clock, sink=events.append)
    m.toggle()
    clock.advance(30)
    events.append(SpeakerChanged(clock.now(), index=0, name="Bo"))
    again = Meeting.replay(events, clock)
    assert again.run.speaker is None and again.run.spoke == {}


@pytest.mark.parametrize("agenda_id", ["case-clinic", "full-moon-call"])
def test_a_separate_timekeeper_mirrors_like_every_coach(agenda_id: str) -> None:
    """Set up as most people would: the timekeeper named only as timekeeper still mirrors,
    once, and the round is planned for four turns."""
    from facilitator import catalog

    clock = FakeClock()
    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen", "Dee"], "timekeeper": ["Eli"]}
    people = ["Ana", "Bo", "Chen", "Dee", "Eli"]
    m = meeting(catalog.find_agenda(agenda_id), people, roles=roles, clock=clock)
    mirroring = next(i for i, it in enumerate(m.agenda.items) if it.title == "Mirroring")
    assert m.state.speakers_for(mirroring) == ["Bo", "Chen", "Dee", "Eli"]
    m.set_roles({**roles, "coach": ["Bo", "Chen", "Dee", "Eli"]})  # named as both: one turn
    assert m.state.speakers_for(mirroring) == ["Bo", "Chen", "Dee", "Eli"]
    m.toggle()
    while m.state.current != mirroring:
        m.next_item()
    assert m.run.order == ["Bo", "Chen", "Dee", "Eli"]
    assert m.speaker_share() == 120  # 2 minutes each, as planned for four


def test_an_item_for_several_roles_is_planned_for_each_holder_once() -> None:
    from facilitator.schedule import count_roles, nominal_minutes

    item = Item("Mirroring", 8, kind="round", who="coach", who_also=("timekeeper",), per_person=2)
    agenda = Agenda("x", "X", (item,), roles=("coach", "timekeeper"))
    counts = count_roles(agenda, {"coach": ["Bo", "Chen"], "timekeeper": ["Chen", "Eli"]})
    assert nominal_minutes(item, 5, counts) == 3 * 2
