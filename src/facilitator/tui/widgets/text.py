"""Labels that show users' text literally and only repaint when it changes."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Plain(Static):
    """A Static whose text is never read as markup."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(Content(text), **kwargs)  # type: ignore[arg-type]
        self._shown: str | Content = text

    @property
    def text(self) -> str:
        """The text shown, without its styles."""
        shown = self._shown
        return shown.plain if isinstance(shown, Content) else shown

    def show(self, text: str | Content, *, layout: bool = True) -> None:
        """Show ``text``; ``layout=False`` for fixed-size widgets skips a layout pass."""
        if text == self._shown:
            return
        self._shown = text
        self.update(text if isinstance(text, Content) else Content(text), layout=layout)
