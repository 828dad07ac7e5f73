"""A text field of a form whose typing keeps up with the keyboard.

Keys that arrive in one read (fast typing, a paste of "Tuesday<tab>Ana, Bo", SSH) reach the
field that had the focus when they were read. Tab moves the focus at once here, and the keys
queued behind it are handed, in order, to the field that has the focus now.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FormField(Input):
    async def _on_key(self, event: events.Key) -> None:
        """Runs before Input's own handler (Textual walks the classes in order)."""
        if self.screen.focused is not self:  # queued behind a tab: the field now in focus takes it
            target = self.screen.focused
            event.stop()
            event.prevent_default()
            if target is not None and target is not self:
                target.post_message(events.Key(event.key, event.character))
        elif event.key in ("tab", "shift+tab"):
            event.stop()
            event.prevent_default()
            if event.key == "tab":
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
