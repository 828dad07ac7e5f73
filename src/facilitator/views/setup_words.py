"""The words of the set-up screen: its title, fields, box of earlier follow-ups and notices.

The warnings about what is typed come from facilitator.session.setup_form; the rest of what
tui/screens/setup.py shows is here, so each sentence has a unit test
(tests/unit/test_meeting_words.py) and the screen writes no words of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.i18n import N_, _, ngettext
from facilitator.meeting.events import Carried
from facilitator.views.meeting_words import followup_label

FOLLOWUPS_SHOWN = 5  # the box lists the first few; F in the meeting lists them all

# The fields' words, read as ``say.GROUP`` and so on: each read is in the interface language
# of the moment (module ``__getattr__``), since they are defined before any language is chosen.
_WORDS = {
    "GROUP": N_("Group name"),
    "GROUP_HINT": N_("e.g. Tuesday evening group"),
    "PARTICIPANTS": N_("Participants"),
    "PARTICIPANTS_HINT": N_("Ana, Bo, Chen (commas)"),
    "ROLE_HINT": N_("names, commas"),
    "START": N_("Planned start"),
    "START_HINT": N_("HH:MM (empty: when you press space)"),
    "LANGUAGE": N_("Question language"),
    "RHYTHM": N_("Rhythm (optional)"),
    "RHYTHM_HINT": N_("e.g. full moon at 19:30, or every monday at 18:00"),
    "NEWCOMER": N_("Someone new is here today"),
    "TOPIC": N_("Topic"),
    "TOPIC_HINT": N_("what this session is about"),
    "QUESTION": N_("Convening question"),
    "QUESTION_HINT": N_("e.g. What does enough mean?"),
    "SUPPORTING": N_("Supporting questions"),
    "SUPPORTING_HINT": N_("optional; separate them with ;"),
    "READING_TITLE": N_("Reading: title"),
    "READING_AUTHOR": N_("Reading: author"),
    "READING_LINK": N_("Reading: link"),
    "READING_HINT": N_("optional"),
    "GO": N_("Start the meeting (ctrl+s)"),
}


def __getattr__(name: str) -> str:
    if name in _WORDS:
        return _(_WORDS[name])
    raise AttributeError(name)


def title(agenda_title: str) -> str:
    return _("Set up · {title}").format(title=agenda_title)


# What an agenda may say a session brings (``brings``): the set-up fields for each, in order
# (field id, label, hint).
CONTENT_FIELDS = {
    "topic": [("topic", "TOPIC", "TOPIC_HINT")],
    "question": [("question", "QUESTION", "QUESTION_HINT")],
    "supporting": [("supporting", "SUPPORTING", "SUPPORTING_HINT")],
    "reading": [("reading-title", "READING_TITLE", "READING_HINT"),
                ("reading-author", "READING_AUTHOR", "READING_HINT"),
                ("reading-link", "READING_LINK", "READING_HINT")],
}  # fmt: skip


def content_fields(brings: Sequence[str]) -> list[tuple[str, str, str]]:
    """The fields set-up shows for what the agenda brings: (id, label, hint), translated."""
    return [(name, _(_WORDS[label]), _(_WORDS[hint]))
            for kind in brings for name, label, hint in CONTENT_FIELDS.get(kind, [])]  # fmt: skip


def role_label(role: str) -> str:
    """The label of the field for who holds ``role``."""
    return _("Who is {role}?").format(role=role)


def followups_box(carried: Sequence[Carried]) -> str:
    """The open follow-ups of the group's earlier sessions, the first few of them ("": none)."""
    if not carried:
        return ""
    count = len(carried)
    heading = ngettext("Open follow-up from earlier sessions ({count}; key F in the meeting):",
                       "Open follow-ups from earlier sessions ({count}; key F in the meeting):",
                       count)  # fmt: skip
    lines = [heading.format(count=count)]
    lines += [f"  • {followup_label(item)}" for item in carried[:FOLLOWUPS_SHOWN]]
    return "\n".join(lines)


def record_question(group: str) -> str:
    said = _("Does “{group}” keep a record of its meetings? Asked once for each group "
             "(facilitator groups record changes it).")  # fmt: skip
    return said.format(group=group)


def record_choices() -> list[str]:
    """Yes first, then no (the screen reads the answer by its place)."""
    return [_("Yes: keep a record (items marked off the record stay out of it)"),
            _("No: keep nothing; every entry stays off the record")]  # fmt: skip


def names_question(group: str) -> str:
    said = _("When “{group}” shares entries with other groups, may names appear beside them? "
             "(facilitator groups names changes it)")  # fmt: skip
    return said.format(group=group)


def names_choices() -> list[str]:
    """No first (enter keeps names out), then yes."""
    return [_("No: what is shared never carries a name"),
            _("Yes: the name of who said it, or who does it, when shared")]  # fmt: skip


def privacy_not_saved(error: object) -> str:
    said = _("The group's answers could not be saved ({error}): they apply to this meeting, "
             "and set-up will ask again next time.")  # fmt: skip
    return said.format(error=error)


def rhythm_not_saved(error: object) -> str:
    return _("The rhythm could not be saved: {error}").format(error=error)
