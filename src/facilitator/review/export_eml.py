"""The share digest as an e-mail file (``.eml``) for the user's own mail program to open.

Built with the standard library's ``email`` package: a ``multipart/alternative`` message with
the digest as plain text (wrapped for e-mail) and as HTML. It is addressed to nobody and marked
unsent: the person chooses the recipients (the moderated list shared by all groups, say) in
their mail program. facilitator never sends mail.
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from facilitator.clock import local_datetime
from facilitator.dates import day
from facilitator.i18n import group_words
from facilitator.meeting.state import State
from facilitator.review.export_html import digest_html
from facilitator.review.export_text import to_text
from facilitator.review.share import share_digest
from facilitator.text import clean, clean_line


def subject(state: State) -> str:
    """In the group's language, as the digest is."""
    language = state.agenda.language
    when = local_datetime(state.started if state.started is not None else state.created)
    words = group_words(language).gettext("Shared from our meeting: {title} — {day}")
    return words.format(title=clean_line(state.agenda.title), day=day(when, language))


def digest_parts(state: State) -> tuple[str, str]:
    """(plain text, HTML) of the share digest: what the e-mail's two parts hold."""
    markdown = clean(share_digest(state))
    return to_text(markdown), digest_html(markdown, subject(state), state.agenda.language)


def share_email(state: State) -> bytes:
    """The message, with CRLF line ends as mail files have them."""
    text, html = digest_parts(state)
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject(state)
    message["Date"] = format_datetime(
        local_datetime(state.started if state.started is not None else state.created)
    )
    message["X-Unsent"] = "1"  # open as a draft to be addressed (Outlook, Thunderbird)
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    return message.as_bytes()
