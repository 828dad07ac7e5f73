"""NoticeLog: every notification's message, in order, readable after its toast has gone."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from facilitator.tui.notices import NoticeLog


class Noted(NoticeLog, App[int]):
    def compose(self) -> ComposeResult:
        yield Static("", id="label")

    def on_mount(self) -> None:
        self.notify("from the app", markup=False)
        self.screen.notify("from the screen", severity="warning")
        self.query_one("#label").notify("from a widget", timeout=0.01)


async def test_every_notification_is_kept_in_order() -> None:
    app = Noted()
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        assert app.notices == ["from the app", "from the screen", "from a widget"]
