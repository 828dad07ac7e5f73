"""What the app prints when it stops on an error: never local variables.

Textual's own report shows the locals of every frame, and they may hold private notes while the
screen is projected. The journal already holds everything acknowledged.
"""

from __future__ import annotations

from textual.app import App


def quiet_fatal_error(app: App[int]) -> None:
    import rich
    from rich.console import Group
    from rich.segment import Segments
    from rich.text import Text
    from rich.traceback import Traceback

    app.bell()
    trace = Traceback(show_locals=False, width=None, suppress=[rich])
    from facilitator.i18n import _

    words = Text(_("facilitator stopped on an error. Everything acknowledged is saved: "
                   "run facilitator again to resume the meeting."))  # fmt: skip

    # One renderable: Textual prints only the first one it is given (without --dev).
    report = Group(Segments(app.console.render(trace, app.console.options)), words)
    app._exit_renderables.append(report)
    app._close_messages_no_wait()
