"""A group's question history, read from its own session journals.

Reading every journal on every draw would get slow after years of meetings, so what each journal
says is cached (by file size and modification time) in the data directory's cache folder; only new
or changed journals are read again. The journals stay the truth: delete the cache at any time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from facilitator import paths
from facilitator.fsutil import atomic_write
from facilitator.journal.load import load
from facilitator.meeting.events import JournalFormatError

CACHE_VERSION = 2  # 2: read through the journal loader


@dataclass
class History:
    asked: dict[str, float] = field(default_factory=dict)  # question text -> last asked
    retired: set[str] = field(default_factory=set)


def _summary(path: Path) -> dict[str, object]:
    """What one journal says about questions: group, asked (not skipped), retired."""
    try:
        state = load(path).state
    except JournalFormatError:
        return {"group": "", "asked": {}, "retired": []}
    asked: dict[str, float] = {}
    for run in state.items:
        for draw in run.draws:
            if not draw.skipped:
                asked[draw.text] = max(asked.get(draw.text, draw.at), draw.at)
    return {"group": state.group, "asked": asked, "retired": list(state.retired)}


def _cache_file() -> Path:
    return paths.cache_dir() / "questions.json"


def _load_cache() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    files = data.get("files", {})
    return files if isinstance(files, dict) else {}


def scan() -> dict[str, dict[str, object]]:
    """Journal name -> summary, refreshing only what changed since the last scan."""
    from facilitator.groupfolder import journals

    cache = _load_cache()
    fresh: dict[str, dict[str, object]] = {}
    changed = False
    for path in journals():  # this laptop's, and those of the groups' shared folders
        try:
            st = path.stat()
        except OSError:
            continue
        stamp = [st.st_size, st.st_mtime_ns]
        hit = cache.get(path.name)
        if hit and hit.get("stamp") == stamp:
            fresh[path.name] = hit
            continue
        fresh[path.name] = {"stamp": stamp, **_summary(path)}
        changed = True
    if changed or len(fresh) != len(cache):
        paths.ensure_private_dir(paths.cache_dir())
        atomic_write(_cache_file(), json.dumps({"version": CACHE_VERSION, "files": fresh}))
    return fresh


def group_history(group: str, exclude_session: str | None = None) -> History:
    history = History()
    for name, summary in scan().items():
        if summary.get("group") != group or name == f"{exclude_session}.jsonl":
            continue
        for text, t in dict(summary.get("asked", {})).items():  # type: ignore[call-overload]
            if t > history.asked.get(text, float("-inf")):
                history.asked[text] = float(t)
        history.retired.update(summary.get("retired", []))  # type: ignore[arg-type]
    return history
