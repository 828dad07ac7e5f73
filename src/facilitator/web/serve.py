"""``facilitator stage --serve``: the stage as a web page, for phones, a second laptop or an
OBS browser source, served with aiohttp while the command runs.

What it answers, and nothing else (everything else is 404, any method but GET too):
``GET /TOKEN/`` the page, ``/TOKEN/stage.css``, ``/TOKEN/stage.js``, and ``/TOKEN/events``, a
stream of Server-Sent Events: a frame whenever what the room sees changes (not every second:
each frame carries the time left and the server's time, and the page counts down on its own).
The token is random, 128 bits, in the path. The Host header must name the address served (a
DNS-rebinding page in a browser would send its own name). No cookies; a strict
Content-Security-Policy (nothing but this page's own style sheet, script and event stream);
no referrer, so the token does not leave in a link.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import socket
from dataclasses import replace
from typing import Any

from aiohttp import web

from facilitator.clock import Clock, SystemClock
from facilitator.session.stage import StageSource
from facilitator.views.stage import StageView
from facilitator.web import page

TICK = 1.0  # seconds: one stat of the journal; a frame goes out only when something changed
# (the page counts down on its own from the deadlines, so it need not hear of every second)
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}
KEEPALIVE = 15.0  # seconds between comments on an idle stream, so proxies keep it open


def _shape(view: StageView) -> StageView:
    """The frame without what the page computes from the clock itself: two frames of the
    same shape need not be sent."""
    return replace(view, at=0.0, left=0.0, digits="", turn="", turn_left=None)


class StageServer:
    def __init__(self, source: StageSource, clock: Clock | None = None, *,
                 host: str = "127.0.0.1", port: int = 0, token: str | None = None) -> None:  # fmt: skip
        self.source = source
        self.clock = clock or SystemClock()
        self.host = host
        self.port = port
        self.token = token or secrets.token_urlsafe(16)
        self.view = source.frame(self.clock.now())
        self._sent: StageView | None = None
        self._clients: set[asyncio.Queue[str]] = set()
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None

    # -- running ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/{self.token}/"

    def allowed_hosts(self) -> set[str]:
        names = {self.host, f"[{self.host}]"}
        if self.host == "127.0.0.1":
            names.add("localhost")
        return {f"{name}:{self.port}" for name in names}

    async def start(self) -> None:
        app = web.Application(middlewares=[self._guard])
        prefix = f"/{self.token}/"
        app.router.add_get(prefix, self._page, allow_head=False)
        app.router.add_get(prefix + "stage.css", self._css, allow_head=False)
        app.router.add_get(prefix + "stage.js", self._js, allow_head=False)
        app.router.add_get(prefix + "events", self._events, allow_head=False)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        server = site._server  # the bound port, when 0 asked for any free one
        if self.port == 0 and server is not None:
            sockets = getattr(server, "sockets", None) or []
            self.port = sockets[0].getsockname()[1]
        self.tick()
        self._ticker = asyncio.create_task(self._tick_forever())

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        for queue in list(self._clients):
            queue.put_nowait("")  # each stream ends
        if self._runner is not None:
            await self._runner.cleanup()

    async def _tick_forever(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            self.tick()

    def tick(self) -> int:
        """Follow the journal and send the frame to every viewer if it changed; how many
        viewers it was sent to."""
        now = self.clock.now()
        self.source.poll(now)
        self.view = self.source.frame(now)
        if self._sent is not None and _shape(self.view) == _shape(self._sent):
            return 0
        self._sent = self.view
        event = self._event(self.view)
        for queue in self._clients:
            queue.put_nowait(event)
        return len(self._clients)

    def _event(self, view: StageView) -> str:
        data: dict[str, Any] = {**view.as_data(), "server_time": self.clock.now()}
        return f"event: frame\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"

    @property
    def viewers(self) -> int:
        return len(self._clients)

    # -- answering --------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.method != "GET" or request.host not in self.allowed_hosts():
            return self._not_found()
        try:
            response: web.StreamResponse = await handler(request)
        except web.HTTPException:
            return self._not_found()
        return response

    def _not_found(self) -> web.Response:
        return web.Response(status=404, text="Not found\n", headers=HEADERS)

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(text=page.html(self.view), content_type="text/html",
                            headers=HEADERS)  # fmt: skip

    async def _css(self, request: web.Request) -> web.Response:
        return web.Response(text=page.CSS, content_type="text/css", headers=HEADERS)

    async def _js(self, request: web.Request) -> web.Response:
        return web.Response(text=page.JS, content_type="text/javascript", headers=HEADERS)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={**HEADERS, "Content-Type": "text/event-stream"})
        await response.prepare(request)
        queue: asyncio.Queue[str] = asyncio.Queue()
        queue.put_nowait(self._event(self.view))
        self._clients.add(queue)
        try:
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), KEEPALIVE)
                except asyncio.TimeoutError:
                    event = ": still here\n\n"
                if not event:
                    break
                await response.write(event.encode("utf-8"))
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._clients.discard(queue)
        return response


def lan_address() -> str:
    """This computer's address on its local network (no packet is sent to find it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: routing only
            address: str = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.1"
    return address


def qr_text(url: str) -> str:
    """The address as a QR code drawn with blocks, for a phone's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out, compact=True, border=2)
    return out.getvalue()


def serve(source: StageSource, *, lan: bool = False, port: int = 0) -> int:
    """Serve until ctrl+c, printing the address and its QR code."""
    from facilitator.views import stage_words as say

    server = StageServer(source, host=lan_address() if lan else "127.0.0.1", port=port)

    async def run() -> None:
        await server.start()
        lines = say.serving(server.url, lan)
        print("\n".join(lines[:2]))
        print(qr_text(server.url))
        print("\n".join(lines[2:]), flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await server.stop()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0
