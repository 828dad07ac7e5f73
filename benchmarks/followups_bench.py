"""Follow-ups between meetings: listing a group's open ones over 1,000 past sessions (target
under 100 ms, the index warm, its freshness check included), and one change written durably."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from facilitator import paths
from facilitator.journal.changes import Change, ChangeWriter
from facilitator.review import index, queries

CHANGES = 200  # files of changes made between meetings, one per command run


def _changes(refs: list[str]) -> list[float]:
    """One run's file per change, as the command line writes them; each write's latency."""
    latencies = []
    for n, ref in enumerate(refs[:CHANGES]):
        writer = ChangeWriter(now=time.time())
        started = time.perf_counter()
        writer.append(Change(time.time(), ref, "owner" if n % 3 else "done", "Mei"))
        latencies.append(time.perf_counter() - started)
        writer.close()
    return latencies


Listing = tuple[float, float, float, float, float, int]


def listing(sessions: int = 1000, rounds: int = 20) -> Listing:
    """Median wall and CPU time and the slowest of open_followups (index open + refresh +
    query), the p50 / p99 of writing one change (a new file, fsynced with its folder), in
    seconds, and how many are open. CPU time tells a busy machine from slow code."""
    from tests.history_gen import generate

    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp:
        folder = Path(tmp)
        before = os.environ.get(paths.ENV_DATA_DIR)
        os.environ[paths.ENV_DATA_DIR] = str(folder)
        paths.set_data_dir(folder)
        try:
            generate(folder / "sessions", sessions, seed=3, fast=True)
            found = queries.open_followups()
            writes = sorted(_changes([f.ref for f in found]))
            index.open_index().close()  # the warm index a second call finds
            times, cpu = [], []
            for _ in range(rounds):
                started, used = time.perf_counter(), time.process_time()
                count = len(queries.open_followups())
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - used)
        finally:
            paths.set_data_dir(None)
            if before is None:
                os.environ.pop(paths.ENV_DATA_DIR, None)
            else:
                os.environ[paths.ENV_DATA_DIR] = before
    p99 = writes[min(len(writes) - 1, int(len(writes) * 0.99))]
    median, used = statistics.median(times), statistics.median(cpu)
    return median, used, max(times), statistics.median(writes), p99, count


if __name__ == "__main__":
    median, used, slowest, p50, p99, count = listing()
    print(f"open follow-ups, 1,000 sessions: median {median * 1000:.1f} ms (CPU {used * 1000:.1f}"
          f" ms), slowest {slowest * 1000:.1f} ms ({count} open; target < 100 ms)")  # fmt: skip
    print(f"one change written + fsynced: p50 {p50 * 1000:.2f} ms   p99 {p99 * 1000:.2f} ms")
