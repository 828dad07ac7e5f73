"""The big countdown: large digits, hidden on small terminals (the cue line then shows it)."""

from __future__ import annotations

from textual.widgets import Digits


class Countdown(Digits):
    DEFAULT_CSS = """
    Countdown { width: 26; }
    Countdown.compact { display: none; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("00:00", **kwargs)  # type: ignore[arg-type]
        self._value = "00:00"

    def show(self, value: str) -> None:
        if value != self._value:
            self._value = value
            self.update(value)
