"""What the meeting screen says, as plain values: MeetingView built from a meeting and one now."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.meeting import Meeting, Moved, creation_event
from facilitator.views.meeting import Layout, MeetingView, build, moved_words
from tests.factories import MS150, meeting

ROLES = Agenda(
    id="roles", title="With roles", roles=("case giver", "coach"),
    items=(
        Item("Intention", minutes=10, who="case giver"),
        Item("Mirroring", minutes=8, kind="round", who="coach"),
    ),
)  # fmt: skip

TIGHT = Agenda(
    id="tight", title="Tight",
    items=(Item("First", minutes=10), Item("Second", minutes=10), Item("Third", minutes=10)),
)  # fmt: skip

LONG = " ".join(["Everyone says in a few words how they arrive today, without interruption."] * 8)

GUIDED = Agenda(
    id="guided", title="Guided",
    items=(
        Item("Arrival", minutes=10, guidance=LONG),
        Item("Walk", minutes=10, guidance=LONG, alternative="A walk in silence together"),
        Item("Short", minutes=5, guidance="Just a word."),
        Item("Questions", minutes=12, kind="round", deck="jasette", draw="each"),
        Item("Decide", minutes=5, record="followups"),
    ),
)  # fmt: skip


def started(agenda: Agenda = MS150, people: list[str] | None = None, **kw):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    m = meeting(agenda, people, clock=clock, **kw)
    m.toggle()
    return m, clock


def at(m: Meeting, title: str) -> None:
    while not m.agenda.items[m.state.current].title.startswith(title):
        assert m.next_item()


def view(m: Meeting, clock: FakeClock, width: int = 80, height: int = 24, **kw) -> MeetingView:  # type: ignore[no-untyped-def]
    return build(m, clock.now(), Layout(width, height, **kw))


# -- the clock face ------------------------------------------------------------------------------


def test_ready_shows_the_first_items_time_and_how_to_start() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    face = view(m, clock).clock
    assert (face.digits, face.cue, face.fraction) == ("02:00", "READY: press space to start", 0)
    assert not face.over and not face.warning


def test_running_counts_down_with_the_minutes_left_in_the_cue() -> None:
    m, clock = started()
    clock.advance(30)
    face = view(m, clock).clock
    assert face.digits == "01:30"
    assert face.cue == "2 min left of 2 min"  # to the nearest minute, as the timeline
    assert face.fraction == pytest.approx(0.25)
    clock.advance(15)
    assert view(m, clock).clock.cue == "1 min left of 2 min"


def test_paused_says_how_to_resume_and_the_clock_stands_still() -> None:
    m, clock = started()
    clock.advance(30)
    m.toggle()
    clock.advance(120)
    face = view(m, clock).clock
    assert (face.digits, face.cue) == ("01:30", "PAUSED: space to resume")
    assert face.fraction == pytest.approx(0.25)
    assert not face.warning and not face.over
    assert view(m, clock).topbar.startswith("PAUSED · ")


def test_a_pause_in_a_flexible_item_says_it_is_taken_from_the_items_time() -> None:
    m, clock = started()
    at(m, "Core")
    clock.advance(60)
    m.toggle()
    before = view(m, clock).clock
    assert before.cue == "PAUSED · taken from this item's time · space to resume"
    clock.advance(60)
    after = view(m, clock).clock
    assert after.cue == before.cue
    assert after.digits != before.digits  # its countdown goes on


def test_the_last_minute_is_a_warning_from_the_moment_the_digits_read_01_00() -> None:
    m, clock = started()
    clock.advance(59.5)
    face = view(m, clock).clock
    assert (face.digits, face.warning) == ("01:01", False)
    clock.advance(0.5)
    face = view(m, clock).clock
    assert (face.digits, face.warning, face.cue) == ("01:00", True, "One minute left")
    clock.advance(59.5)
    assert view(m, clock).clock.warning  # 00:01 still shows
    m.toggle()
    assert not view(m, clock).clock.warning  # paused: nothing runs out


def test_overtime_shows_plus_digits_and_what_to_do() -> None:
    m, clock = started()
    clock.advance(150)
    face = view(m, clock).clock
    assert face.digits == "+00:30"
    assert face.cue == "OVERTIME by 00:30 · n for the next item · + adds a minute"
    assert face.over and not face.warning
    assert face.fraction >= 1


def test_ended_says_so_whatever_the_last_item_ran_to() -> None:
    m, clock = started()
    clock.advance(150)  # in overtime
    m.end()
    clock.advance(600)
    v = view(m, clock)
    assert v.clock.cue == "The meeting has ended"
    assert not v.clock.over and "+" not in v.clock.digits
    assert v.topbar.startswith("ENDED · ")
    assert view(m, clock, 60, 20).clock.cue.endswith("The meeting has ended")
    assert "OVERTIME" not in view(m, clock, 60, 20).clock.cue


@pytest.mark.parametrize("size", [(39, 24), (80, 15), (40, 12)])
def test_without_big_digits_the_time_comes_first_in_the_cue(size: tuple[int, int]) -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    assert view(m, clock, *size).clock.cue == "02:00 · READY: press space to start"
    m.toggle()
    clock.advance(30)
    assert view(m, clock, *size).clock.cue == "01:30 · 2 min left of 2 min"
    clock.advance(120)
    assert view(m, clock, *size).clock.cue == (
        "OVERTIME +00:30 · n for the next item · + adds a minute"
    )


def test_seventy_columns_and_twenty_two_rows_are_not_compact() -> None:
    m, clock = started()
    assert view(m, clock, 70, 22).clock.cue == "2 min left of 2 min"


@pytest.mark.parametrize("size", [(40, 16), (69, 24), (80, 21)])
def test_a_compact_screen_keeps_the_big_digits_down_to_forty_columns(size: tuple[int, int]) -> None:
    m, clock = started()
    assert Layout(*size).compact and Layout(*size).big_digits
    assert view(m, clock, *size).clock.cue == "2 min left of 2 min"  # the digits show the time
    assert not Layout(39, 24).big_digits and not Layout(80, 15).big_digits


def test_beside_narrow_digits_the_turns_time_comes_before_the_name() -> None:
    m, clock = started()
    at(m, "Expectations")
    clock.advance(40)
    assert view(m, clock, 45, 20).clock.speaker == "00:40 of 01:50 · Ana · next: Bo"
    clock.advance(71)
    assert view(m, clock, 45, 20).clock.speaker == "01:51 of 01:50 OVER · Ana · next: Bo"
    assert view(m, clock, 80, 24).clock.speaker.startswith("Speaking: Ana  01:51")


# -- the speaker line ----------------------------------------------------------------------------


def test_the_speaker_line_shows_the_turns_time_and_who_is_next() -> None:
    m, clock = started()
    at(m, "Expectations")
    clock.advance(110)  # Ana keeps to her share: Bo's is the same
    m.next_speaker_turn()
    clock.advance(40)
    assert view(m, clock).clock.speaker == "Speaking: Bo  00:40 of 01:50 · next: Chen"


def test_a_turn_past_its_share_says_over() -> None:
    m, clock = started()
    at(m, "Expectations")
    clock.advance(111)
    assert view(m, clock).clock.speaker == "Speaking: Ana  01:51 of 01:50 OVER · next: Bo"


def test_the_speaker_line_lists_who_passed() -> None:
    m, clock = started()
    at(m, "Expectations")
    m.next_speaker_turn(passed=True)
    line = view(m, clock).clock.speaker
    assert line.startswith("Speaking: Bo  00:00 of ")
    assert line.endswith(" · next: Chen · passed: Ana")


def test_a_long_name_is_cut_to_twenty_cells() -> None:
    long = "Maximiliana Featherstonehaugh"
    m, clock = started(people=[long, "Bo", "Chen", "Dee", "Eli", "Fay"])
    at(m, "Expectations")
    line = view(m, clock).clock.speaker
    cut = long[:19] + "…"
    assert line.startswith(f"Speaking: {cut}  00:00 of ")
    assert long not in line
    m.reorder(["Bo", long, "Chen", "Dee", "Eli", "Fay"])
    assert view(m, clock).clock.speaker.endswith(f" · next: {cut}")


def test_before_the_start_a_round_names_who_speaks_first() -> None:
    clock = FakeClock()
    m = meeting(newcomer=True, clock=clock)
    assert view(m, clock).clock.speaker == "First to speak: Ana"


def test_a_round_complete_says_what_comes_next() -> None:
    m, clock = started()
    at(m, "Expectations")
    while m.run.speaker is not None:
        clock.advance(60)
        m.next_speaker_turn()
    assert view(m, clock).clock.speaker == "Round complete (n: next item)"
    m.add_participant("Gus")
    assert view(m, clock).clock.speaker == "Not heard yet: Gus · s gives them the floor"


def test_the_last_round_complete_says_q_ends_the_meeting() -> None:
    m, clock = started()
    at(m, "Conclusion")
    while m.run.speaker is not None:
        m.next_speaker_turn()
    assert view(m, clock).clock.speaker == "Round complete (q ends the meeting)"


def test_an_item_for_a_role_names_its_holders() -> None:
    m, clock = started(ROLES, ["Ana", "Bo", "Chen"], roles={"case giver": ["ana"]})
    assert view(m, clock).clock.speaker == "case giver: Ana"
    m.set_roles({"case giver": []})
    assert view(m, clock).clock.speaker == "case giver: nobody here yet (w gives the role)"
    m.next_item()
    assert view(m, clock).clock.speaker == "Nobody here holds the role coach: w gives it"


def test_an_open_item_has_no_speaker_line() -> None:
    m, clock = started()
    assert view(m, clock).clock.speaker == ""


# -- the top bar, the title, the guidance --------------------------------------------------------


def test_the_topbar_gives_the_badge_the_time_the_group_and_the_agenda() -> None:
    clock = FakeClock()  # 08:00 UTC
    m = meeting(clock=clock)
    assert view(m, clock).topbar == "READY · 08:00 · Tuesday · Mutual support"
    m.toggle()
    clock.advance(minutes=5)
    assert view(m, clock).topbar == "RUNNING · 08:05 · Tuesday · Mutual support"
    first = creation_event(MS150, session="s", group="", participants=["Ana"], t=clock.now())
    alone = Meeting.create(first, clock)
    assert view(alone, clock).topbar == "READY · 08:05 · Mutual support"


def test_item_title_numbers_the_items_held_today() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)  # no newcomer: the introductions are left out
    assert view(m, clock).item_title == "1/5  Demining"
    m.next_item()
    assert view(m, clock).item_title == "2/5  Expectations · round"
    at(m, "Core")
    assert view(m, clock).item_title == "4/5  Core · discussion · flexible"
    at(m, "Conclusion")
    assert view(m, clock).item_title == "5/5  Conclusion · round · protected"
    welcome = meeting(newcomer=True, clock=clock)
    assert view(welcome, clock).item_title == "1/6  Introductions · round"


@pytest.mark.parametrize(("height", "lines"), [(24, 3), (29, 3), (30, 5), (40, 5)])
def test_guidance_takes_the_lines_the_room_has(height: int, lines: int) -> None:
    m, clock = started(GUIDED)
    text = view(m, clock, 80, height).guidance.split("\n")
    assert len(text) == lines
    assert text[-1].endswith(" … (g reads it all)")
    assert all(cell_len(line) <= 78 for line in text)


def test_compact_guidance_is_one_line() -> None:
    m, clock = started(GUIDED)
    (line,) = view(m, clock, 60, 24).guidance.split("\n")
    assert line.endswith(" … (g reads it all)") and cell_len(line) <= 58
    (line,) = view(m, clock, 80, 21).guidance.split("\n")
    assert line.endswith(" … (g reads it all)")


def test_short_guidance_is_shown_whole() -> None:
    m, clock = started(GUIDED)
    at(m, "Short")
    assert view(m, clock).guidance == "Just a word."
    at(m, "Questions")
    assert view(m, clock).guidance == ""


def test_the_alternative_hint_has_a_line_of_its_own() -> None:
    m, clock = started(GUIDED)
    at(m, "Walk")
    lines = view(m, clock).guidance.split("\n")
    assert len(lines) == 3
    assert lines[1].endswith(" … (g reads it all)")
    assert lines[2] == "Alternative (v): A walk in silence together"
    compact = view(m, clock, 60, 20).guidance.split("\n")
    assert len(compact) == 2 and compact[1].startswith("Alternative (v): ")
    m.toggle_alternative()
    assert view(m, clock).guidance == "Alternative: A walk in silence together"


# -- the question box ----------------------------------------------------------------------------


def test_the_question_box_invites_a_draw_then_shows_the_question() -> None:
    m, clock = started()
    at(m, "Jasette")
    v = view(m, clock)
    assert v.question_shown and v.question == "Press d to draw a question"
    m.record_draw("jasette", "What made you smile this week?")
    assert view(m, clock).question == "What made you smile this week?"
    m.record_draw("jasette", "Which place do you miss?")
    assert view(m, clock).question == "Which place do you miss?"
    m.toggle_alternative()
    assert not view(m, clock).question_shown


def test_no_question_box_on_an_item_without_a_deck() -> None:
    m, clock = started()
    assert not view(m, clock).question_shown


def test_draw_each_shows_only_the_speakers_question() -> None:
    m, clock = started(GUIDED, ["Ana", "Bo", "Chen"])
    at(m, "Questions")
    m.record_draw("jasette", "Ana's question", person="Ana")
    assert view(m, clock).question == "Ana's question"
    m.next_speaker_turn()
    assert view(m, clock).question == "Press d to draw a question"
    m.record_draw("jasette", "Bo's question", person="Bo")
    assert view(m, clock).question == "Bo's question"


# -- the capture ---------------------------------------------------------------------------------


def test_a_round_that_keeps_expectations_prompts_for_the_speakers() -> None:
    m, clock = started()
    at(m, "Expectations")
    capture = view(m, clock).capture
    assert capture.shown and capture.prompt == "Expectation of Ana"
    assert (capture.earlier, capture.entries) == ("", ())
    m.write("expectations", "to be heard", person="Ana")
    assert view(m, clock).capture.entries == ("• Ana: to be heard",)
    m.next_speaker_turn()
    assert view(m, clock).capture.prompt == "Expectation of Bo"
    drafting = view(m, clock, draft_for="Ana", drafting=True).capture
    assert drafting.prompt == "Expectation of Ana"  # whose words are in the field
    assert view(m, clock, draft_for="Ana").capture.prompt == "Expectation of Bo"


def test_a_followup_prompt_says_how_to_name_who_does_it() -> None:
    m, clock = started(GUIDED, ["Ana", "Bo"])
    at(m, "Decide")
    capture = view(m, clock).capture
    assert capture.prompt == 'Follow-up (start with "Ana: " to say who will do it)'
    m.write("followups", "Bo: send the article")
    assert view(m, clock).capture.entries == ("• Bo: send the article",)


def test_the_followup_hint_names_someone_of_this_meeting_not_the_speaker() -> None:
    m, clock = started(GUIDED, ["Dee", "Eli"])
    at(m, "Decide")
    assert view(m, clock).capture.prompt == 'Follow-up (start with "Dee: " to say who will do it)'
    m.raise_hand("Dee")
    m.give_floor()  # Dee's words are hers already: the hint names Eli
    assert '"Eli: "' in view(m, clock).capture.prompt


def test_the_followup_hint_names_nobody_when_nobody_is_here() -> None:
    m, clock = started(GUIDED, ["Dee"])
    at(m, "Decide")
    m.remove_participant("Dee")
    hint = "Follow-up (start with a name and a colon to say who will do it)"
    assert view(m, clock).capture.prompt == hint


def test_the_conclusion_recalls_the_speakers_expectation_and_asks_if_it_was_met() -> None:
    m, clock = started()
    at(m, "Expectations")
    m.write("expectations", "to be heard", person="Ana")
    m.write("expectations", "to listen", person="Ana")
    m.write("expectations", "calm", person="Bo")
    at(m, "Conclusion")
    capture = view(m, clock).capture
    assert capture.prompt == "Conclusion of Ana  (0-4: met?)"
    assert capture.earlier == "Earlier, Ana expected: to be heard / to listen"
    m.rate("Ana", 3)
    capture = view(m, clock).capture
    assert capture.prompt == "Conclusion of Ana  (met: mostly)"
    assert capture.entries == ("• Ana: met: mostly",)
    m.write("conclusions", "good evening", person="Ana")
    assert view(m, clock).capture.entries == ("• Ana: good evening (met: mostly)",)
    m.next_speaker_turn()
    m.next_speaker_turn()
    capture = view(m, clock).capture
    assert capture.prompt == "Conclusion of Chen  (0-4: met?)"
    assert capture.earlier == "Chen gave no expectation earlier"


def test_more_than_three_entries_show_the_last_two_and_a_count() -> None:
    m, clock = started(GUIDED)
    at(m, "Decide")
    for n in range(3):
        m.write("followups", f"task {n}")
    assert view(m, clock).capture.entries == ("• task 0", "• task 1", "• task 2")
    m.write("followups", "task 3")
    assert view(m, clock).capture.entries == (
        "  … 2 earlier (E to see them all)",
        "• task 2",
        "• task 3",
    )
    m.write("followups", "task 4")
    assert view(m, clock).capture.entries == (
        "  … 3 earlier (E to see them all)",
        "• task 3",
        "• task 4",
    )


def test_an_item_without_a_record_shows_no_capture_unless_writing_notes() -> None:
    m, clock = started()
    assert view(m, clock).capture.shown is False
    notes = view(m, clock, writing_notes=True).capture
    assert notes.shown and notes.prompt == "Note" and notes.entries == ()
    m.add_entry("notes", "the room is cold")
    kept = view(m, clock).capture  # a note written stays in sight
    assert kept.shown and kept.entries == ("• the room is cold",)


# -- the summary and the timeline ----------------------------------------------------------------


def test_the_summary_on_time() -> None:
    clock = FakeClock()
    m = meeting(clock=clock)
    assert view(m, clock).summary == "Ends 10:30 (planned 10:30) · on time · 6 people"
    m.toggle()
    clock.advance(minutes=10)
    assert view(m, clock).summary == (
        "Ends 10:30 (planned 10:30) · on time · 6 people · 2 h 20 min to planned end"
    )


def test_the_summary_says_how_far_over_and_drops_parts_to_fit() -> None:
    m, clock = started(TIGHT, ["Ana"])
    clock.advance(minutes=15)
    assert view(m, clock).summary == (
        "Ends 08:35 (planned 08:30) · 5 min OVER · 1 person · 15 min to planned end"
    )
    narrow = view(m, clock, 40, 24).summary
    assert narrow == "Ends 08:35 · 5 min OVER · 1 person"
    assert cell_len(narrow) <= 38


def test_the_summary_says_early() -> None:
    m, clock = started(TIGHT)
    clock.advance(minutes=2)
    m.next_item(skip=True)
    assert " · 8 min early · " in view(m, clock).summary


def test_timeline_rows_mark_done_current_skipped_and_pending() -> None:
    m, clock = started(TIGHT)
    clock.advance(minutes=12)
    m.next_item()
    m.next_item(skip=True)
    rows = view(m, clock).timeline
    assert [(r.mark, r.status, r.title) for r in rows] == [
        ("✓", "done", "First"),
        ("⤼", "skipped", "Second (skipped)"),
        ("▶", "current", "Third"),
    ]
    assert [r.minutes for r in rows] == ["12", "0", "10"]
    assert [r.planned for r in rows] == ["08:00", "08:10", "08:20"]
    assert [r.actual for r in rows] == ["08:00", "08:12", "08:12"]
    assert rows[2].projected == "08:12"


def test_a_later_item_that_already_ran_counts_what_it_used_in_its_minutes() -> None:
    m, clock = started(TIGHT)
    clock.advance(minutes=3)
    m.next_item()
    clock.advance(minutes=4)
    m.previous_item()
    rows = view(m, clock).timeline
    assert [(r.status, r.actual, r.projected, r.minutes) for r in rows] == [
        ("current", "08:00", "08:00", "10"),
        ("pending", "08:03", "08:14", "10"),  # 4 used, 6 to come
        ("pending", "", "08:20", "10"),
    ]


def test_timeline_rows_before_the_start() -> None:
    clock = FakeClock()
    m = meeting(TIGHT, clock=clock)
    rows = view(m, clock).timeline
    assert [(r.mark, r.actual, r.minutes) for r in rows] == [(" ", "", "10")] * 3


# -- what the palette offers, and what moved by itself -------------------------------------------


def test_offers_on_an_open_item() -> None:
    m, clock = started()
    # the next round to come; a hand may be raised, the time split, airtime seen
    assert view(m, clock).offers == frozenset({"order", "raise_hand", "split", "airtime"})
    m.raise_hand("Ana")
    assert {"hands", "give_floor"} <= view(m, clock).offers


def test_offers_in_a_round() -> None:
    m, clock = started()
    at(m, "Expectations")
    assert view(m, clock).offers == frozenset({"next_speaker", "pass_speaker", "order",
                                               "airtime"})  # fmt: skip


def test_draw_and_retire_need_a_deck_and_a_question_on_the_table() -> None:
    m, clock = started()
    at(m, "Jasette")
    offers = view(m, clock).offers
    assert {"draw", "redraw", "alternative"} <= offers
    assert "retire" not in offers
    m.record_draw("jasette", "What made you smile?")
    assert "retire" in view(m, clock).offers
    at(m, "Core")
    assert not {"draw", "redraw", "retire"} & view(m, clock).offers


def test_roles_are_offered_only_when_the_agenda_has_roles() -> None:
    m, clock = started(ROLES, ["Ana", "Bo"])
    offers = view(m, clock).offers
    assert "roles" in offers and "next_speaker" not in offers
    m2, clock2 = started()
    assert "roles" not in view(m2, clock2).offers


def test_met_is_offered_on_a_conclusion_rated_against_expectations() -> None:
    m, clock = started()
    assert "met" not in view(m, clock).offers
    at(m, "Conclusion")
    assert {"met", "next_speaker", "pass_speaker"} <= view(m, clock).offers


def test_followups_are_offered_when_some_were_carried() -> None:
    clock = FakeClock()
    first = creation_event(MS150, session="s", group="G", participants=["Ana"], t=clock.now(),
                           carried=[{"ref": "old/1", "text": "call the hall", "owner": "Ana"}])  # fmt: skip
    m = Meeting.create(first, clock)
    assert "followups" in view(m, clock).offers
    assert "followups" not in view(meeting(clock=clock), clock).offers


def test_moved_words_tell_the_last_two_moves() -> None:
    assert moved_words([]) == ""
    assert moved_words([Moved(speaker="Bo")]) == "Bo speaks"
    assert moved_words([Moved(speaker="Bo"), Moved(speaker="Chen")]) == "Bo speaks · Chen speaks"
    moves = [Moved(speaker="Bo"), Moved(everyone_spoke=True), Moved(item="Core")]
    assert moved_words(moves) == "Everyone has spoken · Time is up: on to Core"


# -- fitting the room ----------------------------------------------------------------------------


def states():  # type: ignore[no-untyped-def]
    """A few meetings worth drawing: ready, guidance cut, overtime, a round with a hint."""
    clock = FakeClock()
    yield meeting(GUIDED, clock=clock), clock
    m, clock = started(GUIDED, ["Ana", "Bo", "Chen"])
    at(m, "Walk")
    yield m, clock
    m, clock = started(TIGHT, ["Ana"])
    clock.advance(minutes=95)
    yield m, clock
    m, clock = started(people=["Maximiliana Featherstonehaugh", "Bo", "Chen", "Dee", "Eli", "Fay"])
    at(m, "Jasette")
    clock.advance(minutes=30)
    yield m, clock


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12)])
def test_the_summary_and_the_guidance_fit_the_width(size: tuple[int, int]) -> None:
    width, height = size
    for m, clock in states():
        v = view(m, clock, width, height)
        assert v.summary and cell_len(v.summary) <= width - 2, v.summary
        for line in v.guidance.split("\n"):
            assert cell_len(line) <= width - 2, line
        assert len(v.guidance.split("\n")) <= (3 if width >= 70 and height >= 22 else 2)


# -- the question box ----------------------------------------------------------------------------


def test_a_rounds_own_question_heads_the_box_and_a_drawn_prompt_goes_under_it() -> None:
    from facilitator import catalog

    m, clock = started(catalog.find_agenda("open-meetup"), ["Ana", "Bo"])
    at(m, "Round 1")
    shown = view(m, clock)
    assert shown.question_shown and shown.question.startswith("What challenges am I working on")
    assert shown.nudge == "d draws a prompt to help"
    m.record_draw("open-meetup", "What is the smallest next step?", m.run.speaker)
    drawn = view(m, clock)
    assert drawn.question == shown.question and drawn.nudge == "What is the smallest next step?"


def test_without_a_question_of_its_own_the_box_shows_the_drawn_one() -> None:
    m, clock = started()
    at(m, "Jasette")
    assert view(m, clock).question == "Press d to draw a question" and view(m, clock).nudge == ""
