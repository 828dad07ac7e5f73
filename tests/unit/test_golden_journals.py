"""Journals written by earlier versions replay to the same state, projection and record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.journal.jsonl import read_events
from facilitator.journal.record import render
from facilitator.meeting.meeting import Meeting
from facilitator.meeting.projection import project
from tests.golden import FIXTURES, projection_data, state_data, subset_differences

JOURNALS = sorted(FIXTURES.glob("*.jsonl"))


def test_there_are_golden_journals() -> None:
    assert len(JOURNALS) >= 4


@pytest.mark.parametrize("journal", JOURNALS, ids=lambda p: p.stem)
def test_a_golden_journal_replays_as_it_did(journal: Path) -> None:
    expected = json.loads(journal.with_suffix(".expected.json").read_text(encoding="utf-8"))
    events = read_events(journal).events
    last = expected["last"]
    state = Meeting.replay(events, FakeClock(last)).state
    assert subset_differences(expected["state"], state_data(state), "state") == []
    projection = projection_data(project(state, last))
    assert subset_differences(expected["projection"], projection, "projection") == []
    record = journal.with_suffix("").with_suffix(".record.md")
    assert render(state, last) == record.read_text(encoding="utf-8")
