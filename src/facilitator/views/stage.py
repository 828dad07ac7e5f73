"""What the room may see, built from a session's state and one ``now``: the stage view.

The stage (``facilitator stage``, its window and its page) shows the item and its countdown, the
speaker with their own time and who is next, the question box (the round's set question, the
question drawn, the session's convening question), and the facilitator's message.
Nothing else of the state is read here: entries, notes, follow-ups and anything typed never
reach a :class:`StageView`, so neither the window nor the page can show them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from facilitator.i18n import SOURCE, group_words, language
from facilitator.meeting.projection import allotted, remaining
from facilitator.meeting.rounds import next_speaker, turn_time
from facilitator.meeting.split import slot_left
from facilitator.meeting.state import State
from facilitator.text import clean_line
from facilitator.timewords import mmss
from facilitator.views import stage_words as say
from facilitator.views.question_box import question_box


@dataclass(frozen=True)
class StageView:
    """One frame of the stage. ``left`` and ``turn_left`` are seconds at ``at`` (the time it
    was built); ``moving`` and ``turn_moving`` say whether they count down from there, so a
    page can tick on its own from the deadlines ``at + left``."""

    waiting: bool = True  # no meeting to show
    status: str = ""  # ready, running, paused, ended
    headline: str = ""  # the agenda's title, or why there is nothing to show
    item: str = ""
    digits: str = ""
    cue: str = ""
    over: bool = False
    warning: bool = False  # the last minute
    speaker: str = ""
    turn: str = ""  # the speaker's own time
    turn_over: bool = False
    next: str = ""
    question: str = ""
    message: str = ""
    at: float = 0.0
    left: float = 0.0
    moving: bool = False
    turn_left: float | None = None
    turn_moving: bool = False
    language: str = SOURCE  # the group's: the words of the meeting are in it
    turn_under: str = "{time} left for you"  # the speaker's time, for a page that counts down
    turn_over_words: str = "TIME IS UP +{time}"

    def texts(self) -> list[str]:
        """Every text the frame shows, in reading order."""
        parts = [self.headline, self.item, self.digits, self.cue, self.speaker, self.turn,
                 self.next, self.question, self.message]  # fmt: skip
        return [p for p in parts if p]

    def as_data(self) -> dict[str, Any]:
        return asdict(self)


def waiting(headline: str, hint: str = "", now: float = 0.0) -> StageView:
    """The stage speaks of itself in the interface language."""
    return StageView(waiting=True, headline=headline, cue=hint, at=now, language=language())


def build(state: State, now: float) -> StageView:
    """The stage for ``state`` at ``now``."""
    item = state.agenda.items[state.current]
    run = state.item
    t = group_words(state.agenda.language)
    left = remaining(state, now)
    moving = _moves(state, now)
    speaker_line = turn_line = next_line = ""
    turn_left: float | None = None
    turn_moving = False
    slot = slot_left(run, now) if state.status not in ("ready", "ended") else None
    if slot is not None and run.slot is not None:  # a split item: the slot's own countdown
        left = slot
        speaker_line = say.slot(t, clean_line(run.shares[run.slot].name))
        if run.slot + 1 < len(run.shares):
            next_line = say.next_up(t, clean_line(run.shares[run.slot + 1].name))
    elif run.speaker is not None and state.status != "ended":
        speaker_line = say.speaking(t, clean_line(run.speaker))
        if item.is_round and run.turn_share is not None:
            turn_left = run.turn_share - turn_time(run, now)
            turn_line = say.turn(t, turn_left)
            turn_moving = state.status == "running" and run.speaker_since is not None
        following = next_speaker(run) if item.is_round else next(iter(run.hands), None)
        if following:
            next_line = say.next_up(t, clean_line(following))
    over = left < 0 and state.status not in ("ready", "ended")
    under, over_words = say.turn_templates(t)
    warning = 1 <= int(left + 0.999) <= 60 and state.status == "running"
    active = state.active_indexes()
    number = active.index(state.current) + 1 if state.current in active else 0
    box = question_box(state, t.gettext)
    question = "\n".join(filter(None, map(clean_line, (box.headline, box.nudge, *box.lines))))
    return StageView(
        waiting=False,
        status=state.status,
        headline=clean_line(state.agenda.title),
        item=say.title_line(number, len(active), clean_line(item.title)),
        digits=("+" if over else "") + mmss(left),
        cue=say.cue(t, state.status, over, warning, left),
        over=over,
        warning=warning and not over,
        speaker=speaker_line,
        turn=turn_line,
        turn_over=turn_left is not None and turn_left < 0,
        next=next_line,
        question=question if state.status != "ended" else "",
        message=clean_line(state.message),
        at=now,
        left=left,
        moving=moving and state.status != "ended",
        turn_left=turn_left,
        turn_moving=turn_moving,
        language=state.agenda.language,
        turn_under=under,
        turn_over_words=over_words,
    )


def _moves(state: State, now: float) -> bool:
    """Whether the countdown changes by the second (as ``Meeting.clock_moves``)."""
    if state.status == "running":
        return True
    if state.status != "paused" or not state.agenda.items[state.current].flexible:
        return False
    return allotted(state, now + 1.0) < allotted(state, now)


LOOK = 1.0  # seconds: the longest wait between two looks at the journal (one stat each)
PAST = 0.02  # seconds: how long after the digits' change the frame is drawn


def next_look(view: StageView) -> float:
    """Seconds until the stage should look again: when the countdown's digits change (just
    after), and at most a second, so a key pressed in the meeting shows within a second and
    following the journal costs one stat a second."""
    if not view.moving:
        return LOOK
    left = view.left
    if left > 0:  # the digits show a second until it has fully passed: 5.3 s reads 00:06
        until = left - math.floor(left) - 0.001
        if until <= 0:
            until += 1.0
    else:  # overtime counts up by whole seconds
        until = 1.0 - (-left - math.floor(-left))
    return min(LOOK, max(PAST, until + PAST))
