"""The command palette's system commands: the screen's own actions by name, then Textual's."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen


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
        name, _, _ = binding.action.partition("(")
        if not screen.check_action(name, ()) or (offers is not None and not offers(name)):
            continue
        titles.add(binding.description)
        words = f"{binding.tooltip} · " if binding.tooltip else ""
        yield SystemCommand(
            binding.description,
            f"{words}key {app.get_key_display(binding)}",
            lambda a=binding.action: app.call_later(screen.run_action, a),
        )
    for command in textual:
        if command.title == "Quit":
            command = SystemCommand(
                "Quit", "leave facilitator (in a meeting, asks first: it can be resumed)",
                command.callback,
            )  # fmt: skip
        if command.title not in titles and command.title != "Screenshot":
            yield command
