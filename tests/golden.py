"""Golden journals: what a journal replays to, in a form that can be saved and compared.

``snapshot`` turns a replayed session into plain data: its state, its projection at the journal's
last moment, and its Markdown record. The files under ``tests/fixtures/journals/`` were written
by the version named in their README; ``tests/unit/test_golden_journals.py`` replays each of
them with today's code and compares.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "journals"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


def state_data(state: Any) -> dict[str, Any]:
    """The state as plain data, the agenda by its id only (it is in the journal's first line)."""
    data = _plain(state)
    data["agenda"] = state.agenda.id
    return data


def projection_data(projection: Any) -> dict[str, Any]:
    return _plain(projection)


def subset_differences(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Where ``actual`` differs from ``expected``; keys ``expected`` does not have are ignored
    (a later version may keep more), every key it has must hold the same value."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected a mapping, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{where}.{key}: missing")
            else:
                out += subset_differences(value, actual[key], f"{where}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: expected {expected!r}, got {actual!r}"]
        out = []
        for n, (e, a) in enumerate(zip(expected, actual)):
            out += subset_differences(e, a, f"{where}[{n}]")
        return out
    if isinstance(expected, float) or isinstance(actual, float):
        if not isinstance(actual, (int, float)) or abs(float(expected) - float(actual)) > 0.002:
            return [f"{where}: expected {expected!r}, got {actual!r}"]
        return []
    return [] if expected == actual else [f"{where}: expected {expected!r}, got {actual!r}"]
