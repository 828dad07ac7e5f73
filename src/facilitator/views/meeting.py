"""Everything the meeting screen shows, built once per tick from the meeting and one ``now``.

The screen draws what a :class:`MeetingView` says and maps keys to the meeting's commands; the
wording and the rules of what to show live here, tested as plain functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.i18n import N_, _, ngettext, pgettext
from facilitator.journal.record import MET_WORDS
from facilitator.meeting.meeting import Meeting, Moved
from facilitator.meeting.projection import Projection, allotted, lengths, project, remaining
from facilitator.meeting.rounds import next_speaker, turn_time
from facilitator.meeting.state import Entry, asks_expectations, current_question
from facilitator.text import ellipsize
from facilitator.timewords import hhmm, minutes_words, mmss
from facilitator.views import hands as hands_view
from facilitator.views.due_words import due_mark
from facilitator.views.fitting import fit, wrap_to
from facilitator.views.question_box import question_box

NAME_CELLS = 20  # at 80 columns, two such names, the turn's time and "next" fit in one line
# The field's prompt, with and without whose words it holds.
OWNED = ("followups", "decisions")  # entries whose owner is named before the words
PROMPTS = {
    "expectations": N_("Expectation"),
    "conclusions": N_("Conclusion"),
    "notes": N_("Note"),
    "followups": N_("Follow-up"),
    "decisions": N_("Decision"),
}
PROMPTS_OF = {
    "expectations": N_("Expectation of {person}"),
    "conclusions": N_("Conclusion of {person}"),
    "notes": N_("Note of {person}"),
    "followups": N_("Follow-up from {person}"),
    "decisions": N_("Decision of {person}"),
}
MARKS = {"done": "✓", "current": "▶", "pending": " ", "skipped": "⤼"}


@dataclass(frozen=True)
class ClockFace:
    """The clock panel: big digits, the cue, a progress bar and the speaker line."""

    digits: str = "00:00"
    cue: str = ""
    fraction: float = 0.0  # of the item's time used, 0..1
    speaker: str = ""
    over: bool = False
    warning: bool = False


@dataclass(frozen=True)
class Capture:
    """The entry field of the item: shown or not, its prompt, and what was written."""

    shown: bool = False
    prompt: str = ""
    earlier: str = ""
    entries: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineRow:
    status: str
    mark: str
    title: str
    planned: str
    actual: str
    projected: str
    minutes: str


@dataclass(frozen=True)
class Layout:
    """The screen's size and what the facilitator is doing in it."""

    width: int = 80
    height: int = 24
    writing_notes: bool = False  # e opened the field on an item that keeps no entries
    draft_for: str | None = None  # whose words are in the field (rounds)
    drafting: bool = False  # the field holds text
    writing: str | None = None  # the kind chosen with f / D / N; None: the item's own

    @property
    def compact(self) -> bool:
        return self.width < 70 or self.height < 22

    @property
    def tiny(self) -> bool:
        return self.height < 16

    @property
    def big_digits(self) -> bool:
        """The clock keeps its digits down to 40 columns (narrower beside less text when
        compact); below that, or when tiny, the time leads the cue as text."""
        return self.width >= 40 and not self.tiny


@dataclass(frozen=True)
class Saving:
    """How the journal stands: everything saved, or why not and what is kept where."""

    problem: str | None = None
    pending: int = 0
    fallback: str | None = None


@dataclass(frozen=True)
class MeetingView:
    saving: str  # empty while everything is saved
    topbar: str
    item_title: str
    clock: ClockFace
    guidance: str
    question: str  # the headline: the item's own question, the one drawn, or the session's
    question_shown: bool
    capture: Capture
    timeline: tuple[TimelineRow, ...]
    timeline_width: int  # cells for the items' titles
    summary: str
    offers: frozenset[str] = field(default_factory=frozenset)  # actions the palette offers now
    nudge: str = ""  # under a headline, smaller: the prompt drawn (d) to help with it
    context: tuple[str, ...] = ()  # what else of the session the item shows, beneath


