"""Small modal dialogs: confirm, ask for a name, pick a person."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

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
            yield Plain("y or enter: yes    n or escape: no", classes="dialog-hint")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class QuitQuestion(Confirm):
    """Quitting during a meeting: asked once (ctrl+q while it is shown means yes)."""

    def __init__(self) -> None:
        super().__init__(
            "Quit facilitator now? The meeting stays unfinished: start facilitator again "
            "to resume it where it is (q ends it properly, with its record)."
        )


class AskText(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(self.question, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="answer")
            yield Plain("enter: done    escape: cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(clean_line(event.value) or None)

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
            yield Plain("enter: choose    escape: cancel", classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
