"""`--today YYYY-MM-DD`: print or check as of a given day (tomorrow's brief today, the
portfolio as of the quarter's end). Without it, the clock's today."""

from __future__ import annotations

import argparse
import datetime as dt

from accountmap.cli.messages import CLI_MESSAGES
from accountmap.domain import clock



def add_today_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                        help=f"{what} as of this day (default: today)")


def today_of(args, lang: str | None = None) -> dt.date:
    """The day the command works as of: --today if given, else the clock's today."""
    from accountmap.cli import CommandError

    lang = lang or getattr(args, "lang", None) or "en"
    written = getattr(args, "today", None)
    try:
        return clock.today() if written is None else clock.parse_day(written)
    except clock.BadDay as exc:
        key = "clock.bad_environment" if written is None else "clock.bad_today"
        raise CommandError(CLI_MESSAGES.text(key, lang, text=exc.text)) from None
