"""The Markdown record of a session: written at the end, beside the journal.

It speaks the group's language (its agenda's), whatever the facilitator's interface speaks: a
French facilitator running an Italian group writes an Italian record, with Italian dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from facilitator.clock import local_datetime
from facilitator.dates import clock_time, day, due_day
from facilitator.i18n import N_, Translations, group_words
from facilitator.meeting.projection import project
from facilitator.meeting.state import Entry, State, asks_expectations

MET_WORDS = [N_("not at all"), N_("a little"), N_("partly"), N_("mostly"), N_("fully")]
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """User text made literal in Markdown: specials escaped, line breaks kept inside cells."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def met_words(met: int | None, words: Translations | None = None) -> str:
    """The rating's words; in English (the msgid) without ``words``."""
    if met is None or not 0 <= met < len(MET_WORDS):
        return ""
    return words.gettext(MET_WORDS[met]) if words is not None else MET_WORDS[met]


def render(state: State, now: float) -> str:
    t = group_words(state.agenda.language)
    language = state.agenda.language

    def hm(moment: float | None) -> str:
        return clock_time(local_datetime(moment), language) if moment is not None else "–"

    out: list[str] = []
    when = local_datetime(state.started or state.created)
    out.append(f"# {md(state.agenda.title)} — {day(when, language)}")
    out.append("")
    if state.group:
        out.append(t.gettext("- Group: {group}").format(group=md(state.group)))
    out.append(t.gettext("- Agenda: {title} (`{id}`)").format(title=md(state.agenda.title),
                                                             id=state.agenda.id))  # fmt: skip
    people = ", ".join(_attendee(state, p, t, hm) for p in _everyone(state))
    out.append(t.gettext("- Participants: {people}").format(people=people or "–"))
    roles = [f"{md(role)}: {', '.join(md(p) for p in state.roles[role])}"
             for role in state.agenda.roles if state.roles.get(role)]  # fmt: skip
    if roles:
        out.append(t.gettext("- Roles: {roles}").format(roles="; ".join(roles)))
    out += _content(state, t)
    if state.started is not None:
        end = state.ended if state.ended is not None else now
        said = t.gettext("- Time: {start}–{end} ({minutes} min, planned {planned} min)")
        out.append(said.format(start=hm(state.started), end=hm(end),
                               minutes=round((end - state.started) / 60),
                               planned=f"{state.total:g}"))  # fmt: skip
    out.append("")
    out += _timeline(state, now, t, hm)
    out += _slots(state, now, t)
    out += _airtime(state, now, t)
    out += _questions(state, t)
    out += _expectations(state, t)
    for kind, title in (("notes", t.gettext("Notes")), ("followups", t.gettext("Follow-ups")),
                        ("decisions", t.gettext("Decisions"))):  # fmt: skip
        out += _list(state, kind, title, t, when.year)
    out += _carried(state, t)
    return "\n".join(out).rstrip() + "\n"


def _content(state: State, t: Translations) -> list[str]:
    """What the session brought: its topic, convening question, supporting questions, reading."""
    content, out = state.content, []
    if content.topic:
        out.append(t.gettext("- Topic: {topic}").format(topic=md(content.topic)))
    if content.question:
        out.append(t.gettext("- Question: {question}").format(question=md(content.question)))
    if content.supporting:
        out.append(t.gettext("- Supporting questions:"))
        out += [f"  - {md(q)}" for q in content.supporting]
    reading = content.reading.line
    if reading:
        out.append(t.gettext("- Reading: {reading}").format(reading=md(reading)))
    return out


MOVES = {"arrived": N_("arrived"), "back": N_("back"), "left": N_("left")}  # as the journal says


NEW_TO_THE_GROUP = N_("new to the group")


def _attendee(state: State, person: str, t: Translations, hm: Callable[[float], str]) -> str:
    notes = [t.gettext(NEW_TO_THE_GROUP)] if person in state.newcomers else []
    notes += [f"{t.gettext(MOVES.get(str(kind), str(kind)))} {hm(float(at))}"
              for kind, at in state.moves.get(person, [])]  # fmt: skip
    return md(person) + (f" ({', '.join(notes)})" if notes else "")


def _everyone(state: State) -> list[str]:
    """Everyone who was there at some point, and anyone an entry was written for."""
    people = list(state.attended)
    for entry in state.entries.values():
        if entry.person and entry.person not in people:
            people.append(entry.person)
    return people


def _timeline(state: State, now: float, t: Translations,
              hm: Callable[[float | None], str]) -> list[str]:  # fmt: skip
    rows = project(state, now).rows
    head = t.gettext("| # | Item | Planned start | Planned min | Actual start | Actual min |")
    out = [t.gettext("## Timeline"), "", head, "|---|---|---|---|---|---|"]
    for number, row in enumerate(rows, 1):
        actual = f"{row.actual_seconds / 60:.0f}" if row.actual_seconds is not None else "–"
        title = md(row.title) + (t.gettext(" (skipped)") if row.status == "skipped" else "")
        out.append(
            f"| {number} | {title} | {hm(row.planned_start)} | {row.planned_minutes:.0f} "
            f"| {hm(row.actual_start)} | {actual} |"
        )
    return [*out, ""]


