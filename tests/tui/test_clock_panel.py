"""The clock panel: what a tick repaints, how ticks keep to the second, and what it draws."""

from __future__ import annotations

import pytest
from textual.timer import Timer
from textual.widget import Widget

from facilitator.clock import FakeClock
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.clock import ClockFace, ClockPanel
from tests.factories import MS150, PEOPLE
from tests.tui.helpers import meeting_app, settle


async def test_a_tick_repaints_the_clock_and_no_more_than_its_neighbours(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")  # a round: digits and the speaker's time both move
        clock.advance(seconds=1)
        app.screen.ticker.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        painted: list[str] = []
        render_lines = Widget.render_lines

        def spy(widget: Widget, crop):  # type: ignore[no-untyped-def]
            painted.append(widget.id or type(widget).__name__)
            return render_lines(widget, crop)

        monkeypatch.setattr(Widget, "render_lines", spy)
        clock.advance(seconds=1)
        app.screen.ticker.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        # The screen and its three children; not the timeline, footer or text below the clock.
        assert sorted(set(painted)) == ["MeetingScreen", "body", "clock", "head"], painted


async def test_ticks_keep_to_the_second_and_realign_when_they_drift(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        screen = app.screen
        screen.ticker.schedule()  # type: ignore[attr-defined]
        assert screen.ticker.aligner is not None  # type: ignore[attr-defined]
        clock.advance(seconds=0.02)
        screen.ticker.start_ticking()  # type: ignore[attr-defined]  # as the aligner would
        assert screen.ticker.aligner is None  # type: ignore[attr-defined]
        clock.advance(seconds=1)  # the next tick, just after the next whole second
        screen.ticker.tick()  # type: ignore[attr-defined]
        assert screen.ticker.aligner is None  # type: ignore[attr-defined]
        clock.advance(seconds=0.5)  # the laptop slept: ticks now land mid-second
        screen.ticker.tick()  # type: ignore[attr-defined]
        assert screen.ticker.aligner is not None  # type: ignore[attr-defined]
        await pilot.press("space")  # paused: a slow tick for the time of day, no aligning
        assert screen.ticker.aligner is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12)])
async def test_panel_rows_fill_the_width_and_show_names_literally(
    clock: FakeClock, size: tuple[int, int]
) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=size) as pilot:
        panel = app.screen.query_one(ClockPanel)
        speaker = "Speaking: [b]Zoë 🌱 ليلى " + "very long name " * 8
        panel.show(ClockFace("+1:02:03", "OVERTIME", 0.5, speaker, over=True))
        await pilot.pause()
        rows = [panel.render_line(y) for y in range(panel.size.height)]
        assert all(row.cell_length == panel.size.width for row in rows)
        assert any("Speaking: [b]Zoë 🌱 ليلى" in row.text for row in rows)
        assert panel.has_class("over")
        if size == (80, 24):  # big digits at the left
            assert rows[0].text[:26].strip() and "OVERTIME" in rows[0].text[26:]
        elif size == (60, 20):  # narrower: the digits take only their own width
            assert 10 < rows[0].text.index("OVERTIME") < 26 and rows[0].text[:10].strip()
        else:  # too few rows for digits: the cue line comes first
            assert rows[0].text.startswith("OVERTIME")


