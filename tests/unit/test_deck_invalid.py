"""Each rule of the deck format has an invalid file with a precise PATH:LINE:COLUMN message."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli.main import main

QUESTIONS = "questions: [one?]\n"

# (name, file text, line, column, words the message must contain)
DECK_CASES: list[tuple[str, str, int, int, str]] = [
    ("tag-float-title", "title: !!float x\n" + QUESTIONS, 1, 8, "'title' must be text"),
    ("tag-int-question", "title: T\nquestions: [!!int x]\n", 2, 13, "not a whole number"),
    ("tag-bool-language", "title: T\nlanguage: !!bool maybe\n" + QUESTIONS, 2, 11, "text"),
    ("number-language", "title: T\nlanguage: 12\n" + QUESTIONS, 2, 11, "a language tag such"),
    ("words-language", "title: T\nlanguage: french\n" + QUESTIONS, 2, 11, "not 'french'"),
    ("number-question", "title: T\nquestions:\n  - 42\n", 3, 5, "must be text, not the number"),
    ("yes-question", "title: T\nquestions:\n  - yes\n", 3, 5, "must be text, not the yes/no"),
    ("number-text", "title: T\nquestions:\n  - text: 4.5\n", 3, 11, "'text' must be text"),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "words"), DECK_CASES, ids=[c[0] for c in DECK_CASES]
)
def test_invalid_deck_gets_precise_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    line: int,
    column: int,
    words: str,
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    status = main(["decks", "validate", str(path)])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    assert any(
        ln.startswith(f"{path}:{line}:{column}: ") and words in ln for ln in err.splitlines()
    ), err


def test_a_deck_has_at_most_five_thousand_questions_of_twenty_thousand_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("title: T\nquestions:\n" + "".join(f"  - q{n}?\n" for n in range(5001)))
    assert main(["decks", "validate", str(path)]) == 1
    assert ":3:3: 'questions' holds 5,001 questions; a deck has at most 5,000" in (
        capsys.readouterr().err
    )
    path.write_text(f"title: T\nquestions:\n  - {'w' * 20_001}\n")
    assert main(["decks", "validate", str(path)]) == 1
    assert ":3:5: a question is 20,001 characters long" in capsys.readouterr().err
