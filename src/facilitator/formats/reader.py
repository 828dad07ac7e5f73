"""Typed reading of YAML mappings that collects every problem with its position."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from facilitator.formats.problems import Problem
from facilitator.formats.yamlnodes import (
    Invalid,
    Node,
    is_finite_number,
    is_null,
    scalar_value,
)
from facilitator.text import clean_line

MAX_TEXT = 20_000  # characters in one value: a guidance to read out is a page or two

_KIND_WORDS = {"map": "a mapping (key: value lines)", "seq": "a list", "scalar": "a single value"}
_TAG_WORDS = {
    "int": "a whole number", "float": "a number", "bool": "true or false", "null": "empty",
    "seq": "a list", "map": "a mapping",
}  # fmt: skip


def describe(node: Node) -> str:
    if node.kind != "scalar":
        return _KIND_WORDS[node.kind]
    value = scalar_value(node)
    if isinstance(value, Invalid):
        return f"{str(value)[:40]!r}, which is not {_TAG_WORDS[value.tag]}"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {node.text}"
    if isinstance(value, (int, float)):
        return f"the number {node.text}"
    return f'the text "{node.text[:40]}"'


class Reader:
    """Reads one file's nodes; problems accumulate so all are reported at once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        # Keys suggested for misspelt ones, by the mapping they were read for: "'title' is
        # required" would only repeat "unknown key 'titel'; did you mean 'title'?".
        self._suggested: dict[int, set[str]] = {}

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.column, message))

    def mapping(self, node: Node, allowed: Iterable[str], what: str) -> dict[str, Node] | None:
        """Check a mapping's keys (unknown, duplicate) and return key -> value node."""
        if node.kind != "map":
            self.problem(
                node, f"{what} must be a mapping of 'key: value' lines, not {describe(node)}"
            )
            return None
        allowed = list(allowed)
        seen: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        suggested: set[str] = set()
        for key_node, value in node.items:
            if key_node.kind != "scalar":
                self.problem(key_node, f"a key in {what} must be a plain word")
                continue
            key = key_node.text
            if key in keys:
                first = keys[key]
                self.problem(
                    key_node, f"duplicate key '{key}' (first at line {first.line}); keep only one"
                )
                continue
            keys[key] = key_node
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                if close:
                    suggested.add(close[0])
                self.problem(
                    key_node,
                    f"unknown key '{key}' in {what}{hint} (allowed: {', '.join(allowed)})",
                )
                continue
            seen[key] = value
        self._suggested[id(seen)] = suggested
        return seen

    def misspelt(self, fields: dict[str, Node], key: str) -> bool:
        """Whether ``key`` is missing because it was misspelt (and reported as such)."""
        return key in self._suggested.get(id(fields), ())

    def text(
        self,
        fields: dict[str, Node],
        key: str,
        *,
        required: bool = False,
        one_line: bool = True,
        where: Node | None = None,
    ) -> str | None:
        node = fields.get(key)
        if node is None or is_null(node):
            if required and not (node is None and self.misspelt(fields, key)):
                self.problem(
                    node or where or _origin(), f"'{key}' is required and must not be empty"
                )
            return None
        if node.kind != "scalar":
            self.problem(node, f"'{key}' must be text, not {describe(node)}")
            return None
        value = scalar_value(node)
        if isinstance(value, Invalid):
            self.problem(node, f"'{key}' must be text, not {describe(node)}")
            return None
        text = node.text if not isinstance(value, str) else value
        if not self.short_enough(node, f"'{key}'"):
            return None
        text = clean_line(text) if one_line else text.strip()
        if not text.strip():
            if required:
                self.problem(node, f"'{key}' must not be blank")
            return None
        return text

    def short_enough(self, node: Node, what: str) -> bool:
        """Whether a value is at most MAX_TEXT characters; a problem if not."""
        if len(node.text) <= MAX_TEXT:
            return True
        self.problem(node, f"{what} is {len(node.text):,} characters long; at most {MAX_TEXT:,}")
        return False

    def number(
        self,
        fields: dict[str, Node],
        key: str,
        *,
        positive: bool = True,
        integer: bool = False,
        maximum: tuple[float, str] | None = None,
    ) -> float | None:
        """A number; ``maximum`` is the largest allowed and how to say it ("1440 (24 hours)")."""
        node = fields.get(key)
        if node is None:
            return None
        value = scalar_value(node) if node.kind == "scalar" else node
        unit = "a whole number" if integer else "a number of minutes"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(node, f"'{key}' must be {unit} such as 5, not {describe(node)}")
            return None
        try:
            number = float(value)
        except OverflowError:  # an int of hundreds of digits
            self.problem(node, f"'{key}' is far too large a number ({_cut(node.text)})")
            return None
        if not is_finite_number(number):
            self.problem(node, f"'{key}' must be a finite number, not {node.text}")
            return None
        if integer and not number.is_integer():
            self.problem(node, f"'{key}' must be a whole number, not {node.text}")
            return None
        if positive and number <= 0:
            self.problem(node, f"'{key}' must be more than 0, not {node.text}")
            return None
        if maximum is not None and number > maximum[0]:
            self.problem(node, f"'{key}' must be at most {maximum[1]}, not {_cut(node.text)}")
            return None
        return number

    def boolean(self, fields: dict[str, Node], key: str) -> bool:
        node = fields.get(key)
        if node is None:
            return False
        value = scalar_value(node) if node.kind == "scalar" else None
        if not isinstance(value, bool):
            self.problem(node, f"'{key}' must be true or false, not {describe(node)}")
            return False
        return value

    def choice(
        self, fields: dict[str, Node], key: str, choices: list[str], default: str | None
    ) -> str | None:
        value = self.text(fields, key)
        if value is None:
            return default
        if value not in choices:
            close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.problem(
                fields[key], f"'{key}' is '{value}'; {hint}choose one of: {', '.join(choices)}"
            )
            return default
        return value

    def text_list(self, fields: dict[str, Node], key: str) -> list[tuple[str, Node]]:
        node = fields.get(key)
        if node is None:
            return []
        if node.kind != "seq":
            self.problem(node, f"'{key}' must be a list such as [a, b], not {describe(node)}")
            return []
        out: list[tuple[str, Node]] = []
        for child in node.items:
            if (
                child.kind != "scalar"
                or is_null(child)
                or isinstance(scalar_value(child), Invalid)
                or not clean_line(child.text)
            ):
                self.problem(child, f"each entry of '{key}' must be non-empty text")
                continue
            out.append((clean_line(child.text), child))
        return out


def _cut(text: str, limit: int = 20) -> str:
    """A long value, shortened for a message."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def _origin() -> Node:
    return Node("scalar", 1, 1)


def plain(node: Node) -> Any:
    """Convert nodes to plain Python data (for the JSON Schema cross-check)."""
    if node.kind == "map":
        return {k.text: plain(v) for k, v in node.items}
    if node.kind == "seq":
        return [plain(c) for c in node.items]
    return scalar_value(node)
