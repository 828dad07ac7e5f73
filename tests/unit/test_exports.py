"""Records people can pass on: HTML (to print as PDF), plain text, CSV, the digest as .eml."""

from __future__ import annotations

import csv
import dataclasses
import email
import io
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.cli.main import main
from facilitator.clock import FakeClock
from facilitator.formats.agenda import Agenda
from facilitator.journal.jsonl import JournalWriter
from facilitator.journal.load import load
from facilitator.journal.store import journal_path
from facilitator.meeting.meeting import Meeting, creation_event
from facilitator.meeting.projection import project
from facilitator.meeting.state import State
from facilitator.review.export_csv import COLUMNS, group_rows, safe_cell, session_rows, to_csv
from facilitator.review.export_eml import digest_parts, share_email
from facilitator.review.export_html import record_html
from facilitator.review.export_text import WIDTH, to_text
from tests.browser import chromium_check
from tests.factories import MS150

T0 = 1_803_000_000.0
HOSTILE = "<script>alert(1)</script> </main> [b]bold[/b] *not em* \x1b]52;c;SGk=\x07 | pipe"
SHARED = ["Repair cafés can help with small appliances", "We meet at the library next time"]
PRIVATE = ["Bo's landlord will not fix the heating", "Chen is thinking of leaving her job"]


def play(session: str, group: str = "Tuesday", start: float = T0, extra: bool = True,
         agenda: Agenda = MS150) -> State:  # fmt: skip
    clock = FakeClock(start)
    writer = JournalWriter(paths.sessions_dir() / f"{session}.jsonl")
    first = creation_event(agenda, session=session, group=group,
                           participants=["Ana", "Bo", "Chen"], t=clock.now())  # fmt: skip
    m = Meeting.create(first, clock, writer.append)
    m.toggle()
    for number, minutes in enumerate([2, 13, 20, 110, 6]):
        if number == 1:
            m.add_entry("expectations", "to rest\nand to be heard", person="Ana")
            m.add_entry("expectations", HOSTILE, person="Bo")
        if number == 2:
            m.record_draw("jasette", "Which shared place do you miss?")
        if number == 3 and extra:
            m.add_entry("notes", PRIVATE[0])
            m.add_entry("notes", SHARED[0], share=True)
            m.add_entry("followups", PRIVATE[1], owner="Chen")
            m.add_entry("decisions", SHARED[1], share=True)
        if number == 4:
            m.add_entry("conclusions", "lighter", person="Ana", met=4)
        clock.advance(minutes=minutes)
        m.next_item()
    m.end()
    writer.close()
    return load(journal_path(session)).state


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_html_page_holds_the_chart_the_record_and_escapes_users_text() -> None:
    state = play("2027-02-16-1900-tuesday-0001")
    html = record_html(state, state.last_event)
    page = parsed(html)
    text = " ".join(page.text)
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html and "@page" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "script" not in page.tags and "a" not in page.tags and page.tags.count("main") == 1
    assert "<script>alert(1)</script>" in text and "[b]bold[/b] *not em*" in text
    assert "\x1b" not in html and "\x07" not in html
    assert "to rest" in text and "and to be heard" in text and "<br>" in html
    for said in SHARED + PRIVATE + ["Which shared place do you miss?", "lighter"]:
        assert said in text  # the record has everything (only the digest leaves some out)
    rows = project(state, state.last_event).rows
    assert html.count('class="row"') == len(rows)
    assert html.index('class="chart"') < html.index("<h2>")  # the chart leads the sections
    assert "107 planned, 110 actual" in text  # the core, re-planned as the meeting went


def test_plain_text_is_wrapped_for_mail_without_markdown_marks() -> None:
    state = play("2027-02-16-1900-tuesday-0001")
    from facilitator.journal.record import render

    text = to_text(render(state, state.last_event))
    lines = text.splitlines()
    assert all(len(line) <= WIDTH for line in lines)
    assert lines[1] == "=" * len(lines[0]) and "Timeline" in lines and "--------" in lines
    assert "<script>alert(1)</script>" in text and "*not em*" in text and "\\" not in text
    assert "|" not in text.replace("| pipe", "") and "<br>" not in text
    assert "- Person: Ana" in text and "  Expected: to rest / and to be heard" in text
    for said in SHARED + PRIVATE:
        assert said in text


