"""Keys that arrive in one read (fast typing, SSH) never leak out of, or into, the text field."""

from __future__ import annotations

from textual import events

from facilitator.clock import FakeClock
from facilitator.tui.app import FacilitatorApp
from tests.factories import MS150, PEOPLE
from tests.tui.helpers import meeting_app

NAMES = {" ": "space", "\r": "enter", "\t": "tab"}


async def burst(pilot, app: FacilitatorApp, text: str) -> None:  # type: ignore[no-untyped-def]
    """Every key of ``text`` queued before any is handled, as one read from the terminal
    delivers them."""
    for char in text:
        key = NAMES.get(char, char)
        app.post_message(events.Key(key, None if key == "enter" else char))
    await pilot.pause()
    await pilot.pause()


async def test_e_and_a_word_in_one_burst_types_the_word(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, PEOPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")  # expectations
        m = app.meeting
        assert m is not None
        current, speaker = m.state.current, m.run.speaker
        await burst(pilot, app, "enice")  # n would move on, s would change the speaker
        assert (m.state.current, m.run.speaker) == (current, speaker)
        await burst(pilot, app, "\r")
        assert [e.text for e in m.entries(current)] == ["nice"]


async def test_enter_and_a_key_in_one_burst_keeps_the_key_for_the_meeting(
    clock: FakeClock,
) -> None:
    app = meeting_app(MS150, clock, PEOPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        m = app.meeting
        assert m is not None
        first = m.run.speaker
        await pilot.press("e", *"heard")
        await burst(pilot, app, "\rs")
        assert [e.text for e in m.entries(m.state.current)] == ["heard"]
        assert m.run.speaker != first  # s gave the floor to the next person


async def test_an_entry_has_a_length_limit_and_says_so(clock: FakeClock) -> None:
    from facilitator.meeting.events import MAX_TEXT

    app = meeting_app(MS150, clock, PEOPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n", "e")
        field = app.screen.query_one("#entry")
        field.insert_text_at_cursor("x" * (MAX_TEXT + 500))  # a paste  # type: ignore[attr-defined]
        await pilot.pause()
        assert len(field.value) == MAX_TEXT  # type: ignore[attr-defined]
        assert any("at most 10,000 characters" in n for n in app.notices)


async def test_set_up_typed_in_one_burst_fills_each_field(clock: FakeClock) -> None:
    """ "Tuesday<tab>Ana, Bo" in one read: the group and the participants, each in its field."""
    from facilitator.session.startup import Startup

    app = FacilitatorApp(clock, Startup(setup="mutual-support-150"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await burst(pilot, app, "Tuesday\tAna, Bo, Chen\t19:30")
        await pilot.pause()
        fields = app.screen.fields  # type: ignore[attr-defined]
        assert (fields.group, fields.participants, fields.start) == ("Tuesday", "Ana, Bo, Chen",
                                                                     "19:30")  # fmt: skip


def test_bursts_written_to_a_pty_land_where_they_were_typed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real program on a real pty: 'enice' in one write is an entry, not the next item;
    '\\r' then 's' in one write keeps the s for the meeting."""
    import os
    import pty
    import select
    import signal
    import sys
    import time
    from pathlib import Path

    from facilitator import paths
    from facilitator.journal.load import load

    root = Path(__file__).resolve().parents[2]
    data = tmp_path / "data"
    env = {**os.environ, "FACILITATOR_DATA_DIR": str(data), "TERM": "xterm-256color",
           "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}  # fmt: skip
    args = [sys.executable, "-m", "facilitator", "run", "mutual-support-150", "--participants",
            "Ana,Bo,Chen,Dee,Eli,Fay"]  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, args, env)
    seen = b""

    def wait_for(text: bytes, seconds: float = 15) -> None:
        nonlocal seen
        deadline = time.monotonic() + seconds
        while text not in seen and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                seen += os.read(fd, 65536)
        assert text in seen, text

    def journal():  # type: ignore[no-untyped-def]
        paths.set_data_dir(data)
        try:
            return load(next((data / "sessions").glob("*.jsonl"))).state
        finally:
            paths.set_data_dir(None)

    try:
        wait_for(b"READY")
        for keys, then in ((b" ", b"RUNNING"), (b"n", b"Expectation of Ana")):
            os.write(fd, keys)
            wait_for(then)
        os.write(fd, b"enice")  # one read: e opens the field, the word goes into it
        wait_for(b"nice")
        os.write(fd, b"\rs")  # one read: the entry is written, s gives Bo the floor
        wait_for(b"Expectation of Bo")
        state = journal()
        assert state.current == 2 and state.item.speaker == "Bo"
        assert [(e.text, e.person) for e in state.entries.values()] == [("nice", "Ana")]
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
