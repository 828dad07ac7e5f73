"""Words of the review's screens that are built from what they show."""

from __future__ import annotations

from facilitator.i18n import ngettext


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