def build(meeting: Meeting, now: float, layout: Layout, saving: Saving = Saving()) -> MeetingView:
    """The whole screen, from one reading of the clock and one projection."""
    state = meeting.state
    held = lengths(state, now)  # the re-planning, worked out once for the whole screen
    projection = project(state, now, held)
    left = remaining(state, now, held)
    given = allotted(state, now, held)
    question, nudge, context, question_shown = question_parts(meeting)
    return MeetingView(
        saving=saving_words(saving),
        topbar=topbar(meeting, now),
        item_title=item_title(meeting),
        clock=clock_face(meeting, now, layout, left, given),
        guidance=guidance(meeting, layout),
        question=question,
        question_shown=question_shown,
        nudge=nudge,
        context=context,
        capture=capture(meeting, layout),
        timeline=timeline(projection),
        timeline_width=timeline_title_width(layout),
        summary=summary(meeting, now, projection, layout),
        offers=offers(meeting, now),
    )


def saving_words(saving: Saving) -> str:
    """The banner when what happens is not being saved: why, and what is kept where."""
    if saving.problem is None:
        return ""
    count = saving.pending
    kept = ngettext("{count} action not saved yet: kept in memory, in order, and written as "
                    "soon as the disk allows (tried each minute and at every key)",
                    "{count} actions not saved yet: kept in memory, in order, and written as "
                    "soon as the disk allows (tried each minute and at every key)",
                    count).format(count=count)  # fmt: skip
    where = (_("; a full copy is in {folder}").format(folder=saving.fallback) if saving.fallback
             else _("; no other folder could take a copy either"))  # fmt: skip
    said = _("NOT SAVED: {problem}. {kept}{where}. Do not quit until this goes away.")
    return said.format(problem=saving.problem, kept=kept, where=where)


# -- the clock panel ---------------------------------------------------------------------------


def clock_face(
    meeting: Meeting, now: float, layout: Layout, left: float, given: float
) -> ClockFace:
    status = meeting.state.status
    elapsed = meeting.state.item.elapsed(now)
    slot = hands_view.slot_clock(meeting, now, left)
    if slot is not None:  # the slot's own countdown; the item's time is in its cue
        elapsed, left, given = slot.given - slot.left, slot.left, slot.given
    over = left < 0 and status != "ready"
    shown = ("+" if over else "") + mmss(left)
    # as the digits show it: 0.3 s left reads 00:01, 0.0002 s reads 00:00
    warn = 1 <= int(left + 0.999) <= 60 and status == "running"
    if slot is not None:
        parts = [*(["PAUSED: space to resume"] if status == "paused" else []), *slot.cue]
    else:
        parts = cue(meeting, now, over, warn, left, given)
    if not layout.big_digits:  # the time leads the cue
        if over:
            overtime = _("OVERTIME by {time}").format(time=mmss(left))
            parts = [_("OVERTIME {time}").format(time=shown), *(p for p in parts if p != overtime)]
        else:
            parts = [shown, *parts]
    return ClockFace(shown, " · ".join(parts), elapsed / (given or 1.0),
                     speaker_line(meeting, now, short=layout.compact and layout.big_digits),
                     over, warn)  # fmt: skip


def cue(meeting: Meeting, now: float, over: bool, warn: bool, left: float,
        given: float) -> list[str]:  # fmt: skip
    """What the cue line says, most important first (the panel drops what does not fit)."""
    status = meeting.state.status
    if status == "ready":
        return [_("READY: press space to start")]
    if status == "ended":
        return [_("The meeting has ended")]
    words = []
    if status == "paused" and meeting.clock_moves():  # its countdown goes on: say why
        words += [_("PAUSED · taken from this item's time"), _("space to resume")]
    elif status == "paused":
        words.append(_("PAUSED: space to resume"))
    if over:
        words += [_("OVERTIME by {time}").format(time=mmss(left)), _("n for the next item"),
                  _("+ adds a minute")]  # fmt: skip
    elif warn:
        words.append(_("One minute left"))
    if not words:  # both to the nearest minute, as the timeline shows them
        total = int(given / 60 + 0.5) * 60
        rest = min(total, int(left / 60 + 0.5) * 60)
        said = _("{left} left of {total}")
        words.append(said.format(left=minutes_words(rest), total=minutes_words(total)))
    return words


