"""From the command line to the app."""

from __future__ import annotations

import argparse
import sys

from facilitator import catalog
from facilitator.cli.output import error, resolve
from facilitator.clock import SystemClock, local_datetime, nearest_time_of_day
from facilitator.journal.store import (
    has_ended,
    journal_path,
    new_session_id,
    unfinished_sessions,
)
from facilitator.meeting.meeting import creation_event
from facilitator.text import split_names
from facilitator.tui.app import FacilitatorApp, Startup


def _startup(args: argparse.Namespace, clock: SystemClock) -> Startup | None:
    startup = Startup(group=getattr(args, "group", None) or "")
    resume = getattr(args, "resume", None)
    if resume:
        found = unfinished_sessions()
        if resume == "latest":
            free = [u for u in found if u.resumable and not u.open_elsewhere]
            if not free:
                elsewhere = " (one is open in another facilitator)" if found else ""
                error(f"There is no unfinished session to resume{elsewhere}.")
                return None
            resume = free[0].session
        if not journal_path(resume).exists():
            matches = [u.session for u in found if u.session.startswith(resume)]
            if len(matches) != 1:
                error(f"No unfinished session '{resume}' (see 'facilitator sessions list').")
                return None
            resume = matches[0]
        elif has_ended(resume):
            error(f"The meeting {resume} has ended; 'facilitator sessions show {resume}' shows it.")
            return None
        startup.resume = resume
        return startup
    agenda_name = getattr(args, "agenda", None)
    participants = getattr(args, "participants", None)
    if participants is not None and not agenda_name:
        from facilitator.groups import load_group

        agenda_name = (
            load_group(startup.group).agenda if startup.group else None
        ) or "mutual-support-150"
    agenda = None
    if agenda_name:
        agenda = resolve(catalog.find_agenda, agenda_name)
        if agenda is None:
            return None
    if agenda is not None and participants is not None:
        now = clock.now()
        start = getattr(args, "start", None)
        planned = None
        if start is not None:
            planned = nearest_time_of_day(now, start.hour, start.minute)
        people = split_names(participants)
        startup.first = creation_event(
            agenda, session=new_session_id(startup.group or "meeting", now), group=startup.group,
            participants=people, roles=_remembered_roles(startup.group, agenda.roles, people),
            newcomer=bool(getattr(args, "newcomer", False)),
            planned_start=planned, carried=_carried(startup.group), t=now,
        )  # fmt: skip
        return startup
    found = [u for u in unfinished_sessions() if u.resumable and not u.open_elsewhere]
    if found:
        startup.offer_resume = found[0].session
        today = local_datetime(clock.now()).date()
        startup.offer_text = f"An unfinished meeting: {found[0].describe(today)}. Resume it?"
    if agenda is not None:
        startup.setup = agenda.path if agenda.origin == "file" else agenda.id
    start = getattr(args, "start", None)
    startup.start = f"{start:%H:%M}" if start is not None else ""
    startup.newcomer = bool(getattr(args, "newcomer", False))
    startup.upcoming = _upcoming()
    return startup


def _remembered_roles(
    group: str, roles: tuple[str, ...], people: list[str]
) -> dict[str, list[str]]:
    """The roles the group's people held last time, for those of them here today (w in the
    meeting changes them)."""
    if not group or not roles:
        return {}
    from facilitator.groups import load_group

    here = {p.casefold() for p in people}
    saved = load_group(group).roles
    return {role: [p for p in saved.get(role, []) if p.casefold() in here] for role in roles}


def _carried(group: str) -> list[dict[str, object]]:
    """Open follow-ups of the group's earlier sessions, as set-up would show them."""
    from facilitator.review.queries import carried_followups

    return carried_followups(group)


def _upcoming() -> list[str]:
    try:
        from facilitator.rhythm.home import upcoming_lines
    except ImportError:
        return []
    try:
        return upcoming_lines()
    except Exception:  # noqa: BLE001 - never let the calendar stop a meeting from starting
        return []


def launch(args: argparse.Namespace) -> int:
    clock = SystemClock()
    startup = _startup(args, clock)
    if startup is None:
        return 1
    if not sys.stdout.isatty():
        error("facilitator needs a terminal to run full-screen.")
        return 1
    app = FacilitatorApp(clock, startup)
    app.run()
    return 0
