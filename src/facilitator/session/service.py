"""Opening, resuming, ending and discarding the session in hand, and what the group keeps.

The app's screens call this; it words what happened for the facilitator to read.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from facilitator.clock import Clock, local_datetime
from facilitator.i18n import _
from facilitator.journal.lock import SessionLocked
from facilitator.journal.store import (
    OpenSession,
    Unfinished,
    discard_session,
    resume_session,
    start_session,
    unfinished_sessions,
    write_record,
)
from facilitator.meeting.events import JournalFormatError, SessionCreated
from facilitator.meeting.meeting import Meeting
from facilitator.timewords import far_start_note, minutes_words


class SessionError(Exception):
    """What went wrong opening a session, in a sentence for the facilitator."""


@dataclass(frozen=True)
class Ended:
    record: Path | None
    message: str
    failed: bool = False


class SessionService:
    """The one session open in this program (at most one), with its journal and lock."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.handle: OpenSession | None = None
        self.meeting: Meeting | None = None

    def start(self, first: SessionCreated) -> Meeting:
        try:
            self.handle, self.meeting = start_session(first, self.clock)
        except (OSError, SessionLocked) as exc:
            raise SessionError(_("Could not start the session: {error}").format(error=exc)) from exc
        return self.meeting

    def resume(self, session: str) -> tuple[Meeting, str]:
        """The meeting taken up again, and the notice that says what the clock did."""
        try:
            self.handle, meeting = resume_session(session, self.clock)
        except SessionLocked as exc:
            raise SessionError(str(exc)) from exc
        except JournalFormatError as exc:
            said = _("Could not resume {session}: its journal cannot be read by this version "
                     "({error}); it is left as it is.")  # fmt: skip
            raise SessionError(said.format(session=session, error=exc)) from exc
        except (OSError, LookupError) as exc:
            said = _("Could not resume {session}: {error}")
            raise SessionError(said.format(session=session, error=exc)) from exc
        if meeting.state.status == "ended":  # ended meanwhile, in another window
            self.close()
            said = _("The meeting {session} has ended; the review shows it.")
            raise SessionError(said.format(session=session))
        self.meeting = meeting
        away = meeting.state.resumed_after or 0.0
        said = _("Resumed. The last action saved was {away} ago; {then}.")
        notice = said.format(away=_away(away), then=_then(meeting))
        return meeting, "\n".join([notice, *self.handle.warnings])

    def end(self) -> Ended:
        """The meeting has ended: its record is written, the group remembers it."""
        meeting = self.meeting
        assert meeting is not None
        state = meeting.state
        from facilitator.journal.record import render

        handle = self.handle
        assert handle is not None
        markdown = render(state, meeting.now())
        try:
            path = write_record(state.session, markdown)
            result = Ended(path, _("The record is saved: {path}").format(path=path))
        except OSError as exc:
            result = self._record_elsewhere(state.session, markdown, exc)
        if not handle.flush():  # the journal's last events are not on disk: say where they are
            where = (_(" A full copy of the journal is in {folder}.").format(folder=handle.fallback)
                     if handle.fallback else
                     _(" Keep this window open and free some space: nothing else could take them."))  # fmt: skip
            said = _("{message} The journal could not be saved ({problem}).{where}")
            result = Ended(result.record, said.format(message=result.message,
                           problem=handle.problem, where=where), failed=True)  # fmt: skip
        self.close(ended=True)
        self.remember_group(meeting)
        self.meeting = None
        return result if result.failed else self._publish(state.session, state.group, result)

    def _publish(self, session: str, group: str, result: Ended) -> Ended:
        """A placed group's meeting moves to its folder once ended; said where it went, or
        why it stays here for now."""
        from facilitator.groupfolder import publish
        from facilitator.groups import load_group

        folder = load_group(group).folder if group else None
        if not folder:
            return result
        try:
            moved = publish(session, Path(folder))
        except OSError as exc:
            said = _("{message} It stays on this laptop until the group's folder can take it "
                     "({problem}).")  # fmt: skip
            return Ended(result.record, said.format(message=result.message,
                                                    problem=exc.strerror or exc))  # fmt: skip
        said = _("The record is saved in the group's folder: {path}")
        return Ended(moved, said.format(path=moved))

    def _record_elsewhere(self, session: str, markdown: str, exc: OSError) -> Ended:
        """The record where the data folder could not take it."""
        from facilitator.fsutil import atomic_write
        from facilitator.journal.store import failure_words, fallback_folder

        try:
            target = fallback_folder() / f"{session}.md"
            atomic_write(target, markdown, mode=0o600)
        except OSError:
            said = _("Could not write the record: {problem}.")
            return Ended(None, said.format(problem=failure_words(exc)), failed=True)
        said = _("Could not write the record in the data folder ({problem}): it is saved in {path}")
        return Ended(target, said.format(problem=failure_words(exc), path=target), failed=True)

    def discard(self) -> str | None:
        """A meeting left before it started: no journal, no record, no lock. What went wrong."""
        meeting = self.meeting
        self.close()
        self.meeting = None
        if meeting is None:
            return None
        try:
            discard_session(meeting.state.session)
        except OSError as exc:
            return _("Could not remove the session: {error}").format(error=exc)
        return None

    def close(self, *, ended: bool = False) -> None:
        if self.handle is not None:
            self.handle.close(ended=ended)
            self.handle = None

    def remember_group(self, meeting: Meeting) -> None:
        """The group keeps its people, roles, language and agenda (once it has really met)."""
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
            save_group(group, now=self.clock.now())

    def resumable(self) -> list[Unfinished]:
        return [u for u in unfinished_sessions() if u.resumable and not u.open_elsewhere]

    def offer(self, unfinished: Unfinished) -> str:
        today = local_datetime(self.clock.now()).date()
        said = _("An unfinished meeting: {meeting}. Resume it?")
        return said.format(meeting=unfinished.describe(today))

    def opening_notes(self, meeting: Meeting) -> list[str]:
        """What to point out when a meeting opens with no set-up shown (``run --participants``)."""
        state = meeting.state
        notes = [state.agenda.size_note(len(state.participants)) or ""]
        notes.append(new_group_note(state.group) or "")
        if state.planned_start is not None:
            end = state.planned_start + state.total * 60
            notes.append(far_start_note(state.planned_start, self.clock.now(), end) or "")
        return [note for note in notes if note]


def _away(seconds: float) -> str:
    if seconds >= 60:
        return minutes_words(seconds)
    return _("{seconds} s").format(seconds=f"{seconds:.0f}")


def _then(meeting: Meeting) -> str:
    """What the clock did while the meeting was closed, in words."""
    state = meeting.state
    if state.status == "running":
        return _("the clock kept counting while it was closed")
    if state.status == "ready":
        return _("it has not started yet: space starts it")
    if meeting.clock_moves():  # paused in a flexible item: the time away came out of it
        title = state.agenda.items[state.current].title
        return _("it is still paused, and the time away was taken from “{title}”").format(
            title=title
        )
    return _("it is still paused, as it was left")


def new_group_note(name: str) -> str | None:
    """``run --group`` with a name close to a known group's is likely a typo: say so."""
    from facilitator.groups import likely_meant

    meant = likely_meant(name)
    if meant is None:
        return None
    said = _("“{name}” is a new group: did you mean “{meant}”? Its people and roles were "
             "not used; end with q and run again to change it.")  # fmt: skip
    return said.format(name=name, meant=meant)
