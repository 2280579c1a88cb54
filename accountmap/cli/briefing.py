"""`accountmap brief` and `accountmap plan`: print a meeting brief or an account plan to PDF.

    accountmap brief WORKSPACE --account NAME [--meeting ID|DATE|TEXT | --next] [--lang ru|en]
                     [--paper a4|letter] [--today YYYY-MM-DD] -o FILE.pdf
    accountmap plan  WORKSPACE --account NAME [--lang ru|en] [--paper a4|letter]
                     [--today YYYY-MM-DD] -o FILE.pdf
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Iterable

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.cli.as_of import add_today_option, today_of
from accountmap.cli.messages import CLI_MESSAGES
from accountmap.domain.dates import format_date
from accountmap.storage.atomic_write import write_atomically


def register(subparsers) -> None:
    brief = subparsers.add_parser(
        "brief", help="print the brief for a meeting with the client (PDF)",
        description="Print the brief for a meeting: who is in the room, what to ask, "
                    "the checkpoint and its exit criteria.")
    _common(brief)
    add_today_option(brief, "the brief (which meeting is next, overdue checkpoints, days since contact)")
    which = brief.add_mutually_exclusive_group()
    which.add_argument("--meeting", metavar="WHICH",
                       help="the meeting: its id, its date (DD.MM.YYYY or YYYY-MM-DD) or a "
                            "fragment of its goal")
    which.add_argument("--next", action="store_true",
                       help="the first meeting dated today or later (the default)")
    brief.set_defaults(func=run_brief)

    plan = subparsers.add_parser(
        "plan", help="print the account plan (PDF)",
        description="Print the account plan: map, stakeholders, open questions, roadmap, "
                    "upcoming checkpoints, risks, touchpoints and journey grids.")
    _common(plan)
    add_today_option(plan, "the plan (upcoming checkpoints and meetings, overdue, risks)")
    plan.set_defaults(func=run_plan)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workspace", metavar="WORKSPACE", help="the workspace file")
    parser.add_argument("--account", required=True, metavar="NAME",
                        help="the account's name (or id)")
    parser.add_argument("--lang", choices=catalogue.LANGUAGES, default=None,
                        help="language of the document (default: the workspace's)")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                        help="where to write the PDF")


def _load(args):
    from accountmap.cli import CommandError
    from accountmap.storage.output_guard import guard_output
    from accountmap.storage.workspace_file import WorkspaceFile

    guard_output(args.output, [args.workspace])  # refused before any work is done
    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        settings = wf.settings()
        lang = args.lang or settings.language
        account_id = wf.find_account(args.account)
        if account_id is None:
            raise CommandError(CLI_MESSAGES.text("cli.no_account", lang, name=args.account,
                                              path=args.workspace))
        account = wf.load_account(account_id)
    from accountmap.storage.limits import refuse_output_over_limits

    refuse_output_over_limits(account)  # bounded work (domain/limits.py)
    return account, settings, lang


def write_output(path: str | os.PathLike, data: bytes,
                 inputs: Iterable[str | os.PathLike]) -> None:
    """Write the PDF whole or not at all, never over a workspace or one of its `inputs`;
    a WorkspaceError (one sentence, exit 2) when it cannot."""
    from accountmap.storage.output_guard import write_output as write_guarded

    write_guarded(path, data, inputs)


def run_brief(args) -> int:
    from accountmap.briefing.meeting_brief import build_meeting_brief, next_meeting
    from accountmap.cli import CommandError

    account, settings, lang = _load(args)
    today = today_of(args, lang)
    if args.meeting:
        found = find_meetings(account, args.meeting)
        if not found:
            raise CommandError(CLI_MESSAGES.text("cli.no_meeting_match", lang, account=account.name,
                                              query=args.meeting,
                                              meetings=_listed(account.meetings, lang)))
        if len(found) > 1:
            raise CommandError(CLI_MESSAGES.text("cli.meeting_ambiguous", lang, query=args.meeting,
                                              meetings=_listed(found, lang)))
        meeting = found[0]
        print(CLI_MESSAGES.text("cli.meeting_matched", lang, meeting=_describe(meeting, lang)))
    else:  # --next, also the default
        meeting = next_meeting(account, today)
        if meeting is None:
            past = sorted((m for m in account.meetings if m.date), key=lambda m: m.date)[-3:]
            raise CommandError(CLI_MESSAGES.text(
                "cli.no_upcoming_meeting_past", lang, account=account.name,
                date=format_date(today, lang),
                meetings=_listed(list(reversed(past)), lang) or BRIEFING_MESSAGES.text("brief.none", lang)))
    data = build_meeting_brief(account, meeting, settings.journey_framework, lang=lang,
                               paper=args.paper, today=today)
    write_output(args.output, data, [args.workspace])
    print(CLI_MESSAGES.text("cli.brief_written", lang, path=args.output))
    return 0


def find_meetings(account, query: str) -> list:
    """Meetings matching `query`: its id exactly, else its date (DD.MM.YYYY, YYYY-MM-DD or
    as the language writes it), else a fragment of its goal or place (any case)."""
    query = query.strip()
    exact = [m for m in account.meetings if m.id == query]
    if exact:
        return exact
    day = _parse_date(query)
    if day is not None:
        return [m for m in account.meetings if m.date == day]
    needle = query.casefold()
    return [m for m in account.meetings
            if needle and (needle in m.goal.casefold() or needle in m.place.casefold())]


def _parse_date(text: str) -> dt.date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _describe(meeting, lang: str) -> str:
    when = format_date(meeting.date, lang) or BRIEFING_MESSAGES.text("brief.no_date", lang)
    goal = " ".join(meeting.goal.split())
    if len(goal) > 70:
        goal = goal[:69].rstrip() + "…"
    return f"{when} — {goal} [{meeting.id}]" if goal else f"{when} [{meeting.id}]"


def _listed(meetings, lang: str) -> str:
    return "".join(f"\n  {_describe(m, lang)}" for m in meetings)


def run_plan(args) -> int:
    from accountmap.briefing.account_plan import build_account_plan

    from accountmap.cli.progress import terminal_progress

    account, settings, lang = _load(args)
    data = build_account_plan(account, settings.journey_framework, lang=lang,
                              paper=args.paper, today=today_of(args, lang),
                              progress=terminal_progress("cli.progress_plan", lang))
    write_output(args.output, data, [args.workspace])
    print(CLI_MESSAGES.text("cli.plan_written", lang, path=args.output))
    return 0
