"""Open an exported HTML page in headless Chromium and check what it shows.

    python tests/browser/chromium_check.py PAGE.html "text that must show" ...

One run of the browser from the system packages (``chromium``): ``--dump-dom`` gives the
document as the browser parsed it, whose visible text must hold every expected piece (so no
user's text was read as markup and swallowed), with no element a user could have smuggled in;
``--screenshot`` (at half scale, to read it fast) gives the picture, which must show the
timeline chart (the planned and actual bar colours) and the entry lists (their rule's colour). The picture is written to a temporary
folder and deleted: only this script is kept.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

from facilitator.review.export_html import ACTUAL, ENTRIES, OVER, PLANNED

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--mute-audio", "--disable-dev-shm-usage"]  # fmt: skip
SIZE = (1000, 2400)
FORBIDDEN = {"script", "iframe", "img", "object", "embed", "form", "a", "link", "base"}


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _pixels(png: bytes) -> set[tuple[int, int, int]]:
    """The colours of an 8-bit RGB or RGBA PNG (Chromium's screenshots), read with zlib."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, data, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"PNG colour type {colour}, depth {depth}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                near = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + near) & 0xFF
        colours.update(zip(line[0::channels], line[1::channels], line[2::channels]))
        previous = line
    return colours


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour.lstrip("#"), 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def check(page: Path, expected: list[str], chromium: str | None = None) -> list[str]:
    """What is wrong with the page as Chromium shows it (nothing: an empty list)."""
    chromium = chromium or browser()
    if chromium is None:
        return ["no chromium on this machine (apt-get install chromium)"]
    problems: list[str] = []
    url = page.resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="facilitator-chromium-") as folder:
        home = ["--user-data-dir=" + str(Path(folder) / "profile")]
        shot = Path(folder) / "page.png"
        dom = subprocess.run([chromium, *FLAGS, *home, f"--window-size={SIZE[0]},{SIZE[1]}",
                              "--force-device-scale-factor=0.5", f"--screenshot={shot}",
                              "--dump-dom", url], capture_output=True, text=True, timeout=60,
                             check=False).stdout  # fmt: skip
        picture = shot.read_bytes() if shot.exists() else b""
    reader = _Visible()
    reader.feed(dom)
    visible = " ".join(" ".join(reader.text).split())
    problems += [
        f"not shown: {text!r}" for text in expected if " ".join(text.split()) not in visible
    ]
    problems += [f"an element that should not be there: <{t}>" for t in reader.tags & FORBIDDEN]
    if "chart" not in dom:
        problems.append("no timeline chart in the page")
    if not picture:
        return [*problems, "no screenshot"]
    colours = _pixels(picture)
    if _rgb(PLANNED) not in colours:
        problems.append("the screenshot shows no planned bars (the timeline)")
    if _rgb(ACTUAL) not in colours and _rgb(OVER) not in colours:
        problems.append("the screenshot shows no actual bars (the timeline)")
    if _rgb(ENTRIES) not in colours:
        problems.append("the screenshot shows no entry lists")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    problems = check(Path(argv[0]), argv[1:])
    for problem in problems:
        print(problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
