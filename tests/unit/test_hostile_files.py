"""Files no reader may trip on: pipes, folders, unreadable and damaged files in the user's folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def cli(*args: str, data_dir: Path, timeout: float = 20) -> subprocess.CompletedProcess[bytes]:
    """``python -m facilitator ARGS --data-dir DIR`` in a child, its output as bytes."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--data-dir", str(data_dir), *args],
        capture_output=True,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize("kind", ["agendas", "decks"])
def test_a_fifo_given_to_validate_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = cli(kind, "validate", str(fifo), data_dir=tmp_path / "data", timeout=10)
    assert result.returncode == 1
    assert f"{fifo}:1:1: not a regular file".encode() in result.stderr


def test_a_folder_given_to_the_loaders_is_a_problem(tmp_path: Path) -> None:
    from facilitator.formats.agenda import load_agenda
    from facilitator.formats.deck import load_deck
    from facilitator.formats.problems import FormatError

    folder = tmp_path / "x.yaml"
    folder.mkdir()
    for load in (load_agenda, load_deck):
        with pytest.raises(FormatError, match="not a regular file"):
            load(str(folder))
