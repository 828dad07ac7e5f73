from __future__ import annotations

import pytest
from textual.widgets import Input

from facilitator.clock import FakeClock


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshots flaky."""
    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)


@pytest.fixture
def clock() -> FakeClock:
    # A fixed instant, shown in the local zone of the machine: tests set TZ to UTC below.
    return FakeClock(1_800_000_000.0)
