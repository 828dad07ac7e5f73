"""From the command line to the app."""

from __future__ import annotations

import argparse
import sys

from facilitator.clock import SystemClock
from facilitator.i18n import _
from facilitator.session.startup import Startup


def startup_from(args: argparse.Namespace, clock: SystemClock) -> Startup | None:
    startup = Startup(group=getattr(args, "group", None) or "")
    resume = getattr(args, "resume", None)
    if resume:
        return _resume(startup, resume)
    agenda_name = getattr(args, "agenda", None)
    participants = getattr(args, "participants", None)
    if participants is not None and not agenda_name:
        from facilitator.groups import load_group

        agenda_name = (
            load_group(startup.group).agenda if startup.group else None
        ) or "mutual-support-150"
    agenda = None
    if agenda_name:
        from facilitator import catalog  # (Home alone needs no agenda before its first frame)
        from facilitator.cli.output import resolve

        agenda = resolve(catalog.find_agenda, agenda_name)
    if agenda_name and agenda is None:
        return None
    start = getattr(args, "start", None)
    newcomer = bool(getattr(args, "newcomer", False))
    content = content_given(args)
    if agenda is not None and participants is not None:
        from facilitator.session.setup_form import Fields, GroupBook, SetupForm, remembered_roles
        from facilitator.text import split_names

        book = GroupBook()
        form = SetupForm(agenda, clock, book)
        people = split_names(participants)
        roles = remembered_roles(book.find(startup.group), agenda.roles, people)
        if startup.group:  # a meeting of no group carries nothing: the index is not opened
            from facilitator.review.queries import carried_followups

            form.carried = carried_followups(startup.group)
        fields = Fields(
            group=startup.group, participants=participants, newcomer=newcomer,
            roles={role: ", ".join(names) for role, names in roles.items()},
            start=f"{start:%H:%M}" if start is not None else "", content=content,
        )  # fmt: skip
        startup.first = form.creation_event(fields)
        startup.notice = " ".join(form.repeated_words(fields))
        return startup
    if agenda is not None:
        startup.setup = agenda.path if agenda.origin == "file" else agenda.id
    startup.start = f"{start:%H:%M}" if start is not None else ""
    startup.newcomer = newcomer
    startup.content = content
    startup.look_around = True  # after the first frame: unfinished meetings, the next ones
    return startup


def error(message: str) -> None:
    """A message on stderr, as every command says what went wrong."""
    from facilitator.cli.output import error as say_error

    say_error(message)


def content_given(args: argparse.Namespace) -> dict[str, str]:
    """What the session brings, as given on the command line, by set-up's field ids."""
    given = {
        "topic": getattr(args, "topic", None),
        "question": getattr(args, "question", None),
        "supporting": "; ".join(getattr(args, "supporting", None) or []),
        "reading-title": getattr(args, "reading_title", None),
        "reading-author": getattr(args, "reading_author", None),
        "reading-link": getattr(args, "reading_link", None),
    }
    return {name: value for name, value in given.items() if value}


def _resume(startup: Startup, resume: str) -> Startup | None:
    from facilitator.journal.store import has_ended, journal_path, unfinished_sessions

    found = unfinished_sessions()
    if resume == "latest":
        free = [u for u in found if u.resumable and not u.open_elsewhere]
        if not free:
            error(_("There is no unfinished session to resume (one is open in another "
                    "facilitator).") if found else _("There is no unfinished session to resume."))  # fmt: skip
            return None
        resume = free[0].session
    if not journal_path(resume).exists():
        matches = [u.session for u in found if u.session.startswith(resume)]
        if len(matches) != 1:
            error(_("No unfinished session '{session}' (see 'facilitator sessions list').")
                  .format(session=resume))  # fmt: skip
            return None
        resume = matches[0]
    elif has_ended(resume):
        error(_("The meeting {session} has ended; 'facilitator sessions show {session}' shows it.")
              .format(session=resume))  # fmt: skip
        return None
    startup.resume = resume
    return startup


def launch(args: argparse.Namespace) -> int:
    clock = SystemClock()
    startup = startup_from(args, clock)
    if startup is None:
        return 1
    if not sys.stdout.isatty():
        error(_("facilitator needs a terminal to run full-screen."))

        return 1
    from facilitator.tui.app import FacilitatorApp

    app = FacilitatorApp(clock, startup)
    app.run()
    return app.return_code or 0  # 1 after a crash
