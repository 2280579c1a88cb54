"""`accountmap check WORKSPACE`: integrity and rule violations, one per line.

Exit 0 when clean, 1 when a rule is violated, 2 when the file cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from accountmap import catalogue
from accountmap.cli.messages import CLI_MESSAGES


def register(sub) -> None:
    p = sub.add_parser("check", help="check a workspace for integrity and rule violations")
    p.add_argument("workspace", type=Path)
    p.add_argument("--lang", choices=catalogue.LANGUAGES, default=None)
    p.set_defaults(func=run)


def run(args) -> int:
    from accountmap.domain.account_rules import validate_account
    from accountmap.domain.problems import Severity
    from accountmap.domain.roadmap_rules import validate_roadmap
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        lang = args.lang or wf.settings().language
        integrity = wf.integrity_problems()
        violations = 0
        lines: list[str] = []
        if integrity:
            lines.extend(f"integrity: {line}" for line in integrity)
            violations += len(integrity)
        for account_id, name in wf.account_summaries():
            account = wf.load_account(account_id)
            where = CLI_MESSAGES.text("cli.in_account", lang, name=name)
            for problem in validate_account(account) + validate_roadmap(account.roadmap):
                prefix = "warning" if problem.severity == Severity.WARNING else "error"
                lines.append(f"{prefix}: {where}: {catalogue.describe(problem, lang)}")
                if problem.severity == Severity.ERROR:
                    violations += 1
    for line in lines:
        print(line)
    if violations == 0:
        print(CLI_MESSAGES.text("cli.check_clean", lang))
        return 0
    return 1


