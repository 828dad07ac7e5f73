"""SIGKILL the app at many points: nothing acknowledged is lost, and it resumes on the right item."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.clock import FakeClock
from facilitator.journal.load import load
from facilitator.journal.store import journal_path, resume_session
from facilitator.meeting.meeting import Meeting

ROOT = Path(__file__).resolve().parents[2]
KILL_POINTS = list(range(1, 25))


def run_until(step: int, data_dir: Path) -> list[dict]:
    """What a child reported before it SIGKILLed itself right after reporting ``step``."""
    # This checkout's code first, whatever copy of facilitator the interpreter has installed.
    here = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    env = {**os.environ, "FACILITATOR_DATA_DIR": str(data_dir), "PYTHONPATH": here}
    child = subprocess.run(
        [sys.executable, "-m", "tests.crash_child", str(step)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, f"the child ended otherwise at step {step}"
    return [json.loads(line) for line in child.stdout.splitlines()]


def check(data_dir: Path, acked: list[dict]) -> None:
    paths.set_data_dir(data_dir)
    last = acked[-1]
    loaded = load(journal_path(last["session"]))
    replayed = Meeting(loaded.state, FakeClock())
    texts = sorted(e.text for e in replayed.state.entries.values())
    for text in last["entries"]:
        assert text in texts, f"acknowledged entry lost at step {last['step']}: {text!r}"
    # The child died right after its report: the journal holds that state, no more, no less.
    assert replayed.state.current == last["current"]
    assert replayed.run.speaker == last["speaker"]
    handle, resumed = resume_session(last["session"], FakeClock(loaded.last + 240))
    try:
        assert resumed.state.current == replayed.state.current
        assert resumed.run.speaker == replayed.run.speaker
        assert resumed.state.resumed_after == pytest.approx(240, abs=0.01)
    finally:
        handle.close()


@pytest.mark.slow
def test_kill_at_many_points_loses_nothing_acknowledged(tmp_path: Path) -> None:
    # The children mostly wait on the terminal driver: run a few at once.
    folders = {k: tmp_path / f"kill-{k}" for k in KILL_POINTS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = dict(zip(KILL_POINTS, pool.map(lambda k: run_until(k, folders[k]), KILL_POINTS)))
    for kill_at, acked in runs.items():
        assert acked[-1]["step"] == kill_at
        check(folders[kill_at], acked)
