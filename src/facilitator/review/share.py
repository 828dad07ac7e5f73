"""The share digest: what a group chose to pass on to other groups, and nothing else.

Only entries marked to share appear. A person's name appears only beside an entry whose person
agreed to be named. No participant list, no group name, no unmarked entry. The questions drawn
from a deck are deck text, not anything someone said, so those discussed are included.
"""

from __future__ import annotations

from facilitator.clock import local_datetime
from facilitator.dates import day
from facilitator.i18n import N_, Translations, group_words
from facilitator.journal.record import md, met_words
from facilitator.meeting.state import Entry, State
from facilitator.text import clean, clean_line

SECTIONS = (
    ("expectations", N_("Expectations")),
    ("conclusions", N_("Conclusions")),
    ("notes", N_("Notes")),
    ("followups", N_("Follow-ups")),
    ("decisions", N_("Decisions")),
)


def shared_entries(state: State) -> list[Entry]:
    return [e for e in state.entries.values() if e.share is True]


def _line(entry: Entry, t: Translations) -> str:
    text = md(clean(entry.text).strip())
    if entry.kind == "conclusions" and met_words(entry.met):
        text += t.gettext(" (expectations met: {rating})").format(rating=met_words(entry.met, t))
    who = entry.owner if entry.kind == "followups" else entry.person
    if entry.named is True and who and clean_line(who):
        text += f" — {md(clean_line(who))}"
    return f"- {text}"


def share_digest(state: State) -> str:
    """In the group's language (its agenda's)."""
    t = group_words(state.agenda.language)
    when = local_datetime(state.started if state.started is not None else state.created)
    out = [f"# {md(clean_line(state.agenda.title))} — {day(when, state.agenda.language)}", ""]
    out += [t.gettext("What the group chose to share from this meeting."), ""]
    questions = [clean_line(d.text) for run in state.items for d in run.draws if not d.skipped]
    questions = [q for q in dict.fromkeys(questions) if q]
    if questions:
        heading = t.ngettext("## Question", "## Questions", len(questions))
        out += [heading, ""]
        out += [f"- {md(q)}" for q in questions] + [""]
    entries = shared_entries(state)
    known = {kind for kind, _ in SECTIONS}
    for kind, title in (*SECTIONS, ("", N_("Other"))):
        chosen = [e for e in entries if e.kind == kind or (not kind and e.kind not in known)]
        if chosen:
            out += [f"## {t.gettext(title)}", ""] + [_line(e, t) for e in chosen] + [""]
    if not entries:
        out += [t.gettext("Nothing was marked to share."), ""]
    return "\n".join(out).rstrip() + "\n"
