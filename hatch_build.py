"""Compiles the translations (``src/facilitator/locale/*/LC_MESSAGES/*.po``) into the ``.mo``
files gettext reads, into the wheel only: the repository keeps the ``.po`` alone."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the .po files (facilitator.i18n)
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        self._out = Path(tempfile.mkdtemp(prefix="facilitator-mo-"))
        locale = Path(self.root) / "src" / "facilitator" / "locale"
        for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(locale).with_suffix(".mo")
            target = self._out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parts[-3])
            with target.open("wb") as out:
                write_mo(out, catalog)
            build_data["force_include"][str(target)] = f"facilitator/locale/{relative}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
