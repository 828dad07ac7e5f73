"""Open follow-ups travel from one session to the next and can be marked done there."""

from __future__ import annotations

from facilitator.clock import FakeClock
from facilitator.journal.record import render
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import creation_event
from facilitator.review.queries import open_followups
from tests.factories import MS150


def test_followups_are_carried_and_marked_done_in_the_next_session() -> None:
    clock = FakeClock()
    handle, first = start_session(
        creation_event(MS150, session="one", group="G", participants=["Ana", "Bo"], t=clock.now()),
        clock,
    )
    first.toggle()
    first.add_entry("followups", "send the article", owner="Bo")
    first.add_entry("followups", "book the room")
    first.end()
    handle.close()
    clock.advance(minutes=60 * 24 * 21)

    carried = [{"ref": f.ref, "text": f.text, "owner": f.owner} for f in open_followups("G")]
    assert sorted(c["text"] for c in carried) == ["book the room", "send the article"]
    assert open_followups("Another group") == []

    handle, second = start_session(creation_event(MS150, session="two", group="G",
                                                  participants=["Ana"], carried=carried,
                                                  t=clock.now()), clock)  # fmt: skip
    second.toggle()
    article = next(c for c in carried if c["text"] == "send the article")
    second.mark_followup_done(str(article["ref"]))
    second.end()
    handle.close()

    assert [f.text for f in open_followups("G")] == ["book the room"]
    record = render(second.state, clock.now())
    assert "- [x] send the article — Bo" in record
    assert "- [ ] book the room" in record
