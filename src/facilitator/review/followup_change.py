"""Closing, reopening and giving a follow-up between meetings: what `sessions followups done`,
`reopen` and `owner` do, and the review's follow-ups view with its keys.

Each change is appended and fsynced by a :class:`~facilitator.journal.changes.ChangeWriter` to a
file of the run's own, in the follow-up's group folder when the group is placed in one
(:func:`facilitator.groupfolder.changes_folder`), else under the data folder. No session's
journal is ever rewritten.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from facilitator.journal.changes import Action, Change, ChangeWriter
from facilitator.review.queries import Followup
from facilitator.text import clean_line


def toggled(f: Followup) -> Action:
    """The change that turns a follow-up over: a done one opens again, an open one is done."""
    return "reopen" if f.done else "done"


def owner_name(typed: str | None) -> str | None:
    """The owner's name as typed, control characters and spaces around it taken away; None
    (nothing to change) for nothing typed."""
    name = clean_line(typed or "").strip()
    return name or None


def after(f: Followup, action: Action, owner: str | None = None) -> Followup | None:
    """The follow-up as the change leaves it, or None when it would change nothing: done
    already, open already, or already the owner's."""
    if action == "done":
        return None if f.done else dataclasses.replace(f, done=True)
    if action == "reopen":
        return dataclasses.replace(f, done=False) if f.done else None
    if not owner:
        raise ValueError("a change of owner needs the new owner's name")
    return None if owner == f.owner else dataclasses.replace(f, owner=owner)


class FollowupChanges:
    """One run's changes: a file of its own in each folder it writes to, kept open until
    :meth:`close`, each line fsynced before :meth:`write` returns."""

    def __init__(self, now: Callable[[], float] = time.time) -> None:
        self.now = now
        self.writers: dict[Path, ChangeWriter] = {}

    def write(self, f: Followup, action: Action, owner: str | None = None) -> Followup:
        """Journals the change and gives the follow-up as it now is; an ``OSError`` (a full
        disk, a folder that cannot be made) means nothing was changed."""
        from facilitator.groupfolder import changes_folder

        changed = after(f, action, owner)
        if changed is None:
            return f
        folder = changes_folder(f.group)  # a placed group's: in its folder
        now = self.now()
        writer = self.writers.get(folder)
        if writer is None:
            writer = self.writers[folder] = ChangeWriter(folder, now)
        writer.append(Change(now, f.ref, action, owner if action == "owner" else None))
        return changed

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()
