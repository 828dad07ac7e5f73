"""What a session brings (its convening question, supporting questions, topic, reading): kept in
its first event as clean lines, written only when there is something, and in the record."""

from __future__ import annotations

from facilitator.journal.record import render
from facilitator.meeting.events import Reading, SessionContent, decode, to_data
from facilitator.meeting.meeting import creation_event
from tests.factories import ENQUIRY_QUESTION as QUESTION
from tests.factories import enquiry

CONTENT = SessionContent(question=QUESTION, supporting=("Who decides?", "When did you last?"))


def test_what_a_session_brings_is_kept_in_its_first_event_as_clean_lines() -> None:
    typed = SessionContent(topic="Home\x1b[31m", question=" What\tdoes enough mean? ",
                           supporting=("Who decides?", "  ", "Why\x07 now?"),
                           reading=Reading("Street\nlife", "Mei", "https://example.org"))  # fmt: skip
    event = enquiry(typed).state.content
    assert event.topic == "Home[31m" and event.question == "What does enough mean?"
    assert event.supporting == ("Who decides?", "Why now?")
    assert event.reading == Reading("Street life", "Mei", "https://example.org")


def test_the_content_goes_through_the_journal_and_nothing_is_written_when_there_is_none() -> None:
    first = enquiry().state
    event = creation_event(first.agenda, session="s", group="G", participants=["Ana"],
                           content=CONTENT, t=1_800_000_000.0)  # fmt: skip
    data = to_data(event)
    assert data["content"] == {"question": QUESTION, "supporting": list(CONTENT.supporting)}
    assert decode(data, event.t).content == CONTENT  # type: ignore[attr-defined]
    bare = creation_event(first.agenda, session="s", group="G", participants=["Ana"],
                          t=1_800_000_000.0)  # fmt: skip
    assert "content" not in to_data(bare)  # journals that bring nothing read as before


def test_the_record_keeps_what_the_session_brought() -> None:
    content = SessionContent(topic="Home", question="What *is* enough?", supporting=("Who?",),
                             reading=Reading("Street", "Mei", "https://ex.org"))  # fmt: skip
    m = enquiry(content)
    m.toggle()
    m.end()
    record = render(m.state, m.now())
    assert "- Topic: Home\n- Question: What \\*is\\* enough?\n" in record
    assert "- Supporting questions:\n  - Who?\n" in record
    assert "- Reading: “Street”, Mei · https://ex.org\n" in record
