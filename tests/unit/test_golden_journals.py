"""Journals written by earlier versions replay to the same state, projection and record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.journal.record import render
from facilitator.meeting.projection import project
from tests.golden import FIXTURES, projection_data, state_data, subset_differences

JOURNALS = sorted(FIXTURES.glob("*.jsonl"))


def test_there_are_golden_journals() -> None:
    assert len(JOURNALS) >= 4


@pytest.mark.parametrize("journal", JOURNALS, ids=lambda p: p.stem)
def test_a_golden_journal_replays_as_it_did(journal: Path) -> None:
    expected = json.loads(journal.with_suffix(".expected.json").read_text(encoding="utf-8"))
    loaded = load(journal)
    assert loaded.warnings == []
    last = expected["last"]
    assert loaded.last == last
    state = loaded.state
    assert subset_differences(expected["state"], state_data(state), "state") == []
    projection = projection_data(project(state, last))
    assert subset_differences(expected["projection"], projection, "projection") == []
    record = journal.with_suffix("").with_suffix(".record.md")
    assert render(state, last) == record.read_text(encoding="utf-8")


@pytest.mark.parametrize("journal", JOURNALS, ids=lambda p: p.stem)
def test_an_upgraded_journal_written_again_replays_the_same(journal: Path, tmp_path: Path) -> None:
    """Format 1 read as format 2, written as format 2 and read again: the same state."""
    loaded = load(journal)
    writer = JournalWriter(tmp_path / "again.jsonl")
    for event in loaded.events:
        writer.append(event)
    writer.close()
    again = load(tmp_path / "again.jsonl")
    assert again.format == 2 and again.warnings == []
    assert state_data(again.state) == state_data(loaded.state)