def speaker_line(meeting: Meeting, now: float, short: bool = False) -> str:
    """Who speaks, for how long and who is next. ``short``: beside the digits of a narrow
    screen, the turn's time comes first, so that a cut takes the name, never the time."""
    state = meeting.state
    run = state.item
    item = state.agenda.items[state.current]
    if not item.is_round:
        queue = hands_view.side_line(meeting, now)
        if queue or not item.who:
            return queue
        holders = ", ".join(state.holders_of(item.who_roles)) or _(
            "nobody here yet (w gives the role)"
        )
        return f"{_(' or ').join(item.who_roles)}: {holders}"
    nobody = (
        _("Nobody here holds the role {role}: w gives it").format(
            role=_(" or ").join(item.who_roles)
        )
        if item.who
        else _("Nobody to speak: press a to add a participant")
    )
    if run.status != "current":  # before the meeting starts
        order = state.round_members(state.current)
        return _("First to speak: {name}").format(name=order[0]) if order else nobody
    if not run.order:
        return nobody
    if run.speaker is None:
        waiting = run.waiting()
        if waiting:  # someone came after the last turn
            said = _("Not heard yet: {names} · s gives them the floor")
            return said.format(names=", ".join(waiting))
        last = state.active_indexes()[-1] == state.current
        return (
            _("Round complete (q ends the meeting)") if last else _("Round complete (n: next item)")
        )
    share = run.turn_share or 0
    spent = turn_time(run, now)
    # Long names are cut so that the time and who is next still fit beside the digits.
    if short:
        said = (
            _("{spent} of {share} OVER · {name}")
            if spent > share
            else _("{spent} of {share} · {name}")
        )
    else:
        said = (
            _("Speaking: {name}  {spent} of {share} OVER")
            if spent > share
            else _("Speaking: {name}  {spent} of {share}")
        )
    line = said.format(name=ellipsize(run.speaker, NAME_CELLS), spent=mmss(spent, up=True),
                       share=mmss(share))  # fmt: skip
    nxt = next_speaker(run)
    if nxt:
        line += _(" · next: {name}").format(name=ellipsize(nxt, NAME_CELLS))
    if run.passed:
        line += _(" · passed: {names}").format(names=", ".join(run.passed))
    return line


# -- the item ------------------------------------------------------------------------------------


def topbar(meeting: Meeting, now: float) -> str:
    s = meeting.state
    group = f"{s.group} · " if s.group else ""
    badge = {"ready": _("READY"), "running": _("RUNNING"), "paused": _("PAUSED"),
             "ended": _("ENDED")}[s.status]  # fmt: skip
    return f"{badge} · {hhmm(now)} · {group}{s.agenda.title}"


def item_title(meeting: Meeting) -> str:
    state = meeting.state
    item = state.agenda.items[state.current]
    active = state.active_indexes()
    kind = f" · {kind_words(item.kind)}" if item.kind != "open" else ""
    flags = (
        (" · " + _("flexible"))
        if item.flexible
        else ((" · " + _("protected")) if item.protected else "")
    )
    if meeting.off_record():
        flags += " · " + _("off the record")
    number = active.index(state.current) + 1 if state.current in active else 0
    return f"{number}/{len(active)}  {item.title}{kind}{flags}"


def kind_words(kind: str) -> str:
    """An item's kind, as the title line names it (the YAML keeps the English key)."""
    words = {
        "open": pgettext("item kind", "open"),
        "round": pgettext("item kind", "round"),
        "discussion": pgettext("item kind", "discussion"),
        "silence": pgettext("item kind", "silence"),
        "break": pgettext("item kind", "break"),
    }
    return words.get(kind, kind)


def guidance(meeting: Meeting, layout: Layout) -> str:
    """The guidance in the lines there is room for, ending in "…" when cut, and the hint
    about the alternative always on a line of its own."""
    state = meeting.state
    item = state.agenda.items[state.current]
    text, hint = item.guidance or "", ""
    if state.item.alternative and item.alternative:
        text = _("Alternative: {text}").format(text=item.alternative)
    elif item.alternative:
        hint = _("Alternative (v): {text}").format(text=item.alternative)
    hint = hint or hands_view.split_hint(meeting)
    width = max(10, layout.width - 2)
    room = 1 if layout.compact else (5 if layout.height >= 30 else 3)
    room -= 1 if hint and room > 1 else 0
    lines = list(wrap_to(text, width, room, more=_(" … (g reads it all)")))

    if hint:
        lines.append(ellipsize(hint, width))
    return "\n".join(line for line in lines if line)


