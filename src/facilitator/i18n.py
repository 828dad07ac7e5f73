"""Two languages, kept apart: the interface's (the facilitator's) and the group's (the agenda's).

The words of the program are English msgids in gettext catalogues (``locale/LANG/LC_MESSAGES/
facilitator.po``, compiled to ``.mo`` when a wheel is built; see ``hatch_build.py``). The
*interface* language is chosen once at launch (``--lang``, ``FACILITATOR_LANG``, the setting,
the locale) and read through :func:`_`, :func:`ngettext` and :func:`pgettext`. The *group's*
language is the agenda's: the record, the share digest and the calendar take a
:func:`catalogue` for it and call its methods, so a French facilitator can run an Italian group.

Only the standard library is imported here: a catalogue loads in about a millisecond. Babel
(dates in words) is imported by :mod:`facilitator.dates` when a date is written in words.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from io import BytesIO
from pathlib import Path

DOMAIN = "facilitator"
SOURCE = "en"  # the msgids' language
LANGUAGES = ("en", "fr", "de", "es", "it")  # the interfaces shipped
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "it": "Italiano"}
ENV_LANG = "FACILITATOR_LANG"
LOCALE_DIR = Path(__file__).with_name("locale")

Translations = gettext.NullTranslations


def base(language: str) -> str:
    """``fr`` for ``fr-CA``, ``fr_FR.UTF-8`` or ``FR``."""
    return language.replace("_", "-").split(".")[0].split("@")[0].split("-")[0].lower()


def shipped(language: str | None) -> str | None:
    """The shipped interface that speaks ``language`` (None: none does)."""
    if not language:
        return None
    found = base(language)
    return found if found in LANGUAGES else None


@cache
def catalogue(language: str) -> Translations:
    """The words in ``language``; English (the msgids themselves) when none is shipped."""
    found = shipped(language)
    if found is None or found == SOURCE:
        return gettext.NullTranslations()
    mo = LOCALE_DIR / found / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as file:
            return gettext.GNUTranslations(file)
    if po.is_file():  # a source checkout, where no build compiled the catalogue
        return _compiled(po)
    return gettext.NullTranslations()


def _compiled(po: Path) -> Translations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    out = BytesIO()
    write_mo(out, catalog)
    out.seek(0)
    return gettext.GNUTranslations(out)


def choose(
    asked: str | None = None, setting: str | None = None, env: Mapping[str, str] | None = None
) -> str:
    """The interface language: ``--lang``, then ``FACILITATOR_LANG``, then the setting, then
    the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them).
    A language not shipped falls through to the next; English in the end."""
    env = os.environ if env is None else env
    for wanted in (asked, env.get(ENV_LANG), setting):
        if shipped(wanted):
            return shipped(wanted) or SOURCE
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:  # the first one set decides, as in gettext ("C" or "POSIX": English)
            for part in value.split(":"):
                if shipped(part):
                    return shipped(part) or SOURCE
            return SOURCE
    return SOURCE


_language = SOURCE
_active: Translations = gettext.NullTranslations()


def set_language(language: str | None) -> str:
    """Speak ``language`` in the interface from now on (English when it is not shipped)."""
    global _language, _active
    _language = shipped(language) or SOURCE
    _active = catalogue(_language)
    return _language


def language() -> str:
    """The interface language in use."""
    return _language


def _(message: str) -> str:
    """``message`` in the interface language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (French has three in CLDR, Babel's plural rules)."""
    return _active.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` where the same English word means different things (``context`` says which)."""
    return _active.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _active.npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is defined (at import time, before any
    language is chosen); it is translated where it is shown, with :func:`_` or a catalogue."""
    return message


def group_words(language: str) -> Translations:
    """The catalogue of the group's language (its agenda's)."""
    return catalogue(language)
