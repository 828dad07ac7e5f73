"""The question deck format, version 1."""

from __future__ import annotations

import os
from dataclasses import dataclass

from facilitator.formats.problems import FormatError
from facilitator.formats.reader import Reader, describe
from facilitator.formats.yamlnodes import Node, is_null, read_file, scalar_value
from facilitator.text import clean, clean_line, is_language_tag

DECK_KEYS = ["title", "id", "language", "description", "source", "questions"]
QUESTION_KEYS = ["text", "tags"]
MAX_QUESTIONS = 5000  # a question a week for a century


@dataclass(frozen=True)
class Question:
    text: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    questions: tuple[Question, ...]
    language: str = "en"
    description: str | None = None
    source: str | None = None
    path: str = ""
    origin: str = "bundled"


def load_deck(path: str, origin: str = "file", data: bytes | None = None) -> Deck:
    root = read_file(path, data)
    r = Reader(path)
    deck = _read_deck(r, root, path, origin)
    if r.problems or deck is None:
        raise FormatError(r.problems)
    return deck


def _read_deck(r: Reader, root: Node, path: str, origin: str) -> Deck | None:
    fields = r.mapping(root, DECK_KEYS, "the deck")
    if fields is None:
        return None
    title = r.text(fields, "title", required=True, where=root)
    questions: list[Question] = []
    node = fields.get("questions")
    if node is None:
        if not r.misspelt(fields, "questions"):
            r.problem(root, "'questions' is required: a list of questions")
    elif node.kind != "seq" or not node.items:
        r.problem(node, "'questions' must be a non-empty list of questions")
    elif len(node.items) > MAX_QUESTIONS:
        r.problem(node, f"'questions' holds {len(node.items):,} questions; a deck has at most "
                  f"{MAX_QUESTIONS:,}: split it")  # fmt: skip
    else:
        seen: dict[str, int] = {}
        for child in node.items:
            question = _read_question(r, child)
            if question is None:
                continue
            if question.text in seen:
                r.problem(child, f"the same question is already at line {seen[question.text]}")
                continue
            seen[question.text] = child.line
            questions.append(question)
    language = r.text(fields, "language") or "en"
    if not is_language_tag(language):
        r.problem(fields["language"], "'language' must be a language tag such as en, fr or "
                  f"pt-BR, not '{language}'")  # fmt: skip
    if title is None:
        return None
    return Deck(
        id=r.text(fields, "id") or clean_line(os.path.splitext(os.path.basename(path))[0]),
        title=title,
        questions=tuple(questions),
        language=language,
        description=r.text(fields, "description", one_line=False),
        source=r.text(fields, "source", one_line=False),
        path=path,
        origin=origin,
    )


def _read_question(r: Reader, node: Node) -> Question | None:
    if node.kind == "scalar":
        if not isinstance(scalar_value(node), str) and not is_null(node):
            r.problem(node, f"a question must be text, not {describe(node)}; put it in quotes")
            return None
        if not r.short_enough(node, "a question"):
            return None
        if is_null(node) or not clean(node.text).strip():
            r.problem(node, "a question must not be blank")
            return None
        return Question(clean(node.text).strip())
    fields = r.mapping(node, QUESTION_KEYS, "a question")
    if fields is None:
        return None
    text = r.text(fields, "text", required=True, one_line=False, where=node)
    tags = tuple(t for t, _ in r.text_list(fields, "tags"))
    if "text" in fields and fields["text"].kind != "scalar":
        r.problem(fields["text"], f"'text' must be text, not {describe(fields['text'])}")
    elif text and not isinstance(scalar_value(fields["text"]), str):
        r.problem(fields["text"], f"'text' must be text, not {describe(fields['text'])}; "
                  "put it in quotes")  # fmt: skip
        return None
    return Question(text, tags) if text else None
