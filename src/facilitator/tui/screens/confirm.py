"""Small modal dialogs: confirm, ask for a name, pick a person."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from facilitator.i18n import _
from facilitator.text import clean_line
from facilitator.tui.widgets.text import Plain


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(self.question, classes="dialog-title")
            yield Plain(_("y or enter: yes    n or escape: no"), classes="dialog-hint")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class QuitQuestion(Confirm):
    """Quitting during a meeting: asked once (ctrl+q while it is shown means yes)."""

    def __init__(self) -> None:
        super().__init__(
            _("Quit facilitator now? The meeting stays unfinished: start facilitator again "
              "to resume it where it is (q ends it properly, with its record).")
        )  # fmt: skip


class AskText(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("tab", "complete", show=False)]

    def __init__(self, question: str, placeholder: str = "", value: str = "",
                 choices: Sequence[str] = (), *, allow_empty: bool = False) -> None:  # fmt: skip
        super().__init__()
        self.allow_empty = allow_empty  # enter on an empty field answers "" (escape: None)
        self.question = question
        self.placeholder = placeholder
        self.value = value
        self.choices = list(choices)  # offered as completions (tab or right arrow takes one)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(self.question, classes="dialog-title")
            suggester = (SuggestFromList(self.choices, case_sensitive=False)
                         if self.choices else None)  # fmt: skip
            yield Input(self.value, placeholder=self.placeholder, id="answer",
                        suggester=suggester)  # fmt: skip
            yield Plain(_("enter: done    escape: cancel"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = clean_line(event.value)
        self.dismiss(answer if answer or self.allow_empty else None)

    def action_complete(self) -> None:
        """tab takes the completion offered, as the right arrow does."""
        field = self.query_one(Input)
        if field.cursor_at_end:
            field.action_cursor_right()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickOne(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, choices: list[str]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(self.question, classes="dialog-title")
            yield OptionList(*[Option(Text(c), id=str(i)) for i, c in enumerate(self.choices)])
            yield Plain(_("enter: choose    escape: cancel"), classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
