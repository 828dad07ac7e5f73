"""The words of the meeting screen's notices and dialogs, and the rules they depend on.

The screen (tui/screens/meeting*.py) passes what these functions return to ``notify()`` and to
its small dialogs (Confirm, AskText, PickOne); it writes no words of its own, so each sentence
here has a unit test (tests/unit/test_meeting_words.py) and the wording can change in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitator.meeting.events import Carried
from facilitator.meeting.meeting import Meeting
from facilitator.meeting.rounds import not_begun
from facilitator.meeting.state import State
from facilitator.text import ellipsize

SHARE_CELLS = 50  # the shared entry's first line, cut to this in the notice
NO_ROLE = "no role"  # the first choice when someone arrives and the agenda has roles

# Moving between items and the end (meeting.py)


def last_item() -> str:
    return "This is the last item: press q to end the meeting."


def no_earlier_item() -> str:
    return "There is no earlier item to go back to."


def item_minimum() -> str:
    return "An item keeps at least one minute."


def leave_untouched() -> str:
    """Asked on q before the meeting has started: leaving keeps no record."""
    return "The meeting has not started. Leave it without keeping a record?"


def end_now() -> str:
    return "End the meeting now?"


# Turns, arrivals, leavers, roles and the speaking order (meeting_people.py)


def not_a_round() -> str:
    return "This item is not a round: there are no turns to give."


def start_first() -> str:
    return "Press space to start the meeting first."


def round_done(anyone: bool) -> str:
    """s when nobody is left to speak: everyone has had a turn, or the round had nobody."""
    said = "Everyone has spoken in" if anyone else "Nobody is here for"
    return f"{said} this round."


def speaker_goes_on() -> str:
    """b when nobody else is waiting."""
    return "Nobody else is waiting: the speaker goes on."


def who_arrived() -> str:
    return "Who has arrived?"


def name_placeholder() -> str:
    return "a name or pseudonym"


def already_here(name: str) -> str:
    return f"{name} is already here."


def role_today(name: str) -> str:
    return f"Does {name} hold a role today?"


def role_choices(roles: Iterable[str]) -> list[str]:
    """The choices for a newcomer's role: none first, then the agenda's roles."""
    return [NO_ROLE, *roles]


def chosen_roles(choice: str | None) -> list[str]:
    """The roles a choice of :func:`role_choices` gives (``NO_ROLE``: none)."""
    return [] if not choice or choice == NO_ROLE else [choice]


def welcome(name: str, back: bool = False) -> str:
    """Someone arrives; ``back``: they were here earlier in this meeting."""
    return f"Welcome back, {name}." if back else f"Welcome, {name}."


def no_roles() -> str:
    return "This agenda has no roles."


def holds_roles(name: str, roles: Sequence[str]) -> str:
    return f"{name} holds {len(roles)} roles: {' and '.join(roles)}."


def role_warnings(meeting: Meeting) -> list[str]:
    """After w: who holds more than one role that has its own turn (the case giver who still
    coaches, say). A role nobody speaks as (a timekeeper who coaches too, as Case Clinic asks)
    is no surprise, so it is not pointed out."""
    agenda, state = meeting.agenda, meeting.state
    speaking = {r for item in agenda.items for r in (item.who, item.first) if r}
    notices = []
    for name in state.participants:
        held = [r for r in agenda.roles if r in speaking and name in state.holders(r)]
        if len(held) > 1:
            notices.append(holds_roles(name, held))
    return notices


def who_leaves() -> str:
    return "Who is leaving?"


def no_round_left() -> str:
    return "There is no round left to order."


@dataclass(frozen=True)
class OrderQuestion:
    """What o asks, and whom it offers."""

    question: str
    choices: list[str]
    first: bool  # who opens the round (else: who speaks after the speaker)


def order_question(meeting: Meeting, index: int, now: float) -> OrderQuestion:
    """o on round ``index``: before it has begun (or for a round to come), who speaks first,
    among its whole order; once it has, who speaks next, among those still waiting."""
    first = index != meeting.state.current or not_begun(meeting.state.item, now)
    if first:
        title = meeting.agenda.items[index].title
        return OrderQuestion(f"Who speaks first? ({title})", meeting.round_order(index), True)
    run = meeting.state.items[index]
    waiting = [p for p in run.waiting() if p != run.speaker]
    return OrderQuestion("Who speaks next?", waiting, False)


def nobody_waiting() -> str:
    return "Nobody else is waiting to speak."


def opens(name: str, title: str) -> str:
    """The person chosen to open a round to come."""
    return f"{name} opens “{title}”."


# Entries, ratings, sharing and earlier follow-ups (meeting_entries.py)


def ratings_for_conclusion() -> str:
    return "Ratings (0-4) are for the conclusion round."


def floor_first() -> str:
    return "Give someone the floor first (s)."


def nothing_to_mark() -> str:
    return "Nothing written on this item yet to mark."


def share_notice(text: str, shared: bool) -> str:
    """x marked (or unmarked) an entry: its first line, cut short; a rating has no text."""
    words = ellipsize(text.splitlines()[0] if text else "(a rating)", SHARE_CELLS)
    return f"To share with other groups: “{words}”" if shared else f"No longer shared: “{words}”"


def open_followups(state: State) -> list[Carried]:
    """The follow-ups brought from earlier sessions that are not marked done yet."""
    return [c for c in state.carried if c.ref not in state.followups_done]


def followup_label(carried: Carried) -> str:
    """A follow-up as F lists it: its text, and who took it on."""
    return carried.text + (f" — {carried.owner}" if carried.owner else "")


def followup_labels(carried: Iterable[Carried]) -> list[str]:
    return [followup_label(c) for c in carried]


def no_open_followups() -> str:
    return "No open follow-ups from earlier sessions."


def which_followup() -> str:
    return "Which follow-up is done?"


def marked_done() -> str:
    return "Marked done."


# Questions from a deck (meeting_questions.py)


def no_deck() -> str:
    return "This item has no question deck."


def already_drawn() -> str:
    return "A question is already drawn: r draws another."


def deck_empty() -> str:
    return "No question left to draw in this deck."


def nothing_drawn() -> str:
    return "No question is drawn on this item."


def retire_question(text: str) -> str:
    """R asks first, showing the question it would retire."""
    return f"Never ask this group this question again?\n\n{text}"


def retired() -> str:
    return "Retired for this group."


def no_alternative() -> str:
    return "This item has no alternative."
