"""Drawing with a long history: the question history comes from the review index, which reads
only new or changed journals, so a draw does not re-read them all."""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from facilitator import catalog
from facilitator.clock import FakeClock, iso
from facilitator.decks.drawer import Drawer
from facilitator.formats.agenda import Agenda, Item
from facilitator.meeting.agenda_data import agenda_to_data
from facilitator.meeting.meeting import Meeting, creation_event

AGENDA = Agenda(id="ice", title="Ice", items=(Item("Jasette", minutes=25, deck="jasette"),))


def _write_history(folder: Path, sessions: int) -> None:
    questions = [q.text for q in catalog.find_deck("jasette").questions]
    folder.mkdir(parents=True)
    t = 1_700_000_000.0
    for n in range(sessions):
        t += 21 * 86400
        lines = [
            {
                "at": iso(t),
                "type": "session_created",
                "session": f"s{n}",
                "group": "G",
                "agenda": agenda_to_data(AGENDA),
                "participants": ["A", "B"],
                "total": 25,
            },
            {"at": iso(t + 30), "type": "meeting_started"},
            {
                "at": iso(t + 60),
                "type": "question_drawn",
                "item": 0,
                "deck": "jasette",
                "text": questions[n % len(questions)],
            },
            {"at": iso(t + 3600), "type": "meeting_ended"},
        ]
        (folder / f"s{n}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))


def draw_with_history(sessions: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as data:
        os.environ["FACILITATOR_DATA_DIR"] = data
        _write_history(Path(data) / "sessions", sessions)
        clock = FakeClock()
        m = Meeting.create(
            creation_event(AGENDA, session="new", group="G", participants=["A"], t=clock.now()),
            clock,
        )
        catalog.find_deck("jasette")  # the deck itself is loaded once per meeting anyway
        timings = []
        for _ in range(6):
            started = time.perf_counter()
            Drawer("G", rng=random.Random(1)).draw("jasette", m.state)
            timings.append(time.perf_counter() - started)
    return timings[0], statistics.median(timings[1:])
