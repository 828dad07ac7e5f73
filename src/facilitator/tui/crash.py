"""What the app prints when it stops on an error: never local variables.

Textual's own report shows the locals of every frame, and they may hold private notes while the
screen is projected. The journal already holds everything acknowledged.
"""

from __future__ import annotations

from textual.app import App


def quiet_fatal_error(app: App[int]) -> None:
    import rich
    from rich.segment import Segments
    from rich.text import Text
    from rich.traceback import Traceback

    app.bell()
    trace = Traceback(show_locals=False, width=None, suppress=[rich])
    renderables = app._exit_renderables  # Textual prints these once the app has stopped
    renderables.append(Segments(app.console.render(trace, app.console.options)))
    renderables.append(Text(
        "facilitator stopped on an error. Everything acknowledged is saved: "
        "run facilitator again to resume the meeting."))  # fmt: skip
    app._close_messages_no_wait()
