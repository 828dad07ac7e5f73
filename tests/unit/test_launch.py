"""From the command line to what the app opens with (no terminal needed)."""

from __future__ import annotations

import argparse

import pytest

from facilitator.clock import FakeClock
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import creation_event
from facilitator.tui.launch import startup_from
from tests.factories import MS150


def args(**given: object) -> argparse.Namespace:
    defaults = {"agenda": None, "group": None, "participants": None, "newcomer": False,
                "start": None, "resume": None}  # fmt: skip
    return argparse.Namespace(**{**defaults, **given})


def session(clock: FakeClock, name: str, *, ended: bool = False):  # type: ignore[no-untyped-def]
    first = creation_event(MS150, session=name, group="g", participants=["Ana"], t=clock.now())
    handle, meeting = start_session(first, clock)
    meeting.toggle()
    if ended:
        meeting.end()
    return handle


def test_resume_latest_skips_a_meeting_open_in_another_window() -> None:
    clock = FakeClock()
    session(clock, "older").close()
    clock.advance(minutes=5)
    busy = session(clock, "newer")  # still open: another facilitator has it
    try:
        startup = startup_from(args(resume="latest"), clock)  # type: ignore[arg-type]
        assert startup is not None and startup.resume == "older"
    finally:
        busy.close()


def test_resuming_a_meeting_that_has_ended_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    session(clock, "done", ended=True).close()
    assert startup_from(args(resume="done"), clock) is None  # type: ignore[arg-type]
    assert "has ended" in capsys.readouterr().err


def test_run_with_a_group_keeps_the_roles_its_people_held() -> None:
    from facilitator.groups import Group, save_group

    save_group(Group("Moon", roles={"case giver": ["Dee"], "coach": ["Ana", "Bo", "Zed"]}))
    startup = startup_from(args(agenda="case-clinic", group="Moon", participants="Ana,bo,Dee"),
                       FakeClock())  # type: ignore[arg-type]  # fmt: skip
    assert startup is not None and startup.first is not None
    assert startup.first.roles == {"case giver": ("Dee",), "coach": ("Ana", "bo")}


def test_the_exit_status_is_not_zero_after_a_crash(monkeypatch) -> None:
    """Textual sets the app's return code to 1 when it stops on an error: so does the program."""
    import argparse
    import sys

    from facilitator.tui import app as app_module
    from facilitator.tui import launch as launch_module

    class Crashed:
        return_code = 1

        def __init__(self, *args: object) -> None:
            pass

        def run(self) -> None:
            pass

    monkeypatch.setattr(app_module, "FacilitatorApp", Crashed)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(launch_module, "startup_from", lambda args, clock: launch_module.Startup())
    assert launch_module.launch(argparse.Namespace()) == 1
    Crashed.return_code = None  # type: ignore[assignment]
    assert launch_module.launch(argparse.Namespace()) == 0


def test_run_with_a_name_written_twice_says_so_as_the_meeting_opens() -> None:
    given = args(agenda="mutual-support-150", participants="Ana, Bo, ana, Chen")
    startup = startup_from(given, FakeClock())  # type: ignore[arg-type]
    assert startup is not None and startup.first is not None
    assert startup.first.participants == ("Ana", "Bo", "Chen")
    assert startup.notice.startswith("“Ana” is written 2 times (“Ana”, “ana”): kept once.")
    plain = startup_from(args(agenda="mutual-support-150", participants="Ana, Bo"), FakeClock())  # type: ignore[arg-type]
    assert plain is not None and plain.notice == ""