def _slots(state: State, now: float, t: Translations) -> list[str]:
    """Each split item's slots, planned against given and held (minutes)."""
    out: list[str] = []
    for run in state.items:
        if not run.shares:
            continue
        title = md(state.agenda.items[run.index].title)
        out += [t.gettext("## Time shared: {title}").format(title=title), "",
                t.gettext("| Slot | Planned min | Given min | Actual min |"), "|---|---|---|---|"]  # fmt: skip
        for number, share in enumerate(run.shares):
            used = share.used
            if number == run.slot:
                used = run.slot_elapsed(now)
            given = f"{share.given / 60:.0f}" if share.given is not None else "–"
            actual = f"{used / 60:.0f}" if used is not None else "–"
            out.append(f"| {md(share.name)} | {share.minutes:g} | {given} | {actual} |")
        out.append("")
    return out


def _airtime(state: State, now: float, t: Translations) -> list[str]:
    """Who spoke how long (minutes), when the group keeps it in its records."""
    if state.airtime != "record":
        return []
    spoken: dict[str, float] = {}
    for run in state.items:
        for name, seconds in run.airtime(now).items():
            spoken[name] = spoken.get(name, 0.0) + seconds
    if not spoken:
        return []
    out = [t.gettext("## Airtime"), "", t.gettext("| Person | Minutes |"), "|---|---|"]
    for name, seconds in sorted(spoken.items(), key=lambda pair: -pair[1]):
        out.append(f"| {md(name)} | {seconds / 60:.0f} |")
    return [*out, ""]


def _questions(state: State, t: Translations) -> list[str]:
    draws = [(state.agenda.items[r.index].title, d) for r in state.items for d in r.draws]
    alternatives = [state.agenda.items[r.index] for r in state.items if r.alternative]
    if not draws and not alternatives:
        return []
    out = [t.gettext("## Questions"), ""]
    for title, draw in draws:
        who = t.gettext(" (for {name})").format(name=md(draw.person)) if draw.person else ""
        status = (
            t.gettext(" — retired") if draw.text in state.retired
            else t.gettext(" — set aside for the alternative") if draw.aside
            else t.gettext(" — skipped") if draw.skipped
            else ""
        )  # fmt: skip
        said = t.gettext("- {title}{who}: {question}{status}")
        out.append(said.format(title=md(title), who=who, question=md(draw.text), status=status))

    for item in alternatives:
        said = t.gettext("- {title}: the alternative was chosen — {alternative}")
        out.append(said.format(title=md(item.title), alternative=md(item.alternative or "")))
    return [*out, ""]


def _expectations(state: State, t: Translations) -> list[str]:
    entries = list(state.entries.values())
    hopes = [e for e in entries if e.kind == "expectations"]
    ends = [e for e in entries if e.kind == "conclusions"]
    if not hopes and not ends:
        return []
    if not asks_expectations(state.agenda):
        # An agenda that asks for no expectations (Case Clinic): what each said, in order.
        said = [f"- {md(e.person or '–')}: {md(e.text)}" for e in ends if e.text]
        return [t.gettext("## Conclusions"), "", *said, ""] if said else []
    people = [p for p in _everyone(state) if any(e.person == p for e in hopes + ends)]
    people += sorted({e.person or "" for e in hopes + ends} - set(people))
    out = [
        t.gettext("## Expectations and conclusions"),
        "",
        t.gettext("| Person | Expected | Concluded | Expectations met |"),
        "|---|---|---|---|",
    ]
    for person in people:
        expected = " / ".join(md(e.text) for e in hopes if (e.person or "") == person and e.text)
        concluded = [e for e in ends if (e.person or "") == person]
        words = " / ".join(md(e.text) for e in concluded if e.text)
        met = next((met_words(e.met, t) for e in concluded if e.met is not None), "")
        out.append(f"| {md(person) or '–'} | {expected or '–'} | {words or '–'} | {met or '–'} |")
    return [*out, ""]


def due_words(entry: Entry, t: Translations, language: str, year: int) -> str:
    """``by Fri, Dec 11`` in the group's words ("" without a due date, or a damaged one)."""
    try:
        due = date.fromisoformat(entry.due) if entry.due else None
    except ValueError:
        return ""
    if due is None:
        return ""
    return t.gettext("by {date}").format(date=due_day(due, language, year))


def _list(state: State, kind: str, title: str, t: Translations, year: int) -> list[str]:
    items: list[Entry] = [e for e in state.entries.values() if e.kind == kind]
    if not items:
        return []
    out = [f"## {title}", ""]
    for entry in items:
        who = f" — {md(entry.owner)}" if entry.owner else ""
        due = due_words(entry, t, state.agenda.language, year)
        if due:
            who += f", {md(due)}" if who else f" — {md(due)}"
        by = f" ({md(entry.person)})" if entry.person and kind != "followups" else ""
        done = "[x] " if entry.done else ("[ ] " if kind == "followups" else "")
        out.append(f"- {done}{md(entry.text)}{who}{by}")
    return [*out, ""]


def _carried(state: State, t: Translations) -> list[str]:
    if not state.carried:
        return []
    out = [t.gettext("## Follow-ups from earlier sessions"), ""]
    for item in state.carried:
        done = "[x]" if item.ref in state.followups_done else "[ ]"
        owner = f" — {md(item.owner)}" if item.owner else ""
        out.append(f"- {done} {md(item.text)}{owner}")
    return [*out, ""]
