"""Settings: damaged files fall back to defaults; keys a newer version wrote are kept."""

from __future__ import annotations

import json

from facilitator import paths
from facilitator.settings import Settings, load_settings, save_settings


def test_damaged_or_absurd_settings_fall_back_to_defaults() -> None:
    file = paths.data_dir() / "settings.json"
    assert load_settings() == Settings()  # no file yet
    file.parent.mkdir(parents=True, exist_ok=True)
    for text in ("{not json", "[" * 200_000, '"a string"', '{"theme": 7}', "\udcff"):
        file.write_text(text, encoding="utf-8", errors="surrogateescape")
        assert load_settings() == Settings(), text[:10]


def test_keys_this_version_does_not_know_are_kept() -> None:
    file = paths.data_dir() / "settings.json"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps({"theme": "nord", "font": "large"}), encoding="utf-8")
    settings = load_settings()
    assert settings.theme == "nord"
    settings.theme = "textual-light"
    save_settings(settings)
    assert json.loads(file.read_text(encoding="utf-8")) == {
        "theme": "textual-light",
        "font": "large",
    }
    assert file.stat().st_mode & 0o777 == 0o600
