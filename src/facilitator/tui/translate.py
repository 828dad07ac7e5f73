"""The interface language in Textual: keys' descriptions and tooltips, and Textual's own words.

Textual reads ``BINDINGS`` when a class is defined, before any language is chosen, and
``Binding`` is a frozen dataclass: each node's bindings are rebuilt, translated, when the node is
made (``dataclasses.replace``). Textual ships no catalogue, so the words of its own that we show
(the palette's placeholder, its system commands, ``palette`` and ``Quit``) are in ours.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode

from facilitator.i18n import N_, _

# Textual's own words, as it writes them, for the catalogue (translated where shown).
TEXTUAL_WORDS = {
    "Search for commands…": N_("Search for commands…"),
    "palette": N_("palette"),
    "Open the command palette": N_("Open the command palette"),
    "Quit": N_("Quit"),
    "Quit the app and return to the command prompt.": N_(
        "Quit the app and return to the command prompt."
    ),
    "Theme": N_("Theme"),
    "Change the current theme": N_("Change the current theme"),
    "Keys": N_("Keys"),
    "Show help for the focused widget and a summary of available keys": N_(
        "Show help for the focused widget and a summary of available keys"
    ),
    "Hide the keys and widget help panel": N_("Hide the keys and widget help panel"),
    "Minimize": N_("Minimize"),
    "Minimize the widget and restore to normal size": N_(
        "Minimize the widget and restore to normal size"
    ),
    "Maximize": N_("Maximize"),
    "Maximize the focused widget": N_("Maximize the focused widget"),
    "Search for themes…": N_("Search for themes…"),
    "No matches found": N_("No matches found"),
}


def words(text: str) -> str:
    """``text`` (ours or Textual's) in the interface language; "" stays ""."""
    return _(text) if text else text


def translated(binding: Binding) -> Binding:
    return replace(binding, description=words(binding.description), tooltip=words(binding.tooltip))


def translated_all(bindings: Any) -> list[Any]:
    """A ``BINDINGS`` list in the interface language (tuples are left as they are)."""
    return [translated(b) if isinstance(b, Binding) else b for b in bindings]


def translate_bindings(node: DOMNode) -> None:
    """Rewrites ``node``'s own copy of its bindings in the interface language. Textual keeps it
    in ``_bindings`` (a ``BindingsMap``, copied from the class for each node), the one place the
    footer, the keys panel and the key dispatch read."""
    keys = node._bindings.key_to_bindings
    for key, bindings in list(keys.items()):
        keys[key] = [translated(b) for b in bindings]


_done: weakref.WeakSet[DOMNode] = weakref.WeakSet()


def translate_once(node: DOMNode) -> None:
    """:func:`translate_bindings`, once per node (a screen pushed again keeps its words)."""
    if node not in _done:
        translate_bindings(node)
        _done.add(node)
