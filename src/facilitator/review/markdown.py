"""The record's Markdown read with markdown-it-py (which Textual already brings): as HTML for a
page, as tokens for plain text.

Raw HTML in the Markdown is never passed through: users' text is escaped by the record
(``journal.record.md``) and again by markdown-it (``html`` off). The record's one piece of HTML,
``<br>`` for a line break inside a table cell, is swapped for a private mark before parsing and
put back by each reader in its own form.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BREAK = "\ue000"  # a private-use character: a line break the record wrote as <br>
_RECORD_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)<br>")  # <br> after an even run of backslashes


@cache
def parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def prepare(markdown: str) -> str:
    """The record's ``<br>`` as :data:`BREAK` (a user's ``\\<br\\>`` stays text)."""
    return _RECORD_BREAK.sub(lambda m: m.group(1) + BREAK, markdown.replace(BREAK, ""))


def to_html(markdown: str) -> str:
    """The Markdown as an HTML fragment; every user's character escaped."""
    html: str = parser().render(prepare(markdown))
    return html.replace(BREAK, "<br>")


def tokens(markdown: str) -> list[Token]:
    return parser().parse(prepare(markdown))
