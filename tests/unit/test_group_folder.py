"""Two facilitators, two laptops, one group folder carried by a file-sync tool (played here by
copying files both ways, in both orders, with conflict copies and a half-synced file)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from facilitator import catalog, groupfolder, paths
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.groups import Group, load_group, save_group
from facilitator.journal.changes import Change, ChangeWriter, device_id
from facilitator.meeting.meeting import creation_event
from facilitator.review.queries import list_sessions, open_followups
from facilitator.session.service import SessionService

DAY = 1_800_000_000.0  # 2027-01-15, 08:00 UTC


class Laptop:
    """One facilitator's laptop: its own data folder, and its copy of the shared folder."""

    def __init__(self, root: Path, name: str) -> None:
        self.data = root / name / "data"
        self.shared = root / name / "Sync" / "tuesday"

    def __enter__(self) -> Laptop:
        paths.set_data_dir(self.data)
        return self

    def __exit__(self, *exc: object) -> None:
        paths.set_data_dir(None)


def sync(source: Path, target: Path) -> None:
    """What a sync tool does between two copies of the folder: new files and files that grew
    (each file has one writer, so the longer copy is the newer) go across."""
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        there = target / path.relative_to(source)
        if not there.exists() or there.stat().st_size < path.stat().st_size:
            there.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, there)


def both_ways(a: Laptop, b: Laptop, order: str = "ab") -> None:
    pairs = [(a.shared, b.shared), (b.shared, a.shared)]
    for source, target in pairs if order == "ab" else pairs[::-1]:
        sync(source, target)


def run_meeting(clock: FakeClock, people: list[str], followup: str) -> tuple[str, str]:
    """A short mutual-support meeting of the Tuesday group: a question drawn at the ice
    breaker, a follow-up in the core. The question and the session id."""
    agenda = catalog.find_agenda("mutual-support-150")
    service = SessionService(clock)
    session = f"s-{int(clock.now())}-{device_id()}"
    meeting = service.start(creation_event(agenda, session=session, group="Tuesday",
                                           participants=people, t=clock.now()))  # fmt: skip
    meeting.toggle()
    while agenda.items[meeting.state.current].deck != "jasette":
        meeting.next_item()
    drawer = Drawer("Tuesday", session=session, rng=random.Random(7))
    _, question = drawer.draw("jasette", meeting.state)
    assert question is not None
    meeting.record_draw("jasette", question.text)
    while not agenda.items[meeting.state.current].flexible:
        clock.advance(minutes=5)
        meeting.next_item()
    meeting.add_entry("followups", followup, owner=people[1])
    clock.advance(minutes=10)
    meeting.end()
    ended = service.end()
    assert not ended.failed, ended.message
    return question.text, session


def test_two_facilitators_share_one_memory_through_a_synced_folder(tmp_path: Path) -> None:
    a, b = Laptop(tmp_path, "ana"), Laptop(tmp_path, "bo")
    clock = FakeClock(DAY)
    with a:
        save_group(Group("Tuesday", participants=["Ana", "Bo", "Chen"], roles={"host": ["Ana"]}))
        placed = groupfolder.place("Tuesday", a.shared, clock.now())
        assert not placed.joined
        asked, first = run_meeting(clock, ["Ana", "Bo", "Chen", "Dee"], "send the letter")
        record = groupfolder.locate(first, ".md")
        assert record.parent == a.shared / "sessions" and record.is_file()
        assert not (paths.sessions_dir() / f"{first}.jsonl").exists()  # moved, not copied
    both_ways(a, b)

    clock.advance(minutes=14 * 24 * 60)
    with b:
        joined = groupfolder.place("tuesday", b.shared, clock.now())
        assert joined.joined and joined.problems == []
        group = load_group("Tuesday")
        assert group.participants[:4] == ["Ana", "Bo", "Chen", "Dee"] and group.roles["host"] == [
            "Ana"
        ]
        assert [s.id for s in list_sessions(group="Tuesday")] == [first]
        (mine,) = open_followups("Tuesday")
        assert (mine.text, mine.owner) == ("send the letter", "Bo")  # the second person's
        for seed in range(25):  # B never draws the question A's meeting had
            agenda = catalog.find_agenda("mutual-support-150")
            state = creation_event(agenda, session="x", group="Tuesday", participants=["Bo"],
                                   t=clock.now())  # fmt: skip
            from facilitator.meeting.meeting import Meeting

            drawer = Drawer("Tuesday", rng=random.Random(seed))
            _, question = drawer.draw("jasette", Meeting.create(state, clock).state)
            assert question is not None and question.text != asked
        second_asked, second = run_meeting(clock, ["Bo", "Chen", "Eli"], "book the room")
        writer = ChangeWriter(groupfolder.changes_folder("Tuesday"), clock.now())
        writer.append(Change(clock.now(), mine.ref, "done"))
        writer.close()
    both_ways(a, b, "ba")

    with a:
        assert {f.text for f in open_followups("Tuesday")} == {"book the room"}  # B closed Bo's
        assert {s.id for s in list_sessions(group="Tuesday")} == {first, second}
        assert second_asked != asked


