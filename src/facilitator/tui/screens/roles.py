"""Who holds which role, changed during the meeting (Case Clinic begins by choosing them)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from facilitator.i18n import _
from facilitator.text import split_names
from facilitator.tui.widgets.text import Plain


class RolesScreen(ModalScreen[dict[str, list[str]] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, roles: list[str], holders: dict[str, list[str]]) -> None:
        super().__init__()
        self.roles = roles
        self.holders = holders

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Plain(_("Who holds which role?"), classes="dialog-title")
            for number, role in enumerate(self.roles):
                with Horizontal(classes="field"):
                    yield Label(role, classes="field-label", markup=False)
                    yield Input(", ".join(self.holders.get(role, [])), id=f"role-{number}",
                                placeholder=_("names, commas"))  # fmt: skip
            yield Plain(
                _(
                    "Someone not here yet is added.  enter: save    tab: next role    escape: cancel"
                ),
                classes="dialog-hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(
            {
                role: split_names(self.query_one(f"#role-{n}", Input).value)
                for n, role in enumerate(self.roles)
            }  # fmt: skip
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
