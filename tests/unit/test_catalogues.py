"""Every shipped catalogue is whole: each message of the code, each plural form, each placeholder.

A message missing from a catalogue, or a plural form left empty (French, Spanish and Italian
have three in Babel's CLDR data), silently falls back to English on screen; a placeholder
dropped from a translation loses what it stood for, or raises when the words are formatted.
"""

from __future__ import annotations

import re
import string
from functools import cache, lru_cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from facilitator import i18n

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "src" / "facilitator"
SHIPPED = [lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3), "N_": None, "Binding": (3,)}  # fmt: skip


@lru_cache(maxsize=1)
def code_messages() -> dict[tuple[str | None, str], bool]:
    """(context, msgid) of every message marked in the code -> whether it has a plural."""
    found: dict[tuple[str | None, str], bool] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found[(context, msgid)] = isinstance(message, tuple)
    return found


@cache
def shipped(language: str) -> Catalog:
    path = SOURCE / "locale" / language / "LC_MESSAGES" / "facilitator.po"
    with path.open("rb") as file:
        return read_po(file, locale=language)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_code_marks_messages_and_the_check_finds_them() -> None:
    messages = code_messages()
    assert (None, "Who speaks next?") in messages
    assert messages[(None, "{count} person")] is True  # a plural
    assert ("timeline", "planned") in messages  # with a context


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_is_translated(language: str) -> None:
    catalog = shipped(language)
    missing = []
    for context, msgid in code_messages():
        message = catalog.get(msgid, context=context)
        strings = message.string if message is not None else ""
        if not any(strings if isinstance(strings, tuple) else [strings]):
            missing.append(msgid if context is None else f"{context}|{msgid}")
    assert missing == [], f"{language}: {len(missing)} messages not translated"


@pytest.mark.parametrize("language", SHIPPED)
def test_every_plural_form_is_filled(language: str) -> None:
    catalog = shipped(language)
    forms = get_plural(language).num_plurals
    assert catalog.num_plurals == forms
    short = []
    for context, msgid in (key for key, plural in code_messages().items() if plural):
        message = catalog.get(msgid, context=context)
        strings = message.string if message is not None else ()
        if not isinstance(strings, tuple) or len(strings) != forms or not all(strings):
            short.append(msgid)
    assert short == [], f"{language}: plural forms missing (it needs {forms})"


@pytest.mark.parametrize("language", SHIPPED)
def test_no_translation_drops_or_invents_a_placeholder(language: str) -> None:
    wrong = []
    for message in shipped(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(fields(i) for i in ids))
        for text in strings:
            if text and fields(text) != wanted:
                wrong.append((ids[0], text))
    assert wrong == []


def test_the_checks_catch_a_missing_plural_form_and_a_dropped_placeholder() -> None:
    catalog = Catalog(locale="fr")
    catalog.add(("{count} person", "{count} people"), ("{count} personne", "{count} personnes", ""))
    message = catalog.get("{count} person")
    assert message is not None and not all(message.string)
    assert fields("Parole : {name}") != fields("Speaking: {name}  {spent}")


@pytest.mark.parametrize("language", SHIPPED)
def test_the_catalogue_says_its_plural_rule(language: str) -> None:
    """gettext reads the rule from the header: a wrong one picks the wrong form."""
    header = shipped(language).plural_forms
    assert header == get_plural(language).plural_forms


def test_a_french_catalogue_speaks_french_with_three_forms() -> None:
    words = i18n.catalogue("fr")
    assert words.gettext("Who speaks next?") != "Who speaks next?"
    assert words.ngettext("{count} person", "{count} people", 0) == "{count} personne"
    assert words.ngettext("{count} person", "{count} people", 2) == "{count} personnes"
    assert words.pgettext("timeline", "planned") == "prévu"


def test_a_language_not_shipped_speaks_english() -> None:
    assert i18n.catalogue("pt-BR").gettext("Who speaks next?") == "Who speaks next?"


def test_placeholders_in_translations_are_named_not_positional() -> None:
    """``{}`` would break as soon as a language orders the words differently."""
    for language in SHIPPED:
        for message in shipped(language):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert not any(re.search(r"\{\}", s or "") for s in strings), message.id
