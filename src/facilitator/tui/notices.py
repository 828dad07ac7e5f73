"""What the app has told the facilitator, in order, for whoever needs to read it back (tests)."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel


class NoticeLog(App[int]):
    """Put before ``App`` in an app's bases: each notification's message is also appended to
    ``notices``, in the order given, and kept after its toast has gone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[str] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notices.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
