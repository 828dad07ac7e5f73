"""The review's record view speaks the interface language: its headings, columns and marks."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from facilitator import i18n
from facilitator.journal.load import load
from facilitator.review.sessiontext import sections, summary
from tests.golden import FIXTURES

ENGLISH = ["Timeline", "planned vs actual", "Question drawn", "Questions drawn", "Person",
           "Expected", "Concluded", "Expectations and conclusions", "○ open", "✓ done",
           "min of", "people", "skipped", "the alternative", "shared"]  # fmt: skip


def shown(language: str) -> str:
    i18n.set_language(language)
    try:
        loaded = load(FIXTURES / "v1-mutual-support-150.jsonl")
        console = Console(width=100, record=True, color_system=None)
        console.print(summary(loaded.state, loaded.last))
        for heading, body in sections(loaded.state, loaded.last, 100):
            console.print(heading)
            console.print(body)
        return console.export_text()
    finally:
        i18n.set_language("en")


def test_in_english_the_review_says_what_it_always_said() -> None:
    text = shown("en")
    assert "Timeline · planned vs actual minutes" in text and "○ open" in text


@pytest.mark.parametrize("language", ["fr", "de", "es", "it"])
def test_the_review_record_view_has_no_english_label(language: str) -> None:
    text = shown(language)
    english = [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert english == ([] if language != "de" else ["Person"])  # (German says Person too)
