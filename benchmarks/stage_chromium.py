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
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

SECRET = "SECRET-entry-never-on-the-page"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browse(url: str, screenshot: Path | None = None) -> str:
    """The DOM headless Chromium shows once the page's script has ticked the countdown (or
    after ``WAIT`` seconds). Driven over the DevTools protocol: ``--dump-dom`` dumps the page at
    its load event, before any tick, and ``--virtual-time-budget`` never ends while the event
    stream is open."""
    browser = chromium()
    assert browser is not None
    # Chromium's helper processes may still write to the profile for a moment after the
    # browser exits (a loaded machine shows it): its removal must not fail the check.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=412,915",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            port = _devtools_port(Path(profile), process)
            return asyncio.run(_look(port, url, screenshot))
        finally:
            process.terminate()
            process.wait(30)


WAIT = 20.0  # seconds: at most this long for the page to tick


def _devtools_port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """The port Chromium chose, from the file it writes in its profile."""
    active = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if active.exists() and active.read_text().strip():
            return int(active.read_text().split()[0])
        time.sleep(0.05)
    raise RuntimeError("chromium did not open its DevTools port")


async def _look(port: int, url: str, screenshot: Path | None) -> str:
    import base64

    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/json/list") as answer:
            pages = [t for t in await answer.json() if t.get("type") == "page"]
        async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            calls = 0

            async def call(method: str, **params: object) -> dict[str, object]:
                nonlocal calls
                calls += 1
                await ws.send_json({"id": calls, "method": method, "params": params})
                while True:
                    message = await ws.receive_json()
                    if message.get("id") == calls:
                        return dict(message.get("result", {}))

            async def evaluate(expression: str) -> str:
                result = await call("Runtime.evaluate", expression=expression, returnByValue=True)
                return str(dict(result.get("result", {})).get("value", ""))  # type: ignore[call-overload]

            await call("Page.enable")
            await call("Page.navigate", url=url)
            digits = (
                "document.getElementById('digits') && document.getElementById('digits').textContent"
            )
            first = ""
            deadline = time.monotonic() + WAIT
            while time.monotonic() < deadline:
                shown = await evaluate(digits)  # "" while the page is still loading
                if re.fullmatch(r"\+?\d\d:\d\d", shown):
                    first = first or shown
                    if shown != first:
                        break  # the script ticked
                await asyncio.sleep(0.1)
            if screenshot is not None:
                shot = await call("Page.captureScreenshot", format="png")
                screenshot.write_bytes(base64.b64decode(str(shot["data"])))
            return await evaluate("document.documentElement.outerHTML")


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
