"""The Markdown record of a session: written at the end, beside the journal."""

from __future__ import annotations

import re

from facilitator.clock import local_datetime
from facilitator.meeting.projection import project
from facilitator.meeting.state import Entry, State, asks_expectations

MET_WORDS = ["not at all", "a little", "partly", "mostly", "fully"]
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """User text made literal in Markdown: specials escaped, line breaks kept inside cells."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def met_words(met: int | None) -> str:
    return MET_WORDS[met] if met is not None and 0 <= met < len(MET_WORDS) else ""


def _hm(t: float | None) -> str:
    return local_datetime(t).strftime("%H:%M") if t is not None else "–"


def render(state: State, now: float) -> str:
    out: list[str] = []
    when = local_datetime(state.started or state.created)
    out.append(f"# {md(state.agenda.title)} — {when:%Y-%m-%d}")
    out.append("")
    if state.group:
        out.append(f"- Group: {md(state.group)}")
    out.append(f"- Agenda: {md(state.agenda.title)} (`{state.agenda.id}`)")
    people = ", ".join(_attendee(state, p) for p in _everyone(state))
    out.append(f"- Participants: {people or '–'}")
    roles = [f"{md(role)}: {', '.join(md(p) for p in state.roles[role])}"
             for role in state.agenda.roles if state.roles.get(role)]  # fmt: skip
    if roles:
        out.append(f"- Roles: {'; '.join(roles)}")
    if state.started is not None:
        end = state.ended if state.ended is not None else now
        out.append(
            f"- Time: {_hm(state.started)}–{_hm(end)} "
            f"({round((end - state.started) / 60)} min, planned {state.total:g} min)"
        )
    out.append("")
    out += _timeline(state, now)
    out += _slots(state, now)
    out += _airtime(state, now)
    out += _questions(state)
    out += _expectations(state)
    for kind, title in (("notes", "Notes"), ("followups", "Follow-ups"),
                        ("decisions", "Decisions")):  # fmt: skip
        out += _list(state, kind, title)
    out += _carried(state)
    return "\n".join(out).rstrip() + "\n"


def _attendee(state: State, person: str) -> str:
    notes = [f"{kind} {_hm(float(t))}" for kind, t in state.moves.get(person, [])]
    return md(person) + (f" ({', '.join(notes)})" if notes else "")


def _everyone(state: State) -> list[str]:
    """Everyone who was there at some point, and anyone an entry was written for."""
    people = list(state.attended)
    for entry in state.entries.values():
        if entry.person and entry.person not in people:
            people.append(entry.person)
    return people


def _timeline(state: State, now: float) -> list[str]:
    rows = project(state, now).rows
    out = ["## Timeline", "", "| # | Item | Planned start | Planned min | Actual start | Actual min |",
           "|---|---|---|---|---|---|"]  # fmt: skip
    for number, row in enumerate(rows, 1):
        actual = f"{row.actual_seconds / 60:.0f}" if row.actual_seconds is not None else "–"
        title = md(row.title) + (" (skipped)" if row.status == "skipped" else "")
        out.append(
            f"| {number} | {title} | {_hm(row.planned_start)} | {row.planned_minutes:.0f} "
            f"| {_hm(row.actual_start)} | {actual} |"
        )
    return [*out, ""]


def _slots(state: State, now: float) -> list[str]:
    """Each split item's slots, planned against given and held (minutes)."""
    out: list[str] = []
    for run in state.items:
        if not run.shares:
            continue
        title = md(state.agenda.items[run.index].title)
        out += [f"## Time shared: {title}", "",
                "| Slot | Planned min | Given min | Actual min |", "|---|---|---|---|"]  # fmt: skip
        for number, share in enumerate(run.shares):
            used = share.used
            if number == run.slot:
                used = run.slot_elapsed(now)
            given = f"{share.given / 60:.0f}" if share.given is not None else "–"
            actual = f"{used / 60:.0f}" if used is not None else "–"
            out.append(f"| {md(share.name)} | {share.minutes:g} | {given} | {actual} |")
        out.append("")
    return out


