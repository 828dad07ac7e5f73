"""Whatever bytes or YAML a file holds, the loaders give a value or positioned problems."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.formats.agenda import ITEM_KEYS, Agenda, load_agenda
from facilitator.formats.deck import DECK_KEYS, Deck, load_deck
from facilitator.formats.problems import FormatError

RAW = [
    "!!int five", "!!float abc", "!!int 0b2", "!!int 1.5", "!!bool maybe", "!!null x", "!!seq 5",
    "!!map x", "!!str 5", "!!timestamp x", "!!python/name:os.system", "!secret x", "*a", "&a x",
    "1.0e+308", "-1.0e+308", ".nan", ".inf", "9" * 401, "0x1F", "0o17", "1_000", "1:30", "~", "",
    "yes", "no", "on", "'q'", '"\\e]52;c;UFdORUQ=\\a"', '"\\x9b2J"', "[", "{", "}", "- x", "? x",
    "!!int", "&", "*", "|", ">", "%YAML 1.1", "---", "...", "#c", "a: b", "\t", "\x1b", "\x85",
]  # fmt: skip
KEYS = sorted({*ITEM_KEYS, *DECK_KEYS, "items", "group_size", "roles", "min", "max", "text"})

scalar = st.one_of(
    st.sampled_from(RAW),
    st.text(max_size=20).map(json.dumps),  # any text, quoted (control characters escaped)
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True).map(repr),
)


def flow(tree: Any) -> str:
    """A tree as YAML in flow style; its leaves are already YAML text."""
    if isinstance(tree, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in tree.items()) + "}"
    if isinstance(tree, list):
        return "[" + ", ".join(flow(v) for v in tree) + "]"
    return str(tree)


trees = st.recursive(
    scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), scalar), children, max_size=5),
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(KEYS), trees, max_size=8).map(
    lambda top: "\n".join(f"{k}: {flow(v)}" for k, v in top.items()) + "\n"
)


def outcome(data: bytes) -> None:
    for load, kind in ((load_agenda, Agenda), (load_deck, Deck)):
        try:
            value = load("hostile.yaml", data=data)
        except FormatError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.line >= 1 and problem.column >= 1
                assert "\x1b" not in problem.message and "\n" not in problem.message
        else:
            assert isinstance(value, kind)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_give_a_value_or_problems(data: bytes) -> None:
    outcome(data)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_yaml_trees_give_a_value_or_problems(text: str) -> None:
    outcome(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(ITEM_KEYS), scalar, max_size=6), max_size=4))
def test_random_agenda_items_give_a_value_or_problems(items: list[dict[str, str]]) -> None:
    body = "".join("  - " + flow(item) + "\n" for item in items)
    outcome(f"title: T\nroles: [host]\nitems:\n{body}".encode("utf-8", "surrogatepass"))
