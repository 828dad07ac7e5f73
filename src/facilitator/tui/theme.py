"""The theme the facilitator last chose, remembered between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

if TYPE_CHECKING:
    from textual.theme import Theme

    from facilitator.settings import Settings


class ThemeMemory:
    def __init__(self, app: App[int]) -> None:
        self.app = app
        self.settings: Settings | None = None

    def restore(self) -> None:
        from facilitator.settings import load_settings

        self.settings = settings = load_settings()
        if settings.theme in self.app.available_themes:
            self.app.theme = settings.theme
        self.app.theme_changed_signal.subscribe(self.app, self.remember)

    def remember(self, theme: Theme) -> None:
        from facilitator.settings import save_settings

        if self.settings is None or theme.name == self.settings.theme:
            return
        self.settings.theme = theme.name
        try:
            save_settings(self.settings)
        except OSError as exc:
            from facilitator.i18n import _

            said = _("Could not remember the theme: {error}").format(error=exc)
            self.app.notify(said, markup=False, severity="warning")
