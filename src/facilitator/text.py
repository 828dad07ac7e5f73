"""Cleaning of text that enters the program from files, the keyboard or the command line.

Terminal control characters in a title or a note could move the cursor, retitle the window or
write the clipboard (OSC 52) when shown. Every user string goes through :func:`clean` once, where
it enters; newline and tab survive, everything else in C0, DEL and C1 is dropped.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) are dropped too: one in a
# name could reverse the rest of a line. Right-to-left text itself needs none of them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROLS_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")


def clean(text: str) -> str:
    """Drop terminal control characters, keeping newlines and tabs."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n"))


def slug(text: str, fallback: str, limit: int | None = None) -> str:
    """A file-name-safe form of ``text``: letters and digits joined by single dashes."""
    dashed = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in dashed.split("-") if part)[:limit] or fallback


def clean_line(text: str) -> str:
    """Drop every control character, newlines included (names, titles, one-line fields)."""
    return _CONTROLS_ONE_LINE.sub("", text.replace("\t", " ").replace("\n", " ")).strip()


# Joiners shape letters in Persian, Indic scripts and emoji: a name keeps them (name_key does not).
_JOINERS = "\u200c\u200d"


def _drop_format(text: str, keep: str = "") -> str:
    """``text`` without invisible format characters (Unicode category Cf: zero-width space,
    word joiner, soft hyphen, byte order mark...), except those in ``keep``."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if ch in keep or unicodedata.category(ch) != "Cf")


def clean_name(text: str) -> str:
    """A person's name or pseudonym: one line, no invisible characters ("A\u200bna" would look
    like "Ana" and be another person), and no commas (lists of names are written with commas,
    so "Smith, Jo" would come back as two people)."""
    return " ".join(_drop_format(clean_line(text), _JOINERS).replace(",", " ").split())


def name_key(text: str) -> str:
    """What two names are compared by: "Ana", "ANA", "A\u200bna" and "Ａｎａ" are one person."""
    folded = unicodedata.normalize("NFKC", clean_name(text))
    return " ".join(_drop_format(folded).casefold().split())


def same_name(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same person (see :func:`name_key`)."""
    return name_key(a) == name_key(b)


def split_names(text: str) -> list[str]:
    """Names written with commas (or one a line), each once (as :func:`same_name` compares them),
    in the order and spelling first written."""
    names: dict[str, str] = {}
    for part in text.replace("\n", ",").split(","):
        name = clean_name(part)
        if name:
            names.setdefault(name_key(name), name)
    return list(names.values())


def repeated_names(text: str) -> list[list[str]]:
    """The names written more than once (as :func:`same_name` compares them: ``Ana, ana``),
    each as every spelling written, the one kept first. :func:`split_names` keeps one."""
    seen: dict[str, list[str]] = {}
    for part in text.replace("\n", ",").split(","):
        name = clean_name(part)
        if name:
            seen.setdefault(name_key(name), []).append(name)
    return [spellings for spellings in seen.values() if len(spellings) > 1]


def ellipsize(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, ending in "…" when cut (wide characters count 2)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


def is_language_tag(text: str) -> bool:
    """A BCP 47 tag in its usual short forms: en, fr, pt-BR, zh-Hant (not free text)."""
    parts = text.split("-")
    return (
        parts[0].isascii() and parts[0].isalpha() and 2 <= len(parts[0]) <= 3
        and all(p.isascii() and p.isalnum() and 1 <= len(p) <= 8 for p in parts)
    )  # fmt: skip
