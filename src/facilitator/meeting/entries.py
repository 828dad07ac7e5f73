"""Reading what the facilitator types into entries."""

from __future__ import annotations

from collections.abc import Sequence

MAX_OWNER_WORDS = 3


def split_owner(text: str, people: Sequence[str] = ()) -> tuple[str | None, str]:
    """``"Bo: send the article"`` -> ``("Bo", "send the article")``.

    Only a colon followed by a space separates an owner, and only a short name (a few words,
    or one of the people) before it, so a link ("https://...") or a time ("19:30") never does.
    """
    first, sep, rest = text.partition(": ")
    owner = first.strip()
    if not sep or not owner or not rest.strip() or "\n" in owner:
        return None, text
    known = {p.casefold(): p for p in people}
    if owner.casefold() in known:
        return known[owner.casefold()], rest.strip()
    if len(owner.split()) > MAX_OWNER_WORDS or "/" in owner:
        return None, text
    return owner, rest.strip()
