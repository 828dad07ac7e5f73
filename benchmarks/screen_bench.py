"""Start-up as a person sees it: from exec until the text is on a terminal's screen.

``python benchmarks/screen_bench.py [--quick] [--rounds N] [--only SCENARIO ...]``, or
``make bench`` (section ``screen``).

What is measured, and how:

- The project is built into a wheel and installed, not editable, into a fresh virtual
  environment in a temporary folder, with its bytecode compiled at install time (the
  install runs without ``PYTHONDONTWRITEBYTECODE``, which this machine sets, so the
  installed modules have their ``.pyc`` as a user's would). The children run without it
  too, and without ``PYTHONPATH``, so they import the wheel, never the source tree.
- Each child runs under a pseudo-terminal of 100x30 (``TIOCSWINSZ`` set in the child before
  exec, ``TERM=xterm-256color``), read by pyte, a terminal emulator. The time is taken from
  just before the fork until the read that brought the awaited text onto the emulated screen
  (the read's time, not the time pyte then spends decoding it).
- Targets: Home until its agenda list shows "Mutual support" (the mutual-support-150 row),
  in English and, in the empty scenario, with `--lang fr` just after (paired with it; there,
  until the row of its French twin, "Réunion d'entraide", shows);
  ``facilitator run mutual-support-150 --participants "Ana,Bo,Chen"`` until "READY"; and, for
  comparison, a bare Textual app showing one Label, from the same environment. Each app
  launch is paired with a bare launch just before it, in every round; the figures are medians
  and the median of the per-round ratios, never a best-of.
- Scenarios, each with its own fresh data folder (and HOME) in the temporary folder, so
  nothing is shared with the user's data: empty; 200 agendas of the user's own (copies of
  the bundled mutual-support-150 with other ids); 10,000 past sessions (journals written by
  ``tests/history_gen.py``). One untimed warm-up round first in each (a first launch builds
  caches; its figure is printed apart).
- Children are stopped with ctrl+q (twice for a meeting, which asks first), then SIGTERM,
  then SIGKILL, and always reaped. Sessions a round creates are deleted after it, so every
  round sees the same data.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLS, ROWS = 100, 30
HOME_TEXT = "Mutual support"  # the mutual-support-150 row of Home's agenda list
# In French, Home lists the French agendas first: the row of mutual-support-150-fr (the English
# rows may be below the screen's last line).
HOME_TEXT_FR = "Réunion d'entraide"
LIST_WIDTH = 40  # Home's list is the left column; the highlighted agenda's title is also beside it
READY_TEXT = "READY"  # the meeting's status line before it starts
BARE_TEXT = "bare app ready"
TIMEOUT = 60.0
SESSIONS = 10_000
AGENDAS = 200

BARE_APP = f'''\
from textual.app import App
from textual.widgets import Label


class Bare(App[None]):
    def compose(self):
        yield Label("{BARE_TEXT}")


Bare().run()
'''


# ---------------------------------------------------------------------------------------------
# The environment under test


@dataclass
class Venv:
    folder: Path
    python: Path
    facilitator: Path
    bare: Path
    compiled: int  # .pyc files of the facilitator package
    modules: int  # .py files of the facilitator package


def _user_env() -> dict[str, str]:
    """The environment a user's shell would give: none of this machine's Python settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TEXTUAL"))}
    env.pop("VIRTUAL_ENV", None)
    return env


def _pins(tree: Path) -> list[str]:
    """Textual and Rich at the versions the tests pin, so runs compare across days."""
    text = (tree / "pyproject.toml").read_text()
    return re.findall(r'"((?:textual|rich)==[0-9.]+)"', text)


def _quiet(argv: list[str], env: dict[str, str]) -> None:
    """Run a build step; show its output only if it fails."""
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{done.stdout}{done.stderr}")


