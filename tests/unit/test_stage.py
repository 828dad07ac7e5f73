"""The stage: following a journal as it grows, and what the room may see of it."""

from __future__ import annotations

import json

from facilitator.clock import FakeClock
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import MESSAGE_CHARS, Meeting, creation_event
from facilitator.session.stage import StageSource
from facilitator.views import stage
from facilitator.views import stage_words as say
from facilitator.views.bigdigits import big
from tests.factories import MS150, PEOPLE

SECRETS = ("SECRET-expectation-Ana", "SECRET-note-core", "SECRET-followup-Bo",
           "SECRET-decision-all", "SECRET-conclusion-Fay", "SECRET-carried-old")  # fmt: skip


def _secret_meeting(clock: FakeClock, sink=None) -> Meeting:  # type: ignore[no-untyped-def]
    first = creation_event(MS150, session="s1", group="Tuesday", participants=PEOPLE,
                           t=clock.now(), carried=[{"ref": "old/e1", "text": SECRETS[5]}])  # fmt: skip
    return Meeting.create(first, clock, sink)


def test_the_stage_never_shows_what_was_written() -> None:
    clock = FakeClock()
    m = _secret_meeting(clock)
    frames = [stage.build(m.state, clock.now())]

    def look() -> None:
        for _ in range(3):
            clock.advance(40)
            view = stage.build(m.state, clock.now())
            frames.append(view)

    m.toggle()
    m.next_item()  # the expectations round
    m.next_speaker_turn()
    m.write("expectations", SECRETS[0], person=m.run.speaker)
    look()
    m.record_draw("jasette", "What made you smile this week?")
    look()
    while m.agenda.items[m.state.current].title != "Core":
        m.next_item()
    m.add_entry("notes", SECRETS[1])
    m.add_entry("followups", SECRETS[2], owner="Bo")
    m.add_entry("decisions", SECRETS[3])
    m.send_message("Back at 20:10")
    look()
    m.next_item()
    m.next_speaker_turn()
    m.write("conclusions", SECRETS[4], person=m.run.speaker)
    look()
    m.end()
    look()
    assert any(f.message == "Back at 20:10" for f in frames)
    for frame in frames:
        shown = json.dumps(frame.as_data(), ensure_ascii=False)
        for secret in SECRETS:
            assert secret not in shown


def test_a_round_shows_the_speaker_their_own_time_and_who_is_next() -> None:
    clock = FakeClock()
    m = _secret_meeting(clock)
    m.toggle()
    m.next_item()
    m.next_speaker_turn()  # Ana opened the round, Bo's turn now
    view = stage.build(m.state, clock.now())
    assert view.speaker == "Speaking: Bo" and view.next == "Next: Chen"
    assert view.turn.endswith("left for you") and view.turn_moving
    clock.advance(minutes=3)
    view = stage.build(m.state, clock.now())
    assert view.turn_over and view.turn.startswith("TIME IS UP")
    assert view.item == "2/5 · Expectations"


def test_overtime_and_the_last_minute_are_said_in_words() -> None:
    clock = FakeClock()
    m = _secret_meeting(clock)
    assert stage.build(m.state, clock.now()).cue == "Starting soon"
    m.toggle()  # Demining: 2 minutes
    clock.advance(61)
    view = stage.build(m.state, clock.now())
    assert view.warning and view.cue == "One minute left" and view.digits == "00:59"
    clock.advance(70)
    view = stage.build(m.state, clock.now())
    assert view.over and not view.warning
    assert view.cue == "OVERTIME by 00:11" and view.digits == "+00:11"
    m.toggle()
    assert stage.build(m.state, clock.now()).moving is False


def test_a_message_is_one_clean_line_and_empty_takes_it_down() -> None:
    clock = FakeClock()
    events: list[object] = []
    m = _secret_meeting(clock, events.append)
    assert m.send_message("Break\x1b till\n20:10\x07") == "Break till 20:10"
    assert m.send_message("Break till 20:10") == "Break till 20:10"  # the same: no event
    assert len(m.send_message("x" * 500)) == MESSAGE_CHARS
    assert m.send_message("") == "" and m.state.message == ""
    assert [type(e).__name__ for e in events].count("StageMessage") == 3


def test_the_stage_follows_the_open_session_and_says_when_there_is_none() -> None:
    clock = FakeClock()
    source = StageSource()
    source.poll(clock.now())
    assert source.frame(clock.now()).headline == "No meeting is open"
    first = creation_event(MS150, session="2027-01-15-0800-tuesday-abcd", group="Tuesday",
                           participants=PEOPLE, t=clock.now())  # fmt: skip
    handle, meeting = start_session(first, clock)
    clock.advance(5)
    source.poll(clock.now())
    assert source.frame(clock.now()).cue == "Starting soon"
    meeting.toggle()
    clock.advance(1)
    source.poll(clock.now())
    assert source.frame(clock.now()).status == "running"
    handle.close()  # closed without ending: nobody holds it open any more
    clock.advance(5)
    source.poll(clock.now())
    assert source.frame(clock.now()).headline == "No meeting is open"


def test_big_digits_fill_the_box_at_80x24_and_40x12() -> None:
    for width, height in ((78, 14), (38, 5)):
        rows = big("+12:34", width, height)
        assert 0 < len(rows) <= height
        assert all(len(r) <= width for r in rows)
        assert len(rows[0]) > width // 2  # large: more than half the width
    assert big("12:34", 5, 1) == ()


def test_the_stage_speaks_the_groups_language_and_of_itself_in_the_interfaces() -> None:
    import dataclasses

    from facilitator import i18n
    from facilitator.web.page import html
    from tests.factories import meeting

    i18n.set_language("en")  # an English facilitator runs an Italian group
    try:
        clock = FakeClock()
        m = meeting(dataclasses.replace(MS150, language="it"), people=["Ana", "Bo"], clock=clock)
        assert stage.build(m.state, clock.now()).cue == "Si comincia a breve"
        m.toggle()
        m.next_item()  # the expectations round: Ana speaks, Bo is next
        view = stage.build(m.state, clock.now())
        assert (view.speaker, view.next) == ("Ha la parola: Ana", "Poi: Bo")
        assert view.turn.startswith("ti restano ") and view.cue.startswith("ancora ")
        assert view.turn_under == "ti restano {time}" and '<html lang="it">' in html(view)
        clock.advance(minutes=12)
        assert stage.build(m.state, clock.now()).turn.startswith("TEMPO SCADUTO +")
        i18n.set_language("fr")
        assert stage.waiting(say.no_meeting()).headline == "Aucune rencontre n’est ouverte"
        assert stage.waiting(say.no_meeting()).language == "fr"
    finally:
        i18n.set_language("en")


def test_the_stage_looks_again_just_after_the_digits_change_and_within_a_second() -> None:
    from dataclasses import replace

    from facilitator.timewords import mmss

    running = stage.StageView(waiting=False, status="running", moving=True)
    for left in (5.3, 5.0005, 0.4, -0.2, -3.75, 59.999):
        wait = stage.next_look(replace(running, left=left))
        assert 0 < wait <= 1.0
        # just after the wait the digits differ; just before, they did not yet
        assert mmss(left - wait) != mmss(left)
        assert mmss(left - wait + 0.03) == mmss(left)
    paused = replace(running, left=5.3, moving=False)
    assert stage.next_look(paused) == 1.0  # a look a second