def _airtime(state: State, now: float) -> list[str]:
    """Who spoke how long (minutes), when the group keeps it in its records."""
    if state.airtime != "record":
        return []
    spoken: dict[str, float] = {}
    for run in state.items:
        for name, seconds in run.airtime(now).items():
            spoken[name] = spoken.get(name, 0.0) + seconds
    if not spoken:
        return []
    out = ["## Airtime", "", "| Person | Minutes |", "|---|---|"]
    for name, seconds in sorted(spoken.items(), key=lambda pair: -pair[1]):
        out.append(f"| {md(name)} | {seconds / 60:.0f} |")
    return [*out, ""]


def _questions(state: State) -> list[str]:
    draws = [(state.agenda.items[r.index].title, d) for r in state.items for d in r.draws]
    alternatives = [state.agenda.items[r.index] for r in state.items if r.alternative]
    if not draws and not alternatives:
        return []
    out = ["## Questions", ""]
    for title, draw in draws:
        who = f" (for {md(draw.person)})" if draw.person else ""
        status = (
            " — retired" if draw.text in state.retired
            else " — set aside for the alternative" if draw.aside
            else " — skipped" if draw.skipped
            else ""
        )  # fmt: skip
        out.append(f"- {md(title)}{who}: {md(draw.text)}{status}")
    for item in alternatives:
        out.append(f"- {md(item.title)}: the alternative was chosen — {md(item.alternative or '')}")
    return [*out, ""]


def _expectations(state: State) -> list[str]:
    entries = list(state.entries.values())
    hopes = [e for e in entries if e.kind == "expectations"]
    ends = [e for e in entries if e.kind == "conclusions"]
    if not hopes and not ends:
        return []
    if not asks_expectations(state.agenda):
        # An agenda that asks for no expectations (Case Clinic): what each said, in order.
        said = [f"- {md(e.person or '–')}: {md(e.text)}" for e in ends if e.text]
        return ["## Conclusions", "", *said, ""] if said else []
    people = [p for p in _everyone(state) if any(e.person == p for e in hopes + ends)]
    people += sorted({e.person or "" for e in hopes + ends} - set(people))
    out = [
        "## Expectations and conclusions",
        "",
        "| Person | Expected | Concluded | Expectations met |",
        "|---|---|---|---|",
    ]
    for person in people:
        expected = " / ".join(md(e.text) for e in hopes if (e.person or "") == person and e.text)
        concluded = [e for e in ends if (e.person or "") == person]
        words = " / ".join(md(e.text) for e in concluded if e.text)
        met = next((met_words(e.met) for e in concluded if e.met is not None), "")
        out.append(f"| {md(person) or '–'} | {expected or '–'} | {words or '–'} | {met or '–'} |")
    return [*out, ""]


def _list(state: State, kind: str, title: str) -> list[str]:
    items: list[Entry] = [e for e in state.entries.values() if e.kind == kind]
    if not items:
        return []
    out = [f"## {title}", ""]
    for entry in items:
        who = f" — {md(entry.owner)}" if entry.owner else ""
        by = f" ({md(entry.person)})" if entry.person and kind != "followups" else ""
        done = "[x] " if entry.done else ("[ ] " if kind == "followups" else "")
        out.append(f"- {done}{md(entry.text)}{who}{by}")
    return [*out, ""]


def _carried(state: State) -> list[str]:
    if not state.carried:
        return []
    out = ["## Follow-ups from earlier sessions", ""]
    for item in state.carried:
        done = "[x]" if item.ref in state.followups_done else "[ ]"
        owner = f" — {md(item.owner)}" if item.owner else ""
        out.append(f"- {done} {md(item.text)}{owner}")
    return [*out, ""]
