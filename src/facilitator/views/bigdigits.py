"""Big digits that fill a box: a FIGlet block font (pyfiglet, fonts bundled in the package)
read as a bitmap, scaled by whole factors and drawn with half blocks (two pixels a cell).

Two fonts: ``3x5`` (narrow, for small windows and the usual clock) and ``banner3`` (bolder
strokes, when the box is wide enough for it to be the larger). The one that comes out larger
in the box wins. Pixels are kept near square: a pixel is at most twice as tall as wide, or
twice as wide as tall.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

FONTS = ("3x5", "banner3")
ON = "#"
HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


@lru_cache(maxsize=len(FONTS))
def _figlet(font: str) -> Any:
    import pyfiglet  # imported by the stage only (a quarter of a second)

    return pyfiglet.Figlet(font=font, width=1000)


@lru_cache(maxsize=64)
def _glyph(char: str, font: str) -> tuple[str, ...]:
    """One character as FIGlet draws it, spacing included (these fonts lay characters out at
    full width, so a text is its glyphs side by side)."""
    rows = _figlet(font).renderText(char).rstrip("\n").split("\n")
    width = max(len(r) for r in rows)
    return tuple(r.ljust(width) for r in rows)


@lru_cache(maxsize=64)
def bitmap(text: str, font: str) -> tuple[str, ...]:
    """The text in the font, as rows of ``#`` and spaces, without blank rows or columns
    around it. Built from cached glyphs: a clock's text changes every second."""
    glyphs = [_glyph(char, font) for char in text]
    if not glyphs:
        return ()
    rendered = ["".join(g[y] if y < len(g) else " " * len(g[0]) for g in glyphs)
                for y in range(max(len(g) for g in glyphs))]  # fmt: skip
    rows = [r for r in rendered if ON in r]
    if not rows:
        return ()
    width = max(len(r) for r in rows)
    rows = [r.ljust(width) for r in rows]
    used = [i for i in range(width) if any(r[i] == ON for r in rows)]
    return tuple(r[used[0] : used[-1] + 1] for r in rows)


@lru_cache(maxsize=64)
def big(text: str, width: int, height: int) -> tuple[str, ...]:
    """``text`` as large as it fits in ``width`` x ``height`` cells (rows of half blocks);
    empty when even the smallest font does not fit."""
    best: tuple[int, tuple[str, ...], int, int] | None = None
    for font in FONTS:
        rows = bitmap(text, font)
        if not rows:
            continue
        sx, sy = width // len(rows[0]), (2 * height) // len(rows)
        sx, sy = min(sx, 2 * sy), min(sy, 2 * sx)
        if sx < 1 or sy < 1:
            continue
        area = len(rows[0]) * sx * len(rows) * sy
        if best is None or area > best[0]:
            best = (area, rows, sx, sy)
    if best is None:
        return ()
    _, rows, sx, sy = best
    wide = ["".join(c * sx for c in row) for row in rows]
    tall = [row for row in wide for _ in range(sy)]
    if len(tall) % 2:
        tall.append(" " * len(tall[0]))
    return tuple(_halves(tall[y], tall[y + 1]) for y in range(0, len(tall), 2))


_FULL = str.maketrans({ON: "█"})


def _halves(top: str, bottom: str) -> str:
    if top == bottom:  # most rows: each pixel row is repeated
        return top.translate(_FULL)
    return "".join(HALVES[(a == ON, b == ON)] for a, b in zip(top, bottom))
