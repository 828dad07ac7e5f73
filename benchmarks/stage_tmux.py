"""The stage follows a real meeting, in tmux: ``python benchmarks/stage_tmux.py``.

A meeting runs in one tmux session and ``facilitator stage`` in another, each a real process
on the same data folder. The script presses the meeting's keys (start, next, a new speaker, a
question drawn, a message, pause, end), polls the stage's screen every 50 ms until it shows
what each key changed, and prints how long that took. Between the steps it types entries of
every kind with distinctive words; every capture of the stage (hundreds of them) is grepped
for each of those words. It exits 1 if the stage ever shows one, or takes more than a second
to follow a step. Needs tmux.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
LIMIT = 1.0  # seconds the stage may take to follow a step
SECRETS = ["ZEBRA-demining-note", "ZEBRA-expectation-of-Ana", "ZEBRA-expectation-of-Bo",
           "ZEBRA-icebreaker-note", "ZEBRA-private-answer"]  # fmt: skip


class Room:
    def __init__(self, data: Path, size: tuple[int, int]) -> None:
        self.data = data
        self.name = f"stage-bench-{time.time_ns() % 10**8}"
        self.captures = 0
        self.leaks: list[str] = []
        env = f"cd {ROOT} && PYTHONPATH={ROOT / 'src'} {PY} -m facilitator --data-dir {data}"
        self._tmux(
            "new",
            "-d",
            "-s",
            f"{self.name}-m",
            "-x",
            "100",
            "-y",
            "30",
            f"{env} run mutual-support-150 --participants 'Ana,Bo,Chen' --group Tue",
        )
        self._tmux("new", "-d", "-s", f"{self.name}-s", "-x", str(size[0]), "-y", str(size[1]),
                   f"{env} stage")  # fmt: skip

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout

    def stage(self) -> str:
        screen = self._tmux("capture-pane", "-p", "-t", f"{self.name}-s")
        self.captures += 1
        self.leaks += [s for s in SECRETS if s in screen]
        return screen

    def meeting(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", f"{self.name}-m")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", f"{self.name}-m", key)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", f"{self.name}-m", "-l", text)

    def wait(self, want: str, limit: float = 10.0) -> float:
        """Seconds until the stage shows ``want``."""
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if want in self.stage():
                return time.perf_counter() - start
            time.sleep(0.05)
        raise SystemExit(f"the stage never showed {want!r}:\n{self.stage()}")

    def write(self, text: str) -> None:
        """An entry typed on the meeting screen: e, the text, enter, escape."""
        self.keys("e")
        time.sleep(0.3)
        self.type(text)
        self.keys("Enter")
        time.sleep(0.3)
        self.keys("Escape")
        time.sleep(0.3)
        self.stage()

    def journal(self) -> list[dict[str, object]]:
        path = next((self.data / "sessions").glob("*.jsonl"))
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def close(self) -> None:
        for side in ("m", "s"):
            subprocess.run(["tmux", "kill-session", "-t", f"{self.name}-{side}"], check=False)


def step(
    room: Room, label: str, keys: list[str], want: str, results: list[tuple[str, float]]
) -> None:
    room.keys(*keys)
    seconds = room.wait(want)
    results.append((label, seconds))


def run(size: tuple[int, int]) -> bool:
    with tempfile.TemporaryDirectory() as data:
        room = Room(Path(data), size)
        results: list[tuple[str, float]] = []
        try:
            room.wait("Starting soon", 15)
            step(room, "start", ["space"], "min left", results)
            room.write(SECRETS[0])
            step(room, "next item", ["n"], "2/5", results)
            room.write(SECRETS[1])
            step(room, "new speaker", ["s"], "Speaking: Bo", results)
            room.write(SECRETS[2])
            step(room, "next item", ["n"], "3/5", results)
            room.write(SECRETS[3])
            pressed = time.perf_counter()
            room.keys("d")
            question = ""
            while not question and time.perf_counter() - pressed < 5:
                drawn = [e for e in room.journal() if e["type"] == "question_drawn"]
                question = str(drawn[-1]["text"]) if drawn else ""
            room.wait(question[: size[0] - 8].rsplit(" ", 1)[0])  # its first words
            results.append(("question drawn", time.perf_counter() - pressed))
            room.keys("m")
            time.sleep(0.3)
            room.type("Break till 20:10")
            step(room, "message", ["Enter"], "Break till 20:10", results)
            room.write(SECRETS[4])
            step(room, "pause", ["space"], "PAUSED", results)
            step(room, "end", ["q", "y"], "The meeting has ended", results)
        finally:
            room.close()
    print(f"\n## The stage follows a meeting in tmux ({size[0]}x{size[1]})")
    for label, seconds in results:
        print(f"{label:16} {seconds:6.3f} s")
    print(f"captures grepped for {len(SECRETS)} entries' words: {room.captures}; shown: "
          f"{sorted(set(room.leaks)) or 'none'}")  # fmt: skip
    return not room.leaks and all(0 <= s <= LIMIT for _, s in results)


def main() -> int:
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return 0
    ok = run((80, 24)) and run((40, 12))
    print("OK" if ok else "FAILED: the stage showed an entry, or was late")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
