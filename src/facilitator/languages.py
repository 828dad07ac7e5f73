"""Languages of agendas and decks: their names, and lists grouped by language.

A language is named in itself (Français, Deutsch), so a group finds its own whatever the
interface language is; a tag not listed here is shown as it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

NAMES = {
    "en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "it": "Italiano",
    "pt": "Português", "nl": "Nederlands", "ca": "Català", "eu": "Euskara", "pl": "Polski",
    "sv": "Svenska", "da": "Dansk", "nb": "Norsk bokmål", "fi": "Suomi", "el": "Ελληνικά",
    "ro": "Română", "cs": "Čeština", "hu": "Magyar", "ga": "Gaeilge", "cy": "Cymraeg",
}  # fmt: skip
FIRST = "en"  # listed next after the interface's language: the bundled originals'
ERRORS = "Files with errors"  # the group of files whose language cannot be read


def base(tag: str) -> str:
    """The language of a tag without its region or script (fr for fr-CA), lower case."""
    return tag.split("-")[0].casefold()


def heading(tag: str | None) -> str:
    """A group's heading: the language's own name and its tag (``Français · fr``)."""
    if tag is None:
        return ERRORS
    name = NAMES.get(base(tag))
    return f"{name} · {tag}" if name else tag


def by_language(
    items: Iterable[T], language_of: Callable[[T], str | None], first: str = FIRST
) -> list[tuple[str | None, list[T]]]:
    """``items`` in groups of one language each (the tag as written; None: unknown): ``first``
    (the interface's language), then English, then by tag, the unknown last; each group keeps
    the items' order."""
    groups: dict[str | None, list[T]] = {}
    for item in items:
        groups.setdefault(language_of(item), []).append(item)

    def order(tag: str | None) -> tuple[int, str]:
        if tag is None:
            return (3, "")
        rank = 0 if base(tag) == base(first) else 1 if base(tag) == FIRST else 2
        return (rank, tag.casefold())

    return [(tag, groups[tag]) for tag in sorted(groups, key=order)]