def test_settings_edited_on_both_laptops_follow_the_written_rule(tmp_path: Path) -> None:
    a, b = Laptop(tmp_path, "ana"), Laptop(tmp_path, "bo")
    with a:
        save_group(Group("Tuesday", participants=["Ana", "Bo"]))
        groupfolder.place("Tuesday", a.shared, DAY)
    both_ways(a, b)
    with b:
        groupfolder.place("Tuesday", b.shared, DAY + 60)
    for order in ("ab", "ba"):
        with a:  # the same day: Ana in the morning, Bo in the evening; Ana's people later
            group = load_group("Tuesday")
            group.rhythm = {"kind": "weekly", "weekday": 1, "time": "19:00"}
            save_group(group, now=DAY + 3600)
        with b:
            group = load_group("Tuesday")
            group.rhythm = {"kind": "weekly", "weekday": 3, "time": "18:30"}
            save_group(group, now=DAY + 10 * 3600)
        with a:
            group = load_group("Tuesday")
            group.participants = ["Ana", "Bo", "Fay"]
            save_group(group, now=DAY + 11 * 3600)
        both_ways(a, b, order)
        for laptop in (a, b):  # last writer wins, field by field, by the time written
            with laptop:
                group = load_group("Tuesday")
                assert group.rhythm == {"kind": "weekly", "weekday": 3, "time": "18:30"}
                assert group.participants == ["Ana", "Bo", "Fay"]


def test_equal_times_go_to_the_greater_device_id(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    groupfolder.append_settings(folder, "aaaa1111", {"airtime": "off"}, DAY)
    groupfolder.append_settings(folder, "ffff0000", {"airtime": "record"}, DAY)
    groupfolder.append_settings(folder, "bbbb2222", {"airtime": "on"}, DAY)
    assert groupfolder.read_settings(folder, [])["airtime"] == "record"


def test_conflict_copies_and_torn_lines_are_read_safely_and_reported(tmp_path: Path) -> None:
    a, b = Laptop(tmp_path, "ana"), Laptop(tmp_path, "bo")
    clock = FakeClock(DAY)
    with a:
        save_group(Group("Tuesday", participants=["Ana", "Bo"]))
        groupfolder.place("Tuesday", a.shared, clock.now())
        _, first = run_meeting(clock, ["Ana", "Bo", "Chen"], "ask the library")
        own = b.shared / groupfolder.settings_file(a.shared, device_id()).relative_to(a.shared)
    sync(a.shared, b.shared)
    sessions = b.shared / "sessions"
    # A sync tool's conflict copies: of a journal, and of a settings file holding a later
    # change; and a settings file caught half-synced.
    shutil.copy(sessions / f"{first}.jsonl",
                sessions / f"{first}.sync-conflict-20270115-101500-ABCDEFG.jsonl")  # fmt: skip
    conflict = own.with_name(f"{own.stem} (Bo's conflicted copy 2027-01-15).jsonl")
    shutil.copy(own, conflict)
    groupfolder.append_settings(b.shared, "zz", {"airtime": "record"}, DAY + 99)
    (b.shared / "settings" / "zz.jsonl").rename(conflict.with_name("scratch"))
    with open(conflict, "ab") as out:
        out.write((conflict.with_name("scratch")).read_bytes())
    with open(own.with_name("half.jsonl"), "wb") as out:
        out.write(b'{"at":"2027-01-15T09:00:00+00:00","type":"group_setting","field":"lang')
    with b:
        groupfolder.place("Tuesday", b.shared, clock.now())
        assert load_group("Tuesday").airtime == "record"  # the conflict copy's change is kept
        assert [s.id for s in list_sessions(group="Tuesday")] == [first]  # once, not twice
        problems = groupfolder.check(b.shared)
    said = "\n".join(problems)
    assert "sync-conflict" in said and "conflicted copy" in said
    assert "half.jsonl:1:1: skipped an incomplete last line" in said
    assert (sessions / f"{first}.sync-conflict-20270115-101500-ABCDEFG.jsonl").exists()


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_nothing_is_lost_in_either_order_of_sync(tmp_path: Path, order: str) -> None:
    a, b = Laptop(tmp_path, "ana"), Laptop(tmp_path, "bo")
    clock = FakeClock(DAY)
    with a:
        groupfolder.place("Tuesday", a.shared, clock.now())
    both_ways(a, b)
    with b:
        groupfolder.place("Tuesday", b.shared, clock.now())
    written: set[str] = set()
    for round_ in range(2):  # both meet before syncing: two meetings on each side
        for laptop, person in ((a, "Ana"), (b, "Bo")):
            with laptop:
                clock.advance(minutes=180)
                text = f"round {round_} of {person}"
                run_meeting(clock, [person, "Chen", "Dee"], text)
                written.add(text)
        both_ways(a, b, order)
    both_ways(a, b, order)
    for laptop in (a, b):
        with laptop:
            assert {f.text for f in open_followups("Tuesday")} == written
            assert len(list_sessions(group="Tuesday")) == 4


def test_a_group_cannot_be_placed_in_another_groups_folder(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    groupfolder.place("Tuesday", folder, DAY)
    with pytest.raises(groupfolder.PlaceError, match="holds the group"):
        groupfolder.place("Thursday", folder, DAY)
    with pytest.raises(groupfolder.PlaceError, match="inside this laptop's data folder"):
        groupfolder.place("Thursday", paths.data_dir() / "x", DAY)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    (settings,) = (folder / "settings").iterdir()
    assert oct(settings.stat().st_mode & 0o777) == "0o600"
