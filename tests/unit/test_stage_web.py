"""--serve against a real server on 127.0.0.1, with a real HTTP client (aiohttp's)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest

from facilitator.clock import FakeClock
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.session.stage import StageSource
from facilitator.web.serve import StageServer
from tests.factories import MS150, PEOPLE

SECRET = "SECRET-note-for-nobody"
GUARD = 10.0  # seconds: only so a broken stream fails instead of hanging


@pytest.fixture
async def served(clock: FakeClock) -> AsyncIterator[tuple[StageServer, Meeting]]:
    first = creation_event(MS150, session="2027-01-15-0800-tuesday-abcd", group="Tuesday",
                           participants=PEOPLE, t=clock.now())  # fmt: skip
    handle, meeting = start_session(first, clock)
    meeting.toggle()
    meeting.add_entry("notes", SECRET)
    server = StageServer(StageSource(), clock)
    await server.start()
    yield server, meeting
    await server.stop()
    handle.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_800_000_000.0)


async def _frames(response: aiohttp.ClientResponse) -> AsyncIterator[dict[str, object]]:
    async for raw in response.content:
        line = raw.decode("utf-8")
        if line.startswith("data: "):
            yield json.loads(line[6:])


async def test_the_page_needs_the_token_and_the_right_host(served) -> None:  # type: ignore[no-untyped-def]
    server, _ = served
    base = f"http://127.0.0.1:{server.port}"
    async with aiohttp.ClientSession() as http:
        async with http.get(server.url) as page:
            assert page.status == 200
            body = await page.text()
            assert "02:00" in body and 'aria-live="polite"' in body and SECRET not in body
            assert "default-src 'none'" in page.headers["Content-Security-Policy"]
            assert "Set-Cookie" not in page.headers
        for path in ("/", "/stage.js", f"/{server.token}x/", f"/{server.token[:-1]}/events"):
            async with http.get(base + path) as wrong:
                assert wrong.status == 404
        async with http.get(server.url, headers={"Host": f"evil.example:{server.port}"}) as r:
            assert r.status == 404
        async with http.post(server.url) as posted:
            assert posted.status == 404
        async with http.get(server.url + "stage.js") as script:
            assert script.status == 200 and "EventSource" in await script.text()


async def test_ten_viewers_get_each_change_at_the_next_tick(served, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    server, meeting = served
    async with aiohttp.ClientSession() as http:
        streams = [await http.get(server.url + "events") for _ in range(10)]
        readers = [_frames(s) for s in streams]
        firsts = await asyncio.wait_for(asyncio.gather(*(r.__anext__() for r in readers)), GUARD)
        assert all(f["item"] == "1/5 · Demining" for f in firsts)
        while server.viewers < 10:
            await asyncio.sleep(0)
        meeting.send_message("Break till 20:10")
        clock.advance(1)
        assert server.tick() == 10  # the next tick (every 0.5 s) sends it to all ten
        frames = await asyncio.wait_for(asyncio.gather(*(r.__anext__() for r in readers)), GUARD)
        for frame in frames:
            assert frame["message"] == "Break till 20:10"
            assert frame["moving"] is True and frame["server_time"] == clock.now()
            assert SECRET not in json.dumps(frame)
        clock.advance(1)
        assert server.tick() == 0  # only the clock moved: the pages count down themselves
        for stream in streams:
            stream.close()
