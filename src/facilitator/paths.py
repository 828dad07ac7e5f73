"""The one place paths come from.

User data lives under platformdirs' user data directory, or under ``--data-dir`` /
``FACILITATOR_DATA_DIR``. Bundled agendas, decks and schemas ship inside the wheel
(``facilitator/_bundled``); in a source checkout they are read from the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"
ENV_DATA_DIR = "FACILITATOR_DATA_DIR"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_agendas() -> Path:
    return data_dir() / "agendas"


def user_decks() -> Path:
    return data_dir() / "question_decks"


def sessions_dir() -> Path:
    return data_dir() / "sessions"


def groups_dir() -> Path:
    return data_dir() / "groups"


def cache_dir() -> Path:
    """Indexes that can always be rebuilt: in the data folder, or, when it cannot be written
    (a read-only disk, another user's folder), in this user's cache folder."""
    preferred = data_dir() / "cache"
    if writable(preferred):
        return preferred
    import hashlib

    from platformdirs import user_cache_path

    key = hashlib.sha256(str(data_dir()).encode()).hexdigest()[:12]
    return user_cache_path(APP_NAME, appauthor=False) / key


def writable(folder: Path) -> bool:
    """Whether ``folder`` can be written, or created in the nearest folder that exists."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate.is_dir() and os.access(candidate, os.W_OK | os.X_OK)
    return False


def _bundled_root() -> Path:
    inside = Path(__file__).parent / "_bundled"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2]  # source checkout: the repository root


def bundled_agendas() -> Path:
    return _bundled_root() / "agendas"


def bundled_decks() -> Path:
    return _bundled_root() / "question_decks"


def schemas() -> Path:
    return _bundled_root() / "schemas"


def yaml_files(folder: Path) -> list[Path]:
    """The ``.yaml`` / ``.yml`` entries of a folder, sorted; none if it does not exist or cannot
    be read. Entries that are not regular files (a folder or a FIFO named x.yaml, a dangling
    link) are included: their loaders refuse them without opening them, so they are listed
    with their problem rather than left out without a word."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError:  # absent, not a folder, or not ours to read
        return []


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and the parents it lacks, each 0700 whatever the umask (``mkdir -p``
    under umask 000 made them 0777); an existing parent is left as it is."""
    missing: list[Path] = []
    folder = path
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made by someone else meanwhile: theirs to set
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    os.chmod(path, 0o700)
    return path
