"""The notices the app has shown, readable by tests and by the app itself."""

from __future__ import annotations

from textual.app import App
from textual.notifications import SeverityLevel


class NoticeLog(App[int]):
    """An App that also keeps each notice's words in ``notices`` (oldest first)."""

    notices: list[str]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        if not hasattr(self, "notices"):
            self.notices = []
        self.notices.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
