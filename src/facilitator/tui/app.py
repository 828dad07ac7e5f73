"""The App: wires screens together, owns the open session. Nothing else lives here."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.clock import Clock, SystemClock
from facilitator.tui.messages import (
    MeetingBegan,
    MeetingEnded,
    OpenSetup,
    ResumeSession,
    StartMeeting,
)
from facilitator.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # the rest is imported when first needed: a faster first frame
    from textual.theme import Theme

    from facilitator.journal.store import OpenSession
    from facilitator.meeting.meeting import Meeting
    from facilitator.meeting.state import Event
    from facilitator.settings import Settings
    from facilitator.tui.screens.meeting import MeetingScreen


@dataclass
class Startup:
    """What the command line asked for."""

    first: Event | None = None  # straight to a new meeting
    resume: str | None = None  # a session id to resume
    offer_resume: str | None = None  # ask on Home whether to resume this session
    offer_text: str = ""
    group: str = ""
    setup: str | None = None  # open set-up for this agenda
    start: str = ""  # set-up's planned start, as typed on the command line
    newcomer: bool = False  # set-up's "someone new" box
    upcoming: list[str] | None = None


class FacilitatorApp(App[int]):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "facilitator"
    NOTIFICATION_TIMEOUT = 4  # seconds: notices say what just happened, then get out of the way
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self, clock: Clock | None = None, startup: Startup | None = None, drawer_factory=None
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.clock = clock or SystemClock()
        self.startup = startup or Startup()
        self.handle: OpenSession | None = None
        self.meeting: Meeting | None = None
        self.drawer_factory = drawer_factory or _default_drawer
        self._settings: Settings | None = None

    def get_default_screen(self) -> Screen[None]:
        straight_to_a_meeting = self.startup.first is not None or self.startup.resume is not None
        return HomeScreen(self.startup.upcoming, load_at_once=not straight_to_a_meeting)

    def on_mount(self) -> None:
        self._restore_theme()
        screen: MeetingScreen | None = None
        if self.startup.first is not None:
            screen = self._open(self.startup.first)
        elif self.startup.resume is not None:
            screen = self._resume(self.startup.resume)
        if screen is not None:
            self.push_screen(screen)
            if self.startup.first is not None and self.meeting is not None:  # no set-up shown
                state = self.meeting.state
                note = state.agenda.size_note(len(state.participants))
                if note:
                    self.notify(note, markup=False, severity="warning", timeout=8)
                typo = _new_group_note(state.group)
                if typo:
                    self.notify(typo, markup=False, severity="warning", timeout=10)
                start = state.planned_start
                if start is not None:
                    from facilitator.tui.format import far_start_note

                    far = far_start_note(start, self.clock.now(), start + state.total * 60)
                    if far:
                        self.notify(far, markup=False, severity="warning", timeout=10)
            return
        asked_for_a_meeting = self.startup.first is not None or self.startup.resume is not None
        if asked_for_a_meeting and isinstance(self.screen, HomeScreen):  # it could not open
            self.screen.call_after_refresh(self.screen.load_agendas)
        if self.startup.setup and self.meeting is None:
            self.post_message(OpenSetup(self.startup.setup))
        if self.startup.offer_resume and self.meeting is None:
            from facilitator.tui.screens.confirm import Confirm

            session = self.startup.offer_resume

            def answer(yes: bool | None) -> None:
                if yes:
                    resumed = self._resume(session)
                    if resumed is not None:
                        self.push_screen(resumed)

            question = self.startup.offer_text or f"Resume the unfinished meeting {session}?"
            self.push_screen(Confirm(question), answer)

    # -- the theme, remembered ---------------------------------------------------------------

    def _restore_theme(self) -> None:
        from facilitator.settings import load_settings

        self._settings = settings = load_settings()
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        from facilitator.settings import save_settings

        if self._settings is None or theme.name == self._settings.theme:
            return
        self._settings.theme = theme.name
        try:
            save_settings(self._settings)
        except OSError as exc:
            self.notify(f"Could not remember the theme: {exc}", markup=False, severity="warning")

    # -- sessions ---------------------------------------------------------------------------

    def _open(self, first: Event) -> MeetingScreen | None:
        from facilitator.journal.lock import SessionLocked
        from facilitator.journal.store import start_session
        from facilitator.tui.screens.meeting import MeetingScreen

        try:
            self.handle, self.meeting = start_session(first, self.clock)
        except (OSError, SessionLocked) as exc:
            self.notify(f"Could not start the session: {exc}", markup=False, severity="error")
            return None
        return MeetingScreen(self.meeting, self.drawer_factory(self.meeting))

    def _resume(self, session: str) -> MeetingScreen | None:
        from facilitator.journal.lock import SessionLocked
        from facilitator.journal.store import resume_session
        from facilitator.meeting.meeting import REPLAY_ERRORS
        from facilitator.tui.screens.meeting import MeetingScreen

        try:
            self.handle, self.meeting = resume_session(session, self.clock)
        except SessionLocked as exc:
            self.notify(str(exc), markup=False, severity="error", timeout=10)
            return None
        except REPLAY_ERRORS as exc:  # before LookupError: KeyError and IndexError are ones
            self.notify(f"Could not resume {session}: its journal has an event this version "
                        f"cannot read ({type(exc).__name__}); it is left as it is.",
                        markup=False, severity="error", timeout=10)  # fmt: skip
            return None
        except (OSError, LookupError) as exc:
            self.notify(f"Could not resume {session}: {exc}", markup=False, severity="error")
            return None
        if self.meeting.state.status == "ended":  # ended meanwhile, in another window
            self._close()
            self.meeting = None
            self.notify(f"The meeting {session} has ended; the review shows it.", markup=False)
            return None
        away = self.meeting.state.resumed_after or 0.0
        notice = f"Resumed. The last action saved was {_away(away)} ago; {_then(self.meeting)}."
        for warning in self.handle.warnings:
            notice += "\n" + warning
        return MeetingScreen(self.meeting, self.drawer_factory(self.meeting), notice=notice)

    def _remember_group(self, meeting: Meeting) -> None:
        from facilitator.groups import load_group, save_group

        state = meeting.state
        if not state.group:
            return
        group = load_group(state.group)
        # Everyone this meeting had first, then regulars who were absent: nobody is forgotten.
        group.participants = list(dict.fromkeys([*state.participants, *group.participants]))
        group.roles = {**group.roles, **{r: state.roles.get(r, []) for r in state.agenda.roles}}
        group.language = state.language
        group.agenda = state.agenda.id
        with contextlib.suppress(OSError):
            save_group(group)

    @on(OpenSetup)
    def _setup(self, message: OpenSetup) -> None:
        from facilitator import catalog
        from facilitator.formats.problems import FormatError

        try:
            agenda = catalog.find_agenda(message.agenda_id)
        except (LookupError, FormatError) as exc:
            self.notify(str(exc), markup=False, severity="error")
            return
        from facilitator.tui.screens.setup import SetupScreen

        startup = self.startup
        self.push_screen(
            SetupScreen(agenda, self.clock, startup.group, startup.start, startup.newcomer)
        )

    @on(StartMeeting)
    def _start(self, message: StartMeeting) -> None:
        screen = self._open(message.first)
        if screen is not None:
            self.switch_screen(screen)

    @on(ResumeSession)
    def _resume_asked(self, message: ResumeSession) -> None:
        screen = self._resume(message.session)
        if screen is not None:
            self.push_screen(screen)

    @on(MeetingBegan)
    def _began(self, message: MeetingBegan) -> None:
        """The group remembers its people and roles once a meeting has really begun (not a
        meeting set up by mistake and left)."""
        self._remember_group(message.meeting)

    @on(MeetingEnded)
    def _ended(self, message: MeetingEnded) -> None:
        from facilitator.journal.record import render
        from facilitator.journal.store import write_record

        meeting = message.meeting
        if not message.keep:
            self._discard(meeting)
            self.pop_screen()
            return
        try:
            path = write_record(meeting.state.session, render(meeting.state, meeting.now()))
            self.notify(f"The record is saved: {path}", markup=False, timeout=10)
        except OSError as exc:
            self.notify(f"Could not write the record: {exc}", markup=False, severity="error")
        self._close(ended=True)
        self._remember_group(meeting)
        self.meeting = None
        self.pop_screen()

    def _discard(self, meeting: Meeting) -> None:
        """A meeting left before it started: no journal, no record, no lock."""
        from facilitator.journal.store import discard_session

        self._close()
        try:
            discard_session(meeting.state.session)
        except OSError as exc:
            self.notify(f"Could not remove the session: {exc}", markup=False, severity="error")
        self.meeting = None

    def _close(self, *, ended: bool = False) -> None:
        if self.handle is not None:
            self.handle.close(ended=ended)
            self.handle = None

    def on_unmount(self) -> None:
        self._close()

    def _fatal_error(self) -> None:
        """Like Textual's, but without local variables: they may hold private notes and the
        screen may be projected. The journal already holds everything acknowledged."""
        import rich
        from rich.segment import Segments
        from rich.text import Text
        from rich.traceback import Traceback

        self.bell()
        trace = Traceback(show_locals=False, width=None, suppress=[rich])
        self._exit_renderables.append(Segments(self.console.render(trace, self.console.options)))
        self._exit_renderables.append(Text(
            "facilitator stopped on an error. Everything acknowledged is saved: "
            "run facilitator again to resume the meeting."))  # fmt: skip
        self._close_messages_no_wait()

    async def action_quit(self) -> None:
        """ctrl+q, or Quit in the palette: during a meeting, ask first (ctrl+q again: yes)."""
        from facilitator.tui.screens.confirm import QuitQuestion

        meeting = self.meeting
        if meeting is None or meeting.status == "ended" or isinstance(self.screen, QuitQuestion):
            self.exit()
            return
        if meeting.pristine():  # not even an arrival since set-up: nothing to resume later
            self._discard(meeting)
            self.exit()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(QuitQuestion(), answer)

    def get_system_commands(self, screen: Screen[None]) -> Iterable[SystemCommand]:
        """The screen's own actions by name (what makes sense now), then Textual's (its theme,
        keys, quit), without a screenshot: a picture of private notes would land outside the
        private folder."""
        offers = getattr(screen, "offers", None)
        titles: set[str] = set()
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            name, _, _ = binding.action.partition("(")
            if not screen.check_action(name, ()) or (offers is not None and not offers(name)):
                continue
            titles.add(binding.description)
            words = f"{binding.tooltip} · " if binding.tooltip else ""
            yield SystemCommand(
                binding.description,
                f"{words}key {self.get_key_display(binding)}",
                lambda a=binding.action: self.call_later(screen.run_action, a),
            )
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                command = SystemCommand(
                    "Quit", "leave facilitator (in a meeting, asks first: it can be resumed)",
                    command.callback,
                )  # fmt: skip
            if command.title not in titles and command.title != "Screenshot":
                yield command


def _default_drawer(meeting: Meeting):  # type: ignore[no-untyped-def]
    from facilitator.decks.drawer import Drawer

    return Drawer(meeting.state.group, meeting.state.language, meeting.state.session)


def _away(seconds: float) -> str:
    from facilitator.tui.format import minutes_words

    return minutes_words(seconds) if seconds >= 60 else f"{seconds:.0f} s"


def _then(meeting: Meeting) -> str:
    """What the clock did while the meeting was closed, in words."""
    state = meeting.state
    if state.status == "running":
        return "the clock kept counting while it was closed"
    if state.status == "ready":
        return "it has not started yet: space starts it"
    if meeting.clock_moves():  # paused in a flexible item: the time away came out of it
        title = state.agenda.items[state.current].title
        return f"it is still paused, and the time away was taken from “{title}”"
    return "it is still paused, as it was left"


def _new_group_note(name: str) -> str | None:
    """``run --group`` with a name close to a known group's is likely a typo: say so."""
    from facilitator.groups import likely_meant

    meant = likely_meant(name)
    if meant is None:
        return None
    return (f"“{name}” is a new group: did you mean “{meant}”? Its people and roles were "
            "not used; end with q and run again to change it.")  # fmt: skip
