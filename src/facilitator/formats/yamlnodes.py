"""A careful YAML reader: positions on every value, and no surprises.

PyYAML alone accepts duplicate keys, expands alias bombs, crashes on deep nesting (the C composer
segfaults) and builds Python objects from tags. Here the parser's event stream is composed into
plain nodes by a loop (no recursion), with limits on size, depth and alias expansion, and every
problem is reported with its line and column.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import Resolver

from facilitator.formats.problems import FormatError, Problem
from facilitator.text import clean

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000  # keys, values and list entries, as written and after alias expansion
MAX_CHARS = 2_000_000  # all the text of the document, aliases expanded

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Node:
    """A YAML value with where it stands (1-based line and column)."""

    kind: str  # "map" | "seq" | "scalar"
    line: int
    column: int
    tag: str = _STR
    text: str = ""  # the scalar as written
    items: list[Any] = field(default_factory=list)  # seq: [Node]; map: [(Node, Node)]

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.text == key:
                found: Node = v
                return found
        return None


def read_file(path: str, data: bytes | None = None) -> Node:
    """Read one YAML document from ``path`` into nodes, or raise FormatError."""
    if data is None:
        data = _read_bytes(path)
    if len(data) > MAX_BYTES:
        raise FormatError(
            [Problem(path, 1, 1, "the file is over 1 MiB; agendas and decks are small")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FormatError(
            [Problem(path, line, col, "bytes that are not UTF-8; save the file as UTF-8")]
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return compose(path, text)


def _read_bytes(path: str) -> bytes:
    """The file's first MAX_BYTES + 1 bytes. Anything but a regular file (a folder, a FIFO that
    would block for ever, a device) is refused before it is opened; O_NONBLOCK guards the
    moment between the check and the open."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise FormatError([Problem(path, 1, 1, _NOT_A_FILE)])
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise FormatError([Problem(path, 1, 1, f"cannot read the file: {exc.strerror}")]) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since the check
            raise FormatError([Problem(path, 1, 1, _NOT_A_FILE)])
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise FormatError([Problem(path, 1, 1, f"cannot read the file: {exc.strerror}")]) from None
    finally:
        os.close(fd)


_NOT_A_FILE = "not a regular file (a folder, a pipe or a device); agendas and decks are files"


