"""``facilitator stage``: a read-only full-screen window for the room (projector, video call).

It draws what a :class:`~facilitator.views.stage.StageView` says, from the journal of the open
session, followed once a second by :class:`~facilitator.session.stage.StageSource`: each look
is timed to just after the countdown's digits change (:func:`~facilitator.views.stage.next_look`),
so one stat of the journal and one frame a second keep the clock exact. It takes no
key but q (and ctrl+q): nothing typed here reaches the meeting, and nothing of the meeting but
the stage view reaches this window.
"""

from __future__ import annotations

from os.path import commonprefix

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from facilitator.clock import Clock, SystemClock
from facilitator.session.stage import StageSource
from facilitator.tui.widgets.text import Plain
from facilitator.views.bigdigits import big
from facilitator.views.stage import StageView, next_look, waiting

WRAPPED = {"question", "message"}  # the labels that may take more than one row


class BigClock(Widget):
    """The countdown in digits that fill the widget, drawn with the line API: a tick that
    changes the digits builds their rows once, as plain segments."""

    DEFAULT_CSS = "BigClock { height: 1fr; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.digits = ""
        self._rows: list[Strip] | None = None

    def show(self, digits: str) -> None:
        """Repaint only the columns that changed (most ticks: the last digit)."""
        if digits == self.digits:
            return
        before = self._rows
        self.digits = digits
        self._rows = None
        width, height = self.size
        if before is None or not width or not height:
            self.refresh()
            return
        self._rows = after = self._build(width, height)
        changed = _changed_columns([a.text for a in before], [b.text for b in after])
        if changed is not None:
            self.refresh(Region(changed[0], 0, changed[1] - changed[0], height))

    def on_resize(self) -> None:
        self._rows = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows = None

    def render_line(self, y: int) -> Strip:
        if self._rows is None:
            self._rows = self._build(self.size.width, self.size.height)
        return self._rows[y] if y < len(self._rows) else Strip.blank(self.size.width)

    def _build(self, width: int, height: int) -> list[Strip]:
        style = self.rich_style
        rows = list(big(self.digits, width, height)) if self.digits else []
        if not rows and self.digits:
            rows = [self.digits]  # smaller than any font: the digits as text
        top = (height - len(rows)) // 2
        blank = Strip([Segment(" " * width, style)], width)
        out = [blank] * top
        for row in rows:
            row = row[:width]
            left = (width - len(row)) // 2  # block characters are one cell wide
            text = " " * left + row + " " * (width - left - len(row))
            out.append(Strip([Segment(text, style)], width))
        return out + [blank] * (height - len(out))


def _changed_columns(before: list[str], after: list[str]) -> tuple[int, int] | None:
    """The span of columns ``[start, end)`` where two drawings of the same size differ."""
    start, end = None, 0
    for old, new in zip(before, after):
        if old == new:
            continue
        head = len(commonprefix([old, new]))
        tail = len(commonprefix([old[::-1], new[::-1]]))
        start = head if start is None else min(start, head)
        end = max(end, max(len(old), len(new)) - tail)
    return None if start is None else (start, max(end, start + 1))


class StageApp(App[None]):
    """What the room may see, and nothing else."""

    TITLE = "facilitator stage"
    CSS = """
    Screen { background: black; color: white; padding: 0 1; }
    Screen.over { background: white; color: black; }
    Screen.warning #cue { text-style: bold reverse; }
    #headline, #item, #cue, #speaker, #next { height: 1; }
    #headline { color: $text-muted; text-align: center; }
    #item { text-style: bold; text-align: center; }
    BigClock { text-style: bold; }
    #cue { text-align: center; text-style: bold; }
    #speaker, #next { text-align: center; }
    #speaker { text-style: bold; }
    #question { text-align: center; text-style: italic; max-height: 3; }
    #message { text-align: center; text-style: bold; border-top: solid; max-height: 3; }
    """
    BINDINGS = [Binding("q", "quit", "Quit", show=False)]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, source: StageSource, clock: Clock | None = None) -> None:
        super().__init__()
        self.source = source
        self.clock = clock or SystemClock()
        self.view: StageView = waiting("")

    def compose(self) -> ComposeResult:
        # Straight on the screen, with no container: a tick repaints one widget fewer.
        yield Plain("", id="headline")
        yield Plain("", id="item")
        yield BigClock(id="digits")
        yield Plain("", id="cue")
        yield Plain("", id="speaker")
        yield Plain("", id="next")
        yield Plain("", id="question")
        yield Plain("", id="message")

    def on_mount(self) -> None:
        self.tick()

    def tick(self) -> None:
        """Follow the journal (one stat when nothing changed), draw the frame, and come back
        when the digits next change (within a second)."""
        now = self.clock.now()
        self.source.poll(now)
        self.show(self.source.frame(now))
        self.set_timer(next_look(self.view), self.tick)

    def show(self, view: StageView) -> None:
        if view == self.view:
            return
        self.view = view
        self.screen.set_class(view.over, "over")
        self.screen.set_class(view.warning, "warning")
        self.query_one(BigClock).show(view.digits)
        speaker = "  ·  ".join(p for p in (view.speaker, view.turn) if p)
        texts = {"headline": view.headline, "item": view.item, "cue": view.cue,
                 "speaker": speaker, "next": view.next, "question": view.question,
                 "message": view.message}  # fmt: skip
        for name, text in texts.items():
            label = self.query_one(f"#{name}", Plain)
            label.show(text, layout=name in WRAPPED)  # one-row labels: no layout pass a tick
            if label.display != bool(text):
                label.display = bool(text)

    def frame_text(self) -> list[str]:
        """Every text the window shows now (for tests that check what the room sees)."""
        return self.view.texts()
