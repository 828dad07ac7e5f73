"""Every key, in plain words."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

MEETING_KEYS = [
    ("space", "start the meeting; pause; resume"),
    ("n", "end this item and go to the next one"),
    ("p", "go back to the previous item (it continues where it stopped)"),
    ("k", "skip this item and go to the next one"),
    ("+  /  -", "one more / one less minute for this item"),
    ("s", "next speaker (in a round)"),
    ("b", "this speaker passes for now: they get their turn at the end of the round"),
    ("o", "change the speaking order"),
    ("a", "add a participant who just arrived"),
    ("l", "a participant leaves"),
    ("e  or  enter", "write an entry (expectation, conclusion, note, follow-up, decision)"),
    ("escape", "leave the text field"),
    ("0 to 4", "in the conclusion: how far the speaker's expectations were met"),
    ("x", "mark the last entry to share with other groups (or unmark it)"),
    ("E", "see, edit and remove this item's entries"),
    ("d", "draw a question"),
    ("r", "draw another question (the first is kept as skipped, not asked)"),
    ("v", "switch to the item's alternative activity and back"),
    ("R", "retire the current question for this group: never again"),
    ("F", "follow-ups from earlier sessions: mark one done"),
    ("q", "end the meeting (asks first: y or enter ends it, n or escape goes back)"),
    ("?", "this help"),
    ("ctrl+p", "command palette: every action by name"),
]


def keys_table(rows: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, words in rows:
        table.add_row(key, words)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss_help", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static("Keys in the meeting", classes="dialog-title")
            yield Static(keys_table(MEETING_KEYS))
            yield Static(
                "Typing in a text field never triggers these keys. Escape: close.",
                classes="dialog-hint",
            )

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
