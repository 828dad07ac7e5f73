"""A text to read in full: an item's guidance, which the meeting screen may have cut."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from facilitator.i18n import _
from facilitator.tui.widgets.text import Plain


class ReadingScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,g,q", "close", "Close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Plain(self.title_text, classes="dialog-title")
            yield Plain(self.text, id="reading")
            yield Plain(_("escape closes"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
