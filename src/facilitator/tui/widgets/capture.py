"""Capturing entries during an item: a field, who it is for, and what was said before."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from facilitator.i18n import _
from facilitator.meeting.events import MAX_TEXT
from facilitator.text import clean
from facilitator.tui.widgets.text import Plain
from facilitator.views.meeting import Capture as CaptureView
from facilitator.views.meeting import too_long


class EntryField(Input):
    """The entry field. Keys that arrive in the same read as the one that closes it (enter
    then s, typed fast or over SSH) are the meeting's, not the field's: once submitted, it
    takes no key until it is focused again."""

    closed = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return not self.closed and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        """Runs before Input's own handler (Textual walks the classes in order)."""
        if self.closed:  # not ours: Input does not type it, it goes on to the screen's keys
            event.prevent_default()
        elif event.key == "enter":  # here, before the keys behind it in the same read
            event.stop()
            event.prevent_default()
            await self.action_submit()

    def on_focus(self) -> None:
        self.closed = False

    def insert_text_at_cursor(self, text: str) -> None:
        """Typed or pasted: an entry holds at most MAX_TEXT characters, and says so."""
        room = MAX_TEXT - len(self.value)
        if len(text) > room:
            text = text[: max(0, room)]
            self.app.notify(too_long(), markup=False, severity="warning")
        super().insert_text_at_cursor(text)

    async def action_submit(self) -> None:
        """The words go at once, and the meeting's keys are back before the next key."""
        text = clean(self.value).strip()
        self.value = ""
        self.closed = True
        self.screen.set_focus(None)
        capture = self.parent
        if text and isinstance(capture, Capture):
            capture.post_message(Capture.Submitted(text))


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
        yield EntryField(placeholder=_("press e to write"), id="entry", select_on_focus=False)

        yield Plain("", id="entries")

    def show(self, view: CaptureView) -> None:
        self.query_one("#prompt", Plain).show(view.prompt)
        self.query_one("#earlier", Plain).show(view.earlier)
        self.query_one("#earlier", Plain).display = bool(view.earlier)
        self.query_one("#entries", Plain).show("\n".join(view.entries))

    @property
    def field(self) -> EntryField:
        return self.query_one(EntryField)
