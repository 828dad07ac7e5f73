"""The meeting and set-up screens write no words of their own (issue 13).

What they show comes from facilitator.views (meeting, meeting_words, setup_words) and
facilitator.session.setup_form, whose functions have unit tests. This check reads the screens'
source and fails when a notice or a dialog is given words written in place.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SCREENS = Path(__file__).parents[2] / "src" / "facilitator" / "tui" / "screens"
CHECKED = ["meeting.py", "meeting_people.py", "meeting_hands.py", "meeting_entries.py", "meeting_questions.py",
           "setup.py"]  # fmt: skip
CALLS = {"notify", "Confirm", "AskText", "PickOne", "show"}  # show: Plain.show
# No words: an id, a CSS selector or a style name ("warning", "#entry", "role-0"), a separator
# without letters (" ", "\n"), a style sheet's file name.
WORDLESS = re.compile(r"[^A-Za-z]*|#?[a-z][a-z0-9_-]*|[a-z_]+\.tcss")


def has_words(text: str) -> bool:
    return not WORDLESS.fullmatch(text)


def called(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def words_in(node: ast.AST) -> list[str]:
    """The words written in place anywhere in an argument (in a list, a condition, an f-string),
    not those inside a call it makes (a call to a view returns the words, as it should)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        return [text] if has_words(text) else []
    if isinstance(node, ast.Call):
        return []
    return [w for child in ast.iter_child_nodes(node) for w in words_in(child)]


def written_words(source: str) -> list[tuple[int, str, str]]:
    """(line, call, words) for each call of ``CALLS`` given words written in place."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and called(node) in CALLS:
            arguments = [*node.args, *(k.value for k in node.keywords)]
            for argument in arguments:
                found += [(node.lineno, called(node), w) for w in words_in(argument)]
    return found


@pytest.mark.parametrize("name", CHECKED)
def test_the_screen_gives_its_notices_and_dialogs_no_words_of_its_own(name: str) -> None:
    found = written_words((SCREENS / name).read_text(encoding="utf-8"))
    assert found == [], f"{name}: words written in place (move them to facilitator.views)"


def loose_words(source: str) -> list[tuple[int, str]]:
    """(line, words) for words written anywhere in the source but in a docstring or a key's
    Binding (the footer and the help read those): a sentence kept in a variable before it is
    shown is found too."""
    tree = ast.parse(source)
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                allowed.add(id(first.value))
        if isinstance(node, ast.Call) and called(node) == "Binding":
            allowed.update(id(inner) for inner in ast.walk(node))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in allowed and has_words(node.value)
    ]  # fmt: skip


@pytest.mark.parametrize("name", CHECKED)
def test_the_screen_keeps_no_sentence_aside_to_show_later(name: str) -> None:
    found = loose_words((SCREENS / name).read_text(encoding="utf-8"))
    assert found == [], f"{name}: words written in place (move them to facilitator.views)"


def test_the_wider_check_finds_a_sentence_kept_in_a_variable() -> None:
    source = 'question = "End it?"\nself.app.push_screen(Confirm(question), done)'
    assert loose_words(source) == [(1, "End it?")]
    kept = '"""Docs."""\nBINDINGS = [Binding("q", "end", "End", tooltip="end the meeting")]'
    assert loose_words(kept) == []


@pytest.mark.parametrize(
    "source",
    [
        'self.notify("Marked done.", markup=False)',
        'self.notify(f"Welcome, {name}.")',
        'self.notify(f"{a} opens “{b}”.")',
        'Confirm("End the meeting now?")',
        'AskText(say.who_arrived(), "a name or pseudonym")',
        'PickOne(say.role_today(name), ["no role", *roles])',
        'self.notify("Ready." if done else say.wait())',
        'box.show("Open follow-ups")',
        'self.query_one("#x", Plain).show(f"Set up · {title}")',
        'self.notify(say.x(), severity="Warning!")',
    ],
)
def test_the_check_finds_words_written_in_place(source: str) -> None:
    assert written_words(source)


@pytest.mark.parametrize(
    "source",
    [
        'self.notify(say.last_item(), markup=False, severity="warning")',
        'self.notify(str(exc), markup=False, severity="error")',
        "self.notify(self.notice, markup=False, timeout=8)",
        "PickOne(say.who_leaves(), people)",
        "Confirm(say.retire_question(question.text))",
        'self.query_one("#summary", Plain).show(view.summary, layout=False)',
        'box.show("")',
        'self.notify(f"{name}")',
        'label.update("Free words, not a notice or a dialog")',
    ],
)
def test_the_check_lets_views_ids_and_empty_strings_through(source: str) -> None:
    assert written_words(source) == []
