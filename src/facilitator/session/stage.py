"""Which session the stage follows, and following it: one ``stat`` a second while nothing
changes, the appended lines read when it grows (:class:`facilitator.journal.load.Follower`).

Without a session named, the stage follows the open one: the newest journal whose lock a
facilitator holds now. When that meeting ends, or its facilitator closes it, the stage keeps
its last frame and looks for the next open one every few seconds.
"""

from __future__ import annotations

from pathlib import Path

from facilitator import paths
from facilitator.journal.load import Follower
from facilitator.journal.lock import is_locked
from facilitator.meeting.events import JournalFormatError
from facilitator.views import stage as views
from facilitator.views import stage_words as say

LOOK_EVERY = 3.0  # seconds between looks for an open session, while none is followed


def open_journal() -> Path | None:
    """The journal of the session a facilitator has open now (the newest, if several)."""
    folder = paths.sessions_dir()
    if not folder.is_dir():
        return None
    open_ones = []
    for lock in folder.glob("*.lock"):
        journal = lock.with_suffix(".jsonl")
        if journal.exists() and is_locked(lock):
            open_ones.append((journal.stat().st_mtime, journal))
    return max(open_ones)[1] if open_ones else None


class StageSource:
    """The frames of the stage, for a named session or the open one."""

    def __init__(self, session: str | None = None) -> None:
        self.session = session
        self.follower: Follower | None = None
        self.problem = ""
        self._looked: float | None = None

    def poll(self, now: float) -> bool:
        """Read what the journal gained; whether the frame may have changed otherwise than
        by the clock (a new event, another session, a problem)."""
        changed = self._choose(now)
        if self.follower is None:
            return changed
        try:
            changed = self.follower.poll() or changed
            problem = ""
        except FileNotFoundError:
            self.follower, problem = None, ""
            changed = True
        except (OSError, JournalFormatError) as exc:
            problem = say.unreadable(str(exc))
        if problem != self.problem:
            self.problem, changed = problem, True
        return changed

    def _choose(self, now: float) -> bool:
        if self.session is not None:
            if self.follower is None:
                path = paths.sessions_dir() / f"{self.session}.jsonl"
                if path.exists():
                    self.follower = Follower(path)
                    return True
            return False
        if self._looked is not None and now - self._looked < LOOK_EVERY:
            return False
        self._looked = now  # the lock is looked at every few seconds, not at every poll
        if self.follower is not None and not self._done():
            return False
        found = open_journal()
        if found is None:
            if self.follower is not None and not self._ended():  # closed, not ended
                self.follower = None
                return True
            return False
        if self.follower is not None and found == self.follower.path:
            return False
        self.follower = Follower(found)
        return True

    def _ended(self) -> bool:
        loaded = self.follower.loaded if self.follower is not None else None
        return loaded is not None and loaded.state.status == "ended"

    def _done(self) -> bool:
        """The followed meeting ended, or nobody holds it open any more."""
        assert self.follower is not None
        return self._ended() or not is_locked(self.follower.path.with_suffix(".lock"))

    def frame(self, now: float) -> views.StageView:
        if self.problem:
            return views.waiting(self.problem, "", now)
        loaded = self.follower.loaded if self.follower is not None else None
        if loaded is None:
            if self.session is not None:
                return views.waiting(say.session_missing(self.session), say.waiting_hint(), now)
            return views.waiting(say.no_meeting(), say.waiting_hint(), now)
        return views.build(loaded.state, now)
