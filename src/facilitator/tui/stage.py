"""``facilitator stage``: a read-only full-screen window for the room (projector, video call).

It draws what a :class:`~facilitator.views.stage.StageView` says, from the journal of the open
session, followed once a second by :class:`~facilitator.session.stage.StageSource`. It takes no
key but q (and ctrl+q): nothing typed here reaches the meeting, and nothing of the meeting but
the stage view reaches this window.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget

from facilitator.clock import Clock, SystemClock
from facilitator.session.stage import StageSource
from facilitator.tui.widgets.text import Plain
from facilitator.views.bigdigits import big
from facilitator.views.stage import StageView, waiting

TICK = 0.5  # seconds: one stat of the journal, and a frame when it changed (within 1 s of a key)


class BigClock(Widget):
    """The countdown in digits that fill the widget."""

    DEFAULT_CSS = "BigClock { height: 1fr; content-align: center middle; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.digits = ""

    def show(self, digits: str) -> None:
        if digits != self.digits:
            self.digits = digits
            self.refresh()

    def render(self) -> Content:
        rows = big(self.digits, self.size.width, self.size.height) if self.digits else ()
        return Content("\n".join(rows) if rows else self.digits)


class StageApp(App[None]):
    """What the room may see, and nothing else."""

    TITLE = "facilitator stage"
    CSS = """
    Screen { background: black; color: white; }
    Screen.over { background: white; color: black; }
    Screen.warning #cue { text-style: bold reverse; }
    #board { height: 1fr; padding: 0 1; }
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
        with Vertical(id="board"):
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
        self.set_interval(TICK, self.tick)

    def tick(self) -> None:
        """Follow the journal (one stat when nothing changed) and draw the frame."""
        now = self.clock.now()
        self.source.poll(now)
        self.show(self.source.frame(now))

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
            label.show(text)
            label.display = bool(text)

    def frame_text(self) -> list[str]:
        """Every text the window shows now (for tests that check what the room sees)."""
        return self.view.texts()
