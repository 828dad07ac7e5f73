"""Capturing entries during an item: a field, who it is for, and what was said before."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from facilitator.text import clean
from facilitator.tui.widgets.text import Plain
from facilitator.views.meeting import Capture as CaptureView


class Capture(Vertical):
    DEFAULT_CSS = """
    Capture { height: auto; }
    Capture Input { height: 3; }
    Capture #earlier { color: $text-muted; }
    Capture #entries { color: $text-muted; max-height: 3; }
    """

    @dataclass
    class Submitted(Message):
        text: str

    def compose(self) -> ComposeResult:
        yield Plain("", id="prompt")
        yield Plain("", id="earlier")
        # A draft kept with escape is added to, not replaced by the next key.
        yield Input(placeholder="press e to write", id="entry", select_on_focus=False)
        yield Plain("", id="entries")

    def show(self, view: CaptureView) -> None:
        self.query_one("#prompt", Plain).show(view.prompt)
        self.query_one("#earlier", Plain).show(view.earlier)
        self.query_one("#earlier", Plain).display = bool(view.earlier)
        self.query_one("#entries", Plain).show("\n".join(view.entries))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value).strip()
        event.input.value = ""
        if text:
            self.post_message(self.Submitted(text))
