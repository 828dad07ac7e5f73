"""A follow-up's due date wherever the follow-up is: the record (in the group's language), the
index, `sessions followups`, the review's record view, the meeting's lines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitator import catalog, paths
from facilitator.cli.main import main
from facilitator.clock import FakeClock
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.record import render
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.review.queries import open_followups
from facilitator.review.sessiontext import entry_list
from facilitator.views.meeting import entry_line

TUESDAY = datetime(2026, 12, 8, 19, 0, tzinfo=UTC)
CORE = 4  # the core of the 150-minute meeting, in every language
SESSION = "2026-12-08-1900-tuesday-0001"


def core(agenda_id: str = "mutual-support-150", journal: bool = False) -> Meeting:
    clock = FakeClock(TUESDAY)
    writer = JournalWriter(paths.sessions_dir() / f"{SESSION}.jsonl") if journal else None
    first = creation_event(catalog.find_agenda(agenda_id), session=SESSION, group="Tuesday",
                           participants=["Ana", "Bo", "Chen"], t=clock.now())  # fmt: skip
    m = Meeting.create(first, clock, writer.append if writer else None)
    m.toggle()
    while m.state.current != CORE and m.next_item():
        pass
    return m


def test_the_record_says_by_when_beside_the_owner() -> None:
    m = core()
    m.write("followups", "Bo: send the letter by Friday")
    m.write("followups", "book the room by 15 Jan")  # nobody speaks: no owner
    m.write("followups", "Ana: call the hall")
    m.end()
    record = render(m.state, m.now())
    assert "- [ ] send the letter by Friday — Bo, by Fri, Dec 11\n" in record
    assert "- [ ] book the room by 15 Jan — by Fri, Jan 15, 2027\n" in record  # another year
    assert "- [ ] call the hall — Ana\n" in record


@pytest.mark.parametrize(
    ("agenda", "text", "line"),
    [
        ("mutual-support-150-fr", "Bo: envoyer la lettre d'ici vendredi",
         "envoyer la lettre d'ici vendredi — Bo, pour le ven. 11 déc."),
        ("mutual-support-150-de", "Bo: den Brief bis Freitag schicken",
         "den Brief bis Freitag schicken — Bo, bis Fr., 11. Dez."),
    ],
)  # fmt: skip
def test_the_record_says_it_in_the_groups_language(agenda: str, text: str, line: str) -> None:
    m = core(agenda)
    m.write("followups", text)
    m.end()
    assert f"- [ ] {line}\n" in render(m.state, m.now())


def test_the_meeting_and_the_review_show_it() -> None:
    m = core()
    entry = m.write("followups", "Bo: send the letter by Friday")
    assert entry_line(entry) == "• Bo: send the letter by Friday · due Fri, Dec 11"
    listed = entry_list(m.state, "followups")
    assert listed is not None and "— Bo · due Fri, Dec 11" in listed.plain


def test_the_index_and_sessions_followups_have_it(capsys: pytest.CaptureFixture[str]) -> None:
    m = core(journal=True)
    m.write("followups", "Bo: send the letter by Friday")
    m.write("followups", "Ana: call the hall")
    m.end()
    found = {f.text: f.due for f in open_followups()}
    assert found == {"send the letter by Friday": "2026-12-11", "call the hall": None}
    assert main(["sessions", "followups"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "GROUP", "OWNER", "DUE", "FOLLOW-UP"]
    row = next(line for line in lines if "send the letter" in line)
    assert row.split()[3:5] == ["Bo", "2026-12-11"]
    assert next(line for line in lines if "call the hall" in line).split()[3:5] == ["Ana", "–"]