async def test_one_repeating_tick_however_many_actions(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every timer a meeting screen asks Textual for (through its public set_timer and
    # set_interval), with what it calls; a timer is live until stopped, or until it has fired
    # once when it does not repeat.
    asked: list[tuple[object, Timer, object]] = []
    done: set[int] = set()

    def spy(method: str, repeat: bool) -> None:
        real = getattr(MeetingScreen, method)

        def asking(screen, delay, callback, *args, **kwargs):  # type: ignore[no-untyped-def]
            def fire() -> object:
                if not repeat:
                    done.add(id(timer))
                return callback()

            timer = real(screen, delay, fire, *args, **kwargs)
            asked.append((screen, timer, callback))
            return timer

        monkeypatch.setattr(MeetingScreen, method, asking)

    spy("set_timer", repeat=False)
    spy("set_interval", repeat=True)
    real_stop = Timer.stop

    def stop(timer: Timer) -> None:
        done.add(id(timer))
        real_stop(timer)

    monkeypatch.setattr(Timer, "stop", stop)
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen

        def ticking(callback: str = "tick") -> list[Timer]:
            wanted = getattr(screen.ticker, callback)  # type: ignore[attr-defined]
            return [timer for owner, timer, called in asked
                    if owner is screen and called == wanted and id(timer) not in done]  # fmt: skip

        await pilot.press("space", "plus", "minus", "n", "p", "s", "space", "space")
        clock.advance(seconds=0.02)  # just past the second, where the aligner fires
        screen.ticker.start_ticking()  # type: ignore[attr-defined]  # the aligner firing...
        screen.ticker.start_ticking()  # type: ignore[attr-defined]  # ...twice, however unlikely
        await pilot.pause()
        assert len(ticking()) == 1
        await pilot.press("space")  # paused: a tick each minute replaces the one each second
        await pilot.pause()
        assert len(ticking()) == 0
        assert len(ticking("minute_tick")) == 1


async def test_the_timeline_narrows_with_the_terminal(clock: FakeClock) -> None:
    from facilitator import catalog
    from facilitator.tui.widgets.timeline import Timeline

    app = meeting_app(catalog.find_agenda("mutual-support-150"), clock, list(PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        timeline = app.screen.query_one(Timeline)

        def item_width() -> int:
            return timeline.columns["item"].get_render_width(timeline)  # type: ignore[index]

        await pilot.press("space")
        await pilot.pause()
        assert item_width() > 30  # "Ice breaker: CosmoPolitical Jasette" whole
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert item_width() <= 16  # cut titles, and no column pushed out of sight


def test_a_line_too_long_loses_its_last_parts_first() -> None:
    from rich.cells import cell_len

    from facilitator.tui.widgets.clock import fit

    line = "Speaking: Ana  00:02 of 06:15 · next: Bo · passed: Cy"
    assert fit(line, 80) == line
    assert fit(line, 45) == "Speaking: Ana  00:02 of 06:15 · next: Bo"
    assert fit(line, 30) == "Speaking: Ana  00:02 of 06:15"
    cut = fit("Speaking: Zoë 🌱 ليلى  00:02 of 06:15", 16)
    assert cut.endswith("…") and cell_len(cut) <= 16
    assert fit("anything", 0) == ""
    # The speaker line keeps who is next, cut, when there is room for some of it.
    assert fit(line, 45, cut=True) == "Speaking: Ana  00:02 of 06:15 · next: Bo"
    long = "Speaking: [bold]Zoë[/bold]  00:00 of 05:28 · next: 😀 Émile"
    assert fit(long, 56, cut=True) == "Speaking: [bold]Zoë[/bold]  00:00 of 05:28 · next: 😀 É…"
    assert fit(long, 56) == "Speaking: [bold]Zoë[/bold]  00:00 of 05:28"  # the cue drops it
    assert fit(long, 54, cut=True) == "Speaking: [bold]Zoë[/bold]  00:00 of 05:28"  # no room
    many = line + ", Dee, Eli, Fay"
    assert (
        fit(many, 64, cut=True)
        == "Speaking: Ana  00:02 of 06:15 · next: Bo · passed: Cy, Dee, Eli…"
    )


def test_counting_up_and_counting_down_change_together() -> None:
    from facilitator.timewords import mmss

    assert mmss(659.98) == "11:00"  # a countdown shows a second until it has passed
    assert mmss(0.02, up=True) == "00:00"  # time spent shows only whole seconds
    assert mmss(1.0, up=True) == "00:01"
    assert mmss(-0.5) == "00:00" and mmss(-61) == "01:01"


async def test_a_new_speaker_starts_at_zero_and_words_match_the_digits(clock: FakeClock) -> None:
    app = meeting_app(MS150, clock, list(PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        clock.advance(seconds=0.02)  # the first tick after the item began
        app.screen.ticker.tick()  # type: ignore[attr-defined]
        face = app.screen.query_one(ClockPanel).face
        assert face.speaker.startswith(f"Speaking: {PEOPLE[0]}  00:00 of ")
        minutes = int(face.digits.split(":")[0])
        assert face.cue == f"{minutes} min left of {minutes} min"


async def test_a_long_name_is_cut_so_the_turn_and_who_is_next_stay_in_view(
    clock: FakeClock,
) -> None:
    app = meeting_app(MS150, clock, ["Anastasia Papadopoulou", "Bo", "Chen"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n")
        await settle(app)
        panel = app.screen.query_one(ClockPanel)
        rows = [panel.render_line(y).text for y in range(panel.size.height)]
        line = next(row for row in rows if "Speaking:" in row)
        assert "Speaking: Anastasia Papadopou…  00:00 of " in line
        assert line.rstrip().endswith("· next: Bo")
