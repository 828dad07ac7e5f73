"""A demining note in the bundled 150-minute meeting: on screen while the meeting lasts, then in
no file of the data folder, nor in the record, the review, a search or what is shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import catalog
from facilitator.cli.main import main
from facilitator.clock import FakeClock
from facilitator.tui.screens.review_views import SessionScreen
from tests.tui.helpers import meeting_app, next_item

SECRET = "Dee has a migraine"
SESSION = "2027-01-15-0800-tuesday-abcd"


def holding(folder: Path, words: str) -> list[str]:
    """Every file under ``folder`` whose bytes hold ``words``, by its path inside it."""
    needle = words.encode()
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and needle in p.read_bytes())  # fmt: skip


async def test_a_demining_note_is_kept_nowhere_once_the_meeting_ends(
    clock: FakeClock, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ms150 = catalog.find_agenda("mutual-support-150")
    app = meeting_app(ms150, clock, ["Ana", "Bo", "Dee", "Eli"])
    async with app.run_test(size=(100, 30)) as pilot:
        m = app.meeting
        await pilot.press("space")
        assert m.agenda.items[m.state.current].title == "Demining"
        await pilot.press("N", *SECRET, "enter")
        shown = app.export_screenshot().replace("&#160;", " ")
        assert SECRET in shown and "Demining · off the record" in shown
        assert holding(data_dir, SECRET) == [f"sessions/{SESSION}.off"]
        while not m.agenda.items[m.state.current].title.startswith("Core"):
            clock.advance(60)
            await next_item(pilot)
        await pilot.press("N", *"Repair cafés fix kettles", "enter", "x")
        await pilot.press("q", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert m.status == "ended"
        assert holding(data_dir, SECRET) == []
        assert holding(data_dir, "Repair cafés") == [f"sessions/{SESSION}.jsonl",
                                                     f"sessions/{SESSION}.md"]  # fmt: skip
        review = SessionScreen(SESSION)
        await app.push_screen(review)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "Repair" in shown and "migraine" not in shown
        await pilot.press("x")  # the share digest
        await pilot.pause()
    assert (data_dir / "sessions" / f"{SESSION}.share.md").exists()
    capsys.readouterr()
    for args in (["search", "kettles"], ["show", "latest"], ["share", "latest"],
                 ["share", "latest", "--format", "eml"],
                 *(["export", "latest", "--format", f] for f in ("html", "txt", "csv", "json"))):  # fmt: skip
        assert main(["sessions", *args]) == 0
        said = capsys.readouterr().out
        assert said and "migraine" not in said, args
    assert main(["sessions", "search", "migraine"]) in (0, 1)
    assert SESSION not in capsys.readouterr().out
    assert holding(data_dir, "migraine") == []  # the index, the caches, the digest: nowhere


async def test_after_a_crash_during_demining_the_note_is_back_on_screen_until_the_end(
    data_dir: Path,
) -> None:
    import os
    import signal
    import subprocess
    import sys

    from facilitator.journal.load import load
    from facilitator.journal.store import journal_path
    from facilitator.tui.app import FacilitatorApp, Startup

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
    child = subprocess.run([sys.executable, "-m", "tests.crash_off_child", str(data_dir)],
                           cwd=root, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert child.returncode == -signal.SIGKILL and child.stdout == "written\n", child.stderr
    assert holding(data_dir, SECRET) == ["sessions/crash-off.off"]
    clock = FakeClock(load(journal_path("crash-off")).last + 90)
    app = FacilitatorApp(clock, Startup(resume="crash-off"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        m = app.meeting
        assert m is not None and m.agenda.items[m.state.current].title == "Demining"
        shown = app.export_screenshot().replace("&#160;", " ")
        assert SECRET in shown and "off the record" in shown
        await pilot.press("n")
        assert [e.text for e in m.entries()] == [SECRET]  # still there, on another item
        await pilot.press("q", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert m.status == "ended"
    assert holding(data_dir, SECRET) == []


async def test_set_up_asks_once_whether_the_group_keeps_a_record_and_shares_names(
    clock: FakeClock, data_dir: Path
) -> None:
    from textual.widgets import Input

    from facilitator.groups import load_group
    from facilitator.tui.app import FacilitatorApp, Startup
    from facilitator.tui.screens.confirm import PickOne
    from facilitator.tui.screens.setup import SetupScreen

    ms150 = catalog.find_agenda("mutual-support-150")
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(SetupScreen(ms150, clock, "Quiet group"))
        await pilot.pause()
        app.screen.query_one("#participants", Input).value = "Ana, Bo, Dee"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PickOne) and "keep a record" in app.screen.question
        await pilot.press("escape")  # not answered: nothing starts, and it is asked again
        assert app.meeting is None and load_group("Quiet group").keeps_record is None
        await pilot.press("ctrl+s", "down", "enter")  # no record
        await pilot.pause()
        assert isinstance(app.screen, PickOne) and "names" in app.screen.question
        await pilot.press("down", "enter")  # names may be shared
        await pilot.pause()
        m = app.meeting
        assert m is not None and m.state.off_record and m.state.names_shared
        await pilot.press("space")
        while not m.agenda.items[m.state.current].title.startswith("Core"):
            await next_item(pilot)
        await pilot.press("N", *"Bo: the heating is fixed", "enter")
        assert m.entries()[0].off and m.state.entries == {}
        await pilot.press("q", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
    saved = load_group("Quiet group")
    assert saved.keeps_record is False and saved.names_shared is True
    assert holding(data_dir, "heating") == []
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(SetupScreen(ms150, clock, "Quiet group"))
        await pilot.pause()
        await pilot.press("ctrl+s")  # asked once: the meeting starts at once
        await pilot.pause()
        assert app.meeting is not None and app.meeting.state.off_record


async def test_the_entries_list_marks_off_the_record_and_names_one_entry(
    clock: FakeClock,
) -> None:
    from facilitator.tui.screens.entries import EntriesScreen
    from tests.tui.helpers import notices

    ms150 = catalog.find_agenda("mutual-support-150")
    app = meeting_app(ms150, clock, ["Ana", "Bo", "Dee"])
    async with app.run_test(size=(100, 30)) as pilot:
        m = app.meeting
        await pilot.press("space", "N", *SECRET, "enter", "x")
        assert any("never shared" in n for n in notices(app)) and not m.entries()[0].share
        await pilot.press("E")
        assert isinstance(app.screen, EntriesScreen)
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "[off the record]" in shown
        await pilot.press("n", "x")  # neither named nor shared: it is off the record
        assert not m.entries()[0].named and not m.entries()[0].share
        await pilot.press("escape", "n")
        await pilot.press("N", *"Repair cafés fix kettles", "enter")
        await pilot.press("E", "x", "n")
        entry = m.entries(m.state.current)[0]
        assert entry.share and entry.named and not entry.off
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "[to share]  [with the name]" in shown
