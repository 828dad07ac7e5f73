"""The command palette's system commands: the screen's own actions by name, then Textual's."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.i18n import _
from facilitator.tui.translate import words as textual_words


def screen_commands(
    app: App[int], screen: Screen[None], textual: Iterable[SystemCommand]
) -> Iterable[SystemCommand]:
    """What makes sense now on ``screen`` (its ``offers``), then Textual's own (theme, keys,
    quit), without a screenshot: a picture of private notes would land outside the private
    folder."""
    offers: Callable[[str], bool] | None = getattr(screen, "offers", None)
    titles: set[str] = set()
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        name = binding.action.partition("(")[0]
        if not screen.check_action(name, ()) or (offers is not None and not offers(name)):
            continue
        title = _(binding.description)
        titles.add(title)
        key = _("key {key}").format(key=app.get_key_display(binding))
        help_line = f"{_(binding.tooltip)} · {key}" if binding.tooltip else key
        yield SystemCommand(
            title, help_line, lambda a=binding.action: app.call_later(screen.run_action, a)
        )
    for command in textual:
        if command.title == "Screenshot":
            continue
        if command.title == "Quit":
            command = SystemCommand(
                _("Quit"), _("leave facilitator (in a meeting, asks first: it can be resumed)"),
                command.callback,
            )  # fmt: skip
        else:  # Textual's own: its words in the interface language
            command = SystemCommand(
                textual_words(command.title), textual_words(command.help), command.callback,
                command.discover,
            )  # fmt: skip
        if command.title not in titles:
            yield command
