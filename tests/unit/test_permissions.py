"""Folders the app creates are 0700 and private files 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator import paths


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_private_folders_and_their_new_parents_are_0700_under_umask_000(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    target = shared / "data" / "sessions" / "2026"
    assert paths.ensure_private_dir(target) == target
    assert [mode(p) for p in (target, target.parent, target.parent.parent)] == [0o700] * 3
    assert mode(shared) == 0o755  # it was there: not ours to change
    paths.ensure_private_dir(target)  # again: nothing to do, no error


@pytest.mark.usefixtures("open_umask")
def test_saving_settings_and_writing_files_makes_private_folders(data_dir: Path) -> None:
    from facilitator.fsutil import atomic_write
    from facilitator.settings import Settings, save_settings

    save_settings(Settings(theme="nord"))
    assert mode(data_dir) == 0o700
    atomic_write(data_dir / "cache" / "x" / "f.json", "{}")
    assert mode(data_dir / "cache") == mode(data_dir / "cache" / "x") == 0o700
    assert mode(data_dir / "cache" / "x" / "f.json") == 0o600
