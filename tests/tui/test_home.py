"""Home as a group member sees it after editing their own agenda."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from facilitator import catalog
from facilitator.clock import FakeClock
from facilitator.tui.app import FacilitatorApp, Startup
from facilitator.tui.widgets.text import Plain
from tests.tui.helpers import notices
from tests.tui.test_snapshots import home_ready

BROKEN = """title: "Our evening"
roles: [host]
items:
  - title: Arrival
    minutes: ten
  - title: Round
    kind: round
    minutes: 10
    first: hots
    guidence: Each person says how they are.
"""


def shown(app: FacilitatorApp, widget_id: str) -> str:
    return app.screen.query_one(f"#{widget_id}", Plain).text


async def highlight(pilot: Pilot[int], agenda_id: str) -> None:
    """Home with the agenda ``agenda_id`` highlighted in its list."""
    await home_ready(pilot)
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(agenda_id)
    await pilot.pause()


async def test_an_agenda_with_errors_is_listed_by_its_title_with_every_error(
    clock: FakeClock, data_dir: Path
) -> None:
    (data_dir / "agendas").mkdir(parents=True)
    (data_dir / "agendas" / "our-evening.yaml").write_text(BROKEN, encoding="utf-8")
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await home_ready(pilot)
        options = app.screen.query_one(OptionList)
        await highlight(pilot, "our-evening")
        assert str(options.highlighted_option.prompt) == "★ Our evening (has errors)"  # type: ignore[union-attr]
        last = options.option_count - 1  # after the agendas of every language
        assert (options.highlighted, str(options.get_option_at_index(last - 1).prompt)) == (
            last, "Files with errors")  # fmt: skip
        assert shown(app, "agenda-title") == "Our evening has 3 errors"
        problems = shown(app, "agenda-timeline").replace("\n", " ")  # wrapped to fit
        assert "line 5, column 14: 'minutes' must be a number" in problems
        assert "line 9, column 12: 'first' is 'hots'" in problems
        assert "did you mean 'host'?" in problems and "did you mean 'guidance'?" in problems
        assert "allowed:" not in problems  # the long list is left to agendas validate
        await pilot.press("enter")
        assert "fix them first" in " ".join(notices(app))


async def test_a_long_description_ends_in_an_ellipsis(clock: FakeClock) -> None:
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await highlight(pilot, "case-clinic")
        about = shown(app, "agenda-about").splitlines()
        assert len(about) == 4 and about[-1].endswith("…")
        description = catalog.find_agenda("case-clinic").description or ""
        assert " ".join(about)[:-2].split()[:5] == description.split()[:5]


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("title: 'Our [b]evening\x1b]0;x\x07'  # ours", "Our [b]evening]0;x"),
        ('title: "Issue #3 evening"', "Issue #3 evening"),
        ("title: 'It''s ours'", "It's ours"),
        ("title: Plain words # a comment", "Plain words"),
        ("title: >", "x.yaml"),  # folded onto the next lines: not guessed
        ("id: x", "x.yaml"),
    ],
)
def test_a_title_is_read_even_from_a_file_that_does_not_parse(
    tmp_path: Path, first_line: str, title: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"{first_line}\nitems: [unclosed\n  - title: Not the agenda's\n")
    assert catalog.guess_title(path) == title


async def test_more_errors_than_fit_say_how_many_more(clock: FakeClock, data_dir: Path) -> None:
    items = "".join(f"  - title: Item {n}\n    minutes: ten\n" for n in range(12))
    (data_dir / "agendas").mkdir(parents=True)
    (data_dir / "agendas" / "ours.yaml").write_text(f"title: Ours\nitems:\n{items}")
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await highlight(pilot, "ours")
        assert shown(app, "agenda-title") == "Ours has 12 errors"
        lines = shown(app, "agenda-timeline").splitlines()
        timeline = app.screen.query_one("#agenda-timeline")
        assert len(lines) <= timeline.size.height
        shown_errors = sum(line.startswith("line ") for line in lines)
        assert lines[-1].startswith(f"… and {12 - shown_errors} more: facilitator agendas validate")


async def test_a_round_timed_per_person_says_so_in_the_preview(clock: FakeClock) -> None:
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        await highlight(pilot, "open-meetup")
        timeline = shown(app, "agenda-timeline")
        assert "Round 1: my challenges (3 min each)" in timeline
        assert "Welcome (" not in timeline


async def test_a_hostile_file_name_and_key_never_reach_the_screen_raw(
    clock: FakeClock, data_dir: Path
) -> None:
    name = "x\x1b]0;pwned\x07"
    (data_dir / "agendas").mkdir(parents=True)
    (data_dir / "agendas" / f"{name}.yaml").write_text(
        'title: T\n"\\e]52;c;UFdORUQ=\\e\\\\": 1\nitems:\n  - title: A\n    minutes: 5\n'
    )
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        await highlight(pilot, "x]0;pwned")
        about, problems = shown(app, "agenda-about"), shown(app, "agenda-timeline")
        assert "x]0;pwned.yaml" in about and "unknown key ']52;c;UFdORUQ=\\'" in problems
        assert not any(ch in about + problems for ch in "\x1b\x07")


async def test_every_hostile_file_together_leaves_home_the_meeting_and_the_review_working(
    clock: FakeClock, data_dir: Path
) -> None:
    """Home lists the bundled agendas beside the hostile ones, the 150-minute meeting sets up
    and runs, and the review opens; no control character reaches a shown line."""
    from facilitator.tui.screens.meeting import MeetingScreen
    from facilitator.tui.screens.review import ReviewScreen
    from facilitator.tui.screens.setup import SetupScreen
    from tests.unit.test_hostile_files import hostile_data_dir, no_controls

    hostile_data_dir(data_dir)
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        await home_ready(pilot)
        listed = app.screen.query_one(OptionList)
        labels = [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]
        assert any("Mutual support meeting" in label for label in labels)
        assert all(no_controls(label) for label in labels)
        for n in range(listed.option_count):  # every panel is drawn without a crash
            listed.highlighted = n
            await pilot.pause()
            assert no_controls(shown(app, "agenda-about") + shown(app, "agenda-timeline"))
        await highlight(pilot, "mutual-support-150")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press(*"Tuesday", "tab", *"Ana, Bo, Chen, Dee, Eli, Fay", "ctrl+s")
        await pilot.press("enter", "enter")  # asked once for the group: a record, no names
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("space", "q", "y")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert all(no_controls(n) for n in app.notices)


async def test_home_groups_the_agendas_by_language(clock: FakeClock) -> None:
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(80, 24)) as pilot:
        await highlight(pilot, "open-meetup")  # the last English agenda
        options = app.screen.query_one(OptionList)
        rows = [options.get_option_at_index(n) for n in range(options.option_count)]
        headings = [str(o.prompt) for o in rows if o.disabled]
        assert headings == ["English · en", "Deutsch · de", "Español · es", "Français · fr",
                            "Italiano · it"]  # fmt: skip
        assert rows[0].disabled and rows[1].id == "case-clinic"
        await pilot.press("down")  # over the German heading, to the first German agenda
        assert options.highlighted_option is not None
        assert options.highlighted_option.id == "case-clinic-de"
        assert shown(app, "agenda-title").startswith("Case Clinic (kollegiale Fallberatung)")


async def test_home_lists_the_saved_summaries_at_once_then_the_agendas_read(
    clock: FakeClock,
) -> None:
    from textual.widgets import OptionList

    from facilitator.catalog_cache import agenda_summaries

    agenda_summaries()  # as 'agendas list', or an earlier Home, left them
    app = FacilitatorApp(clock, Startup())
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.home_screen
        options = home.query_one(OptionList)
        listed = [options.get_option_at_index(n).prompt for n in range(options.option_count)]
        assert any("Mutual support meeting" in str(p) for p in listed)  # in the first frame
        await app.workers.wait_for_complete()
        await pilot.pause()
        again = [options.get_option_at_index(n).prompt for n in range(options.option_count)]
        assert [str(p) for p in again] == [str(p) for p in listed]  # the same list, read
        assert home.query_one("#agenda-title", Plain).text.startswith("Mutual support meeting")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
