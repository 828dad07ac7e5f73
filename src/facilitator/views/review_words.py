"""Words of the review's screens that are built from what they show."""

from __future__ import annotations


def _entries(count: int) -> str:
    return f"{count} marked entr{'y' if count == 1 else 'ies'}"


def digest_copied(count: int) -> str:
    """After ``c``: the share digest, as plain text, is on the clipboard."""
    return (
        f"Share digest copied to the clipboard ({_entries(count)}). Paste it into a mail or a "
        "post. A terminal that keeps the clipboard to itself (macOS Terminal) drops it: "
        "x writes it to a file."
    )
