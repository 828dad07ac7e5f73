"""Problems found in a file, reported as ``PATH:LINE:COLUMN: message`` (1-based)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.text import clean_line


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __post_init__(self) -> None:
        # A message quotes what the file holds (a bad key, a value) and the path its name: both
        # are shown on Home and printed by the CLI, so no control sequence may travel with them.
        object.__setattr__(self, "path", clean_line(str(self.path)))  # a Path is welcome
        object.__setattr__(self, "message", clean_line(self.message))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class FormatError(Exception):
    """A file could not be loaded; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
