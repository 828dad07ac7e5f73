"""A checkbox whose box is empty when off and ticked when on (not told apart by colour alone)."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        """The character in the box."""
        return "✓" if self.value else " "
