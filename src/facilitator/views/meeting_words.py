"""The words of the meeting screen's notices and dialogs, and the rules they depend on.

The screen (tui/screens/meeting*.py) passes what these functions return to ``notify()`` and to
its small dialogs (Confirm, AskText, PickOne); it writes no words of its own, so each sentence
here has a unit test (tests/unit/test_meeting_words.py) and the wording can change in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitator.i18n import N_, _, ngettext
from facilitator.meeting.events import Carried
from facilitator.meeting.meeting import Meeting
from facilitator.meeting.rounds import not_begun
from facilitator.meeting.state import State
from facilitator.text import ellipsize

SHARE_CELLS = 50  # the shared entry's first line, cut to this in the notice
NO_ROLE = N_("no role")  # the first choice when someone arrives and the agenda has roles

# Moving between items and the end (meeting.py)


def last_item() -> str:
    return _("This is the last item: press q to end the meeting.")


def no_earlier_item() -> str:
    return _("There is no earlier item to go back to.")


def item_minimum() -> str:
    return _("An item keeps at least one minute.")


def leave_untouched() -> str:
    """Asked on q before the meeting has started: leaving keeps no record."""
    return _("The meeting has not started. Leave it without keeping a record?")


def end_now(not_heard: Sequence[str] = ()) -> str:
    """Asked on q; ``not_heard``: who the round in hand has not heard yet (Meeting.not_heard)."""
    if not_heard:
        return unheard(not_heard, _("End the meeting anyway?"))
    return _("End the meeting now?")


def unheard(names: Sequence[str], then: str) -> str:
    """Asked before n, k or q leave a round that has not heard everyone: who, then ``then``."""
    said = ngettext("{count} has not spoken: {names}", "{count} have not spoken: {names}",
                    len(names))  # fmt: skip
    return said.format(count=len(names), names=", ".join(names)) + "\n" + then


def moving_on(meeting: Meeting, *, skip: bool = False) -> str | None:
    """What n (``skip``: k) asks before leaving a round that has not heard everyone yet;
    None: it moves on at once (everyone was heard, or there is no next item to go to)."""
    names = meeting.not_heard()
    if not names or not meeting.has_next_item():
        return None
    return unheard(names, _("Skip this item anyway?") if skip else _("Move on anyway?"))


# Turns, arrivals, leavers, roles and the speaking order (meeting_people.py)


def not_a_round() -> str:
    return _("This item is not a round: there are no turns to give.")


def start_first() -> str:
    return _("Press space to start the meeting first.")


def round_done(anyone: bool) -> str:
    """s when nobody is left to speak: everyone has had a turn, or the round had nobody."""
    return (
        _("Everyone has spoken in this round.") if anyone else _("Nobody is here for this round.")
    )


def speaker_goes_on() -> str:
    """b when nobody else is waiting."""
    return _("Nobody else is waiting: the speaker goes on.")


def who_arrived() -> str:
    return _("Who has arrived?")


def name_placeholder() -> str:
    return _("a name or pseudonym")


def already_here(name: str) -> str:
    return _("{name} is already here.").format(name=name)


def role_today(name: str) -> str:
    return _("Does {name} hold a role today?").format(name=name)


def role_choices(roles: Iterable[str]) -> list[str]:
    """The choices for a newcomer's role: none first, then the agenda's roles."""
    return [_(NO_ROLE), *roles]


def chosen_roles(choice: str | None) -> list[str]:
    """The roles a choice of :func:`role_choices` gives (``NO_ROLE``: none)."""
    return [] if not choice or choice == _(NO_ROLE) else [choice]


def welcome(name: str, back: bool = False) -> str:
    """Someone arrives; ``back``: they were here earlier in this meeting."""
    return (_("Welcome back, {name}.") if back else _("Welcome, {name}.")).format(name=name)


def is_new(name: str) -> str:
    return _("Is {name} new to the group?").format(name=name)


def new_choices() -> list[str]:
    """No first: most who arrive late have been before."""
    return [_("No, they have been before"), _("Yes, new to the group")]


def introductions_next(name: str, ready: bool) -> str:
    """Someone new came, and the brief introductions had been left out: they are held."""
    if ready:
        return _("{name} is new: the meeting opens with the brief introductions.").format(name=name)
    return _("{name} is new: the brief introductions come next (n).").format(name=name)


def asks_if_new(name: str, known: Iterable[str]) -> bool:
    """Whether to ask if someone who arrives is new: not when the group knows the name."""
    return name.casefold() not in {k.casefold() for k in known}


def no_roles() -> str:
    return _("This agenda has no roles.")


def holds_roles(name: str, roles: Sequence[str]) -> str:
    listed = _(" and ").join(roles)
    return ngettext("{name} holds {count} role: {roles}.", "{name} holds {count} roles: {roles}.",
                    len(roles)).format(name=name, count=len(roles), roles=listed)  # fmt: skip


def role_warnings(meeting: Meeting) -> list[str]:
    """After w: who holds more than one role that has its own turn (the case giver who still
    coaches, say). A role nobody speaks as, or roles that speak together in one turn (a
    timekeeper who also coaches, as Case Clinic asks), are no surprise and not pointed out."""
    agenda, state = meeting.agenda, meeting.state
    turns = {frozenset(item.who_roles) for item in agenda.items if item.who}
    turns |= {frozenset([item.first]) for item in agenda.items if item.first}
    notices = []
    for name in state.participants:
        mine = [t for t in turns if any(name in state.holders(r) for r in t)]
        if len(mine) > 1 and not any(all(t <= other for t in mine) for other in mine):
            held = [
                r for r in agenda.roles if name in state.holders(r) and any(r in t for t in mine)
            ]
            notices.append(holds_roles(name, held))
    return notices


def who_leaves() -> str:
    return _("Who is leaving?")


def no_round_left() -> str:
    return _("There is no round left to order.")


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
        question = _("Who speaks first? ({title})").format(title=title)
        return OrderQuestion(question, meeting.round_order(index), True)
    run = meeting.state.items[index]
    waiting = [p for p in run.waiting() if p != run.speaker]
    return OrderQuestion(_("Who speaks next?"), waiting, False)


def nobody_waiting() -> str:
    return _("Nobody else is waiting to speak.")


def opens(name: str, title: str) -> str:
    """The person chosen to open a round to come."""
    return _("{name} opens “{title}”.").format(name=name, title=title)


# Entries, ratings, sharing and earlier follow-ups (meeting_entries.py)


def ratings_for_conclusion() -> str:
    return _("Ratings (0-4) are for the conclusion round.")


def floor_first() -> str:
    return _("Give someone the floor first (s).")


def nothing_to_mark() -> str:
    return _("Nothing written on this item yet to mark.")


def never_shared() -> str:
    return _("Off the record: this entry is never shared, and is dropped when the meeting ends.")


def named_mark() -> str:
    """After an entry whose name goes with it when shared, in the list of entries (E)."""
    return _("[with the name]")


def off_record_mark() -> str:
    """After an entry off the record in the list of entries (E)."""
    return _("[off the record]")


def share_notice(text: str, shared: bool) -> str:
    """x marked (or unmarked) an entry: its first line, cut short; a rating has no text."""
    words = ellipsize(text.splitlines()[0] if text else _("(a rating)"), SHARE_CELLS)
    said = (
        _("To share with other groups: “{words}”") if shared else _("No longer shared: “{words}”")
    )
    return said.format(words=words)


def open_followups(state: State) -> list[Carried]:
    """The follow-ups brought from earlier sessions that are not marked done yet."""
    return [c for c in state.carried if c.ref not in state.followups_done]


def followup_label(carried: Carried) -> str:
    """A follow-up as F lists it: its text, and who took it on."""
    return carried.text + (f" — {carried.owner}" if carried.owner else "")


def followup_labels(carried: Iterable[Carried]) -> list[str]:
    return [followup_label(c) for c in carried]


def no_open_followups() -> str:
    return _("No open follow-ups from earlier sessions.")


def which_followup() -> str:
    return _("Which follow-up is done?")


def marked_done() -> str:
    return _("Marked done.")


# Questions from a deck (meeting_questions.py)


def no_deck() -> str:
    return _("This item has no question deck.")


def already_drawn() -> str:
    return _("A question is already drawn: r draws another.")


def deck_empty() -> str:
    return _("No question left to draw in this deck.")


def nothing_drawn() -> str:
    return _("No question is drawn on this item.")


def retire_question(text: str) -> str:
    """R asks first, showing the question it would retire."""
    return _("Never ask this group this question again?") + f"\n\n{text}"


def retired() -> str:
    return _("Retired for this group.")


def no_alternative() -> str:
    return _("This item has no alternative.")


EARLY_SAID = 5 * 60  # an earlier start than this before the planned one is said on screen


def early_start(state: State) -> str | None:
    """Started well before the planned start: the plan now runs from the start, and says so."""
    from facilitator.timewords import hhmm, minutes_words

    planned, started = state.planned_start, state.started
    if planned is None or started is None or planned - started < EARLY_SAID:
        return None
    said = _(
        "Started {early} before the planned {planned}: the plan now runs from {start} and "
        "ends at {end}."
    )
    return said.format(early=minutes_words(planned - started), planned=hhmm(planned),
                       start=hhmm(started), end=hhmm(started + state.total * 60))  # fmt: skip


# The room: the stage's message, copying to the call's chat (meeting_room.py)


def message_question(shown: str) -> str:
    if shown:
        return _("A message for the room, on the stage (empty: take it down)")
    return _('A message for the room, on the stage ("5-minute break, back at 20:10")')


def message_placeholder() -> str:
    return _("a short line the room will read")


def message_sent(text: str) -> str:
    return (
        _("On the stage: {text}").format(text=text) if text else _("The message is off the stage.")
    )


def copied(text: str) -> str:
    return _("Copied, to paste in the call's chat: {text}").format(text=text)


def nothing_to_copy() -> str:
    return _("No question is drawn on this item: C copies the item and its time left.")