def _tab_at(text: str, line: int, col: int) -> bool:
    """Whether the error is at a tab in the line's indentation (1-based line and column)."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return False
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip(" \t"))]
    return "\t" in indent and col <= len(indent) + 1


def compose(path: str, text: str) -> Node:
    try:
        try:
            return _compose(path, text, _Loader)
        except yaml.MarkedYAMLError as exc:
            # libyaml (PyYAML >= 6.0.4) stops at 1,000 levels, scanning far ahead of the first
            # event; the pure-Python parser hands events over one by one, so our own, lower
            # limit is met first and reported where the file went too deep.
            if _Loader is yaml.SafeLoader or "nesting depth" not in str(exc.problem):
                raise
            return _compose(path, text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = f"YAML syntax: {exc.problem or exc.context or 'invalid YAML'}"
        if _tab_at(text, line, col):
            what = "a tab cannot indent YAML: use spaces"
        raise FormatError([Problem(path, line, col, what)]) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, only an offset
        raise FormatError([_bad_character(path, text, exc)]) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        raise FormatError([Problem(path, 1, 1, f"YAML syntax: {first}")]) from None


# What YAML refuses to read (yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _bad_character(path: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """Where the character the YAML reader refused stands, by line and column."""
    found = _NON_PRINTABLE.search(text)
    if found is None:  # not expected: say what the reader said, on one line
        return Problem(path, 1, 1, f"YAML syntax: {str(exc.reason).splitlines()[0]}")
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    message = f"the control character U+{ord(found.group()):04X} cannot be in YAML; remove it"
    return Problem(path, line, column, message)


def _compose(path: str, text: str, loader: Any) -> Node:
    stack: list[tuple[Node, list[Node | None]]] = []  # container, [pending key]
    anchors: dict[str, Node] = {}
    root: Node | None = None
    documents = 0
    written = 0  # nodes as written (an alias counts once)
    aliases = 0
    problems: list[Problem] = []

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, pending = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
        elif pending[0] is None:
            pending[0] = node
        else:
            parent.items.append((pending[0], node))
            pending[0] = None

    for event in yaml.parse(text, Loader=loader):
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise FormatError(
                    [Problem(path, line, col, "more than one YAML document; remove the '---' line")]
                )
            continue
        if isinstance(event, yaml.AliasEvent):
            target = anchors.get(event.anchor or "")
            if target is None:
                raise FormatError([Problem(path, line, col, f"unknown alias *{event.anchor}")])
            aliases += 1
            attach(target)
            continue
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            tag = getattr(event, "tag", None)
            if tag and tag not in ("!", *_ALLOWED_TAGS):
                problems.append(
                    Problem(path, line, col, f"the YAML tag {tag} is not allowed; remove it")
                )
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            written += 1
            if written > MAX_NODES:
                raise FormatError([Problem(path, line, col, f"the file holds over {MAX_NODES:,} "
                                           "keys, values and list entries; agendas and decks are "
                                           "much shorter: split it")])  # fmt: skip
        if isinstance(event, yaml.ScalarEvent):
            node = Node("scalar", line, col, text=event.value, tag=_scalar_tag(event))
            _anchor(anchors, event, node)
            attach(node)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise FormatError([Problem(path, line, col, "nesting is too deep")])
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            node = Node(kind, line, col, tag="tag:yaml.org,2002:" + kind)
            _anchor(anchors, event, node)
            attach(node)
            stack.append((node, [None]))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    if problems:
        raise FormatError(problems)
    if root is None:
        raise FormatError([Problem(path, 1, 1, "the file is empty")])
    if aliases:  # without them, the document is as large as the file, which is bounded
        _check_expansion(path, root)
    return root


def _anchor(anchors: dict[str, Node], event: Any, node: Node) -> None:
    if event.anchor:
        anchors[event.anchor] = node


def _scalar_tag(event: Any) -> str:
    if event.tag and event.tag != "!":
        return str(event.tag)
    if event.style is not None and event.style != "":
        return _STR  # quoted or block scalars are always text
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    return tag


def _check_expansion(path: str, root: Node) -> None:
    """Count nodes and text as if aliases were expanded; refuse alias bombs (a small file that
    reuses one anchor thousands of times would be megabytes once read)."""
    todo: list[tuple[Node, int]] = [(root, 0)]
    nodes = chars = 0
    while todo:
        node, depth = todo.pop()
        nodes += 1
        chars += len(node.text)
        if nodes > MAX_NODES or depth > MAX_DEPTH or chars > MAX_CHARS:
            what = (
                f"over {MAX_CHARS:,} characters" if chars > MAX_CHARS
                else f"over {MAX_NODES:,} values" if nodes > MAX_NODES
                else "nesting too deep"
            )  # fmt: skip
            message = f"aliases expand too far ({what}); write it out plainly, without *names"
            raise FormatError([Problem(path, node.line, node.column, message)])
        if node.kind == "seq":
            todo.extend((child, depth + 1) for child in node.items)
        elif node.kind == "map":
            for k, v in node.items:
                todo.append((k, depth + 1))
                todo.append((v, depth + 1))


# Typed reading of scalars --------------------------------------------------------------------


_NULLS = ("", "~", "null", "Null", "NULL")


def is_null(node: Node) -> bool:
    return node.kind == "scalar" and node.tag == "tag:yaml.org,2002:null" and node.text in _NULLS


@dataclass(frozen=True)
class Invalid:
    """A scalar whose tag its text cannot take (``!!int five``, ``!!bool maybe``): the reader
    reports it where it stands; converting it never raises."""

    tag: str  # "int", "float", "bool", "null", "seq" or "map"
    text: str

    def __str__(self) -> str:
        return f"!!{self.tag} {self.text}"


_TRUE = ("yes", "true", "on", "y")
_FALSE = ("no", "false", "off", "n")


def scalar_value(node: Node) -> Any:
    """The Python value of a plain scalar node (str, int, float, bool, None), or an
    :class:`Invalid` when its tag does not fit its text. Never raises."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None if node.text in _NULLS else Invalid("null", node.text)
    if tag == "tag:yaml.org,2002:bool":
        word = node.text.lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        return Invalid("bool", node.text)
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        short = tag.rsplit(":", 1)[1]
        scalar = yaml.ScalarNode(tag, node.text)
        try:  # "five", "0b2", "1.5" for an int, "abc" for a float; over 4,300 digits
            if short == "int":
                return int(_CONSTRUCTOR.construct_yaml_int(scalar))
            return float(_CONSTRUCTOR.construct_yaml_float(scalar))
        except (ValueError, ArithmeticError, LookupError, TypeError):
            return Invalid(short, node.text)
    if tag in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
        return Invalid(tag.rsplit(":", 1)[1], node.text)  # a list or mapping tag on one value
    return clean(node.text)


def is_finite_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
