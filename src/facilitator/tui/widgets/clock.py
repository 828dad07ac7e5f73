"""The clock panel: big digits, the cue, a progress bar and the speaker line, as one widget.

One widget rather than five on purpose. When something changes, Textual repaints every widget
whose clip overlaps the changed rows. With the digits, cue, bar and speaker as separate widgets
inside nested containers, a once-a-second tick repainted fifteen widgets; this panel, as a direct
child of the screen, repaints four (the screen, this panel and the two containers beside it).
It draws with the line API; users' text (the speaker's name) becomes plain segments, never markup.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.renderables.digits import Digits
from textual.strip import Strip
from textual.widget import Widget

from facilitator.views.fitting import fit
from facilitator.views.meeting import ClockFace

DIGITS_WIDTH = 18  # "+00:00"; hours ("1:47:00") take more, for as long as they last
GAP = 2


class ClockPanel(Widget):
    COMPONENT_CLASSES = {"clock--digits", "clock--cue", "clock--bar", "clock--speaker"}
    DEFAULT_CSS = """
    ClockPanel { height: 3; padding: 0 1; }
    ClockPanel.tiny { height: 2; }
    ClockPanel > .clock--bar { color: $primary; }
    ClockPanel > .clock--speaker { text-style: bold; }
    ClockPanel.warning > .clock--digits, ClockPanel.warning > .clock--cue { color: $warning; }
    ClockPanel.over > .clock--digits,
    ClockPanel.over > .clock--cue,
    ClockPanel.over > .clock--bar { color: $error; text-style: bold; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.face = ClockFace()
        self._lines: list[Strip] | None = None  # all rows, built on the first render_line
        self._styles: dict[str, Style] | None = None

    def show(self, face: ClockFace) -> None:
        """Repaint only when something visible changed (no layout: the height is fixed)."""
        if face == self.face:
            return
        self.set_class(face.over, "over")
        self.set_class(face.warning and not face.over, "warning")
        self.face = face
        self._lines = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._lines = None

    def on_resize(self) -> None:
        self._lines = None

    def render_line(self, y: int) -> Strip:
        if self._lines is None:
            self._lines = self._render_rows(self.size.width)
        return self._lines[y] if y < len(self._lines) else Strip.blank(self.size.width)

    def _style(self, name: str) -> Style:
        if self._styles is None:
            base = self.rich_style
            styles = {"base": base}
            for part in ("digits", "cue", "bar", "speaker"):
                styles[part] = base + self.get_component_rich_style(f"clock--{part}", partial=True)
            styles["bar-rest"] = styles["bar"] + Style(dim=True)
            self._styles = styles
        return self._styles[name]

    def _render_rows(self, width: int) -> list[Strip]:
        base = self._style("base")
        text_only = self.has_class("textclock")
        if self.has_class("compact"):  # narrow: the digits take only what they need
            digits_width = Digits.get_width(self.face.digits) + 1
        else:
            digits_width = max(DIGITS_WIDTH, Digits.get_width(self.face.digits)) + GAP
        side_width = width if text_only else max(0, width - digits_width)
        names = ["cue", "speaker"] if self.has_class("tiny") else ["cue", "bar", "speaker"]
        side = [self._side_line(name, side_width) for name in names]
        if text_only:
            return side
        digits_style = self._style("digits")
        digits = _digit_lines(self.face.digits, digits_style)
        rows = []
        for y in range(max(3, len(side))):
            left = Strip([Segment(digits[y] if y < 3 else "", digits_style)])
            right = side[y] if y < len(side) else Strip.blank(side_width, base)
            rows.append(
                Strip.join([left.adjust_cell_length(digits_width, base), right]).crop(0, width)
            )
        return rows

    def _side_line(self, name: str, width: int) -> Strip:
        if name == "bar":
            done = round(min(1.0, max(0.0, self.face.fraction)) * width)
            return Strip(
                [
                    Segment("━" * done, self._style("bar")),
                    Segment("─" * (width - done), self._style("bar-rest")),
                ]
            )
        text = self.face.cue if name == "cue" else self.face.speaker
        # One row each; who is next may be cut ("next: Émi…") rather than lost.
        text = fit(text.replace("\n", " ").replace("\t", " "), width, cut=name == "speaker")
        return Strip([Segment(text, self._style(name))]).adjust_cell_length(
            width, self._style("base")
        )


def _digit_lines(value: str, style: Style) -> list[str]:
    """The three rows of Textual's digit font for ``value`` (its bold font when ``style`` is)."""
    segments = [part for part in Digits(value).render(style) if isinstance(part, Segment)]
    lines = "".join(segment.text for segment in segments).split("\n")
    return (lines + ["", "", ""])[:3]