def build_venv(tmp: Path, report: Callable[[str], object] = print, tree: Path = ROOT) -> Venv:
    """The wheel of ``tree`` (this checkout, or another: ``--tree``) installed in a new venv."""
    wheels = tmp / "wheel"
    env = _user_env()
    _quiet([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels),
            str(tree)], env)  # fmt: skip
    (wheel,) = wheels.glob("facilitator-*.whl")
    folder = tmp / "venv"
    _quiet([sys.executable, "-m", "venv", str(folder)], env)
    python = folder / "bin" / "python"
    # PYTHONDONTWRITEBYTECODE is left out of env: pip compiles the installed modules.
    _quiet([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--compile", str(wheel), *_pins(tree)], env)  # fmt: skip
    package = Path(
        subprocess.run(
            [
                str(python),
                "-c",
                "import facilitator, os; print(os.path.dirname(facilitator.__file__))",
            ],
            check=True,
            env=env,
            capture_output=True,
            text=True,
            cwd=tmp,
        ).stdout.strip()  # fmt: skip
    )
    if str(package).startswith((str(ROOT), str(tree))):
        sys.exit(f"the venv imports the source tree ({package}), not the wheel")
    bare = tmp / "bare_app.py"
    bare.write_text(BARE_APP)
    venv = Venv(folder, python, folder / "bin" / "facilitator", bare,
                compiled=len(list(package.rglob("*.pyc"))),
                modules=len(list(package.rglob("*.py"))))  # fmt: skip
    versions = subprocess.run([str(python), "-c", "import textual, rich.console, importlib."
                               "metadata as m; print(m.version('textual'), m.version('rich'))"],
                              check=True, env=env, capture_output=True, text=True).stdout.split()  # fmt: skip
    report(f"wheel {wheel.name} installed (not editable) in a fresh venv; textual {versions[0]}, "
           f"rich {versions[1]}")  # fmt: skip
    report(f"bytecode compiled at install (PYTHONDONTWRITEBYTECODE unset for the install and the "
           f"runs): {venv.compiled} .pyc for {venv.modules} modules of facilitator")  # fmt: skip
    return venv


# ---------------------------------------------------------------------------------------------
# One launch under a pty


@dataclass
class Launch:
    seconds: float | None  # None: the text never showed
    screen: str = ""


def _line(screen: object, y: int) -> str:
    row = screen.buffer[y]  # type: ignore[attr-defined]
    return "".join(row[x].data for x in range(screen.columns))  # type: ignore[attr-defined]


def in_list(needle: str) -> Callable[[str], bool]:
    """``needle`` in Home's agenda list: left of the list's right edge (▎), not in the pane
    beside it that shows the highlighted agenda's title."""

    def seen(line: str) -> bool:
        edge = line.find("▎")
        return needle in line[: edge if edge > 0 else LIST_WIDTH]

    return seen


def anywhere(needle: str) -> Callable[[str], bool]:
    return lambda line: needle in line


def launch(argv: list[str], env: dict[str, str], seen: Callable[[str], bool], quit_keys: int = 1,
           timeout: float = TIMEOUT) -> Launch:  # fmt: skip
    """Time from the fork until a line of the emulated screen is ``seen``; then stop the child."""
    import pyte

    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: set the window size, then become the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)

    def answer(data: str) -> None:  # replies to the terminal's queries (device attributes...)
        with contextlib.suppress(OSError):
            os.write(fd, data.encode())

    screen.write_process_input = answer  # type: ignore[method-assign]
    found: float | None = None
    deadline = started + timeout
    try:
        while found is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            at = time.perf_counter()
            try:
                data = os.read(fd, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            stream.feed(data)
            if any(seen(_line(screen, y)) for y in screen.dirty):
                found = at - started
            screen.dirty.clear()
        text = "\n".join(screen.display)
    finally:
        stop(pid, fd, quit_keys)
    return Launch(found, text)


def _drain(fd: int, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                if not os.read(fd, 1 << 16):
                    return
            except OSError:
                return


def _reaped(pid: int, seconds: float, fd: int) -> bool:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        _drain(fd, 0.05)  # keep reading, or a child writing its last frame would block
    return False


def stop(pid: int, fd: int, quit_keys: int = 1) -> None:
    """ctrl+q (``quit_keys`` times), then SIGTERM, then SIGKILL; always reaped."""
    try:
        for _ in range(quit_keys):
            with contextlib.suppress(OSError):
                os.write(fd, b"\x11")
            if _reaped(pid, 0.5, fd):
                return
        if _reaped(pid, 3.0, fd):
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if _reaped(pid, 3.0, fd):
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    finally:
        os.close(fd)


def wall(argv: list[str], env: dict[str, str]) -> float:
    """A command that prints and exits (``--version``): wall seconds until it has exited."""
    started = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


# ---------------------------------------------------------------------------------------------
# Scenarios and rounds


@dataclass
class Scenario:
    name: str
    label: str
    data: Path
    home: Path
    fill: Callable[[Path], None] = lambda data: None
    times: dict[str, list[float]] = field(default_factory=dict)
    ratios: dict[str, list[float]] = field(default_factory=dict)
    warm: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def _agendas(data: Path) -> None:
    folder = data / "agendas"
    folder.mkdir(parents=True)
    source = (ROOT / "agendas" / "mutual-support-150.yaml").read_text()
    if "id: mutual-support-150" not in source:
        sys.exit("agendas/mutual-support-150.yaml has no 'id: mutual-support-150' line")
    for n in range(AGENDAS):
        text = source.replace("id: mutual-support-150", f"id: my-agenda-{n:03}")
        (folder / f"my-agenda-{n:03}.yaml").write_text(text)


def _sessions(data: Path) -> None:
    if str(ROOT) not in sys.path:  # the generator lives in tests/
        sys.path.insert(0, str(ROOT))
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(1, str(ROOT / "src"))
    from tests.history_gen import generate

    generate(data / "sessions", SESSIONS, seed=21, fast=True)


@contextlib.contextmanager
def _same_files(folder: Path) -> Iterator[None]:
    """Delete what a round adds under ``folder`` (a meeting's journal, its lock), but the
    caches (``cache/``: the agendas' summaries, the review index), as any earlier launch of
    a person's leaves them: the warm-up round makes them, the rounds measured find them."""
    before = set(folder.rglob("*")) if folder.exists() else set()
    cache = folder / "cache"
    try:
        yield
    finally:
        if folder.exists():
            added = set(folder.rglob("*")) - before
            for path in sorted(p for p in added if cache not in (p, *p.parents))[::-1]:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)


def _round(venv: Venv, s: Scenario, with_version: bool) -> dict[str, float | None]:
    env = {**_user_env(), "TERM": "xterm-256color", "HOME": str(s.home),
           "FACILITATOR_DATA_DIR": str(s.data)}  # fmt: skip
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                "COLUMNS", "LINES"):  # fmt: skip
        env.pop(key, None)
    fac = str(venv.facilitator)
    bare = [str(venv.python), str(venv.bare)]
    run = [fac, "run", "mutual-support-150", "--participants", "Ana,Bo,Chen"]
    out: dict[str, float | None] = {}
    with _same_files(s.data):
        out["bare (home)"] = launch(bare, env, anywhere(BARE_TEXT)).seconds
        home = launch([fac], env, in_list(HOME_TEXT))
        out["home"] = home.seconds
        if with_version:  # the French interface, side by side with the English one just before
            french = launch([fac, "--lang", "fr"], env, in_list(HOME_TEXT_FR))
            out["home (fr)"] = french.seconds
            if french.seconds is None:
                s.failures.append(f"home (fr): the text never showed; the screen was:\n"
                                  f"{french.screen}")  # fmt: skip
        out["bare (run)"] = launch(bare, env, anywhere(BARE_TEXT)).seconds
        meeting = launch(run, env, anywhere(READY_TEXT), quit_keys=2)
        out["run"] = meeting.seconds
        if with_version:
            out["--version"] = wall([fac, "--version"], env)
            out["python -c pass"] = wall([str(venv.python), "-c", "pass"], env)
    for name, shown in (("home", home), ("run", meeting)):
        if shown.seconds is None:
            s.failures.append(f"{name}: the text never showed; the screen was:\n{shown.screen}")
    return out


PAIRS = {"home": "bare (home)", "home (fr)": "home", "run": "bare (run)",
         "--version": "bare (run)", "python -c pass": "bare (run)"}  # fmt: skip


def measure(venv: Venv, s: Scenario, rounds: int, report: Callable[[str], object]) -> None:
    with_version = s.name == "empty"
    warm = _round(venv, s, with_version)
    s.warm = {k: v for k, v in warm.items() if v is not None}
    for number in range(rounds):
        got = _round(venv, s, with_version)
        for name, seconds in got.items():
            if seconds is not None:
                s.times.setdefault(name, []).append(seconds)
        for name, ref in PAIRS.items():
            a, b = got.get(name), got.get(ref)
            if a is not None and b:
                s.ratios.setdefault(name, []).append(a / b)
        shown = "  ".join(f"{k} {v:.3f}" if v is not None else f"{k} -" for k, v in got.items())
        report(f"  round {number + 1:>2}: {shown}")
    for failure in dict.fromkeys(s.failures):
        report(f"  ! {failure}")


TARGETS = {("empty", "home"): 1.2, ("empty", "home (fr)"): 1.05, ("empty", "run"): 1.3,
           ("agendas", "home"): 1.4,
           ("agendas", "run"): 1.5, ("empty", "--version"): 0.3}  # fmt: skip


def summary(scenarios: list[Scenario], report: Callable[[str], object]) -> None:
    report("")
    report(f"{'scenario':<24}{'what':<16}{'median s':>10}{'bare s':>9}{'ratio':>8}"
           f"{'range':>13}{'target':>8}{'warm-up s':>11}")  # fmt: skip
    for s in scenarios:
        for name in ("home", "home (fr)", "run", "--version", "python -c pass"):
            if name not in s.times:
                continue
            ratios = s.ratios.get(name, [])
            ref = PAIRS[name]
            target = TARGETS.get((s.name, name))
            report(
                f"{s.label:<24}{name:<16}{statistics.median(s.times[name]):>10.3f}"
                f"{statistics.median(s.times[ref]):>9.3f}"
                + (f"{statistics.median(ratios):>7.2f}x{min(ratios):>6.2f}-{max(ratios):.2f}x"
                   if ratios else f"{'-':>8}{'':>13}")
                + (f"{'<= ' + format(target, 'g'):>8}" if target else f"{'':>8}")
                + (f"{s.warm[name]:>11.3f}" if name in s.warm else "")
            )  # fmt: skip
    report("ratio: median of the per-round ratios to the bare one-label app launched just before; "
           "range: lowest-highest round")  # fmt: skip


def run(rounds: int = 10, only: list[str] | None = None,
        report: Callable[[str], object] = print, tree: Path = ROOT) -> list[Scenario]:  # fmt: skip
    try:
        import pyte  # noqa: F401
    except ImportError:
        sys.exit("the screen benchmark needs pyte: pip install -e '.[bench]'")
    with tempfile.TemporaryDirectory(prefix="facilitator-screen-bench-") as name:
        tmp = Path(name)
        venv = build_venv(tmp, report, tree)
        kinds = [("empty", "no data of the user's", lambda d: None),
                 ("agendas", f"{AGENDAS} user agendas", _agendas),
                 ("sessions", f"{SESSIONS:,} past sessions", _sessions)]  # fmt: skip
        scenarios = []
        for key, label, fill in kinds:
            if only and key not in only:
                continue
            s = Scenario(key, label, tmp / key / "data", tmp / key / "home", fill)
            s.data.mkdir(parents=True)
            s.home.mkdir(parents=True)
            started = time.perf_counter()
            fill(s.data)
            filled = time.perf_counter() - started
            report(f"\n{label}: {rounds} rounds after one warm-up"
                   + (f" (data made in {filled:.1f} s)" if filled > 0.5 else ""))  # fmt: skip
            measure(venv, s, rounds, report)
            scenarios.append(s)
        summary(scenarios, report)
    return scenarios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--quick", action="store_true", help="3 rounds instead of 10")
    parser.add_argument("--rounds", type=int, help="rounds per scenario (default 10)")
    parser.add_argument("--only", nargs="+", choices=["empty", "agendas", "sessions"])
    parser.add_argument("--tree", type=Path, default=ROOT, metavar="DIR",
                        help="build the wheel from this checkout instead (e.g. a `git worktree` "
                        "of an older commit, to compare before and after on the same machine)")  # fmt: skip
    args = parser.parse_args()
    run(args.rounds or (3 if args.quick else 10), args.only, tree=args.tree.resolve())


if __name__ == "__main__":
    main()
