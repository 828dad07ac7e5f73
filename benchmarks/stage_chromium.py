"""The stage page in a real browser: ``python benchmarks/stage_chromium.py [--screenshot FILE]``.

Starts a meeting's journal and the stage server on 127.0.0.1, loads the page in headless
Chromium (the system's ``chromium``), lets its script run, and checks the DOM it ends with: the
countdown ticking from the event stream, the item, no entry's text. With ``--screenshot FILE``
it also saves a picture (not committed). Exits 0 with a note when chromium is not installed.
``tests/unit/test_stage_browser.py`` runs the same check in the suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

SECRET = "SECRET-entry-never-on-the-page"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browse(url: str, screenshot: Path | None = None) -> str:
    """The DOM headless Chromium ends with after the page's script ran for a while."""
    browser = chromium()
    assert browser is not None
    with tempfile.TemporaryDirectory() as profile:
        common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  f"--user-data-dir={profile}", "--timeout=2500"]  # fmt: skip
        if screenshot is not None:
            subprocess.run([*common, f"--screenshot={screenshot}", "--window-size=412,915", url],
                           check=True, capture_output=True, timeout=60)  # fmt: skip
        done = subprocess.run([*common, "--dump-dom", url], check=True, capture_output=True,
                              text=True, timeout=60)  # fmt: skip
    return done.stdout


def check(dom: str) -> list[str]:
    """What is wrong with the page as the browser shows it."""
    problems = []
    digits = re.search(r'<div id="digits"[^>]*>([^<]*)</div>', dom)
    if digits is None or not re.fullmatch(r"\+?\d\d:\d\d", digits.group(1)):
        problems.append(f"no countdown in the page: {digits.group(0) if digits else dom[:300]}")
    elif digits.group(1) == "02:00":
        problems.append("the countdown did not tick (02:00 still)")
    if "1/5 · Demining" not in dom:
        problems.append("the item is not shown")
    if SECRET in dom:
        problems.append("an entry's text is on the page")
    return problems


def served(run: Callable[[str], str], own_folder: bool = True) -> str:
    """``run(url)`` with a meeting open and its stage served (in a data folder of its own,
    unless the caller set one)."""
    from facilitator import paths
    from facilitator.clock import SystemClock
    from facilitator.journal.store import start_session
    from facilitator.meeting.meeting import creation_event
    from facilitator.session.stage import StageSource
    from facilitator.web.serve import StageServer
    from tests.factories import MS150, PEOPLE

    with tempfile.TemporaryDirectory() as data:
        if own_folder:
            os.environ[paths.ENV_DATA_DIR] = data
            paths.set_data_dir(None)
        clock = SystemClock()
        first = creation_event(MS150, session="2027-01-15-0800-tuesday-abcd", group="Tuesday",
                               participants=PEOPLE, t=clock.now())  # fmt: skip
        handle, meeting = start_session(first, clock)
        meeting.toggle()
        meeting.add_entry("notes", SECRET)
        loop = asyncio.new_event_loop()
        server = StageServer(StageSource(), clock)
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(server.start())
            ready.set()
            loop.run_forever()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        ready.wait(30)
        try:
            return run(server.url)
        finally:
            asyncio.run_coroutine_threadsafe(server.stop(), loop).result(30)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(30)
            handle.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", type=Path, help="also save a picture of the page")
    args = parser.parse_args()
    if chromium() is None:
        print("chromium is not installed (apt-get install chromium): skipped")
        return 0
    dom = served(lambda url: browse(url, args.screenshot))
    problems = check(dom)
    print("\n".join(problems) or "OK: the page shows the item and a countdown that ticks")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
