"""Turning seconds and moments into what people read on screen (no Textual)."""

from __future__ import annotations

import time
from functools import lru_cache

from facilitator.clock import local_datetime
from facilitator.i18n import N_, Translations, _

HOURS_MINUTES = N_("{hours} h {minutes:02} min")
MINUTES = N_("{minutes} min")


def mmss(seconds: float, *, up: bool = False) -> str:
    """``12:05``; hours as ``1:02:05``. Negative values are shown by magnitude.

    A countdown shows a second until it has fully passed (11:00 until 10:59 is reached); a time
    counting ``up`` shows only whole seconds passed, so both change together.
    """
    total = int(abs(seconds) + (0.999 if seconds > 0 and not up else 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


def hhmm(t: float | None) -> str:
    """``19:05`` in the local zone. Remembered per minute and zone: a meeting's screen shows a
    dozen clock times and redraws each second, and they change once a minute at most."""
    return _hhmm(int(t // 60), time.tzname) if t is not None else "--:--"


@lru_cache(maxsize=512)
def _hhmm(minute: int, zone: tuple[str, str]) -> str:
    return local_datetime(minute * 60.0).strftime("%H:%M")


def minutes_words(seconds: float, words: Translations | None = None) -> str:
    """``25 min``, ``1 h 05 min``: in the interface language, or in ``words`` (a group's)."""
    say = words.gettext if words is not None else _
    minutes = int(abs(seconds) // 60)  # whole minutes, like the clock times beside it
    if minutes >= 60:
        return say(HOURS_MINUTES).format(hours=minutes // 60, minutes=minutes % 60)
    return say(MINUTES).format(minutes=minutes)


def far_start_note(start: float, now: float, end: float) -> str | None:
    """A planned start over an hour away is worth a word (a typo, or the wrong day)."""
    if abs(start - now) <= 3600:
        return None
    if start > now:
        said = _("The planned start {start} is {away} from now: the meeting would end at {end}.")
    else:
        said = _("The planned start {start} is {away} ago: the meeting would end at {end}.")
    return said.format(start=hhmm(start), away=minutes_words(abs(start - now)), end=hhmm(end))


def length_words(written: float, sized: float, people: int) -> str:
    """An agenda's length for ``people``, when rounds that give each speaker their minutes make
    it differ from what the agenda says: "71 min for 3", or "99 min for 6: 9 over its 90"."""
    if abs(sized - written) < 0.5:
        return _("{minutes} min").format(minutes=f"{written:g}")
    if sized < written:
        return _("{minutes} min for {people}").format(minutes=f"{sized:g}", people=people)
    return _("{minutes} min for {people}: {over} over its {written}").format(
        minutes=f"{sized:g}", people=people, over=f"{sized - written:g}", written=f"{written:g}"
    )
