"""Fitting words into cells: cut, wrapped, parts dropped from the end."""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len, set_cell_size

from facilitator.text import ellipsize

SEPARATOR = " · "  # between the parts of a line; trailing parts go first when room is short
CUT_ROOM = 10  # cells a part needs to be shown cut rather than dropped


def fit(text: str, width: int, *, cut: bool = False) -> str:
    """``text`` within ``width`` cells: drop trailing parts (with ``cut``, the last part kept
    may end in an ellipsis when there is room for some of it), then cut the first."""
    if cell_len(text) <= width:
        return text
    parts = text.split(SEPARATOR)
    while len(parts) > 1:
        last = parts.pop()
        shorter = SEPARATOR.join(parts)
        room = width - cell_len(shorter) - len(SEPARATOR)
        if cut and room >= CUT_ROOM:
            return shorter + SEPARATOR + ellipsize(last, room)
        if cell_len(shorter) <= width:
            return shorter
    return ellipsize(parts[0], width)


@lru_cache(maxsize=256)
def wrap_to(text: str, width: int, room: int, more: str = " …") -> tuple[str, ...]:
    """``text`` wrapped to ``width`` cells in at most ``room`` lines, the last ending in ``more``
    when some was cut (a wrapped label with a maximum height would just stop mid-sentence)."""
    from rich.text import Text

    width = max(1, width)
    lines = [line.plain.rstrip() for line in Text(text).wrap(_console(), width)]
    if len(lines) > room:
        lines = lines[: max(1, room)]
        fits = max(0, width - cell_len(more))
        lines[-1] = set_cell_size(lines[-1], fits).rstrip() + more
        if cell_len(lines[-1]) > width:  # ``more`` wider than the room: cut it too
            lines[-1] = set_cell_size(lines[-1], width)
    return tuple(lines)


@lru_cache(maxsize=1)
def _console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(width=200, color_system=None, force_terminal=False)
