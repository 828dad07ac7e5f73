"""Plain: users' text shown literally, and read back by tests through ``text``."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from facilitator.tui.widgets.text import Plain


class OnePlain(App[None]):
    def compose(self) -> ComposeResult:
        yield Plain("[b]Zoë[/b] 🌱", id="label")


async def test_text_is_what_is_shown_without_styles() -> None:
    app = OnePlain()
    async with app.run_test(size=(40, 5)) as pilot:
        label = app.query_one("#label", Plain)
        assert label.text == "[b]Zoë[/b] 🌱"  # never read as markup
        label.show(Content.from_markup("[b]bold[/b] words"))
        await pilot.pause()
        assert label.text == "bold words"
        label.show("plain again")
        assert label.text == "plain again"
