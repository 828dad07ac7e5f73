"""The stage's words: what the room reads on the projector, the second screen or a phone."""

from __future__ import annotations

from facilitator.timewords import minutes_words, mmss


def no_meeting() -> str:
    return "No meeting is open"


def waiting_hint() -> str:
    return "This screen follows the meeting as soon as one starts."


def session_missing(session: str) -> str:
    return f"No session called {session}: waiting for it"


def unreadable(problem: str) -> str:
    return f"The session cannot be read: {problem}"


def cue(status: str, over: bool, warning: bool, left: float) -> str:
    """The countdown in words, for those who cannot see colours."""
    if status == "ready":
        return "Starting soon"
    if status == "ended":
        return "The meeting has ended"
    if over:
        return f"OVERTIME by {mmss(left)}"
    paused = "PAUSED · " if status == "paused" else ""
    if warning:
        return paused + "One minute left"
    return paused + f"{minutes_words(left + 59)} left"


def speaking(name: str) -> str:
    return f"Speaking: {name}"


def turn(left: float) -> str:
    if left < 0:
        return f"TIME IS UP +{mmss(left)}"
    return f"{mmss(left)} left for you"


def turn_words() -> dict[str, str]:
    """The words of :func:`turn` around its time, for the page that counts down on its own."""
    return {"left": "left for you", "over": "TIME IS UP"}


def next_up(name: str) -> str:
    return f"Next: {name}"


def slot(name: str) -> str:
    return f"Now: {name}"


def chat_line(item: str, digits: str, over: bool) -> str:
    """What C copies to the call's chat: the item and its time left."""
    if over:
        return f"{item} · overtime {digits.lstrip('+')}"
    return f"{item} · {digits} left"


def title_line(number: int, count: int, title: str) -> str:
    return f"{number}/{count} · {title}"


def serving(url: str, lan: bool) -> list[str]:
    where = (
        "OPEN TO YOUR LOCAL NETWORK: anyone on it who has this address can read the page."
        if lan
        else "Only this computer can open it (127.0.0.1); --lan opens it to your local network."
    )
    return [
        "The stage page is served at:",
        url,
        where,
        "It shows what the room may see, never entries or notes. Ctrl+C stops the server.",
    ]