def whole_guidance(meeting: Meeting) -> tuple[str, str]:
    """The title and the whole guidance, for g."""
    item = meeting.agenda.items[meeting.state.current]
    parts = [item.guidance or _("This item has no guidance.")]
    if item.alternative:
        parts.append(_("Alternative (v): {text}").format(text=item.alternative))
    return item.title, "\n\n".join(parts)


def question_parts(meeting: Meeting) -> tuple[str, str, tuple[str, ...], bool]:
    """The question box: its headline, the nudge under it, the session's content the item
    shows, and whether the box is shown at all; with how to draw where a deck waits."""
    box = question_box(meeting.state, _)
    headline = box.headline or (_("Press d to draw a question") if box.draws else "")
    waiting = box.set_question and box.draws and not box.drawn
    nudge = box.nudge or (_("d draws a prompt to help") if waiting else "")
    return headline, nudge, box.lines, box.shown


# -- entries ---------------------------------------------------------------------------------------


def capture_person(meeting: Meeting, layout: Layout) -> str | None:
    """Whose words the field is for: the speaker in a round (or whose draft it holds)."""
    state = meeting.state
    if not state.agenda.items[state.current].is_round:
        return None
    if layout.draft_for and layout.drafting:
        return layout.draft_for
    return state.item.speaker


def capture(meeting: Meeting, layout: Layout) -> Capture:
    state = meeting.state
    item = state.agenda.items[state.current]
    here = meeting.entries(state.current)
    kind = layout.writing or item.record or "notes"
    if not (item.record is not None or here or layout.writing_notes or layout.writing):
        return Capture()
    person = capture_person(meeting, layout)
    prompt = _(PROMPTS_OF[kind]).format(person=person) if person else _(PROMPTS[kind])
    if kind == "followups":  # who will do it comes first, as in "Bo: send the article"
        speaker = person or state.item.speaker
        others = [p for p in state.participants if p != speaker] or list(state.participants)
        if others:  # a name from this meeting, not one nobody here has
            hint = _(' (start with "{name}: " to say who will do it)')
            prompt += hint.format(name=others[0])
        else:  # nobody here to name
            prompt += _(" (start with a name and a colon to say who will do it)")
    earlier = ""
    if kind == "conclusions" and person and asks_expectations(state.agenda):
        hopes = [
            e.text for e in meeting.entries() if e.kind == "expectations" and e.person == person
        ]
        earlier = (_("Earlier, {name} expected: {hopes}").format(name=person, hopes=" / ".join(hopes))
                   if hopes else _("{name} gave no expectation earlier").format(name=person))  # fmt: skip
        rated = [e for e in here if e.person == person and e.met is not None]
        met = rated[-1].met if rated else None
        prompt += (_("  (met: {rating})").format(rating=_(MET_WORDS[met])) if met is not None
                   else _("  (0-4: met?)"))  # fmt: skip
    if meeting.off_record():
        prompt += _("  (off the record: shown now, kept nowhere once the meeting ends)")
    lines = [entry_line(entry) for entry in here]
    if len(lines) > 3:  # the last two, and a word that there are more
        more = ngettext("  … {count} earlier (E to see them all)",
                        "  … {count} earlier (E to see them all)", len(lines) - 2)  # fmt: skip
        lines = [more.format(count=len(lines) - 2), *lines[-2:]]
    return Capture(True, prompt, earlier, tuple(lines))


def too_long() -> str:
    from facilitator.meeting.events import MAX_TEXT

    said = _("An entry holds at most {count} characters: the rest was not taken. "
             "Write the rest as another entry.")  # fmt: skip
    return said.format(count=f"{MAX_TEXT:,}")


