"""Words of the review's screens that are built from what they show, and the follow-ups
view's rules (what a key does to the row chosen, which rows are listed).

The follow-ups view (tui/screens/review_views.py) and ``facilitator sessions followups done``,
``reopen`` and ``owner`` say the same sentences, from here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from facilitator.i18n import _, ngettext
from facilitator.journal.changes import Action
from facilitator.review.queries import Followup
from facilitator.text import clean_line, ellipsize

DONE_MARK = "✓"  # before a done follow-up's words, which are also struck through
QUESTION_CELLS = 48  # the follow-up's words in the owner field's title, cut to this


def digest_copied(count: int) -> str:
    """After ``c``: the share digest, as plain text, is on the clipboard."""
    return ngettext(
        "Share digest copied to the clipboard ({count} marked entry). Paste it into a mail or "
        "a post. A terminal that keeps the clipboard to itself (macOS Terminal) drops it: "
        "x writes it to a file.",
        "Share digest copied to the clipboard ({count} marked entries). Paste it into a mail "
        "or a post. A terminal that keeps the clipboard to itself (macOS Terminal) drops it: "
        "x writes it to a file.",
        count,
    ).format(count=count)


# Follow-ups changed between meetings (the review's follow-ups view and `sessions followups`)


def followup_changed(f: Followup, action: Action, owner: str | None = None) -> str:
    """After a change was written: what it did, with the follow-up's short id."""
    said = {
        "done": _("Done: {text} ({id})"),
        "reopen": _("Open again: {text} ({id})"),
        "owner": _("Now {owner}'s: {text} ({id})"),
    }[action]
    return said.format(owner=owner, text=clean_line(f.text), id=f.short)


def followup_unchanged(f: Followup, action: Action, owner: str | None = None) -> str:
    """When the change would change nothing: nothing is written."""
    if action == "owner":
        said = _("Already {owner}'s: {text} ({id})")
    else:
        said = _("Already done: {text} ({id})") if f.done else _("Already open: {text} ({id})")
    return said.format(owner=owner, text=clean_line(f.text), id=f.short)


def followup_not_changed(error: OSError) -> str:
    """A change that could not be written (a full disk, a folder that cannot be made)."""
    reason = error.strerror or type(error).__name__
    where = f" ({error.filename})" if error.filename else ""
    return _("Not changed: it could not be written ({error}{where}).").format(
        error=reason, where=where
    )


def owner_question(f: Followup) -> str:
    """The title of the small field ``o`` opens."""
    text = ellipsize(clean_line(f.text), QUESTION_CELLS)
    return _("Who takes “{text}” forward now?").format(text=text)


def owner_placeholder() -> str:
    return _("a name (empty: leave it as it is)")


def owner_choices(items: Iterable[Followup]) -> list[str]:
    """The names already owning follow-ups, offered as completions in that field."""
    seen: dict[str, str] = {}
    for f in items:
        if f.owner:
            name = clean_line(f.owner)
            seen.setdefault(name.casefold(), name)
    return sorted(seen.values(), key=str.casefold)


def listed(items: Sequence[Followup], every: bool, kept: set[str]) -> list[Followup]:
    """The rows of the view: the open follow-ups, those changed while it is open (a follow-up
    just closed stays, marked done, to be reopened), and with ``every`` the done ones too."""
    return [f for f in items if every or not f.done or f.ref in kept]


def followup_words(f: Followup) -> str:
    """A row's follow-up column: a done one starts with the mark."""
    text = clean_line(f.text)
    return f"{DONE_MARK} {text}" if f.done else text


def followups_title(every: bool) -> str:
    return _("Follow-ups, the done ones too") if every else _("Open follow-ups")


def followups_status(items: Sequence[Followup], every: bool) -> str:
    """The line under the list: how many are open, how many done (if listed)."""
    if not items:
        return _("No follow-ups.") if every else _("No open follow-ups.")
    still = sum(1 for f in items if not f.done)
    done = len(items) - still
    said = ngettext("{count} open follow-up", "{count} open follow-ups", still).format(count=still)
    if done:
        said += ngettext(" · {count} done", " · {count} done", done).format(count=done)
    return said + _(" · enter: open its session")
