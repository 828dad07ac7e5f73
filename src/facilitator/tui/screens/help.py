"""Every key, in plain words: read from the screen's own bindings, so it never drifts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.i18n import _


def key_rows(
    bindings: Sequence[Binding | tuple[str, ...]], display: Callable[[str], str]
) -> list[tuple[str, str]]:
    """One row per thing to do: its keys as ``display`` names them ("0 to 4" for a run of
    digits) and its words."""
    keys: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.tooltip:
            names = [display(k.strip()) for k in binding.key.split(",")]
            keys.setdefault(_(binding.tooltip), []).extend(names)
    rows = []
    for words, names in keys.items():
        digits = len(names) > 2 and all(n.isdigit() for n in names)
        shown = (_("{first} to {last}").format(first=names[0], last=names[-1]) if digits
                 else _("  or  ").join(names))  # fmt: skip
        rows.append((shown, words))
    return rows


def keys_table(rows: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, words in rows:
        table.add_row(key, words)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss_help", "Close")]

    def __init__(self, bindings: Sequence[Binding | tuple[str, ...]]) -> None:
        super().__init__()
        self.bindings = bindings
        self.rows: list[tuple[str, str]] = []

    def on_mount(self) -> None:  # the app names keys as its footer and palette do
        def display(key: str) -> str:
            return self.app.get_key_display(Binding(key, ""))

        self.rows = [*key_rows(self.bindings, display),
                     (display("ctrl+p"), _("command palette: every action by name")),
                     (display("ctrl+q"), _("quit (asks first); the meeting can be resumed later"))]  # fmt: skip
        self.query_one("#keys", Static).update(keys_table(self.rows))

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(_("Keys in the meeting  (escape closes)"), classes="dialog-title")
            yield Static("", id="keys")
            yield Static(
                _("Typing in a text field never triggers these keys. Escape: close."),
                classes="dialog-hint",
            )

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
