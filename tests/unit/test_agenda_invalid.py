"""Each rule of the agenda format has an invalid file with a precise PATH:LINE:COLUMN message."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli.main import main

HEAD = "title: T\nitems:\n"
ITEM = "  - title: A\n    minutes: 5\n"

# (name, file text, line, column, words the message must contain)
CASES: list[tuple[str, str, int, int, str]] = [
    ("unknown-top-key", "title: T\ntitel: X\nitems:\n" + ITEM, 2, 1, "did you mean 'title'"),
    ("unknown-item-key", HEAD + "  - title: A\n    minuts: 5\n", 4, 5, "did you mean 'minutes'"),
    ("unknown-far-key", HEAD + ITEM + "    colour: red\n", 5, 5, "unknown key 'colour'"),
    ("duplicate-top-key", "title: T\ntitle: U\nitems:\n" + ITEM, 2, 1, "duplicate key 'title'"),
    ("duplicate-item-key", HEAD + ITEM + "    minutes: 6\n", 5, 5, "duplicate key 'minutes'"),
    ("missing-title", "items:\n" + ITEM, 1, 1, "'title' is required"),
    ("blank-title", "title: '  '\nitems:\n" + ITEM, 1, 8, "must not be blank"),
    ("missing-items", "title: T\n", 1, 1, "'items' is required"),
    ("empty-items", "title: T\nitems: []\n", 2, 8, "non-empty list"),
    ("items-not-list", "title: T\nitems: many\n", 2, 8, "non-empty list"),
    ("item-not-mapping", HEAD + "  - just text\n", 3, 5, "must be a mapping"),
    ("item-no-title", HEAD + "  - minutes: 5\n", 3, 5, "'title' is required"),
    ("no-minutes", HEAD + "  - title: A\n", 3, 12, "needs 'minutes'"),
    ("bool-minutes", HEAD + "  - title: A\n    minutes: yes\n", 4, 14, "yes/no value"),
    ("text-minutes", HEAD + "  - title: A\n    minutes: '5'\n", 4, 14, "must be a number"),
    ("zero-minutes", HEAD + "  - title: A\n    minutes: 0\n", 4, 14, "more than 0"),
    ("negative-minutes", HEAD + "  - title: A\n    minutes: -3\n", 4, 14, "more than 0"),
    ("nan-minutes", HEAD + "  - title: A\n    minutes: .nan\n", 4, 14, "finite"),
    ("inf-minutes", HEAD + "  - title: A\n    minutes: .inf\n", 4, 14, "finite"),
    ("bad-kind", HEAD + ITEM + "    kind: rond\n", 5, 11, "did you mean 'round'"),
    ("per-person-not-round", HEAD + "  - title: A\n    per_person: 2\n", 4, 17, "only for rounds"),
    (
        "min-above-minutes",
        HEAD + ITEM + "    flexible: true\n    min_minutes: 9\n",
        6,
        18,
        "above 'minutes'",
    ),
    ("min-without-flexible", HEAD + ITEM + "    min_minutes: 1\n", 5, 18, "flexible: true"),
    (
        "flexible-and-protected",
        HEAD + ITEM + "    flexible: true\n    protected: true\n",
        6,
        16,
        "both 'flexible' and 'protected'",
    ),
    ("flexible-not-bool", HEAD + ITEM + "    flexible: 1\n", 5, 15, "true or false"),
    (
        "group-size-swapped",
        "title: T\ngroup_size: {min: 9, max: 3}\nitems:\n" + ITEM,
        2,
        13,
        "min (9) is above max (3)",
    ),
    (
        "group-size-fraction",
        "title: T\ngroup_size: {min: 2.5}\nitems:\n" + ITEM,
        2,
        19,
        "whole number",
    ),
    (
        "who-not-role",
        "title: T\nroles: [host]\nitems:\n" + ITEM + "    who: hots\n",
        6,
        10,
        "not one of the agenda's roles",
    ),
    (
        "first-not-role",
        "title: T\nroles: [host]\nitems:\n" + ITEM + "    kind: round\n    first: hots\n",
        7,
        12,
        "'first' is 'hots', which is not one of the agenda's roles; did you mean 'host'?",
    ),
    (
        "first-not-round",
        "title: T\nroles: [host]\nitems:\n" + ITEM + "    first: host\n",
        6,
        12,
        "'first' orders a round's speakers",
    ),
    ("deck-missing", HEAD + ITEM + "    deck: no-such-deck\n", 5, 11, "see 'facilitator decks"),
    ("deck-misspelt", HEAD + ITEM + "    deck: jasete\n", 5, 11, "did you mean 'jasette'"),
    (
        "who-unknown-role",
        "title: T\nroles: [host, coach]\nitems:\n" + ITEM + "    who: chair\n",
        6,
        10,
        "roles are: host, coach",
    ),
    (
        "who-list-unknown-role",
        "title: T\nroles: [coach, timekeeper]\nitems:\n" + ITEM + "    who: [coach, timekeper]\n",
        6,
        18,
        "did you mean 'timekeeper'",
    ),
    (
        "who-empty-list",
        "title: T\nroles: [coach]\nitems:\n" + ITEM + "    who: []\n",
        6,
        10,
        "at least one role",
    ),  # fmt: skip
    ("show-unknown", HEAD + ITEM + "    show: [question, article]\n", 5, 22, "not 'article'"),
    ("brings-unknown", "title: T\nbrings: [quiz]\nitems:\n" + ITEM, 2, 10, "not 'quiz'"),
    ("question-not-text", HEAD + ITEM + "    question: [a, b]\n", 5, 15, "must be text"),
    ("id-invisible", 'title: T\nid: "our\u00a0evening"\nitems:\n' + ITEM, 2, 5, "U+00A0"),
    ("bad-record", HEAD + ITEM + "    record: minutes\n", 5, 13, "choose one of"),
    ("record-yes", HEAD + ITEM + "    record: yes\n", 5, 13, "choose one of"),
    ("bad-when", HEAD + ITEM + "    when: always\n", 5, 11, "choose one of"),
    ("bad-split", HEAD + ITEM + "    split: everyone\n", 5, 12, "choose one of"),
    ("split-round", HEAD + ITEM + "    kind: round\n    split: people\n", 6, 12, "a round has"),
    ("bad-language", "title: T\nlanguage: english please\nitems:\n" + ITEM, 2, 11, "language tag"),
    (
        "two-documents",
        "title: T\nitems:\n" + ITEM + "---\ntitle: U\n",
        5,
        1,
        "more than one YAML document",
    ),
    ("python-tag", "title: !!python/object:os.system T\nitems:\n" + ITEM, 1, 8, "YAML tag"),
    ("custom-tag", "title: !secret T\nitems:\n" + ITEM, 1, 8, "YAML tag !secret"),
    (
        "alias-bomb",
        "title: T\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nitems:\n" + ITEM,
        0,
        0,
        "aliases expand too far",
    ),
    (
        "deep-nesting",
        "title: T\nx: " + "[" * 5000 + "]" * 5000 + "\nitems:\n" + ITEM,
        2,
        43,
        "nesting is too deep",
    ),
    ("syntax-error", "title: T\nitems:\n  - title: [unclosed\n", 0, 0, "YAML syntax"),
    ("tab-indent", "title: T\nitems:\n\t- title: A\n", 3, 1, "a tab cannot indent YAML"),
    ("tab-in-item", HEAD + "  - title: A\n\tminutes: 5\n", 4, 1, "a tab cannot indent YAML"),
    ("top-is-list", "- title: T\n", 1, 1, "must be a mapping"),
    # A tag the value cannot take, and numbers too large to convert: positioned, never a crash.
    ("tag-int-word", HEAD + "  - title: A\n    minutes: !!int five\n", 4, 14, "not a whole"),
    ("tag-float-word", HEAD + "  - title: A\n    minutes: !!float abc\n", 4, 14, "not a number"),
    ("tag-int-binary", HEAD + "  - title: A\n    minutes: !!int 0b2\n", 4, 14, "not a whole"),
    ("tag-int-fraction", HEAD + "  - title: A\n    minutes: !!int 1.5\n", 4, 14, "not a whole"),
    ("tag-bool-maybe", HEAD + ITEM + "    flexible: !!bool maybe\n", 5, 15, "true or false"),
    ("tag-null-word", "title: !!null T\nitems:\n" + ITEM, 1, 8, "must be text"),
    ("tag-seq-scalar", HEAD + "  - title: A\n    minutes: !!seq 5\n", 4, 14, "not a list"),
    ("tag-float-title", "title: !!float x\nitems:\n" + ITEM, 1, 8, "must be text"),
    ("tag-int-role", "title: T\nroles: [!!int x]\nitems:\n" + ITEM, 2, 9, "non-empty text"),
    ("huge-minutes", HEAD + "  - title: A\n    minutes: " + "9" * 401 + "\n", 4, 14, "too large"),
    (
        "huge-group-size",
        "title: T\ngroup_size: {min: " + "9" * 401 + "}\nitems:\n" + ITEM,
        2,
        19,
        "too large",
    ),
    ("minutes-over-a-day", HEAD + "  - title: A\n    minutes: 1441\n", 4, 14, "at most 1440"),
    ("minutes-1e20", HEAD + "  - title: A\n    minutes: 1.0e+20\n", 4, 14, "at most 1440 (24"),
    ("minutes-1e308", HEAD + "  - title: A\n    minutes: 1.0e+308\n", 4, 14, "at most 1440"),
    (
        "per-person-1e300",
        HEAD + "  - title: A\n    kind: round\n    per_person: 1.0e+300\n",
        5,
        17,
        "'per_person' must be at most 1440",
    ),
    (
        "min-minutes-over-a-day",
        HEAD + ITEM + "    flexible: true\n    min_minutes: 2000\n",
        6,
        18,
        "'min_minutes' must be at most 1440",
    ),
    (
        "group-size-huge",
        "title: T\ngroup_size: {min: 2, max: 1000000}\nitems:\n" + ITEM,
        2,
        27,
        "at most 1000 people",
    ),
    ("control-byte", HEAD + ITEM + "    guidance: ab\x1bcd\n", 5, 17, "control character U+001B"),
    ("control-c1", "title: T\r\nitems:\r\n  - title: A\x9b1m\r\n", 3, 13, "U+009B"),
    ("endless-int", HEAD + "  - title: A\n    minutes: " + "9" * 5000 + "\n", 4, 14, "minutes"),
    ("empty-file", "", 1, 1, "empty"),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_invalid_agenda_gets_precise_message(
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
    status = main(["agendas", "validate", str(path)])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    first = err.splitlines()[0]
    prefix = f"{path}:{line}:{column}: " if line else f"{path}:"
    assert first.startswith(prefix) or any(
        ln.startswith(prefix) and words in ln for ln in err.splitlines()
    ), err
    assert words in err, err


def test_invalid_encoding_is_reported_with_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"title: Caf\xe9\nitems:\n" + ITEM.encode())
    assert main(["agendas", "validate", str(path)]) == 1
    assert f"{path}:1:11: bytes that are not UTF-8" in capsys.readouterr().err


def test_oversized_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(HEAD + ITEM + "#" * (1024 * 1024) + "\n", encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 1
    assert "over 1 MiB" in capsys.readouterr().err


def test_all_problems_of_a_file_are_reported_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "titel: T\nitems:\n  - title: A\n    minutes: 0\n  - title: B\n"
        "    kind: talk\n    minutes: 2\n",
        encoding="utf-8",
    )
    assert main(["agendas", "validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [ln.split(": ")[0] for ln in lines] == [f"{path}:1:1", f"{path}:4:14", f"{path}:6:11"]
    # The misspelt key says what was meant; "'title' is required" would only repeat it.
    assert "did you mean 'title'" in lines[0] and "'title' is required" not in "\n".join(lines)
    assert any(":4:14: 'minutes' must be more than 0" in ln for ln in lines)
    assert any(":6:11: 'kind' is 'talk'" in ln for ln in lines)


def test_a_scalar_value_never_raises() -> None:
    from facilitator.formats.yamlnodes import Invalid, Node, scalar_value

    tags = ["int", "float", "bool", "null", "seq", "map", "str", "timestamp"]
    texts = ["", "five", "0b2", "0x", "0o", "1.5", "1:30", "-", "+", "_", "maybe", "9" * 5000]
    for tag in tags:
        for text in texts:
            scalar_value(Node("scalar", 1, 1, tag=f"tag:yaml.org,2002:{tag}", text=text))
    invalid = Node("scalar", 1, 1, tag="tag:yaml.org,2002:bool", text="maybe")
    assert scalar_value(invalid) == Invalid("bool", "maybe")


def test_an_anchor_reused_thousands_of_times_is_refused_naming_aliases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """411 KB on disk, 750 MB once every alias is read: refused, and the message says why."""
    items = "".join(f"  - title: I{n}\n    minutes: 1\n    guidance: *g\n" for n in range(2500))
    text = f"title: T\nx-anchor: &g {'w' * 300_000}\nitems:\n{items}"
    path = tmp_path / "amplified.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "aliases expand too far (over 2,000,000 characters)" in err, err
    assert len(err.splitlines()) == 1


def test_a_long_agenda_without_aliases_is_told_it_is_long(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(HEAD + ITEM * 10_000, encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "keys, values and list entries" in err and "alias" not in err, err


def test_an_agenda_has_at_most_five_hundred_items_of_twenty_thousand_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(HEAD + ITEM * 501, encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert ":3:3: 'items' holds 501 items; an agenda has at most 500" in err and "alias" not in err
    path.write_text(HEAD + ITEM * 500, encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 0
    capsys.readouterr()
    path = tmp_path / "wordy.yaml"
    path.write_text(HEAD + ITEM + f"    guidance: {'w' * 20_001}\n", encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 1
    assert ":5:15: 'guidance' is 20,001 characters long; at most 20,000" in capsys.readouterr().err
    path.write_text(HEAD + ITEM + f"    guidance: {'w' * 20_000}\n", encoding="utf-8")
    assert main(["agendas", "validate", str(path)]) == 0


def test_a_control_byte_is_one_problem_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bell.yaml"
    path.write_text(HEAD + ITEM + "    guidance: |\n      line one\n      ring \x07 here\n")
    assert main(["agendas", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"{path}:7:12: the control character U+0007 cannot be in YAML; remove it\n"
