"""Set-up's fields for what the agenda says a session brings."""

from __future__ import annotations

from pathlib import Path

from facilitator import catalog, paths
from facilitator.clock import FakeClock
from facilitator.i18n import _
from facilitator.meeting.events import Reading, SessionContent
from facilitator.session.setup_form import Fields, GroupBook, SetupForm, session_content
from tests.factories import ENQUIRY_QUESTION as QUESTION


def test_set_up_reads_the_fields_and_splits_the_supporting_questions() -> None:
    typed = {"question": QUESTION, "supporting": "Who decides?; When?\nWhy?;",
             "reading-title": "Street", "reading-link": "ex.org"}  # fmt: skip
    assert session_content(typed) == SessionContent(
        question=QUESTION, supporting=("Who decides?", "When?", "Why?"),
        reading=Reading("Street", "", "ex.org"),
    )  # fmt: skip


def test_set_up_points_out_a_missing_convening_question_and_carries_it_once_typed(
    tmp_path: Path,
) -> None:
    paths.set_data_dir(tmp_path)
    form = SetupForm(catalog.find_agenda("enquiring-open"), FakeClock(), GroupBook([]))
    fields = Fields(participants="Ana, Bo", roles={"host": "Ana"})
    missing = _("No convening question yet: the items that show it will have none.")
    assert missing in form.notices(fields)
    fields.content = {"question": QUESTION}
    assert missing not in form.notices(fields)
    assert form.creation_event(fields).content == SessionContent(question=QUESTION)
