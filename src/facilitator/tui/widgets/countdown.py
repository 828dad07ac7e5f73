"""The big countdown: large digits when there is room, a plain line when there is not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits

from facilitator.tui.widgets.text import Plain


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { height: auto; width: auto; }
    Countdown Digits { width: auto; }
    Countdown #small { display: none; text-style: bold; }
    Countdown.compact Digits { display: none; }
    Countdown.compact #small { display: block; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._value = ""

    def compose(self) -> ComposeResult:
        yield Digits("00:00")
        yield Plain("00:00", id="small")

    def show(self, value: str, words: str = "") -> None:
        if value == self._value:
            return
        self._value = value
        self.query_one(Digits).update(value)
        self.query_one("#small", Plain).show(f"{words} {value}".strip())
