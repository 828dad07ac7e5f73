"""How reviewing past sessions scales: 100, 1,000 and 10,000 sessions.

Run with ``python benchmarks/review_bench.py [SIZE ...]``. For each size a temporary data folder
is filled with generated journals (written directly, not fsynced), then timed: the first
indexing pass, ``facilitator sessions list`` afterwards, the review screen until its first
rows are painted, and a search (command line and query alone).
Targets at 10,000 sessions: list, review screen and search under a second once indexed.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the generator lives in tests/
    sys.path.insert(0, str(ROOT))
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

SIZES = (100, 1_000, 10_000)
TARGET = 1.0  # seconds, at 10,000 sessions, for everything after the first indexing


@dataclass
class Timing:
    sessions: int
    seconds: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def _clock(timing: Timing, name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timing.seconds[name] = time.perf_counter() - start


def _cli(*argv: str) -> str:
    from facilitator.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    if code != 0:
        raise RuntimeError(f"facilitator {' '.join(argv)} failed ({code})")
    return out.getvalue()


async def _open_review() -> int:
    """Mount the review screen in a bare app; return once its first rows are painted."""
    from textual.app import App

    from facilitator.tui.screens.review import ReviewScreen

    screen = ReviewScreen(now=time.time())

    class Bench(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    app = Bench()
    async with app.run_test(size=(80, 24)) as pilot:
        while not screen.loaded:
            await asyncio.sleep(0.002)
        await pilot.pause()  # one more turn: the rows are laid out and painted
        return screen.shown


def measure(size: int, folder: Path) -> Timing:
    from facilitator import paths
    from facilitator.review import index, queries
    from tests.history_gen import RARE, generate

    timing = Timing(size)
    before = os.environ.get(paths.ENV_DATA_DIR)
    os.environ[paths.ENV_DATA_DIR] = str(folder)  # the command line resets the override
    paths.set_data_dir(folder)
    with _clock(timing, "generate"):
        generate(folder / "sessions", size, seed=size, fast=True)
    with _clock(timing, "first index"):
        index.open_index().close()
    with _clock(timing, "sessions list"):
        listed = _cli("sessions", "list").count("\n") - 1
    assert listed == size, (listed, size)
    with _clock(timing, "review screen"):
        asyncio.run(_open_review())
    with _clock(timing, "sessions search"):
        _cli("sessions", "search", RARE)
    db = index.open_index()
    with _clock(timing, "search query"):
        hits = queries.search(f"{RARE} garden", limit=None, db=db)
    db.close()
    assert hits
    paths.set_data_dir(None)
    if before is None:
        del os.environ[paths.ENV_DATA_DIR]
    else:
        os.environ[paths.ENV_DATA_DIR] = before
    return timing


def run(report: Callable[[str], object] = print, sizes: Sequence[int] = SIZES) -> list[Timing]:
    os.environ.setdefault("TZ", "UTC")
    import textual.app  # noqa: F401

    import facilitator.tui.screens.review  # noqa: F401 - imports are not what is measured
    from facilitator import paths

    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp:
        os.environ[paths.ENV_DATA_DIR] = tmp  # warm-up: the first app in a process parses
        asyncio.run(_open_review())  # its CSS and themes; that is not what is measured
        os.environ.pop(paths.ENV_DATA_DIR)
    results: list[Timing] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp:
            results.append(measure(size, Path(tmp)))
    names = list(results[0].seconds)
    report("review: seconds per step")
    report(f"{'sessions':>10}  " + "  ".join(f"{n:>15}" for n in names))
    for t in results:
        report(f"{t.sessions:>10,}  " + "  ".join(f"{t.seconds[n]:>15.3f}" for n in names))
    big = max(results, key=lambda t: t.sessions)
    if big.sessions >= 10_000:
        checked = ("sessions list", "review screen", "sessions search", "search query")
        slow = [n for n in checked if big.seconds[n] >= TARGET]
        report("targets met (under 1 s at 10,000)" if not slow else f"over target: {slow}")
    return results


if __name__ == "__main__":
    run(sizes=[int(a) for a in sys.argv[1:]] or SIZES)
