"""Journal speed: replaying 5,000 events, and the latency of one durable append."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

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


def replay_and_write(count: int = 5000) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FACILITATOR_DATA_DIR"] = folder
        path = Path(folder) / "s.jsonl"
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
        started = time.perf_counter()
        load(path)  # read, check and replay, as every reader does
        replay = time.perf_counter() - started
    latencies.sort()
    return replay, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
