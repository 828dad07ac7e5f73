"""The meeting screen: what is happening now, how long is left, who speaks, and the timeline."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Footer, Input

from facilitator.decks.drawer import Drawer
from facilitator.journal.store import OpenSession
from facilitator.meeting.meeting import Meeting
from facilitator.tui.messages import MeetingBegan, MeetingEnded
from facilitator.tui.screens.confirm import Confirm
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.meeting_bindings import MEETING_BINDINGS
from facilitator.tui.screens.meeting_entries import EntryActions
from facilitator.tui.screens.meeting_hands import HandActions
from facilitator.tui.screens.meeting_people import PeopleActions
from facilitator.tui.screens.meeting_questions import QuestionActions
from facilitator.tui.screens.meeting_room import RoomActions
from facilitator.tui.screens.meeting_ticker import Ticker
from facilitator.tui.widgets.capture import Capture
from facilitator.tui.widgets.clock import ClockPanel
from facilitator.tui.widgets.text import Plain
from facilitator.tui.widgets.timeline import Timeline
from facilitator.views import meeting as views
from facilitator.views import meeting_words as say


class MeetingScreen(PeopleActions, HandActions, EntryActions, QuestionActions, RoomActions,
                    Screen[None]):  # fmt: skip
    """What is happening now, how long is left, who speaks, and whether the end holds.

    The people, hands, entries and questions parts live in meeting_people.py, meeting_hands.py,
    meeting_entries.py and meeting_questions.py; this module has the layout, the clock and moving between items."""

    CSS_PATH = Path(__file__).with_name("meeting.tcss")  # read when first shown
    AUTO_FOCUS = ""  # keys act on the meeting until the facilitator chooses to write
    # Descriptions name each action in the footer and the command palette; tooltips say what it
    # does, in plain words, for the help screen and the palette.
    BINDINGS = MEETING_BINDINGS

    def __init__(self, meeting: Meeting, drawer: Drawer | None = None, notice: str = "",
                 journal: OpenSession | None = None) -> None:  # fmt: skip
        super().__init__()
        self.meeting = meeting
        self.journal = journal
        self._checked = meeting.now()
        self.drawer = drawer or Drawer(
            meeting.state.group, meeting.state.language, meeting.state.session
        )
        self.notice = notice
        self.ticker = Ticker(self)
        self._rang_for: tuple[int, int | None] | None = None
        self._seen_item: tuple[int, int | None] | None = None
        self._last_entry: str | None = None
        self._writing_notes = False
        self._writing_kind: str | None = None  # f / D / N chose the kind of the next entry
        self._item_shown: int | None = None
        self._draft_for: str | None = None  # whose words are in the field (rounds)
        self._labels: dict[str, Plain] = {}

    def compose(self) -> ComposeResult:
        # Three children of the screen, the clock panel alone in the middle: a tick repaints
        # the widgets whose clip overlaps the panel's rows, and this keeps them few.
        with Vertical(id="head"):
            yield Plain("", id="saving")
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
        self.ticker.schedule()
        self.run_worker(self._read_history, thread=True, exit_on_error=False, group="history")

    def _read_history(self) -> None:
        """The group's question history, read before the first draw and off the screen's
        thread (the first index build reads every past session)."""
        import sqlite3

        with contextlib.suppress(OSError, sqlite3.Error):
            _ = self.drawer.history

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        size = views.Layout(width, height)
        self.set_class(size.compact, "compact")
        self.set_class(size.tiny, "tiny")
        panel = self.query_one(ClockPanel)
        panel.set_class(size.compact, "compact")
        panel.set_class(not size.big_digits, "textclock")
        panel.set_class(size.tiny, "tiny")
        if self.is_mounted:
            self.refresh_all()  # the guidance is wrapped for the width

    def refresh_all(self) -> None:
        self.refresh_clock()

    def layout_now(self) -> views.Layout:
        field = self.query_one("#entry", Input)
        return views.Layout(self.size.width or 80, self.size.height or 24, self._writing_notes,
                            self._draft_for, bool(field.value), self._writing_kind)  # fmt: skip

    @property
    def saving(self) -> views.Saving:
        j = self.journal
        if j is None or j.problem is None:
            return views.Saving()
        return views.Saving(j.problem, len(j.pending), str(j.fallback) if j.fallback else None)

    @property
    def view(self) -> views.MeetingView:
        """What the screen shows now (built from one reading of the clock)."""
        return views.build(self.meeting, self.meeting.now(), self.layout_now(), self.saving)

    def check_journal(self) -> None:
        """Each minute: unsaved events are tried again, a vanished journal is noticed."""
        now = self.meeting.now()
        if self.journal is not None and now - self._checked >= 60:
            self._checked = now
            self.journal.check()

    def refresh_clock(self) -> None:
        """A tick: what the agenda lets move on by itself moves (journaled), then the screen is
        drawn from the view (drawing never writes)."""
        self.check_journal()
        moved = self.meeting.catch_up()
        if moved:
            self.app.bell()
            self.notify(views.moved_words(moved), markup=False)
            self.call_later(self.ticker.schedule)  # the new item or turn has its own phase
        if self.meeting.state.current != self._item_shown:  # a new item: e opens notes again
            self._item_shown = self.meeting.state.current
            self._writing_notes = False
            self._writing_kind = None
        self.draw(self.view)

    def _label(self, name: str) -> Plain:
        """One of the screen's labels, looked up once (a tick draws eight of them)."""
        found = self._labels.get(name)
        if found is None:
            found = self._labels[name] = self.query_one(f"#{name}", Plain)
        return found

    def draw(self, view: views.MeetingView) -> None:
        banner = self._label("saving")
        banner.show(view.saving)
        banner.display = bool(view.saving)
        self.query_one(ClockPanel).show(view.clock)
        self._ring(view.clock.over)
        self.query_one(Timeline).show(view.timeline, view.timeline_width)
        self._label("summary").show(view.summary, layout=False)
        self._label("topbar").show(view.topbar, layout=False)
        self._label("item-title").show(view.item_title)
        self._label("guidance").show(view.guidance)
        question = self._label("question")
        question.show(question_content(view.question, view.nudge, view.context))
        question.display = view.question_shown
        self.capture.display = view.capture.shown
        if view.capture.shown:
            self.capture.show(view.capture)

    def refresh_item(self) -> None:
        self.refresh_clock()

    def _ring(self, over: bool) -> None:
        """The bell, once, when the time of the item in hand runs out; not when coming back
        (p) to an item whose time had already run out."""
        current = (self.meeting.state.current, self.meeting.run.slot)  # a slot rings too
        if current != self._seen_item:
            self._seen_item = current
            self._rang_for = current if over else None
        if over and self._rang_for != current and self.meeting.status == "running":
            self._rang_for = current
            self.app.bell()
        elif not over and self._rang_for == current:
            self._rang_for = None  # extended past the overrun: may ring again

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing, the footer offers only the way back to the meeting keys (Textual would
        still list + there, although the field takes it as text)."""
        typing = isinstance(self.focused, Input)
        if action == "leave_field":
            return typing
        if action in (
            "extend",
            "write",
            "write_kind",
        ):  # write: a priority key, so the field opens before
            return not typing  # the keys typed behind e in the same read arrive
        return True

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def offers(self, action: str) -> bool:
        """Whether the command palette offers ``action`` now: only what makes sense on this
        item (the keys still answer, and say why not)."""
        if not self.check_action(action, ()):
            return False
        if action not in views.OFFERED:
            return True
        return action in views.offers(self.meeting, self.meeting.now())

    def _after(self) -> None:
        self.refresh_all()
        self.ticker.schedule()

    def action_start_pause(self) -> None:
        if self.meeting.toggle() == "started":
            early = say.early_start(self.meeting.state)
            if early:
                self.notify(early, markup=False, timeout=10)
            self.post_message(MeetingBegan(self.meeting))
        self._after()

    def action_next_item(self) -> None:
        self._move_on()

    def action_skip_item(self) -> None:
        self._move_on(skip=True)

    def _move_on(self, *, skip: bool = False) -> None:
        """n or k: at once, or once confirmed when the round has not heard everyone. If the
        item moved on by itself while the question was shown, yes leaves the new one alone."""
        question = say.moving_on(self.meeting, skip=skip)
        if question is None:
            self._next(skip)
            return
        index = self.meeting.state.current

        def answer(yes: bool | None) -> None:
            if yes and self.meeting.state.current == index:
                self._next(skip)

        self.app.push_screen(Confirm(question), answer)

    def _next(self, skip: bool) -> None:
        if not self.meeting.next_item(skip=skip):
            self.notify(say.last_item(), markup=False)
        self._after()

    def action_previous_item(self) -> None:
        if not self.meeting.previous_item():
            self.notify(say.no_earlier_item(), markup=False)
        self._after()

    def action_extend(self, minutes: int) -> None:
        if not self.meeting.extend(minutes):
            self.notify(say.item_minimum(), markup=False)
        self._after()

    def action_end(self) -> None:
        if self.meeting.untouched():  # set up by mistake, or with the wrong people

            def leave(yes: bool | None) -> None:
                if yes:
                    self.post_message(MeetingEnded(self.meeting, keep=False))

            question = say.leave_untouched()
            self.app.push_screen(Confirm(question), leave)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.meeting.end()
                self._after()
                self.post_message(MeetingEnded(self.meeting))

        self.app.push_screen(Confirm(say.end_now(self.meeting.not_heard())), done)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS))

    def action_guidance(self) -> None:
        from facilitator.tui.screens.reading import ReadingScreen

        self.app.push_screen(ReadingScreen(*views.whole_guidance(self.meeting)))


def question_content(headline: str, nudge: str, context: tuple[str, ...]) -> str | Content:
    """The question box: the headline bold, what helps with it dimmer beneath (never markup)."""
    under = [line for line in (nudge, *context) if line]
    if not under:
        return headline
    parts: list[tuple[str, Style]] = [(headline, Style(bold=True))] if headline else []
    parts += [(("\n" if parts or i else "") + line, Style(bold=False, dim=True))
              for i, line in enumerate(under)]  # fmt: skip
    return Content.assemble(*parts)
