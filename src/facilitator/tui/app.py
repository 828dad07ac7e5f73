"""The App: wiring. Screens send messages up; the session service does the work."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import SystemCommand
from textual.screen import Screen

from facilitator.clock import Clock, SystemClock
from facilitator.session.startup import Startup
from facilitator.tui.crash import quiet_fatal_error
from facilitator.tui.messages import (
    MeetingBegan,
    MeetingEnded,
    OpenSetup,
    ResumeSession,
    StartMeeting,
)
from facilitator.tui.notices import NoticeLog
from facilitator.tui.opening import offer_resume, open_meeting, resume_meeting
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.theme import ThemeMemory
from facilitator.tui.translate import translate_once, words

if TYPE_CHECKING:  # the rest is imported when first needed: a faster first frame
    from facilitator.decks.drawer import Drawer
    from facilitator.meeting.meeting import Meeting
    from facilitator.session.service import SessionService

__all__ = ["FacilitatorApp", "Startup"]


class FacilitatorApp(NoticeLog):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "facilitator"
    NOTIFICATION_TIMEOUT = 4  # seconds: notices say what just happened, then get out of the way

    def __init__(self, clock: Clock | None = None, startup: Startup | None = None,
                 drawer_factory: Callable[[Meeting], Drawer] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.clock = clock or SystemClock()
        self.startup = startup or Startup()
        self._sessions: SessionService | None = None  # made when first needed (its imports
        # — the journal, the meeting model, the formats — are not needed for Home's first frame)
        self.drawer_factory = drawer_factory or _default_drawer
        self.themes = ThemeMemory(self)
        translate_once(self)  # ctrl+q's Quit, ctrl+p's palette

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Every screen's keys speak the interface language (see tui/translate.py)."""
        if isinstance(screen, Screen):
            translate_once(screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        if isinstance(screen, Screen):
            translate_once(screen)
        return super().switch_screen(screen)

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = words("Search for commands…")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    @property
    def sessions(self) -> SessionService:
        """The session service: the meeting open now, and what ends or resumes it."""
        if self._sessions is None:
            from facilitator.session.service import SessionService

            self._sessions = SessionService(self.clock)
        return self._sessions

    @property
    def meeting(self) -> Meeting | None:
        return self._sessions.meeting if self._sessions is not None else None

    def get_default_screen(self) -> Screen[None]:
        at_once = self.startup.first_screen not in ("meeting", "resume")
        home = HomeScreen(self.startup.upcoming, load_at_once=at_once)
        translate_once(home)
        return home

    def on_mount(self) -> None:
        self.themes.restore()
        first = self.startup.first_screen
        if first == "meeting" and self.startup.first is not None:
            created = self.startup.first
            open_meeting(self, lambda: self.sessions.start(created), self.push_screen,
                         self.startup.notice)  # fmt: skip
            if self.meeting is not None:
                for note in self.sessions.opening_notes(self.meeting):
                    self.notify(note, markup=False, severity="warning", timeout=10)
        elif first == "resume" and self.startup.resume is not None:
            resume_meeting(self, self.startup.resume)
        elif first == "review":
            from facilitator.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(self.startup.review_group, self.startup.review_now))
        elif first == "setup" and self.startup.setup:
            self.post_message(OpenSetup(self.startup.setup))
        if self.meeting is None and first in ("meeting", "resume"):  # it could not open
            self.call_after_refresh(self.home_screen.load_agendas)
        if self.startup.offer_resume and self.meeting is None:
            offer_resume(self, self.startup.offer_resume, self.startup.offer_text)
        if self.startup.look_around:
            self.call_after_refresh(self._look_around)

    def _look_around(self) -> None:
        self.run_worker(self._looked_around, thread=True, exclusive=True, group="look-around")

    def _looked_around(self) -> None:
        """Off the screen's thread, after the first frame: the groups' next meetings, and an
        unfinished meeting to offer (the journals' tails are read)."""
        try:
            from facilitator.rhythm.home import upcoming_lines

            upcoming = upcoming_lines()
        except Exception:  # noqa: BLE001 - never let the calendar stop Home from working
            upcoming = []
        from facilitator.session.service import SessionService

        service = SessionService(self.clock)
        try:
            found = service.resumable()
        except OSError:  # the sessions folder cannot be read: nothing to offer
            found = []
        offer = (found[0].session, service.offer(found[0])) if found else None
        self.call_from_thread(self._show_around, upcoming, offer)

    def _show_around(self, upcoming: list[str], offer: tuple[str, str] | None) -> None:
        self.home_screen.show_upcoming(upcoming)
        if offer is not None and self.meeting is None:
            offer_resume(self, *offer)

    @property
    def home_screen(self) -> HomeScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, HomeScreen)
        return screen

    @on(OpenSetup)
    def _setup(self, message: OpenSetup) -> None:
        from facilitator import catalog
        from facilitator.formats.problems import FormatError
        from facilitator.tui.screens.setup import SetupScreen

        try:
            agenda = catalog.find_agenda(message.agenda_id)
        except (LookupError, FormatError) as exc:
            self.notify(str(exc), markup=False, severity="error")
            return
        s = self.startup
        self.push_screen(SetupScreen(agenda, self.clock, s.group, s.start, s.newcomer, s.content))

    @on(StartMeeting)
    def _start(self, message: StartMeeting) -> None:
        open_meeting(self, lambda: self.sessions.start(message.first), self.switch_screen)

    @on(ResumeSession)
    def _resume_asked(self, message: ResumeSession) -> None:
        resume_meeting(self, message.session)

    @on(MeetingBegan)
    def _began(self, message: MeetingBegan) -> None:
        """The group remembers its people and roles once a meeting has really begun (not a
        meeting set up by mistake and left)."""
        self.sessions.remember_group(message.meeting)

    @on(MeetingEnded)
    def _ended(self, message: MeetingEnded) -> None:
        if not message.keep:
            problem = self.sessions.discard()
            if problem:
                self.notify(problem, markup=False, severity="error")
        else:
            ended = self.sessions.end()
            self.notify(ended.message, markup=False, timeout=10,
                        severity="error" if ended.failed else "information")  # fmt: skip
        self.pop_screen()

    def on_unmount(self) -> None:
        if self._sessions is not None:  # (no session was ever opened: nothing to close)
            self._sessions.close()

    def _fatal_error(self) -> None:
        quiet_fatal_error(self)

    async def action_quit(self) -> None:
        """ctrl+q, or Quit in the palette: during a meeting, ask first (ctrl+q again: yes)."""
        from facilitator.tui.screens.confirm import QuitQuestion

        meeting = self.meeting
        if meeting is None or meeting.status == "ended" or isinstance(self.screen, QuitQuestion):
            self.exit()
            return
        if meeting.pristine():  # not even an arrival since set-up: nothing to resume later
            self.sessions.discard()
            self.exit()
            return
        self.push_screen(QuitQuestion(), lambda yes: self.exit() if yes else None)

    def get_system_commands(self, screen: Screen[None]) -> Iterable[SystemCommand]:
        from facilitator.tui.palette import screen_commands

        return screen_commands(self, screen, super().get_system_commands(screen))


def _default_drawer(meeting: Meeting) -> Drawer:
    from facilitator.decks.drawer import Drawer

    return Drawer(meeting.state.group, meeting.state.language, meeting.state.session)
