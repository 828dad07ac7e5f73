"""The agenda as a timeline: done / current / next, with planned, actual and projected times."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from facilitator.i18n import pgettext
from facilitator.text import ellipsize
from facilitator.views.meeting import TimelineRow


class Timeline(DataTable[Text]):
    DEFAULT_CSS = """
    Timeline { height: auto; max-height: 100%; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="none", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        self._signature: tuple[object, ...] = ()
        self._title_width = 0
        self.can_focus = False

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        # The headings, no wider than the English (the titles' width is counted from those).
        headings = {"": "", "item": pgettext("timeline", "item"),
                    "planned": pgettext("timeline", "planned"),
                    "actual": pgettext("timeline", "actual"),
                    "projected": pgettext("timeline", "projected"),
                    "mins": pgettext("timeline", "mins")}  # fmt: skip
        for key, label in headings.items():
            # Text, not str: a str label is read as markup, which loads Rich's emoji table.
            self.add_column(Text(label), key=key or "mark")

    def show(self, timeline: tuple[TimelineRow, ...], title_width: int = 40) -> None:
        rows = [(r.status, r.mark, ellipsize(r.title, title_width), r.planned, r.actual,
                 r.projected, r.minutes) for r in timeline]  # fmt: skip
        signature = tuple(rows)
        if signature == self._signature:
            return
        self._signature = signature
        if title_width < self._title_width:  # narrower: columns only ever grow, so start anew
            self.clear(columns=True)
            self._add_columns()
        else:
            self.clear()
        self._title_width = title_width
        current = next((n for n, row in enumerate(rows) if row[0] == "current"), None)
        if current is not None:
            self.call_after_refresh(self._reveal, current)
        for status, mark, label, planned, actual, projected, mins in rows:
            style = {"done": "dim", "current": "bold reverse", "skipped": "dim strike"}.get(
                status, ""
            )
            self.add_row(
                Text(mark),
                Text(label, style=style, no_wrap=True, overflow="ellipsis"),
                Text(planned),
                Text(actual),
                Text(projected),
                Text(mins, justify="right"),
            )

    def _reveal(self, row: int) -> None:
        """Keep the current item in view (with the one after it, when there is room)."""
        visible = max(1, self.scrollable_content_region.height - self.header_height)
        if not self.scroll_y <= row < self.scroll_y + visible - 1:
            self.scroll_to(y=max(0, row - visible + 2), animate=False)
