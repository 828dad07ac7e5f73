"""SIGKILL the app after every step of a meeting: nothing acknowledged is lost, and each kill is
followed by a resume on the right item with the right speaker (the next step is played on it)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.clock import FakeClock
from facilitator.journal.load import load
from facilitator.journal.store import journal_path, resume_session
from facilitator.meeting.meeting import Meeting

ROOT = Path(__file__).resolve().parents[2]
KILL_POINTS = list(range(1, 26))


def run_children(folder: Path) -> dict[int, list[dict]]:
    """What each child reported before it SIGKILLed itself right after reporting its step."""
    # This checkout's code first, whatever copy of facilitator the interpreter has installed.
    here = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    env = {**os.environ, "PYTHONPATH": here}
    done = subprocess.run(
        [sys.executable, "-m", "tests.crash_child", str(folder), str(len(KILL_POINTS))],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        timeout=300,
    )  # fmt: skip
    statuses = json.loads(done.stdout)
    runs = {}
    for kill_at in KILL_POINTS:
        status = statuses[str(kill_at)]
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, kill_at
        report = (folder / f"kill-{kill_at}.jsonl").read_text().splitlines()
        runs[kill_at] = [json.loads(line) for line in report]
    return runs


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
    run = replayed.run  # the raised hands and the split time too
    assert (run.hands, run.slot) == (last["hands"], last["slot"])
    assert [[s.name, s.minutes, s.given] for s in run.shares] == last["shares"]
    assert run.spoke == pytest.approx(last["spoke"])
    handle, resumed = resume_session(last["session"], FakeClock(loaded.last + 240))
    try:
        assert resumed.state.current == replayed.state.current
        assert resumed.run.speaker == replayed.run.speaker
        assert resumed.run.hands == replayed.run.hands and resumed.run.slot == run.slot
        assert resumed.state.resumed_after == pytest.approx(240, abs=0.01)
    finally:
        handle.close()


@pytest.mark.slow
def test_kill_at_many_points_loses_nothing_acknowledged(tmp_path: Path) -> None:
    runs = run_children(tmp_path)
    for kill_at, acked in runs.items():
        assert acked[-1]["step"] == kill_at
        check(tmp_path / f"kill-{kill_at}", acked)
    in_core = [run[-1] for run in runs.values() if run[-1]["hands"] or run[-1]["shares"]]
    # hands up and the split; + and a pause keep them; the resume, T, H: Bo's slot, Chen speaks
    assert [(r["speaker"], r["hands"], r["slot"]) for r in in_core[:4]] == [
        *[("Bo", ["Chen", "Ana"], 0)] * 3, ("Chen", ["Ana"], 1)]  # fmt: skip
