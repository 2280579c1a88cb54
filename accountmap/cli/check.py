"""`accountmap check WORKSPACE [--today YYYY-MM-DD]`: integrity and rule violations, one
per line, and (as warnings) the checkpoints overdue as of the day.

Values the file's constraints forbid but another tool wrote with them switched off are
named by table, row and column; then each readable account's rules are checked.

Exit 0 when clean, 1 when a rule is violated, 2 when the file cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from accountmap import catalogue
from accountmap.cli.as_of import add_today_option, today_of
from accountmap.cli.messages import CLI_MESSAGES
from accountmap.domain.dates import format_date


def register(sub) -> None:
    p = sub.add_parser("check", help="check a workspace for integrity and rule violations")
    p.add_argument("workspace", type=Path)
    p.add_argument("--lang", choices=catalogue.LANGUAGES, default=None)
    add_today_option(p, "check overdue checkpoints")
    p.set_defaults(func=run)


def run(args) -> int:
    from accountmap.domain.account_rules import validate_account
    from accountmap.domain.problems import Severity
    from accountmap.domain.roadmap_rules import overdue_nodes, validate_roadmap
    from accountmap.storage.errors import WorkspaceError
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        lang = args.lang or wf.settings().language
        today = today_of(args, lang)
        integrity = wf.integrity_problems()
        violations = 0
        lines: list[str] = []
        if integrity:
            lines.extend(f"integrity: {line}" for line in integrity)
            violations += len(integrity)
        damage = wf.damage()
        lines.extend(f"error: {d.describe(lang)}" for d in damage)
        violations += len(damage)
        damaged = {d.account_id or d.row_id for d in damage}
        for account_id, name in wf.account_summaries():
            try:
                account = wf.load_account(account_id)
            except WorkspaceError:
                if account_id not in damaged:
                    raise
                continue  # its bad values are listed above
            where = CLI_MESSAGES.text("cli.in_account", lang, name=name)
            for problem in validate_account(account) + validate_roadmap(account.roadmap):
                prefix = "warning" if problem.severity == Severity.WARNING else "error"
                lines.append(f"{prefix}: {where}: {catalogue.describe(problem, lang)}")
                if problem.severity == Severity.ERROR:
                    violations += 1
            for node in overdue_nodes(account.roadmap, today):
                title = node.title.strip() or CLI_MESSAGES.text("clock.untitled", lang)
                lines.append("warning: {}: {}".format(where, CLI_MESSAGES.text(
                    "clock.overdue", lang, today=format_date(today, lang), title=title,
                    due=format_date(node.due, lang))))
    for line in lines:
        print(line)
    if violations == 0:
        if not lines:  # warnings are problems too: never "no problems" above a warning
            print(CLI_MESSAGES.text("cli.check_clean", lang))
        return 0
    return 1


