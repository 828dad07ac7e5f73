"""One writer per session: a lock file held with flock (freed by the OS if the process dies)."""

from __future__ import annotations

import os
from pathlib import Path


class SessionLocked(Exception):
    pass


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SessionLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            self._acquire_by_pid(fd)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise SessionLocked(
                f"this session is open in another facilitator (process {holder}); "
                "close that one first"
            ) from None
        self._write_pid(fd)

    def _acquire_by_pid(self, fd: int) -> None:  # pragma: no cover - Windows
        text = os.read(fd, 32).decode(errors="replace").strip()
        if text.isdigit() and int(text) != os.getpid() and _pid_alive(int(text)):
            os.close(fd)
            raise SessionLocked(f"this session is open in another facilitator (process {text})")
        self._write_pid(fd)

    def _write_pid(self, fd: int) -> None:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode())
        os.fchmod(fd, 0o600)
        self._fd = fd

    def release(self, *, remove: bool = False) -> None:
        """Let go. The file stays while the session may be opened again (removing it would
        race with a new opener); ``remove`` for a session that has ended, held to the last."""
        if self._fd is not None:
            if remove:
                self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None


def hold(fd: int) -> None:
    """Hold the journal open at ``fd`` for this process alone (SessionLocked if another
    facilitator holds it): the lock file's lock is lost if the file is deleted, this one is not."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise SessionLocked(
            "this session is open in another facilitator; close that one first"
        ) from None


def is_locked(path: Path) -> bool:
    """Whether another facilitator holds this lock now."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False
