"""The bundled 150-minute meeting, run headless, SIGKILLed during demining right after a note.

Used by tests/tui/test_off_record_pilot.py: ``python -m tests.crash_off_child DIR`` starts the
meeting in the data folder DIR, writes the note at the demining item (off the record), prints
``written`` once the screen shows it, and kills itself, as a crash or a closed laptop would.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.meeting.meeting import creation_event
from facilitator.tui.app import FacilitatorApp, Startup

SESSION = "crash-off"
T0 = 1_800_000_000.0
NOTE = "Dee has a migraine"


async def play() -> None:
    clock = FakeClock(T0)
    agenda = catalog.find_agenda("mutual-support-150")
    first = creation_event(agenda, session=SESSION, group="Tuesday",
                           participants=["Ana", "Bo", "Dee"], t=T0)  # fmt: skip
    app = FacilitatorApp(clock, Startup(first=first))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        clock.advance(20)
        await pilot.press("N", *NOTE, "enter")
        assert app.meeting is not None and app.meeting.entries()[0].text == NOTE
        sys.stdout.write("written\n")
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)  # nothing after this runs


if __name__ == "__main__":
    os.environ["FACILITATOR_DATA_DIR"] = sys.argv[1]
    asyncio.run(play())
    os._exit(3)  # only reached if the kill did not happen
