"""What the meeting screen shows of raised hands, split time and airtime, and its words.

Built from the meeting and one ``now``, as the rest of :mod:`facilitator.views.meeting`; the
screen (tui/screens/meeting_hands.py) draws and notifies what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.i18n import N_, _
from facilitator.meeting.meeting import Meeting
from facilitator.meeting.split import slot_left
from facilitator.meeting.state import ItemRun
from facilitator.text import ellipsize
from facilitator.timewords import minutes_words, mmss

NAME_CELLS = 20
BAR_CELLS = 24
# What j offers for a hand; read as ``MOVES``, in the interface language of the moment.
_MOVES = (N_("Withdraw the hand"), N_("Move up"), N_("Move down"), N_("First in the queue"))


def __getattr__(name: str) -> tuple[str, ...]:
    if name == "MOVES":
        return tuple(_(move) for move in _MOVES)
    raise AttributeError(name)


# -- the queue, beside the countdown -------------------------------------------------------------


def queue_line(run: ItemRun, now: float) -> str:
    """Who holds the floor and for how long, who is next, and who waits after them."""
    parts = []
    if run.speaker is not None:
        spoken = run.spent(run.speaker, now)
        said = _("Floor: {name} {time}")
        parts.append(
            said.format(name=ellipsize(run.speaker, NAME_CELLS), time=mmss(spoken, up=True))
        )
    if run.hands:
        parts.append(_("next: {name}").format(name=ellipsize(run.hands[0], NAME_CELLS)))
        if run.speaker is None:
            parts.append(_("H gives the floor"))
    if len(run.hands) > 1:
        parts.append(_("then {names}").format(names=", ".join(run.hands[1:])))
    if run.progressive and run.hands:
        parts.append(_("first-time speakers first"))
    return " · ".join(parts)


def slots_line(run: ItemRun) -> str:
    """The slots in order, the running one marked, as planned."""
    words = []
    for number, share in enumerate(run.shares):
        mark = "▶" if number == run.slot else ("✓" if share.used is not None else "")
        words.append(f"{mark}{share.name} {share.minutes:g}")
    return _("Slots: {slots}").format(slots=" · ".join(words))


def side_line(meeting: Meeting, now: float) -> str:
    """The speaker line of an item that is not a round: the queue, else the slots."""
    run = meeting.run
    line = queue_line(run, now)
    if line or not run.shares:
        return line
    return slots_line(run)


# -- the slot's countdown --------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotClock:
    """The countdown of the slot running now, in place of the item's."""

    left: float
    given: float
    cue: list[str]


def slot_clock(meeting: Meeting, now: float, item_left: float) -> SlotClock | None:
    run = meeting.run
    left = slot_left(run, now)
    if left is None or run.slot is None or meeting.status in ("ready", "ended"):
        return None
    share = run.shares[run.slot]
    given = share.given or 0.0
    name = ellipsize(share.name, NAME_CELLS)
    count = f"{run.slot + 1}/{len(run.shares)}"
    later = run.shares[run.slot + 1].name if run.slot + 1 < len(run.shares) else None
    item = (_("item: {time} left").format(time=minutes_words(item_left)) if item_left >= 0
            else _("item OVERTIME by {time}").format(time=mmss(item_left)))  # fmt: skip
    if left < 0:
        cue = [_("OVERTIME for {name} by {time}").format(name=name, time=mmss(left)),
               _("T: {name}").format(name=later) if later else _("T ends the slots"), item]  # fmt: skip
    elif 1 <= int(left + 0.999) <= 60 and meeting.status == "running":
        cue = [_("One minute left for {name}").format(name=name), item]
    else:
        total = int(given / 60 + 0.5) * 60
        rest = min(total, int(left / 60 + 0.5) * 60)
        said = _("{name} ({count}): {left} left of {total}")
        cue = [said.format(name=name, count=count, left=minutes_words(rest),
                           total=minutes_words(total)), item]  # fmt: skip
        if later:
            cue.append(_("then {names}").format(names=ellipsize(later, NAME_CELLS)))
    return SlotClock(left, given, cue)


def split_hint(meeting: Meeting) -> str:
    """The guidance's last line on an item the agenda declares split, until it is."""
    state = meeting.state
    item = state.agenda.items[state.current]
    if item.split is None or state.item.shares:
        return ""
    if item.split == "topics":
        return _("Split (T): share this item's time between the topics brought today")
    return _("Split (T): share this item's time between those who bring something")


# -- airtime ---------------------------------------------------------------------------------------


