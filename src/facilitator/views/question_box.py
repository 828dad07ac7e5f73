"""What the question box says, for the facilitator's screen and the room's stage alike.

Its headline is the item's own question (a round's set question), else the question drawn,
else the session's convening question or topic (or its reading) when the item shows it. Under the headline: the
prompt drawn to help with a set question, then what else of the session the item shows (the
supporting questions, the reading). Labels come in the words given: the interface's on the
facilitator's screen, the group's on the stage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.i18n import N_
from facilitator.meeting.events import SessionContent
from facilitator.meeting.state import State, current_question

HEADLINE_KINDS = ("question", "topic")  # what heads the box first; else the reading
LABELS = {
    "question": N_("The question: {text}"),
    "topic": N_("Topic: {text}"),
    "reading": N_("Reading: {text}"),
}


@dataclass(frozen=True)
class QuestionBox:
    headline: str = ""  # bold: the set question, the one drawn, or the session's own
    nudge: str = ""  # under a set question: the prompt drawn to help with it
    lines: tuple[str, ...] = ()  # what else of the session the item shows, smaller
    draws: bool = False  # the item draws from a deck (d)
    drawn: bool = False  # a question is drawn and on the table
    set_question: bool = False  # the headline is the item's own question

    @property
    def shown(self) -> bool:
        return bool(self.headline or self.lines or self.draws)


def shown_content(content: SessionContent, show: tuple[str, ...]) -> list[tuple[str, str]]:
    """What of the session an item shows, in the order it names them: (kind, text) pairs,
    one per supporting question; what the session did not bring is left out."""
    out: list[tuple[str, str]] = []
    for kind in show:
        if kind == "question" and content.question:
            out.append((kind, content.question))
        elif kind == "topic" and content.topic:
            out.append((kind, content.topic))
        elif kind == "supporting":
            out += [(kind, text) for text in content.supporting]
        elif kind == "reading" and content.reading.line:
            out.append((kind, content.reading.line))
    return out


Words = Callable[[str], str]  # a gettext: the interface's, or the group's catalogue's


def label(kind: str, text: str, words: Words) -> str:
    """One line of the session's content; supporting questions stand as they are, marked."""
    return f"· {text}" if kind == "supporting" else words(LABELS[kind]).format(text=text)


def question_box(state: State, words: Words) -> QuestionBox:
    """The box for the current item (empty while its alternative runs)."""
    item = state.agenda.items[state.current]
    run = state.item
    if run.alternative:
        return QuestionBox()
    drawn = current_question(item, run)
    content = shown_content(state.content, item.show)
    headline = nudge = ""
    if item.question:
        headline, nudge = item.question, drawn.text if drawn is not None else ""
    elif drawn is not None:
        headline = drawn.text
    elif not item.deck:
        heads = [n for n, (kind, _text) in enumerate(content) if kind in HEADLINE_KINDS]
        heads += [n for n, (kind, _text) in enumerate(content) if kind == "reading"]
        if heads:
            headline = content.pop(heads[0])[1]
    return QuestionBox(
        headline=headline, nudge=nudge,
        lines=tuple(label(kind, text, words) for kind, text in content),
        draws=bool(item.deck), drawn=drawn is not None, set_question=bool(item.question),
    )  # fmt: skip
