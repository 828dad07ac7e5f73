"""All benchmarks, one command: ``make bench`` (or ``python benchmarks/run.py [--quick]``).

Each figure is compared, in the same run, with a minimal Textual app where the issue asks for it,
and printed as a ratio. Nothing here is asserted: these are measurements, not tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent / "facilitator"


def child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run a child; return wall seconds, CPU seconds and peak RSS (KiB) of that child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def median(args: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(child(args, env)[0] for _ in range(runs))


def startup(runs: int) -> None:
    print(f"\n## Headless start-up (median of {runs} runs, wall seconds)")
    print("headless, first frame, not what a person sees: the App imported directly (no command")
    print("line, no tui.launch), exiting at its first frame, before Home's agenda list exists;")
    print("the 'Start-up as a person sees it' section above times the screen.")
    py = sys.executable
    bare = median([py, str(HERE / "apps.py"), "bare-frame"], runs)
    app = median([py, str(HERE / "apps.py"), "app-frame"], runs)
    version = median([str(BIN), "--version"], runs)
    listing = median([str(BIN), "agendas", "list"], runs)
    print(f"bare Textual app, headless first frame   {bare:7.3f} s")
    print(f"Home, headless first frame               {app:7.3f} s   ratio {app / bare:4.2f}x")
    print(
        f"facilitator --version (this venv)        {version:7.3f} s   "
        f"ratio {version / bare:4.2f}x of the headless bare app"
    )
    print(f"facilitator agendas list                 {listing:7.3f} s")
    with tempfile.TemporaryDirectory() as data:
        folder = Path(data) / "agendas"
        folder.mkdir()
        source = (ROOT / "agendas" / "mutual-support-150.yaml").read_text()
        for n in range(200):
            (folder / f"a{n:03}.yaml").write_text(
                source.replace("id: mutual-support-150", f"id: a{n:03}")
            )
        env = {"FACILITATOR_DATA_DIR": data}
        cold = child([str(BIN), "agendas", "list"], env)[0]
        warm = median([str(BIN), "agendas", "list"], runs, env)
    print(
        f"agendas list, 200 user files             {warm:7.3f} s   "
        f"(first run {cold:.3f} s; target < 0.5 s)"
    )


def catalogues(runs: int) -> None:
    """Loading each shipped catalogue as a wheel has it (a .mo compiled from its .po)."""
    import gettext

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    print(f"\n## Translations: loading a catalogue (median of {runs} loads, milliseconds)")
    print("a .mo compiled from each .po as the wheel's build hook does, read by gettext")
    with tempfile.TemporaryDirectory() as folder:
        for po in sorted((ROOT / "src" / "facilitator" / "locale").glob("*/LC_MESSAGES/*.po")):
            mo = Path(folder) / f"{po.parts[-3]}.mo"
            with po.open("rb") as source, mo.open("wb") as out:
                write_mo(out, read_po(source))
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                with mo.open("rb") as file:
                    gettext.GNUTranslations(file)
                times.append(time.perf_counter() - started)
            print(f"{po.parts[-3]}  {statistics.median(times) * 1000:6.2f} ms   (target < 10 ms)")


def idle(seconds: float, rounds: int) -> None:
    """CPU of a running meeting, measured by the child itself after its start-up (see apps.py).

    The meeting and the minimal app run side by side (one core each), ``rounds`` times: a
    minute of ticking costs a tenth of a CPU second, so the machine's noise is of the same
    size as the difference, and only pairs run at the same moment compare fairly.
    """
    print(f"\n## A running meeting for {seconds:g} s, {rounds} rounds side by side "
          "(CPU seconds after start-up, peak memory)")  # fmt: skip
    py = sys.executable
    pairs = []
    queues = []
    kinds = ("bare-digits", "app-meeting", "app-queue")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            outs = {kind: Path(folder) / kind for kind in kinds}
            running = [
                subprocess.Popen(
                    [py, str(HERE / "apps.py"), kind, str(seconds)],
                    stdout=subprocess.DEVNULL,
                    env={**os.environ, "BENCH_CPU_OUT": str(out)},
                )  # fmt: skip
                for kind, out in outs.items()
            ]
            for process in running:
                if process.wait(timeout=seconds + 120) != 0:
                    sys.exit(f"a benchmark app failed: {process.args}")
            bare, app, queue = (float(out.read_text()) for out in outs.values())
        pairs.append((bare, app))
        queues.append(queue / max(bare, 1e-9))
        print(f"  minimal Digits app CPU {bare:6.3f} s   facilitator meeting CPU {app:6.3f} s"
              f"   ratio {app / max(bare, 1e-9):4.2f}x   with an open queue and slots "
              f"{queue:6.3f} s   ratio {queue / max(bare, 1e-9):4.2f}x")  # fmt: skip
    ratios = sorted(app / max(bare, 1e-9) for bare, app in pairs)
    queues.sort()
    worst_app = max(app for _, app in pairs)
    rss_bare = _peak([py, str(HERE / "apps.py"), "bare-digits", "1"])
    rss_app = _peak([py, str(HERE / "apps.py"), "app-meeting", "1"])
    print(f"peak memory: minimal app {rss_bare / 1024:6.1f} MiB, meeting {rss_app / 1024:6.1f} MiB")
    print(
        f"ratios: CPU median {ratios[len(ratios) // 2]:4.2f}x "
        f"(range {ratios[0]:.2f}-{ratios[-1]:.2f}x; target <= 1.5x), "
        f"at most {100 * worst_app / seconds:.2f}% of one core (target < 1%), "
        f"memory {rss_app / rss_bare:4.2f}x (target <= 1.3x)"
    )
    print(f"with an open queue and slots: CPU median {queues[len(queues) // 2]:4.2f}x "
          f"(range {queues[0]:.2f}-{queues[-1]:.2f}x; target <= 1.3x)")  # fmt: skip


def _peak(args: list[str]) -> int:
    """Peak RSS of one child, measured on its own (RUSAGE_CHILDREN keeps a running maximum)."""
    code = (
        "import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return int(out.stdout.strip())


def journal() -> None:
    from benchmarks.journal_bench import checks_cost, entry_latencies, replay_and_write

    print("\n## Journal")
    replay, p50, p99 = replay_and_write()
    print(f"replay 5,000 events       {replay * 1000:7.1f} ms (target < 200 ms)")
    print(f"write one event + fsync   p50 {p50 * 1000:.2f} ms   p99 {p99 * 1000:.2f} ms")
    checked, unchecked, ratio = checks_cost()
    print(f"replay with the hostile-line checks {checked * 1000:.1f} ms, without "
          f"{unchecked * 1000:.1f} ms: median ratio {ratio:.3f} (target < 1.05)")  # fmt: skip
    for name, (p50, p99) in entry_latencies().items():
        print(f"an entry {name:<15} p50 {p50 * 1000:.2f} ms   p99 {p99 * 1000:.2f} ms")


def draws() -> None:
    from benchmarks.draw_bench import draw_with_history

    print("\n## Drawing a question with 1,000 past sessions")
    first, later = draw_with_history(1000)
    print(f"first draw (builds the index)   {first * 1000:7.1f} ms")
    print(f"later draws (index fresh)       {later * 1000:7.1f} ms, median of 5 (target < 50 ms)")


def followups() -> None:
    from benchmarks.followups_bench import listing

    print("\n## Follow-ups between meetings (1,000 past sessions)")
    median, used, slowest, p50, p99, count = listing()
    print(f"open follow-ups (index open + refresh + query)   median {median * 1000:6.1f} ms   "
          f"CPU {used * 1000:6.1f} ms   slowest {slowest * 1000:6.1f} ms   {count} open "
          f"(target < 100 ms)")  # fmt: skip
    print(f"one change (its own file) + fsync   p50 {p50 * 1000:.2f} ms   p99 {p99 * 1000:.2f} ms")


def setup_form() -> None:
    from benchmarks.setup_bench import run as setup_run

    setup_run()


def group_folder() -> None:
    from benchmarks.group_folder_bench import run as folder_run

    folder_run()


def screen(rounds: int) -> None:
    from benchmarks.screen_bench import run as screen_run

    print(f"\n## Start-up as a person sees it (pty read by pyte, medians of {rounds} rounds)")
    screen_run(rounds)


def review() -> None:
    path = HERE / "review_bench.py"
    if path.exists():
        print("\n## Review (10,000 sessions)")
        subprocess.run([sys.executable, str(path)], check=False)


def stage(quick: bool) -> None:
    from benchmarks.stage_bench import page, window

    page(10 if quick else 40)
    window(10 if quick else 60, 1 if quick else 3)


def main() -> None:
    # Benchmarks never touch the user's own data.
    scratch = tempfile.mkdtemp(prefix="facilitator-bench-")
    os.environ["FACILITATOR_DATA_DIR"] = scratch
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="shorter idle run, fewer repeats")
    parser.add_argument(
        "--only",
        choices=[
            "screen",
            "startup",
            "catalogues",
            "idle",
            "journal",
            "draws",
            "followups",
            "folder",
            "setup",
            "review",
            "stage",
        ],
    )
    args = parser.parse_args()
    if not BIN.exists() or shutil.which(str(BIN)) is None:
        sys.exit("run 'make bench' (it installs facilitator into .venv first)")
    sections = {
        "screen": lambda: screen(3 if args.quick else 10),
        "startup": lambda: startup(3 if args.quick else 15),
        "catalogues": lambda: catalogues(20),
        "idle": lambda: idle(10 if args.quick else 60, 1 if args.quick else 3),
        "journal": journal,
        "draws": draws,
        "followups": followups,
        "folder": group_folder,
        "setup": setup_form,
        "review": review,
        "stage": lambda: stage(args.quick),
    }
    try:
        for name, run in sections.items():
            if args.only in (None, name):
                run()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
