"""Preferences of this machine's user, remembered between runs: the theme, the interface's
language."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator import paths
from facilitator.fsutil import atomic_write
from facilitator.text import clean_line


@dataclass
class Settings:
    theme: str | None = None
    language: str | None = None  # the interface's (facilitator --lang overrides it)
    # What the file held that this version does not know: written back as it was.
    others: dict[str, Any] = field(default_factory=dict, compare=False)


def _file() -> Path:
    return paths.data_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings; defaults when there are none or the file cannot be read."""
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # absent, damaged, or nested absurdly deep
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    theme = data.pop("theme", None)
    language = data.pop("language", None)
    return Settings(
        theme=clean_line(theme) if isinstance(theme, str) and theme else None,
        language=clean_line(language) if isinstance(language, str) and language else None,
        others=data,
    )


def save_settings(settings: Settings) -> None:
    paths.ensure_private_dir(paths.data_dir())
    data = {**settings.others, "theme": settings.theme}
    if settings.language is not None:
        data["language"] = settings.language
    atomic_write(_file(), json.dumps(data, ensure_ascii=False, indent=2))
