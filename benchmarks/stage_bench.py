"""The stage's costs: its window's CPU beside the minimal Digits app, and how fast the page's
viewers get an update (``python benchmarks/stage_bench.py [--quick]``, also in ``make bench``).

Window: ``apps.py app-stage`` (the stage following a running meeting's journal, a message every
ten seconds) and ``apps.py bare-digits`` run side by side, each measuring its own CPU after
start-up. Page: a real server on 127.0.0.1 with ten viewers on its event stream; for each of
many messages, the time from the server's tick that reads it from the journal to the moment
the tenth viewer has read the frame, and from the journal's write to that moment (the tick
comes every second, so that one includes the wait for it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def window(seconds: float, rounds: int) -> None:
    print(f"\n## The stage window for {seconds:g} s, {rounds} rounds side by side (CPU seconds "
          "after start-up)")  # fmt: skip
    ratios = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            outs = {kind: Path(folder) / kind for kind in ("bare-digits", "app-stage")}
            running = [subprocess.Popen([sys.executable, str(HERE / "apps.py"), kind, str(seconds)],
                                        stdout=subprocess.DEVNULL,
                                        env={**os.environ, "BENCH_CPU_OUT": str(out)})
                       for kind, out in outs.items()]  # fmt: skip
            for process in running:
                if process.wait(timeout=seconds + 120) != 0:
                    sys.exit(f"a benchmark app failed: {process.args}")
            bare, stage = (float(out.read_text()) for out in outs.values())
        ratios.append(stage / max(bare, 1e-9))
        print(f"  minimal Digits app CPU {bare:6.3f} s   stage CPU {stage:6.3f} s   "
              f"ratio {ratios[-1]:4.2f}x")  # fmt: skip
    ratios.sort()
    print(f"ratio median {ratios[len(ratios) // 2]:4.2f}x (range {ratios[0]:.2f}-"
          f"{ratios[-1]:.2f}x; target <= 1.5x)")  # fmt: skip


async def _page(updates: int, viewers: int) -> tuple[list[float], list[float]]:
    import aiohttp

    from facilitator import paths
    from facilitator.clock import SystemClock
    from facilitator.journal.store import start_session
    from facilitator.meeting.meeting import creation_event
    from facilitator.session.stage import StageSource
    from facilitator.web.serve import StageServer
    from tests.factories import MS150, PEOPLE

    os.environ[paths.ENV_DATA_DIR] = tempfile.mkdtemp(prefix="stage-web-bench-")
    paths.set_data_dir(None)
    clock = SystemClock()
    first = creation_event(MS150, session="bench", group="Bench", participants=PEOPLE,
                           t=clock.now())  # fmt: skip
    handle, meeting = start_session(first, clock)
    meeting.toggle()
    server = StageServer(StageSource(), clock)
    ticks: dict[str, float] = {}
    tick = server.tick

    def timed_tick() -> int:
        started = time.perf_counter()
        count = tick()
        if count:
            ticks[server.view.message] = started
        return count

    server.tick = timed_tick  # type: ignore[method-assign]
    await server.start()
    from_tick: list[float] = []
    from_write: list[float] = []
    async with aiohttp.ClientSession() as http:
        streams = [await http.get(server.url + "events") for _ in range(viewers)]

        async def until(stream: aiohttp.ClientResponse, text: str) -> float:
            async for raw in stream.content:
                if raw.startswith(b"data: ") and json.loads(raw[6:])["message"] == text:
                    return time.perf_counter()
            raise RuntimeError("the stream ended")

        for n in range(updates):
            text = f"Update {n}"
            written = time.perf_counter()
            meeting.send_message(text)
            arrived = await asyncio.gather(*(until(s, text) for s in streams))
            from_tick.append(max(arrived) - ticks[text])
            from_write.append(max(arrived) - written)
        for stream in streams:
            stream.close()
    await server.stop()
    handle.close()
    return from_tick, from_write


def page(updates: int, viewers: int = 10) -> None:
    print(f"\n## The stage page: {updates} updates to {viewers} viewers on loopback")
    from_tick, from_write = asyncio.run(_page(updates, viewers))
    for label, values in (("from the tick that reads it", from_tick),
                          ("from the journal's write", from_write)):  # fmt: skip
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        print(
            f"{label:28} median {1000 * statistics.median(values):6.1f} ms   "
            f"p95 {1000 * p95:6.1f} ms   max {1000 * values[-1]:6.1f} ms"
        )
    print("target: under 100 ms from the tick to the tenth viewer (the tick comes every second)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    page(10 if args.quick else 40)
    window(10 if args.quick else 60, 1 if args.quick else 3)


if __name__ == "__main__":
    main()
