"""A scripted meeting in the real app, run headless; prints what the screen acknowledged.

Used by tests/unit/test_crash_safety.py: ``python -m tests.crash_child K`` reports each step and
SIGKILLs itself right after reporting step K, as a crash or a closed laptop would end it.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys

from facilitator.clock import FakeClock
from facilitator.meeting.meeting import creation_event
from facilitator.tui.app import FacilitatorApp, Startup
from tests.factories import MS150

PEOPLE = ["Ana", "Bo", "Chen"]


def report(app: FacilitatorApp, step: int) -> None:
    m = app.meeting
    assert m is not None
    state = {
        "step": step,
        "session": m.state.session,
        "current": m.state.current,
        "speaker": m.run.speaker,
        "entries": sorted(e.text for e in m.state.entries.values()),
    }
    sys.stdout.write(json.dumps(state) + "\n")
    sys.stdout.flush()


async def main(kill_at: int | None) -> None:
    clock = FakeClock()
    first = creation_event(
        MS150, session="crash-test", group="G", participants=PEOPLE, t=clock.now()
    )
    app = FacilitatorApp(clock, Startup(first=first))
    async with app.run_test(size=(80, 24)) as pilot:
        steps: list[tuple[str, ...]] = [("space",), ("n",)]
        for person in PEOPLE:
            steps.append(("e", *f"hope {person}", "enter", "escape"))
            steps.append(("s",))
        steps += [
            ("n",),
            ("d",),
            ("r",),
            ("n",),
            ("e", *"a note", "enter", "escape"),
            ("e", *"another note", "enter", "escape"),
            ("plus",),
            ("space",),
            ("space",),
            ("n",),
        ]
        for person in PEOPLE:
            steps.append(("e", *f"ok {person}", "enter", "escape", "3"))
            steps.append(("s",))
        step = 0
        report(app, step)
        for keys in steps:
            clock.advance(37)
            await pilot.press(*keys)
            step += 1
            report(app, step)
            if step == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)  # nothing after the report runs
        await pilot.press("q", "y")
        report(app, step + 1)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else None))
