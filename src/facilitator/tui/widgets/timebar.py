"""A thin progress line for the current item; repaints only when a cell changes.

Textual's ProgressBar keeps its own one-second timer for its ETA, which would double the
meeting screen's wake-ups; this bar has no timer at all.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TimeBar(Widget):
    DEFAULT_CSS = """
    TimeBar { height: 1; color: $primary; }
    TimeBar.over { color: $error; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._fraction = 0.0
        self._cells = -1

    def show(self, fraction: float) -> None:
        self._fraction = min(1.0, max(0.0, fraction))
        cells = round(self._fraction * max(1, self.size.width))
        if cells != self._cells:
            self._cells = cells
            self.refresh()

    def render(self) -> Text:
        width = max(1, self.size.width)
        done = round(self._fraction * width)
        text = Text("━" * done)
        text.append("─" * (width - done), style="dim")
        return text
