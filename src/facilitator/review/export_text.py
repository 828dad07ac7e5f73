"""A record or a digest as plain text wrapped for e-mail: no Markdown marks, 72 columns.

Read from the same Markdown as the record (``journal.record.render``), so the text holds exactly
what the record holds. Headings are underlined, lists keep their dashes with a hanging indent,
and a table becomes aligned columns when it fits, else one block per row.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from facilitator.review.markdown import BREAK, tokens

if TYPE_CHECKING:
    from markdown_it.token import Token

WIDTH = 72


def _inline(token: Token) -> str:
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append(BREAK)
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)


def _wrap(text: str, first: str, rest: str, width: int) -> list[str]:
    lines: list[str] = []
    for number, part in enumerate(text.split(BREAK)):
        lead = first if number == 0 else rest
        lines += textwrap.wrap(part, width, initial_indent=lead, subsequent_indent=rest,
                               break_on_hyphens=False) or [lead.rstrip()]  # fmt: skip
    return lines


def _table(rows: list[list[str]], width: int) -> list[str]:
    cells = [[c.replace(BREAK, " / ") for c in row] for row in rows]
    count = max(len(r) for r in cells)
    cells = [r + [""] * (count - len(r)) for r in cells]
    widths = [max(len(r[i]) for r in cells) for i in range(count)]
    if sum(widths) + 2 * (count - 1) <= width:

        def line(row: list[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()

        return [line(cells[0]), "  ".join("-" * w for w in widths), *map(line, cells[1:])]
    head, out = cells[0], []
    for row in cells[1:]:
        out += _wrap(f"{head[0]}: {row[0]}", "- ", "  ", width)
        for name, value in zip(head[1:], row[1:]):
            out += _wrap(f"{name}: {value}", "  ", "    ", width)
    return out


def to_text(markdown: str, width: int = WIDTH) -> str:
    """The Markdown as plain text, every line at most ``width`` columns (a longer word aside)."""
    out: list[str] = []
    depth = 0
    heading: str | None = None
    table: list[list[str]] | None = None
    for token in tokens(markdown):
        kind = token.type
        if kind == "heading_open":
            heading = token.tag
        elif kind == "bullet_list_open" or kind == "ordered_list_open":
            depth += 1
        elif kind == "bullet_list_close" or kind == "ordered_list_close":
            depth -= 1
            if depth == 0:
                out.append("")
        elif kind == "table_open":
            table = []
        elif kind == "tr_open" and table is not None:
            table.append([])
        elif kind == "table_close" and table is not None:
            out += [*_table(table, width), ""]
            table = None
        elif kind == "inline":
            text = _inline(token)
            if table is not None:
                table[-1].append(text)
            elif heading is not None:
                title = text.replace(BREAK, " ")
                out += [title, ("=" if heading == "h1" else "-") * min(width, len(title)), ""]
                heading = None
            elif depth:
                indent = "  " * (depth - 1)
                out += _wrap(text, indent + "- ", indent + "  ", width)
            else:
                out += [*_wrap(text, "", "", width), ""]
    return "\n".join(out).rstrip() + "\n"
