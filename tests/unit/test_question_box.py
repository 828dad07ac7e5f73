"""The question box, on the facilitator's screen and the stage: a round's set question, the one
drawn, and what the session brings where the item shows it."""

from __future__ import annotations

from facilitator.i18n import _
from facilitator.meeting.events import Reading, SessionContent
from facilitator.meeting.meeting import Meeting
from facilitator.views import stage
from facilitator.views.meeting import Layout, build
from facilitator.views.question_box import question_box
from tests.factories import ENQUIRY_QUESTION as QUESTION
from tests.factories import enquiry


def box_texts(m: Meeting) -> str:
    box = question_box(m.state, _)
    return "\n".join((box.headline, box.nudge, *box.lines))


def test_an_open_enquiry_shows_its_convening_question_on_every_item() -> None:
    m = enquiry()
    seen = []
    m.toggle()
    while True:
        view = build(m, m.now(), Layout(100, 30))
        assert view.question_shown, m.agenda.items[m.state.current].title
        seen.append((view.question, view.context))
        assert QUESTION in box_texts(m)
        if not m.next_item():
            break
    assert len(seen) == len(m.agenda.items)
    # Where nothing is drawn, the question heads the box; the supporting ones follow it.
    assert seen[0] == (QUESTION, ("· Who decides?", "· When did you last?"))
    # The check-in draws its own question: the convening one stays beneath it.
    assert seen[1] == ("Press d to draw a question", (f"The question: {QUESTION}",))


def test_an_item_that_shows_nothing_of_the_session_keeps_its_box_as_it_was() -> None:
    m = enquiry(agenda="mutual-support-150")
    assert not build(m, m.now(), Layout(100, 30)).question_shown


def test_a_session_that_brought_nothing_shows_no_empty_box() -> None:
    m = enquiry(SessionContent())
    view = build(m, m.now(), Layout(100, 30))
    assert not view.question_shown and view.context == ()


def test_the_reading_and_the_topic_are_shown_where_the_items_name_them() -> None:
    content = SessionContent(question=QUESTION, reading=Reading("The street", "Mei", "ex.org/s"))
    m = enquiry(content, "enquiring-article")
    box = question_box(m.state, _)  # the welcome shows the reading, the question
    assert (box.headline, box.lines) == (QUESTION, ("Reading: “The street”, Mei · ex.org/s",))
    m.toggle()
    for _n in range(3):
        m.next_item()
    assert question_box(m.state, _).headline == "“The street”, Mei · ex.org/s"  # the author's word
    talk = enquiry(SessionContent(topic="Care", question=QUESTION), "enquiring-presentation")
    box = question_box(talk.state, _)
    assert (box.headline, box.lines) == ("Care", (f"The question: {QUESTION}",))


def test_the_stage_shows_the_convening_question_in_the_groups_words() -> None:
    m = enquiry()
    assert (
        stage.build(m.state, m.now()).question
        == f"{QUESTION}\n· Who decides?\n· When did you last?"
    )
    m.toggle()
    m.next_item()
    m.record_draw("check-in", "How do you arrive?")
    assert stage.build(m.state, m.now()).question == f"How do you arrive?\nThe question: {QUESTION}"
