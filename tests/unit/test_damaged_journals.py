"""No journal line can crash a reader: every outcome is a state with warnings, or one clear
JournalFormatError for a file that is not a session's journal at all."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.meeting.events import JournalFormatError
from facilitator.meeting.meeting import Meeting, creation_event
from tests.factories import MS150, PEOPLE, raw_line


def journal(tmp_path: Path, extra: list[bytes]) -> Path:
    clock = FakeClock()
    path = tmp_path / "s.jsonl"
    path.unlink(missing_ok=True)
    writer = JournalWriter(path)
    first = creation_event(MS150, session="s", group="G", participants=PEOPLE, t=clock.now())
    m = Meeting.create(first, clock, writer.append)
    m.toggle()
    m.add_entry("notes", "kept")
    writer.close()
    with open(path, "ab") as fh:
        for line in extra:
            fh.write(line)
    return path


def test_a_line_nested_a_hundred_thousand_deep_is_a_warning(tmp_path: Path) -> None:
    deep = b'{"at":"2027-01-15T08:00:00+00:00","type":"entry_added","x":' + b"[" * 100_000
    loaded = load(journal(tmp_path, [deep + b"]" * 100_000 + b"}\n"]))
    assert [e.text for e in loaded.state.entries.values()] == ["kept"]
    assert len(loaded.warnings) == 1 and ":5:1: skipped a damaged line" in loaded.warnings[0]


def test_an_event_dated_9999_is_skipped_and_the_meeting_resumes(tmp_path: Path) -> None:
    line = b'{"at":"9999-01-01T00:00:00+00:00","type":"paused"}\n'
    loaded = load(journal(tmp_path, [line]))
    assert loaded.state.status == "running"
    assert "a time outside the years 2000 to 2200" in loaded.warnings[0]


def test_one_malformed_event_hides_nothing_else(tmp_path: Path) -> None:
    clock = FakeClock()
    bad = raw_line({"type": "question_drawn", "item": 3, "deck": "jasette"}, clock.now() + 5)
    after = raw_line({"type": "entry_added", "id": "z", "item": 1, "text": "after"},
                     clock.now() + 9)  # fmt: skip
    loaded = load(journal(tmp_path, [bad, after]))
    assert [e.text for e in loaded.state.entries.values()] == ["kept", "after"]
    assert "a question_drawn event without 'text'" in loaded.warnings[0]


def test_a_file_that_is_not_a_journal_says_so(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"at":"2027-01-15T08:00:00+00:00","type":"paused"}\n')
    try:
        load(path)
    except JournalFormatError as exc:
        assert "x.jsonl:1:1: the first line is not a session's beginning" in str(exc)
    else:
        raise AssertionError("a journal without its first event was read")


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6),
                                                                        children, max_size=4),
    max_leaves=12,
)  # fmt: skip
TYPES = ["session_created", "meeting_started", "item_started", "item_ended", "item_extended",
         "paused", "resumed", "participant_added", "participant_left", "roles_changed",
         "speaker_changed", "order_changed", "entry_added", "entry_edited", "entry_removed",
         "question_drawn", "question_skipped", "question_restored", "question_retired",
         "alternative_chosen", "followup_done", "meeting_ended", "hologram"]  # fmt: skip
_event = st.fixed_dictionaries(
    {"type": st.sampled_from(TYPES), "at": st.sampled_from(
        ["2027-01-15T08:00:10+00:00", "2027-01-15T09:00:00+00:00", "nope", "9999-01-01T00:00:00"])},
    optional={k: _json for k in ("index", "item", "name", "text", "id", "order", "round",
                                 "roles", "minutes", "kind", "deck", "passed", "opener")},
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.one_of(_event.map(lambda d: json.dumps(d).encode()),
                                st.binary(max_size=40)), max_size=8))  # fmt: skip
def test_random_lines_give_a_state_with_warnings_never_another_error(
    tmp_path: Path, lines: list[bytes]
) -> None:
    loaded = load(journal(tmp_path, [line.replace(b"\n", b" ") + b"\n" for line in lines]))
    assert "kept" in [e.text for e in loaded.state.entries.values()]
    assert len(loaded.warnings) <= len(lines)
