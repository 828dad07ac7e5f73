"""The stage's words: what the room reads on the projector, the second screen or a phone.

What belongs to the meeting (the cue, the speaker, their time, who is next, the chat line) is in
the group's language, its agenda's (``t``: :func:`facilitator.i18n.group_words`); what the
stage says of itself (no meeting open, where the page is served) is in the interface language.
"""

from __future__ import annotations

from facilitator.i18n import Translations, _
from facilitator.timewords import minutes_words, mmss


def no_meeting() -> str:
    return _("No meeting is open")


def waiting_hint() -> str:
    return _("This screen follows the meeting as soon as one starts.")


def session_missing(session: str) -> str:
    return _("No session called {session}: waiting for it").format(session=session)


def unreadable(problem: str) -> str:
    return _("The session cannot be read: {problem}").format(problem=problem)


def cue(t: Translations, status: str, over: bool, warning: bool, left: float) -> str:
    """The countdown in words, for those who cannot see colours."""
    if status == "ready":
        return t.gettext("Starting soon")
    if status == "ended":
        return t.gettext("The meeting has ended")
    if over:
        return t.gettext("OVERTIME by {time}").format(time=mmss(left))
    said = (
        t.gettext("One minute left")
        if warning
        else t.gettext("{time} left").format(time=minutes_words(left + 59, t))
    )
    return t.gettext("PAUSED · {cue}").format(cue=said) if status == "paused" else said


def speaking(t: Translations, name: str) -> str:
    return t.gettext("Speaking: {name}").format(name=name)


def turn_templates(t: Translations) -> tuple[str, str]:
    """The speaker's own time, left and over, around ``{time}``: the window fills them in, and
    so does the page as it counts down on its own."""
    return t.gettext("{time} left for you"), t.gettext("TIME IS UP +{time}")


def turn(t: Translations, left: float) -> str:
    under, over = turn_templates(t)
    return (over if left < 0 else under).format(time=mmss(left))


def next_up(t: Translations, name: str) -> str:
    return t.gettext("Next: {name}").format(name=name)


def slot(t: Translations, name: str) -> str:
    return t.gettext("Now: {name}").format(name=name)


def chat_line(t: Translations, item: str, digits: str, over: bool) -> str:
    """What C copies to the call's chat: the item and its time left."""
    if over:
        return t.gettext("{item} · overtime {time}").format(item=item, time=digits.lstrip("+"))
    return t.gettext("{item} · {time} left").format(item=item, time=digits)


def title_line(number: int, count: int, title: str) -> str:
    return f"{number}/{count} · {title}"


def serving(url: str, lan: bool) -> list[str]:
    where = (
        _("OPEN TO YOUR LOCAL NETWORK: anyone on it who has this address can read the page.")
        if lan
        else _("Only this computer can open it (127.0.0.1); --lan opens it to your local network.")
    )
    return [
        _("The stage page is served at:"),
        url,
        where,
        _("It shows what the room may see, never entries or notes. Ctrl+C stops the server."),
    ]
