"""Programs that build the review index at the same moment wait for each other: none fails
with "database is locked", and each sees every session."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from tests.history_gen import generate

BUILDERS = 3


def _build(data_dir: str, start: object, out: object) -> None:
    os.environ["FACILITATOR_DATA_DIR"] = data_dir
    from facilitator.review.index import open_index

    start.wait()  # type: ignore[attr-defined]
    try:
        db = open_index()
        count = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
        out.put(("ok", count))  # type: ignore[attr-defined]
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("failed", repr(exc)))  # type: ignore[attr-defined]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_cold_index_builds_started_together_all_succeed(tmp_path: Path) -> None:
    history = generate(tmp_path / "sessions", 40, seed=5, fast=True)
    context = multiprocessing.get_context("fork")
    start = context.Barrier(BUILDERS)
    out = context.Queue()
    builders = [context.Process(target=_build, args=(str(tmp_path), start, out))
                for _ in range(BUILDERS)]  # fmt: skip
    for process in builders:
        process.start()
    results = [out.get(timeout=60) for _ in builders]
    for process in builders:
        process.join(timeout=60)
    assert results == [("ok", len(history.sessions))] * BUILDERS
