"""Apps the benchmarks run in a child process: ``python apps.py KIND [SECONDS]``.

KIND: ``bare-frame`` (a minimal Textual app: one label, exits after its first frame),
``app-frame`` (facilitator's Home, exits after its first frame), ``bare-digits`` (a minimal app
updating a Digits widget once a second), ``app-meeting`` (a running mutual-support-150 meeting),
``app-queue`` (the same meeting in its core, with raised hands, someone holding the floor and
the core split in slots), ``app-stage`` (``facilitator stage`` following a running meeting's
journal, which gains a message every ten seconds).

The two running kinds measure themselves: after WARM_UP seconds they note the process's CPU
time, SECONDS later note it again and exit, and write the difference to the file named by
``BENCH_CPU_OUT``. Start-up varies by a tenth of a second from run to run, more than a minute
of ticking costs, so subtracting a short run from a long one would measure noise.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

WARM_UP = float(os.environ.get("BENCH_WARM_UP", "3"))


def measure(app: Any, seconds: float) -> None:
    """From WARM_UP on, for ``seconds``: CPU seconds of this process, then exit."""
    marks: list[float] = []

    def finish() -> None:
        marks.append(time.process_time())
        out = os.environ.get("BENCH_CPU_OUT")
        if out:
            Path(out).write_text(f"{marks[1] - marks[0]:.6f}\n")
        app.exit()

    app.set_timer(WARM_UP, lambda: marks.append(time.process_time()))
    app.set_timer(WARM_UP + seconds, finish)


def bare_frame() -> None:
    from textual.app import App
    from textual.widgets import Label

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Label("hello")

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    Bare().run(headless=True, size=(80, 24))


def app_frame() -> None:
    from facilitator.tui.app import FacilitatorApp

    class FirstFrame(FacilitatorApp):
        def on_mount(self) -> None:  # Textual also runs FacilitatorApp.on_mount
            self.call_after_refresh(self.exit)

    FirstFrame().run(headless=True, size=(80, 24))


def bare_digits(seconds: float) -> None:
    from textual.app import App
    from textual.widgets import Digits

    class Ticker(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Digits("00:00")

        def on_mount(self) -> None:
            self.start = time.monotonic()
            self.set_interval(1.0, self.tick)
            measure(self, seconds)

        def tick(self) -> None:
            left = 600 - (time.monotonic() - self.start)
            self.query_one(Digits).update(f"{int(left // 60):02}:{int(left % 60):02}")

    Ticker().run(headless=True, size=(80, 24))


def app_meeting(seconds: float, queue: bool = False) -> None:
    from facilitator import catalog
    from facilitator.clock import SystemClock
    from facilitator.meeting.meeting import creation_event
    from facilitator.tui.app import FacilitatorApp, Startup

    clock = SystemClock()
    first = creation_event(catalog.find_agenda("mutual-support-150"), session=f"bench-{os.getpid()}",
                           group="Bench", participants=["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"],
                           t=clock.now())  # fmt: skip

    class Running(FacilitatorApp):
        def on_mount(self) -> None:  # Textual also runs FacilitatorApp.on_mount
            self.set_timer(0.2, self.start_meeting)
            measure(self, seconds)

        def start_meeting(self) -> None:
            self.screen.action_start_pause()  # type: ignore[attr-defined]
            self.screen.action_next_item()  # type: ignore[attr-defined]
            if queue:  # on to the core: an open queue and split time, as a facilitator keeps
                meeting = self.meeting
                assert meeting is not None
                while not meeting.agenda.items[meeting.state.current].flexible:
                    self.screen.action_next_item()  # type: ignore[attr-defined]
                for name in ("Bo", "Chen", "Dee", "Eli"):
                    meeting.raise_hand(name)
                meeting.give_floor()
                meeting.split_time("Ana 40, Bo 30, Chen")
                self.screen.refresh_clock()  # type: ignore[attr-defined]

    Running(clock, Startup(first=first)).run(headless=True, size=(80, 24))


def app_stage(seconds: float) -> None:
    import tempfile

    from facilitator import catalog, paths
    from facilitator.clock import SystemClock
    from facilitator.journal.store import start_session
    from facilitator.meeting.meeting import creation_event
    from facilitator.session.stage import StageSource
    from facilitator.tui.stage import StageApp

    os.environ[paths.ENV_DATA_DIR] = tempfile.mkdtemp(prefix="stage-bench-")
    clock = SystemClock()
    first = creation_event(catalog.find_agenda("mutual-support-150"), session=f"bench-{os.getpid()}",
                           group="Bench", participants=["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"],
                           t=clock.now())  # fmt: skip
    _, meeting = start_session(first, clock)  # the facilitator's side: it only writes
    meeting.toggle()
    meeting.next_item()
    sent = [0]

    class Following(StageApp):
        def on_mount(self) -> None:  # Textual also runs StageApp.on_mount
            measure(self, seconds)
            self.set_interval(10, self.message)

        def message(self) -> None:
            sent[0] += 1
            meeting.send_message(f"Message {sent[0]}")

    Following(StageSource(), clock).run(headless=True, size=(80, 24))


if __name__ == "__main__":
    kind = sys.argv[1]
    duration = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    {"bare-frame": bare_frame, "app-frame": app_frame}.get(kind, lambda: None)()
    if kind == "bare-digits":
        bare_digits(duration)
    elif kind == "app-meeting":
        app_meeting(duration)
    elif kind == "app-queue":
        app_meeting(duration, queue=True)
    elif kind == "app-stage":
        app_stage(duration)
