"""The stage page in headless Chromium: the countdown ticks from the event stream, and no
entry's text is on the page. Skipped when chromium is not installed."""

from __future__ import annotations

import pytest

from benchmarks.stage_chromium import browse, check, chromium, served


@pytest.mark.skipif(chromium() is None, reason="chromium is not installed")
def test_headless_chromium_shows_the_countdown_ticking() -> None:
    dom = served(browse, own_folder=False)
    assert check(dom) == []