def entry_line(entry: Entry) -> str:
    """One entry under the field: who (a follow-up's owner first), the first line of the words,
    the rating, the mark."""
    name = (entry.owner or entry.person) if entry.kind in OWNED else entry.person
    who = f"{name}: " if name else ""
    words = entry.text.splitlines()[0] if entry.text else ""
    if entry.met is not None:
        rating = _("met: {rating}").format(rating=_(MET_WORDS[entry.met]))
        words = f"{words} ({rating})" if words else rating
    share = _(" [to share]") if entry.share else ""
    due = due_mark(entry)
    return f"• {who}{words}{f' · {due}' if due else ''}{share}"


# -- the timeline and the end ------------------------------------------------------------------------


def timeline(projection: Projection) -> tuple[TimelineRow, ...]:
    rows = []
    for row in projection.rows:
        actual = hhmm(row.actual_start) if row.actual_start is not None else ""
        # Minutes in all: as held, as given, or as expected (a later item that already ran
        # for a while, after going back, counts what it used too).
        minutes = row.projected_seconds
        if row.status in ("done", "skipped"):
            minutes = row.actual_seconds or 0.0
        elif row.status == "pending":
            minutes += row.actual_seconds or 0.0
        title = row.title + (_(" (skipped)") if row.status == "skipped" else "")
        rows.append(TimelineRow(row.status, MARKS.get(row.status, " "), title,
                                hhmm(row.planned_start), actual, hhmm(row.projected_start),
                                f"{(minutes or 0) / 60:.0f}"))  # fmt: skip
    return tuple(rows)


def summary(meeting: Meeting, now: float, projection: Projection, layout: Layout) -> str:
    """The meeting's end at a glance; the parts that do not fit go, last first."""
    state = meeting.state
    over = projection.over
    if abs(over) < 60:
        words = _("on time")
    elif over > 0:
        words = _("{time} OVER").format(time=minutes_words(over))
    else:
        words = _("{time} early").format(time=minutes_words(over))
    people = len(state.participants)
    ends = _("Ends {time}").format(time=hhmm(projection.projected_end))
    if not layout.compact:
        ends += _(" (planned {time})").format(time=hhmm(projection.planned_end))
    parts = [ends, words, ngettext("{count} person", "{count} people", people).format(count=people)]
    to_end = projection.planned_end - now
    if (state.started is not None or state.planned_start is not None) and to_end > 0:
        parts.append(_("{time} to planned end").format(time=minutes_words(to_end)))
    return fit(" · ".join(parts), max(1, layout.width - 2))


def timeline_title_width(layout: Layout) -> int:
    return max(12, layout.width - (47 if layout.compact else 41))


# -- what the palette offers, and what moved by itself --------------------------------------------


def offers(meeting: Meeting, now: float) -> frozenset[str]:
    """The actions that make sense on this item (the keys still answer, and say why not)."""
    state = meeting.state
    item = state.agenda.items[state.current]
    off = {
        "met": not (item.record == "conclusions" and asks_expectations(state.agenda)),
        "draw": not item.deck,
        "redraw": not item.deck,
        "retire": current_question(item, state.item) is None,
        "alternative": not item.alternative,
        "roles": not state.agenda.roles,
        "followups": not state.carried,
        "next_speaker": not item.is_round,
        "pass_speaker": not item.is_round,
        "order": meeting.next_round() is None,
        "raise_hand": item.is_round,
        "give_floor": item.is_round or not (state.item.hands or state.item.speaker),
        "hands": item.is_round or not state.item.hands,
        "split": item.is_round or state.status in ("ready", "ended"),
        "airtime": state.airtime == "off",
    }
    return frozenset(name for name, hidden in off.items() if not hidden)


OFFERED = frozenset({"met", "draw", "redraw", "retire", "alternative", "roles", "followups",
                     "next_speaker", "pass_speaker", "order", "raise_hand", "give_floor",
                     "hands", "split", "airtime"})  # fmt: skip


def moved_words(moves: list[Moved]) -> str:
    """What moved on by itself, in words (the last two)."""
    words = []
    for move in moves:
        if move.item is not None:
            words.append(_("Time is up: on to {title}").format(title=move.item))
        elif move.speaker is not None:
            words.append(_("{name} speaks").format(name=move.speaker))
        else:
            words.append(_("Everyone has spoken"))

    return " · ".join(words[-2:])
