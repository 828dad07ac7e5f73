"""Printing for the CLI: Rich for tables, user text never read as markup, errors on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from facilitator.formats.problems import FormatError, Problem
from facilitator.text import clean

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def say(text: str) -> None:
    """Print plain text (cleaned of control characters)."""
    sys.stdout.write(clean(text) + "\n")


def error(text: str) -> None:
    sys.stderr.write(clean(text) + "\n")


def problems(items: Iterable[Problem]) -> None:
    for problem in items:
        error(str(problem))


def resolve(find: Callable[[str], T], name: str) -> T | None:
    """Find an agenda or deck by id or path; on failure print why and return None."""
    try:
        return find(name)
    except FormatError as exc:
        problems(exc.problems)
    except LookupError as exc:
        error(str(exc))
    return None
