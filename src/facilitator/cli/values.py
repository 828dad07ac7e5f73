"""Argument types shared by several subcommands, in a module that imports nothing heavy: a
subcommand's parser is built before its command runs (``facilitator run`` parses ``--start``
before the first frame)."""

from __future__ import annotations

import argparse
import datetime as dt

from facilitator.i18n import _


def parse_hhmm(text: str) -> dt.time:
    from facilitator.clock import parse_clock_time  # the one parser of clock times

    try:
        return parse_clock_time(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a time like 19:30").format(text=text)
        ) from None
