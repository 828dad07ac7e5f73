"""Writing files that matter: atomic replace and durable appends."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | str, mode: int = 0o600) -> None:
    """Write via a temporary file in the same folder, fsync, rename, fsync the folder."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not path.parent.is_dir():
        from facilitator.paths import ensure_private_dir

        ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def jsonl_files(folder: Path) -> Iterator[os.DirEntry[str]]:
    """The ``*.jsonl`` files in ``folder`` (none if it does not exist), hidden ones left out:
    a sync tool's temporary files start with a dot."""
    if not folder.is_dir():
        return
    with os.scandir(folder) as found:
        for entry in found:
            if entry.name.endswith(".jsonl") and not entry.name.startswith("."):
                yield entry
