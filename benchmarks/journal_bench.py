"""Journal speed: replaying 5,000 events, what the loader's checks cost, and the latency of one
durable append."""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import facilitator.journal.jsonl as jsonl
import facilitator.meeting.events as events
from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda, Item
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.meeting.events import Event
from facilitator.meeting.meeting import Meeting, creation_event

AGENDA = Agenda(
    id="b",
    title="Bench",
    items=tuple(Item(f"Item {n}", minutes=10, kind="round", record="notes") for n in range(10)),
)


def _write(path: Path, count: int) -> list[float]:
    """A meeting of ``count`` journaled events; the latency of each append."""
    writer = JournalWriter(path)
    clock = FakeClock()
    latencies: list[float] = []

    def sink(event: Event) -> None:
        started = time.perf_counter()
        writer.append(event)
        latencies.append(time.perf_counter() - started)

    people = [f"P{n}" for n in range(10)]
    m = Meeting.create(
        creation_event(AGENDA, session="s", group="g", participants=people, t=clock.now()),
        clock,
        sink,
    )
    m.toggle()
    while len(latencies) < count:
        clock.advance(5)
        m.add_entry("notes", f"note {len(latencies)} with some words in it")
        if len(latencies) % 50 == 0:
            m.next_speaker_turn() or m.next_item()
    writer.close()
    return latencies


def replay_and_write(count: int = 5000) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FACILITATOR_DATA_DIR"] = folder
        path = Path(folder) / "s.jsonl"
        latencies = _write(path, count)
        started = time.perf_counter()
        load(path)  # read, check and replay, as every reader does
        replay = time.perf_counter() - started
    latencies.sort()
    return replay, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]


@contextmanager
def _unchecked() -> Iterator[None]:
    """The loader without its guards against hostile lines: the control-character scan and the
    time bounds. (The line-length cap and the depth limit cost nothing on ordinary lines.)"""
    scan, bounds = jsonl._MAY_BEGIN, events.check_time
    jsonl._MAY_BEGIN = re.compile(rb"(?!)")  # never matches: no line is cleaned
    events.check_time = lambda t: None
    try:
        yield
    finally:
        jsonl._MAY_BEGIN, events.check_time = scan, bounds


def checks_cost(count: int = 5000, rounds: int = 11) -> tuple[float, float, float]:
    """Replay with and without the checks, alternating (and swapping which goes first each
    round): the medians, and the median of the per-round ratios."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.jsonl"
        _write(path, count)
        load(path)  # warm: specs and readers are built once per process
        checked: list[float] = []
        unchecked: list[float] = []
        for n in range(rounds):
            for guarded in (True, False) if n % 2 else (False, True):
                started = time.perf_counter()
                if guarded:
                    load(path)
                else:
                    with _unchecked():
                        load(path)
                (checked if guarded else unchecked).append(time.perf_counter() - started)
    ratios = [a / b for a, b in zip(checked, unchecked)]
    return statistics.median(checked), statistics.median(unchecked), statistics.median(ratios)


def entry_latencies(count: int = 1000) -> dict[str, tuple[float, float]]:
    """Writing an entry through the session's own sink, on and off the record (off: its words
    in the off-record file and the journal's line without them, two fsyncs): p50 and p99."""
    from facilitator import paths
    from facilitator.journal.store import start_session

    agenda = Agenda(id="b", title="Bench", items=(Item("Demining", minutes=10, off_record=True),
                                                  Item("Core", minutes=10)))  # fmt: skip
    out: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        paths.set_data_dir(folder)
        clock = FakeClock()
        first = creation_event(agenda, session="s", group="g", participants=["A"], t=clock.now())
        handle, m = start_session(first, clock)
        m.toggle()
        for name in ("off the record", "on the record"):
            latencies: list[float] = []
            for n in range(count):
                clock.advance(1)
                started = time.perf_counter()
                m.add_entry("notes", f"note {n} with some words in it")
                latencies.append(time.perf_counter() - started)
            latencies.sort()
            out[name] = (latencies[count // 2], latencies[int(count * 0.99)])
            m.next_item()
        handle.close()
        paths.set_data_dir(None)
    return out
