"""A scripted meeting in the real app, run headless, killed after every step.

Used by tests/unit/test_crash_safety.py: ``python -m tests.crash_child DIR N`` imports the app
once, then forks one child per step, one after the other. Child K works in ``DIR/kill-K``, a copy
of what child K-1 left when it was killed: it resumes that meeting (child 1 starts it), plays
step K, reports what the screen acknowledged to ``DIR/kill-K.jsonl`` and SIGKILLs itself, as a
crash or a closed laptop would end it. So every kill is followed by a real resume, and no child
replays the steps before its own.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sys

from facilitator.clock import FakeClock
from facilitator.journal.load import load
from facilitator.journal.store import journal_path
from facilitator.meeting.meeting import creation_event
from facilitator.tui.app import FacilitatorApp, Startup
from tests.factories import MS150

PEOPLE = ["Ana", "Bo", "Chen"]
SESSION = "crash-test"
T0 = 1_800_000_000.0


def steps() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [("space",), ("n",)]
    for person in PEOPLE:
        out.append(("e", *f"hope {person}", "enter", "escape"))
        out.append(("s",))
    out += [("n",), ("d",), ("r",), ("n", "y"), ("e", *"a note", "enter", "escape"),
            ("e", *"another note", "enter", "escape"),
            ("h", *"bo", "enter", "h", *"ch", "tab", "enter", "H",  # hands up, Bo speaks,
             "T", *"Ana 30, Bo 20", "enter", "h", *"Ana", "enter"),  # the core split
            ("plus",), ("space",), ("space", "T", "enter", "H"), ("n",)]  # fmt: skip
    for person in PEOPLE:
        out.append(("e", *f"ok {person}", "enter", "escape", "3"))
        out.append(("s",))
    return out


def report(app: FacilitatorApp, step: int) -> None:
    m = app.meeting
    assert m is not None
    state = {
        "step": step,
        "session": m.state.session,
        "current": m.state.current,
        "speaker": m.run.speaker,
        "entries": sorted(e.text for e in m.state.entries.values()),
        "hands": m.run.hands,
        "slot": m.run.slot,
        "shares": [[s.name, s.minutes, s.given] for s in m.run.shares],
        "spoke": m.run.spoke,  # the item's airtime banked so far
    }
    sys.stdout.write(json.dumps(state) + "\n")
    sys.stdout.flush()


async def play(step: int) -> None:
    """Resume what the last child left (or start), play ``step``, report, die."""
    if step == 1:
        clock = FakeClock(T0)
        first = creation_event(MS150, session=SESSION, group="G", participants=PEOPLE, t=T0)
        startup = Startup(first=first)
    else:
        clock = FakeClock(load(journal_path(SESSION)).last)
        startup = Startup(resume=SESSION)
    app = FacilitatorApp(clock, startup)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(37)
        await pilot.press(*steps()[step - 1])
        report(app, step)
        os.kill(os.getpid(), signal.SIGKILL)  # nothing after the report runs


def _child(folder: str, step: int) -> None:
    os.environ["FACILITATOR_DATA_DIR"] = os.path.join(folder, f"kill-{step}")
    fd = os.open(os.path.join(folder, f"kill-{step}.jsonl"), os.O_WRONLY | os.O_CREAT, 0o600)
    os.dup2(fd, 1)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - the child's own stdout
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    try:
        asyncio.run(play(step))
    finally:
        os._exit(3)  # only reached if the kill did not happen


def serve(folder: str, count: int) -> dict[int, int]:
    """One child per step, each on a copy of what the last one left; their wait statuses."""
    statuses: dict[int, int] = {}
    for step in range(1, count + 1):
        if step > 1:
            shutil.copytree(os.path.join(folder, f"kill-{step - 1}"),
                            os.path.join(folder, f"kill-{step}"))  # fmt: skip
        pid = os.fork()
        if pid == 0:
            _child(folder, step)
        statuses[step] = os.waitpid(pid, 0)[1]
    return statuses


if __name__ == "__main__":
    found = serve(sys.argv[1], int(sys.argv[2]))
    sys.stdout.write(json.dumps({str(k): v for k, v in found.items()}) + "\n")
