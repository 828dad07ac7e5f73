"""sessions search finds what a session brought: its convening and supporting questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import catalog, paths
from facilitator.clock import FakeClock
from facilitator.meeting.events import SessionContent
from facilitator.meeting.meeting import creation_event
from tests.factories import ENQUIRY_QUESTION as QUESTION

CONTENT = SessionContent(question=QUESTION, supporting=("Who decides?", "When did you last?"))


@pytest.mark.parametrize("words", ["enough", "decides"])
def test_sessions_search_finds_what_a_session_brought(tmp_path: Path, words: str) -> None:
    from facilitator.journal.store import start_session
    from facilitator.review.queries import search

    paths.set_data_dir(tmp_path)
    clock = FakeClock(1_800_000_000.0)
    first = creation_event(catalog.find_agenda("enquiring-open"), session="s-enough", group="G",
                           participants=["Ana"], content=CONTENT, t=clock.now())  # fmt: skip
    handle, m = start_session(first, clock)
    m.toggle()
    m.end()
    handle.close()
    hits = search(words)
    assert [(h.session, h.kind) for h in hits] == [
        ("s-enough", "convening" if words == "enough" else "supporting")
    ]
