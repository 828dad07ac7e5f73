"""The meeting screen: what is happening now, how long is left, who speaks, and the timeline."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from facilitator.decks.drawer import Drawer
from facilitator.journal.record import MET_WORDS
from facilitator.meeting.meeting import Meeting
from facilitator.text import ellipsize
from facilitator.tui.format import hhmm, minutes_words, mmss, wrap_to
from facilitator.tui.messages import MeetingBegan, MeetingEnded
from facilitator.tui.screens.confirm import Confirm
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.meeting_entries import EntryActions
from facilitator.tui.screens.meeting_people import PeopleActions
from facilitator.tui.screens.meeting_questions import QuestionActions
from facilitator.tui.widgets.capture import Capture
from facilitator.tui.widgets.clock import ClockFace, ClockPanel, fit
from facilitator.tui.widgets.text import Plain
from facilitator.tui.widgets.timeline import Timeline


class MeetingScreen(PeopleActions, EntryActions, QuestionActions, Screen[None]):
    """What is happening now, how long is left, who speaks, and whether the end holds.

    The people, entries and questions parts live in meeting_people.py, meeting_entries.py and
    meeting_questions.py; this module has the layout, the clock and moving between items."""

    CSS_PATH = Path(__file__).with_name("meeting.tcss")  # read when first shown
    AUTO_FOCUS = ""  # keys act on the meeting until the facilitator chooses to write
    # Descriptions name each action in the footer and the command palette; tooltips say what it
    # does, in plain words, for the help screen and the palette.
    BINDINGS = [
        Binding("space", "toggle", "Start/pause", tooltip="start the meeting; pause; resume"),
        Binding("n", "next_item", "Next", tooltip="end this item and go to the next one"),
        Binding("p", "previous_item", "Previous item", show=False,
                tooltip="go back to the previous item (it continues where it stopped)"),
        Binding("k", "skip_item", "Skip this item", show=False,
                tooltip="skip this item and go to the next one"),
        Binding("plus,equals_sign", "extend(1)", "+1 min", key_display="+",
                tooltip="one more minute for this item"),
        Binding("minus", "extend(-1)", "-1 min", show=False, key_display="-",
                tooltip="one minute less for this item"),
        Binding("s", "next_speaker", "Speaker", tooltip="next speaker (in a round)"),
        Binding("b", "pass_speaker", "Speaker passes", show=False,
                tooltip="this speaker passes for now: they get their turn at the end of the round"),
        Binding("o", "order", "Who speaks next", show=False,
                tooltip="change the speaking order (on an item that is not a round: for the "
                "next round)"),
        Binding("a", "add_participant", "Add person", tooltip="add a participant who just arrived"),
        Binding("l", "participant_leaves", "Someone leaves", show=False,
                tooltip="a participant leaves (rounds re-divide the time)"),
        Binding("w", "roles", "Who holds which role", show=False,
                tooltip="who holds which role (case giver, coaches, host...)"),
        Binding("e,enter", "write", "Write an entry", show=False, key_display="e",
                tooltip="write an entry (expectation, conclusion, note, follow-up, decision)"),
        Binding("escape", "leave_field", "Back to the meeting keys",
                tooltip="leave the text field, keeping what is typed there"),
        *[Binding(str(n), f"met({n})", f"Expectations met: {MET_WORDS[n]}", show=False,
                  tooltip="in the conclusion: how far the speaker's expectations were met")
          for n in range(5)],
        Binding("x", "share", "Mark to share", show=False,
                tooltip="mark this item's last entry to share with other groups (or unmark it)"),
        Binding("E", "entries", "This item's entries", show=False,
                tooltip="see, add, edit and remove this item's entries"),
        Binding("d", "draw", "Draw a question", show=False, tooltip="draw a question"),
        Binding("r", "redraw", "Draw another question", show=False,
                tooltip="draw another question (the first is kept as skipped, not asked)"),
        Binding("v", "alternative", "Alternative activity", show=False,
                tooltip="switch to the item's alternative activity and back"),
        Binding("R", "retire", "Retire the question", show=False,
                tooltip="retire the current question for this group: never again"),
        Binding("F", "followups", "Earlier follow-ups", show=False,
                tooltip="follow-ups from earlier sessions: mark one done"),
        Binding("q", "end", "End",
                tooltip="end the meeting (asks first: y or enter ends it, n or escape goes back)"),
        Binding("g", "guidance", "Read the whole guidance", show=False,
                tooltip="read the item's whole guidance (the screen may cut it)"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="this help"),
    ]  # fmt: skip

    def __init__(self, meeting: Meeting, drawer: Drawer | None = None, notice: str = "") -> None:
        super().__init__()
        self.meeting = meeting
        self.drawer = drawer or Drawer(
            meeting.state.group, meeting.state.language, meeting.state.session
        )
        self.notice = notice
        self._timer: Timer | None = None  # repeating: each second while running
        self._aligner: Timer | None = None  # one-shot: waits for the next whole second
        self._rang_for: int | None = None
        self._seen_item: int | None = None
        self._last_entry: str | None = None
        self._writing_notes = False
        self._item_shown: int | None = None
        self._draft_for: str | None = None  # whose words are in the field (rounds)

    def compose(self) -> ComposeResult:
        # Three children of the screen, the clock panel alone in the middle: a tick repaints
        # the widgets whose clip overlaps the panel's rows, and this keeps them few.
        with Vertical(id="head"):
            yield Plain("", id="topbar")
            yield Plain("", id="item-title")
        yield ClockPanel(id="clock")
        with Vertical(id="body"):
            yield Plain("", id="question")
            yield Plain("", id="guidance")
            yield Capture(id="capture")
            yield Timeline(id="timeline")
            yield Plain("", id="summary")
            yield Footer(show_command_palette=False)  # ctrl+p is in the help (?)

    @property
    def capture(self) -> Capture:
        return self.query_one(Capture)

    def on_mount(self) -> None:
        self._fit(self.size.width, self.size.height)
        if self.notice:
            self.notify(self.notice, markup=False, timeout=8)
        self.refresh_all()
        self._schedule()

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        compact = width < 70 or height < 22
        self.set_class(compact, "compact")
        self.set_class(height < 16, "tiny")
        self.query_one(ClockPanel).set_class(compact, "compact")
        self.query_one(ClockPanel).set_class(height < 16, "tiny")
        if self.is_mounted:
            self.refresh_all()  # the guidance is wrapped for the width

    def _schedule(self) -> None:
        """Tick just after each whole second of the countdown; otherwise sleep.

        One repeating timer rather than a new one each second: a fresh timer costs more than
        the redraw it triggers. Its phase is set whenever the facilitator acts, and again when
        a tick lands off the second (after the laptop slept, Textual's timer, whose clock stops
        in sleep, drifts from the meeting clock, which does not).
        """
        for timer in (self._timer, self._aligner):
            if timer is not None:
                timer.stop()
        self._aligner = None
        if not self.meeting.clock_moves():  # the time of day and the plan, each minute
            to_minute = 60.0 - self.meeting.now() % 60.0
            self._timer = self.set_timer(to_minute + 0.05, self._minute_tick)
            return
        self._timer = None
        to_next_second = self.meeting.remaining() % 1.0
        self._aligner = self.set_timer(max(0.05, to_next_second + 0.02), self._start_ticking)

    def _minute_tick(self) -> None:
        self.refresh_clock()
        self._schedule()

    def _start_ticking(self) -> None:
        for timer in (self._aligner, self._timer):
            if timer is not None:
                timer.stop()
        self._aligner = self._timer = None
        if not self.meeting.clock_moves():  # a late aligner after a pause: stay asleep
            self._schedule()
            return
        self._timer = self.set_interval(1.0, self._tick)
        self._tick()

    def _tick(self) -> None:
        self.refresh_clock()
        if not self.meeting.clock_moves():  # e.g. a pause has taken the core to its minimum
            self._schedule()
            return
        if self.meeting.clock_moves() and self._aligner is None:
            since_second = 1.0 - self.meeting.remaining() % 1.0
            if since_second > 0.25:
                self._schedule()

    def refresh_all(self) -> None:
        self.refresh_item()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        m = self.meeting
        moved = m.catch_up()  # what the agenda lets move on by itself, when it fell due
        if moved:
            self.app.bell()
            self.notify(" · ".join(moved[-2:]), markup=False)
            self.refresh_item()
            self.call_later(self._schedule)  # the new item or turn has its own phase
        remaining = m.remaining()
        status = m.status
        over = remaining < 0 and status != "ready"
        shown = ("+" if over else "") + mmss(remaining)
        # as the digits show it: 0.3 s left reads 00:01, 0.0002 s reads 00:00
        warn = 1 <= int(remaining + 0.999) <= 60 and status == "running"
        parts = self._cue(status, over, warn, remaining)
        if self.has_class("compact"):  # no big digits: the time leads the cue
            if over:
                parts = [f"OVERTIME {shown}", *(p for p in parts if not p.startswith("OVERTIME"))]
            else:
                parts = [shown, *parts]
        cue = " · ".join(parts)  # the panel drops trailing parts that do not fit
        allotted = m.allotted() or 1.0
        self.query_one(ClockPanel).show(
            ClockFace(shown, cue, m.elapsed() / allotted, self._speaker_line(), over, warn)
        )
        self._ring(over)
        projection = m.projection()
        self.query_one(Timeline).show(
            projection, max(12, self.size.width - (47 if self.has_class("compact") else 41))
        )
        self.query_one("#summary", Plain).show(self._summary(projection), layout=False)
        self.query_one("#topbar", Plain).show(self._topbar(), layout=False)

    def _cue(self, status: str, over: bool, warn: bool, remaining: float) -> list[str]:
        """What the cue line says, most important first."""
        if status == "ready":
            return ["READY: press space to start"]
        if status == "ended":
            return ["The meeting has ended"]
        words = []
        if status == "paused" and self.meeting.clock_moves():  # its countdown goes on: say why
            words += ["PAUSED · taken from this item's time", "space to resume"]
        elif status == "paused":
            words.append("PAUSED: space to resume")
        if over:
            words += [f"OVERTIME by {mmss(remaining)}", "n for the next item", "+ adds a minute"]
        elif warn:
            words.append("One minute left")
        if not words:  # both to the nearest minute, as the timeline shows them
            total = int(self.meeting.allotted() / 60 + 0.5) * 60
            left = min(total, int(remaining / 60 + 0.5) * 60)
            words.append(f"{minutes_words(left)} left of {minutes_words(total)}")
        return words

    def _ring(self, over: bool) -> None:
        """The bell, once, when the time of the item in hand runs out; not when coming back
        (p) to an item whose time had already run out."""
        current = self.meeting.state.current
        if current != self._seen_item:
            self._seen_item = current
            self._rang_for = current if over else None
        if over and self._rang_for != current and self.meeting.status == "running":
            self._rang_for = current
            self.app.bell()
        elif not over and self._rang_for == current:
            self._rang_for = None  # extended past the overrun: may ring again

    def _summary(self, projection) -> str:  # type: ignore[no-untyped-def]
        """The meeting's end at a glance; the parts that do not fit go, last first."""
        m = self.meeting
        over = projection.over
        if abs(over) < 60:
            state = "on time"
        elif over > 0:
            state = f"{minutes_words(over)} OVER"
        else:
            state = f"{minutes_words(over)} early"
        people = len(m.state.participants)
        ends = f"Ends {hhmm(projection.projected_end)}"
        if not self.has_class("compact"):
            ends += f" (planned {hhmm(projection.planned_end)})"
        parts = [ends, state, f"{people} {'person' if people == 1 else 'people'}"]
        to_end = projection.planned_end - m.now()
        if (m.state.started is not None or m.state.planned_start is not None) and to_end > 0:
            parts.append(f"{minutes_words(to_end)} to planned end")
        return fit(" · ".join(parts), max(1, self.size.width - 2))

    def _topbar(self) -> str:
        s = self.meeting.state
        group = f"{s.group} · " if s.group else ""
        badge = {"ready": "READY", "running": "RUNNING", "paused": "PAUSED",
                 "ended": "ENDED"}[s.status]  # fmt: skip
        return f"{badge} · {hhmm(self.meeting.now())} · {group}{s.agenda.title}"

    def _guidance_lines(self, guidance: str, hint: str) -> str:
        """The guidance in the lines there is room for, ending in "…" when cut, and the hint
        about the alternative always on a line of its own."""
        width = max(10, self.size.width - 2)
        room = 1 if self.has_class("compact") else (5 if self.size.height >= 30 else 3)
        room -= 1 if hint and room > 1 else 0
        lines = wrap_to(self.app.console, guidance, width, room, more=" … (g reads it all)")
        if hint:
            lines.append(ellipsize(hint, width))
        return "\n".join(line for line in lines if line)

    def refresh_item(self) -> None:
        m = self.meeting
        index = m.state.current
        if index != self._item_shown:  # a new item: the note field opens again on e only
            self._item_shown = index
            self._writing_notes = False
        item = m.agenda.items[index]
        run = m.run
        active = m.state.active_indexes()
        kind = f" · {item.kind}" if item.kind != "open" else ""
        flags = " · flexible" if item.flexible else (" · protected" if item.protected else "")
        self.query_one("#item-title", Plain).show(
            f"{active.index(index) + 1}/{len(active)}  {item.title}{kind}{flags}"
        )
        guidance, hint = item.guidance or "", ""
        if run.alternative and item.alternative:
            guidance = f"Alternative: {item.alternative}"
        elif item.alternative:
            hint = f"Alternative (v): {item.alternative}"
        self.query_one("#guidance", Plain).show(self._guidance_lines(guidance, hint))
        self.query_one("#question", Plain).show(self._question_text())
        self.query_one("#question").display = bool(item.deck) and not run.alternative
        self._refresh_capture()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing, the footer offers only the way back to the meeting keys (Textual would
        still list + there, although the field takes it as text)."""
        typing = isinstance(self.focused, Input)
        if action == "leave_field":
            return typing
        if action == "extend":
            return not typing
        return True

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def offers(self, action: str) -> bool:
        """Whether the command palette offers ``action`` now: only what makes sense on this
        item (the keys still answer, and say why not)."""
        m = self.meeting
        item = m.agenda.items[m.state.current]
        if not self.check_action(action, ()):
            return False
        return {
            "met": item.record == "conclusions" and self._asks_expectations(),
            "draw": bool(item.deck),
            "redraw": bool(item.deck),
            "retire": bool(item.deck),
            "alternative": bool(item.alternative),
            "roles": bool(m.agenda.roles),
            "followups": bool(m.state.carried),
            "next_speaker": item.is_round,
            "pass_speaker": item.is_round,
            "order": m.next_round() is not None,
        }.get(action, True)

    def _after(self) -> None:
        self.refresh_all()
        self._schedule()

    def action_toggle(self) -> None:
        if self.meeting.toggle() == "started":
            self.post_message(MeetingBegan(self.meeting))
        self._after()

    def action_next_item(self) -> None:
        if not self.meeting.next_item():
            self.notify("This is the last item: press q to end the meeting.", markup=False)
        self._after()

    def action_skip_item(self) -> None:
        if not self.meeting.next_item(skip=True):
            self.notify("This is the last item: press q to end the meeting.", markup=False)
        self._after()

    def action_previous_item(self) -> None:
        if not self.meeting.previous_item():
            self.notify("There is no earlier item to go back to.", markup=False)
        self._after()

    def action_extend(self, minutes: int) -> None:
        if not self.meeting.extend(minutes):
            self.notify("An item keeps at least one minute.", markup=False)
        self._after()

    def action_end(self) -> None:
        if self.meeting.untouched():  # set up by mistake, or with the wrong people

            def leave(yes: bool | None) -> None:
                if yes:
                    self.post_message(MeetingEnded(self.meeting, keep=False))

            question = "The meeting has not started. Leave it without keeping a record?"
            self.app.push_screen(Confirm(question), leave)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.meeting.end()
                self._after()
                self.post_message(MeetingEnded(self.meeting))

        self.app.push_screen(Confirm("End the meeting now?"), done)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS))

    def action_guidance(self) -> None:
        from facilitator.tui.screens.reading import ReadingScreen

        item = self.meeting.agenda.items[self.meeting.state.current]
        parts = [item.guidance or "This item has no guidance."]
        if item.alternative:
            parts.append(f"Alternative (v): {item.alternative}")
        self.app.push_screen(ReadingScreen(item.title, "\n\n".join(parts)))