def bar(seconds: float, most: float, cells: int = BAR_CELLS) -> str:
    """A bar of eighths: ``seconds`` against ``most``."""
    if most <= 0:
        return ""
    eighths = round(min(1.0, max(0.0, seconds / most)) * cells * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + ("" if not part else " ▏▎▍▌▋▊▉"[part])


def chart_lines(spoken: dict[str, float], people: list[str], width: int) -> list[str]:
    """Each person's airtime, least first (those here who have not spoken at the top)."""
    names = list(dict.fromkeys([*people, *spoken]))
    rows = sorted(names, key=lambda n: (spoken.get(n, 0.0), names.index(n)))
    cells = max(6, min(BAR_CELLS, width - NAME_CELLS - 12))
    most = max(spoken.values(), default=0.0)
    return [f"{ellipsize(n, 14):<14} {mmss(spoken.get(n, 0.0), up=True):>7}  "
            f"{bar(spoken.get(n, 0.0), most, cells)}" for n in rows]  # fmt: skip


def airtime_chart(meeting: Meeting, width: int) -> tuple[str, str]:
    """A's title and text: who has spoken how long, in this item and in the meeting."""
    state = meeting.state
    if state.airtime == "off":
        return _("Airtime"), airtime_off()
    item = state.agenda.items[state.current]
    here = list(state.participants)
    parts = [_("In this item ({title}):").format(title=item.title),
             *chart_lines(meeting.airtime(state.current), here, width), "",
             _("In the whole meeting:"), *chart_lines(meeting.airtime(), here, width), "",
             _("Counted from the turns of rounds and from the floor (H) in other items. "
               "For you alone: it is never shown on a stage view.")]  # fmt: skip
    return _("Airtime: who has spoken least"), "\n".join(parts)


# -- notices and dialogs -----------------------------------------------------------------------------


def airtime_off() -> str:
    return _("This group has airtime switched off (facilitator groups airtime GROUP on).")


def no_hands_in_a_round() -> str:
    return _("A round has its turns (s): raised hands are for the other items.")


def who_raises() -> str:
    return _("Who raises a hand? (tab or → completes a name)")


def not_here(name: str) -> str:
    return _("{name} is not here: a adds someone who arrived.").format(name=name)


def already_waiting(name: str) -> str:
    return _("{name} already has a hand up.").format(name=name)


def no_hands() -> str:
    return _("No hand is up: h raises one.")


def queue_question(meeting: Meeting) -> tuple[str, list[str]]:
    """j: the hands, and the stack's switch."""
    run = meeting.run
    stack = (_("Progressive stack: turn off") if run.progressive
             else _("Progressive stack: turn on (first-time speakers first)"))  # fmt: skip
    return _("The raised hands"), [*run.hands, stack]


def hand_moves(meeting: Meeting, name: str) -> list[str]:
    """What can be done with ``name``'s hand where it is in the queue."""
    hands = meeting.run.hands
    place = hands.index(name) if name in hands else 0
    withdraw, up, down, front = (_(move) for move in _MOVES)
    moves = [withdraw]
    if place > 0:
        moves.append(up)
    if place < len(hands) - 1:
        moves.append(down)
    if place > 1:
        moves.append(front)
    return moves


def hand_question(name: str) -> str:
    return _("{name}'s hand").format(name=name)


def stack_words(on: bool) -> str:
    return (_("Progressive stack on: those who have not spoken here yet go first.") if on
            else _("Progressive stack off: hands wait in the order they were raised."))  # fmt: skip


def split_question(meeting: Meeting) -> str:
    left = minutes_words(max(0.0, meeting.remaining()))
    if meeting.agenda.items[meeting.state.current].split == "topics":
        said = _("Share the {left} left between topics: 'Jo 30, Raf 15', or names alone for "
                 "equal shares")  # fmt: skip
    else:
        said = _("Share the {left} left between people: 'Jo 30, Raf 15', or names alone for "
                 "equal shares")  # fmt: skip
    return said.format(left=left)


def split_placeholder() -> str:
    return "Jo 30, Raf 15"


def cannot_split(meeting: Meeting) -> str:
    if meeting.agenda.items[meeting.state.current].is_round:
        return _("A round has its turns already: its time is not split.")
    return _("Press space to start the meeting first.")


def slot_choices(meeting: Meeting) -> list[str]:
    """T while a slot runs: the next slot (first, so T then enter moves on), share again, stop."""
    run = meeting.run
    following = (run.slot or 0) + 1
    nxt = (_("Next slot: {name}").format(name=run.shares[following].name)
           if following < len(run.shares) else _("End the last slot"))  # fmt: skip
    return [nxt, _("Share the time left again"), _("Stop the slots (the item goes on)")]


def slot_question(meeting: Meeting) -> str:
    run = meeting.run
    return _("{name}'s slot").format(name=run.shares[run.slot or 0].name)


def slots_to_come(meeting: Meeting) -> str:
    """What sharing again starts from: the running slot with the minutes it has left (unless
    it has run out), then those to come as planned."""
    run = meeting.run
    current = run.slot or 0
    left = round((meeting.slot_left() or 0.0) / 60)
    rest = [f"{s.name} {s.minutes:g}" for s in run.shares[current + 1 :]]
    running = [f"{run.shares[current].name} {left}"] if left >= 1 else []  # not when it is over
    return ", ".join([*running, *rest])


def slots_over() -> str:
    return _("The slots are over: the item goes on with its own countdown.")


def pick_present(meeting: Meeting, text: str) -> str | None:
    """The person ``text`` names: someone here by their name in any case, or the one whose
    name begins with it."""
    exact = meeting.present(text)
    if exact is not None:
        return exact
    folded = text.casefold()
    begins = [p for p in meeting.state.participants if p.casefold().startswith(folded)]
    return begins[0] if len(begins) == 1 and folded else None
