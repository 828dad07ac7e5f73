"""The words of the meeting and set-up screens' notices and dialogs, as plain functions."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.events import Carried
from facilitator.views import meeting_words as say
from facilitator.views import setup_words
from tests.factories import MS150, meeting

CLINIC = Agenda(
    id="cc", title="Case clinic", roles=("case giver", "coach", "timekeeper"),
    items=(Item("Case", kind="round", who="case giver", minutes=6),
           Item("Mirroring", kind="round", who="coach", per_person=2, minutes=6),
           Item("Dialogue", minutes=25, flexible=True, min_minutes=15)),
)  # fmt: skip


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (say.last_item, "This is the last item: press q to end the meeting."),
        (say.no_earlier_item, "There is no earlier item to go back to."),
        (say.item_minimum, "An item keeps at least one minute."),
        (say.leave_untouched, "The meeting has not started. Leave it without keeping a record?"),
        (say.end_now, "End the meeting now?"),
        (say.not_a_round, "This item is not a round: there are no turns to give."),
        (say.start_first, "Press space to start the meeting first."),
        (say.speaker_goes_on, "Nobody else is waiting: the speaker goes on."),
        (say.who_arrived, "Who has arrived?"),
        (say.name_placeholder, "a name or pseudonym"),
        (say.no_roles, "This agenda has no roles."),
        (say.who_leaves, "Who is leaving?"),
        (say.no_round_left, "There is no round left to order."),
        (say.nobody_waiting, "Nobody else is waiting to speak."),
        (say.ratings_for_conclusion, "Ratings (0-4) are for the conclusion round."),
        (say.floor_first, "Give someone the floor first (s)."),
        (say.nothing_to_mark, "Nothing written on this item yet to mark."),
        (say.no_open_followups, "No open follow-ups from earlier sessions."),
        (say.which_followup, "Which follow-up is done?"),
        (say.marked_done, "Marked done."),
        (say.no_deck, "This item has no question deck."),
        (say.already_drawn, "A question is already drawn: r draws another."),
        (say.deck_empty, "No question left to draw in this deck."),
        (say.nothing_drawn, "No question is drawn on this item."),
        (say.retired, "Retired for this group."),
        (say.no_alternative, "This item has no alternative."),
    ],
    ids=lambda v: getattr(v, "__name__", "words"),
)
def test_fixed_sentences_keep_their_wording(words, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert words() == expected


def test_round_done_says_whether_anyone_was_there() -> None:
    assert say.round_done(True) == "Everyone has spoken in this round."
    assert say.round_done(False) == "Nobody is here for this round."


def test_welcome_greets_a_returning_person_as_back() -> None:
    assert say.welcome("Dee") == "Welcome, Dee."
    assert say.welcome("Dee", back=True) == "Welcome back, Dee."


def test_sentences_about_a_person_name_them() -> None:
    assert say.already_here("Bo") == "Bo is already here."
    assert say.role_today("Bo") == "Does Bo hold a role today?"
    assert say.opens("Chen", "Expectations") == "Chen opens “Expectations”."


def test_a_newcomer_is_offered_no_role_first_and_it_gives_none() -> None:
    choices = say.role_choices(("case giver", "coach"))
    assert choices == ["no role", "case giver", "coach"]
    assert say.chosen_roles(choices[0]) == []
    assert say.chosen_roles("coach") == ["coach"]
    assert say.chosen_roles(None) == []


def test_holds_roles_counts_and_joins_them() -> None:
    assert (
        say.holds_roles("Bo", ["case giver", "coach"]) == "Bo holds 2 roles: case giver and coach."
    )


def test_role_warnings_point_out_two_roles_that_each_have_a_turn() -> None:
    roles = {"case giver": ["Bo"], "coach": ["Bo", "Chen"], "timekeeper": ["Chen"]}
    m = meeting(CLINIC, ["Ana", "Bo", "Chen"], roles=roles)
    # Chen keeps time and coaches: the timekeeper has no turn of its own, so no notice.
    assert say.role_warnings(m) == ["Bo holds 2 roles: case giver and coach."]


def test_role_warnings_say_nothing_when_each_holds_one_role() -> None:
    roles = {"case giver": ["Ana"], "coach": ["Bo", "Chen"]}
    assert say.role_warnings(meeting(CLINIC, ["Ana", "Bo", "Chen"], roles=roles)) == []


def test_order_before_a_round_asks_who_speaks_first_among_all() -> None:
    clock = FakeClock()
    m = meeting(MS150, ["Ana", "Bo", "Chen"], clock=clock)
    index = m.next_round()
    assert index is not None and index != m.state.current
    ask = say.order_question(m, index, clock.now())
    assert ask.question == "Who speaks first? (Expectations)"
    assert ask.choices == ["Ana", "Bo", "Chen"]
    assert ask.first


def test_order_in_a_round_asks_who_speaks_next_among_those_waiting() -> None:
    clock = FakeClock()
    m = meeting(MS150, ["Ana", "Bo", "Chen"], clock=clock)
    m.toggle()
    while m.agenda.items[m.state.current].title != "Expectations":
        m.next_item()
    m.next_speaker_turn()
    clock.advance(seconds=30)
    speaker = m.run.speaker
    assert speaker is not None
    ask = say.order_question(m, m.state.current, clock.now())
    assert ask.question == "Who speaks next?"
    assert speaker not in ask.choices and ask.choices
    assert not ask.first


def test_share_notice_quotes_the_first_line_cut_short() -> None:
    assert say.share_notice("Bo is tired today\nand more", True) == (
        "To share with other groups: “Bo is tired today”"
    )
    assert say.share_notice("Bo is tired today", False) == "No longer shared: “Bo is tired today”"
    long = say.share_notice("x" * 80, True)
    assert long == f"To share with other groups: “{'x' * 49}…”"


def test_share_notice_names_a_rating_without_text() -> None:
    assert say.share_notice("", True) == "To share with other groups: “(a rating)”"


def test_open_followups_leave_out_those_marked_done() -> None:
    m = meeting()
    m.state.carried = [Carried("s0/e1", "call the hall"), Carried("s0/e2", "bring cups", "Bo")]
    m.state.followups_done = ["s0/e1"]
    assert [c.ref for c in say.open_followups(m.state)] == ["s0/e2"]


def test_followup_labels_name_who_took_it_on() -> None:
    carried = [Carried("s0/e1", "call the hall"), Carried("s0/e2", "bring cups", "Bo")]
    assert say.followup_labels(carried) == ["call the hall", "bring cups — Bo"]


def test_retire_question_shows_the_question() -> None:
    assert say.retire_question("What helps?") == (
        "Never ask this group this question again?\n\nWhat helps?"
    )


def test_setup_title_and_role_label() -> None:
    assert setup_words.title("Mutual support") == "Set up · Mutual support"
    assert setup_words.role_label("coach") == "Who is coach?"


def test_setup_field_words_keep_their_wording() -> None:
    assert (setup_words.GROUP, setup_words.GROUP_HINT) == (
        "Group name", "e.g. Tuesday evening group")  # fmt: skip
    assert (setup_words.PARTICIPANTS, setup_words.PARTICIPANTS_HINT) == (
        "Participants", "Ana, Bo, Chen (commas)")  # fmt: skip
    assert setup_words.ROLE_HINT == "names, commas"
    assert (setup_words.START, setup_words.START_HINT) == (
        "Planned start", "HH:MM (empty: when you press space)")  # fmt: skip
    assert setup_words.LANGUAGE == "Question language"
    assert (setup_words.RHYTHM, setup_words.RHYTHM_HINT) == (
        "Rhythm (optional)", "e.g. full moon at 19:30, or every monday at 18:00")  # fmt: skip
    assert setup_words.NEWCOMER == "Someone new is here today"
    assert setup_words.GO == "Start the meeting (ctrl+s)"


def test_followups_box_counts_all_and_lists_the_first_five() -> None:
    carried = [Carried(f"s0/e{n}", f"task {n}", "Bo" if n == 0 else None) for n in range(7)]
    box = setup_words.followups_box(carried).splitlines()
    assert box[0] == "Open follow-ups from earlier sessions (7; key F in the meeting):"
    assert box[1:] == ["  • task 0 — Bo", "  • task 1", "  • task 2", "  • task 3", "  • task 4"]


def test_followups_box_is_empty_without_followups() -> None:
    assert setup_words.followups_box([]) == ""


def test_rhythm_not_saved_gives_the_reason() -> None:
    error = OSError("disk full")
    assert setup_words.rhythm_not_saved(error) == "The rhythm could not be saved: disk full"
