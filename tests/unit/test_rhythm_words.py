"""What is wrong with a rhythm typed is said in the interface language (its words stay English:
the parser reads English rhythms)."""

from __future__ import annotations

import pytest

from facilitator import i18n
from facilitator.rhythm.parse import parse_rhythm


@pytest.mark.parametrize(
    ("language", "typed", "said"),
    [
        ("fr", "weekly on funday at 19:00", "n'est pas un jour de la semaine"),
        ("de", "every 3 wekes on monday at 19:00", "nach der Zahl kommt „weeks“"),
        ("es", "monthly on 5th tuesday at 19:00", "no es 1st, 2nd, 3rd, 4th ni last"),
        ("it", "weekly on monday at 7pm", "non è un orario"),
        ("en", "weekly on monday", "the time is missing; write it like: weekly on monday at 18:30"),
    ],
)
def test_a_rhythm_that_cannot_be_read_is_explained_in_the_interface_language(
    language: str, typed: str, said: str
) -> None:
    i18n.set_language(language)
    try:
        with pytest.raises(ValueError) as raised:
            parse_rhythm([typed])
    finally:
        i18n.set_language("en")
    assert said in str(raised.value)
