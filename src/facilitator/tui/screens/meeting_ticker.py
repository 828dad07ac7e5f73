"""The meeting screen's clock: a tick just after each whole second of the countdown, else one a
minute. The screen owns the timers; this decides when they run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

if TYPE_CHECKING:
    from facilitator.tui.screens.meeting import MeetingScreen


class Ticker:
    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        self.timer: Timer | None = None  # repeating: each second while running
        self.aligner: Timer | None = None  # one-shot: waits for the next whole second

    def schedule(self) -> None:
        """Tick just after each whole second of the countdown; otherwise sleep.

        One repeating timer rather than a new one each second: a fresh timer costs more than
        the redraw it triggers. Its phase is set whenever the facilitator acts, and again when
        a tick lands off the second (after the laptop slept, Textual's timer, whose clock stops
        in sleep, drifts from the meeting clock, which does not).
        """
        meeting = self.screen.meeting
        for timer in (self.timer, self.aligner):
            if timer is not None:
                timer.stop()
        self.aligner = None
        if not meeting.clock_moves():  # the time of day and the plan, each minute
            to_minute = 60.0 - meeting.now() % 60.0
            self.timer = self.screen.set_timer(to_minute + 0.05, self.minute_tick)
            return
        self.timer = None
        to_next_second = meeting.countdown() % 1.0
        self.aligner = self.screen.set_timer(max(0.05, to_next_second + 0.02), self.start_ticking)

    def minute_tick(self) -> None:
        self.screen.refresh_clock()
        self.schedule()

    def start_ticking(self) -> None:
        for timer in (self.aligner, self.timer):
            if timer is not None:
                timer.stop()
        self.aligner = self.timer = None
        if not self.screen.meeting.clock_moves():  # a late aligner after a pause: stay asleep
            self.schedule()
            return
        self.timer = self.screen.set_interval(1.0, self.tick)
        self.tick()

    def tick(self) -> None:
        meeting = self.screen.meeting
        self.screen.refresh_clock()
        if not meeting.clock_moves():  # e.g. a pause has taken the core to its minimum
            self.schedule()
            return
        if self.aligner is None and 1.0 - meeting.countdown() % 1.0 > 0.25:
            self.schedule()  # the tick landed off the second: realign