def test_csv_reads_back_one_row_per_item_and_session() -> None:
    first = play("2027-02-16-1900-tuesday-0001")
    play("2027-03-16-1900-tuesday-0002", start=T0 + 28 * 86400, extra=False)
    play("2027-03-17-1900-other-0001", group="Other", start=T0 + 29 * 86400)
    rows = list(csv.reader(io.StringIO(to_csv(session_rows(first, first.last_event)))))
    held = len(MS150.items) - 1  # the introductions are only for a newcomer
    assert tuple(rows[0]) == COLUMNS and len(rows) == 1 + held
    by_item = {int(r[4]): r for r in rows[1:]}  # numbered as in the record's timeline
    assert by_item[1][5:10] == ["Demining", "done", "2.0", "2.0", "0.0"]
    assert by_item[4][5:10] == ["Core", "done", "107.0", "110.0", "3.0"]
    whole = list(csv.DictReader(io.StringIO(to_csv(group_rows("tuesday")))))
    assert len(whole) == 2 * held
    assert [r["session"] for r in whole[::held]] == [
        "2027-02-16-1900-tuesday-0001", "2027-03-16-1900-tuesday-0002"]  # fmt: skip
    assert [list(r.values()) for r in whole[:held]] == rows[1:]  # the index says the same


def test_csv_cells_a_spreadsheet_would_run_are_made_text() -> None:
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert [safe_cell(t) for t in ("+1", "-2", "@a", "Core")] == ["'+1", "'-2", "'@a", "Core"]


def test_eml_parses_back_addressed_to_nobody_with_the_digest_as_its_parts() -> None:
    state = play("2027-02-16-1900-tuesday-0001")
    message = email.message_from_bytes(share_email(state), policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert message.get_content_type() == "multipart/alternative"
    assert not any(message[h] for h in ("To", "Cc", "Bcc", "From", "Sender"))
    assert message["X-Unsent"] == "1" and "Mutual support" in message["Subject"]
    text_part = message.get_body(("plain",))
    html_part = message.get_body(("html",))
    assert text_part is not None and html_part is not None
    text, html = digest_parts(state)
    assert text_part.get_content().replace("\r\n", "\n") == text
    assert html_part.get_content().replace("\r\n", "\n") == html
    page = " ".join(parsed(html).text)
    for said in SHARED:
        assert said in text and said in page
    for said in PRIVATE + ["Ana", "Bo", "Tuesday", "to rest"]:
        assert said not in text and said not in page


def test_a_french_groups_page_and_mail_speak_french() -> None:
    state = play("2027-02-16-1900-mardi-0001", agenda=dataclasses.replace(MS150, language="fr"))
    html = record_html(state, state.last_event)
    assert '<html lang="fr">' in html and "107 prévues, 110 réelles" in html
    message = email.message_from_bytes(share_email(state), policy=policy.default)
    assert message["Subject"].startswith("Partagé depuis notre rencontre\u00a0: Mutual support")


def test_cli_exports_to_private_files_and_explains_wrong_requests(capsys, tmp_path: Path) -> None:
    play("2027-02-16-1900-tuesday-0001")
    for form in ("html", "txt", "csv"):
        target = tmp_path / f"out.{form}"
        assert (
            main(["sessions", "export", "latest", "--format", form, "--output", str(target)]) == 0
        )
        assert target.stat().st_mode & 0o777 == 0o600 and target.stat().st_size > 200
    assert (tmp_path / "out.html").read_text().startswith("<!DOCTYPE html>")
    target = tmp_path / "digest.eml"
    assert main(["sessions", "share", "latest", "--format", "eml", "--output", str(target)]) == 0
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert main(["sessions", "export", "--group", "TUESDAY", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.count("2027-02-16-1900-tuesday-0001") == len(MS150.items) - 1
    assert main(["sessions", "export", "--group", "Tuesday"]) == 1
    assert main(["sessions", "export", "--format", "html"]) == 1
    assert main(["sessions", "export", "--group", "Nobody", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "CSV only" in err and "Which session?" in err and "No sessions of the group" in err


@pytest.mark.skipif(chromium_check.browser() is None, reason="no chromium on this machine")
def test_html_export_shows_the_timeline_and_entries_in_headless_chromium(tmp_path: Path) -> None:
    state = play("2027-02-16-1900-tuesday-0001")
    page = tmp_path / "record.html"
    page.write_text(record_html(state, state.last_event), encoding="utf-8")
    expected = ["Timeline", "Core", "110 actual", *SHARED, *PRIVATE, "<script>alert(1)</script>"]
    assert chromium_check.check(page, expected) == []
