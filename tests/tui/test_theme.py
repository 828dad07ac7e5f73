"""The theme chosen in the app is remembered for the next run."""

from __future__ import annotations

from facilitator import paths
from facilitator.settings import Settings, load_settings, save_settings
from facilitator.tui.app import FacilitatorApp, Startup


async def test_the_chosen_theme_is_remembered() -> None:
    app = FacilitatorApp(startup=Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
    assert load_settings().theme == "textual-light"
    assert (paths.data_dir() / "settings.json").stat().st_mode & 0o777 == 0o600
    again = FacilitatorApp(startup=Startup())
    async with again.run_test(size=(80, 24)):
        assert again.theme == "textual-light"


async def test_an_unknown_or_broken_theme_setting_is_ignored() -> None:
    save_settings(Settings(theme="no-such-theme"))
    app = FacilitatorApp(startup=Startup())
    async with app.run_test(size=(80, 24)):
        assert app.theme == "textual-dark"
    (paths.data_dir() / "settings.json").write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    app = FacilitatorApp(startup=Startup())
    async with app.run_test(size=(80, 24)):
        assert app.theme == "textual-dark"
