"""A group's question history: what it has been asked, and when, and what it set aside for
good, from the review index (:mod:`facilitator.review.index`), the one place that reads past
session journals. The index is brought up to date first, reading only new or changed journals
(this laptop's and those of the group's shared folder)."""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.text import clean_line


@dataclass
class History:
    asked: dict[str, float] = field(default_factory=dict)  # question text -> last asked
    retired: set[str] = field(default_factory=set)


def group_history(group: str, exclude_session: str | None = None) -> History:
    """What ``group``'s sessions (all but ``exclude_session``) drew and kept, and retired."""
    from facilitator.review.index import open_index

    name, other = clean_line(group), exclude_session or ""
    db = open_index()
    try:
        asked = db.execute(
            "SELECT q.text, max(q.at) FROM questions q JOIN sessions s ON s.id = q.session "
            "WHERE s.grp = ? AND q.session != ? AND q.skipped = 0 GROUP BY q.text",
            (name, other),
        ).fetchall()
        retired = db.execute(
            "SELECT r.text FROM retired r JOIN sessions s ON s.id = r.session "
            "WHERE s.grp = ? AND r.session != ?",
            (name, other),
        ).fetchall()
    finally:
        db.close()
    return History({text: float(at) for text, at in asked}, {text for (text,) in retired})
