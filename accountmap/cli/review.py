"""`accountmap review export|import|add|list`: review comments between a director and a
KAM (docs/REVIEW.md). `export` only reads the workspace; `import` merges a review file
into it by ids in one transaction and names every conflict."""

from __future__ import annotations

import getpass
from pathlib import Path

from accountmap import catalogue
from accountmap.cli import CommandError
from accountmap.cli.as_of import add_today_option, today_of
from accountmap.cli.messages import CLI_MESSAGES


def register(sub) -> None:
    p = sub.add_parser("review", help="review comments: export, import (merge), add, list")
    actions = p.add_subparsers(dest="review_action", required=True)
    e = actions.add_parser("export", help="write the comments of a workspace to a review file")
    e.add_argument("workspace", type=Path)
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.amreview")
    e.add_argument("--account", help="only this account (name or id)")
    e.add_argument("--lang", choices=catalogue.LANGUAGES, default=None,
                   help="language of the message (default: the workspace's)")
    add_today_option(e, "date the review file")
    e.set_defaults(func=run_export)
    i = actions.add_parser("import", help="merge a review file into a workspace (by ids; "
                                          "conflicts are reported, nothing is overwritten)")
    i.add_argument("workspace", type=Path)
    i.add_argument("review_file", type=Path)
    i.add_argument("--lang", choices=catalogue.LANGUAGES, default=None,
                   help="language of the report (default: the workspace's)")
    i.set_defaults(func=run_import)
    a = actions.add_parser("add", help="add a comment to an account, a person or a checkpoint")
    a.add_argument("workspace", type=Path)
    a.add_argument("--account", required=True, help="the account (name or id)")
    target = a.add_mutually_exclusive_group()
    target.add_argument("--person", help="a person of the account (full name or id)")
    target.add_argument("--checkpoint", help="a checkpoint of the account (title or id)")
    target.add_argument("--reply-to", help="the id of the comment this answers")
    a.add_argument("--text", required=True)
    a.add_argument("--author", default=None, help="default: the login name")
    add_today_option(a, "date the comment")
    a.set_defaults(func=run_add)
    l_ = actions.add_parser("list", help="print the comments of a workspace")
    l_.add_argument("workspace", type=Path)
    l_.add_argument("--open", action="store_true", help="only comments not resolved")
    l_.set_defaults(func=run_list)


def run_export(args) -> int:
    from accountmap.storage.output_guard import guard_output
    from accountmap.storage.review_exchange import export_review, write_review
    from accountmap.storage.workspace_file import WorkspaceFile

    guard_output(args.output, [args.workspace])
    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        ids = None if not args.account else [_account(wf, args.account, args.workspace)]
        review = export_review(wf, ids, today_of(args))
        lang = args.lang or wf.settings().language
    write_review(args.output, review, [args.workspace])
    count = sum(len(a.comments) for a in review.accounts)
    print(CLI_MESSAGES.text("review.exported", lang, count=count,
                            accounts=len(review.accounts), path=args.output))
    return 0


def run_import(args) -> int:
    from accountmap.storage.review_exchange import conflict_text, import_review, read_review
    from accountmap.storage.workspace_file import WorkspaceFile

    review = read_review(args.review_file)  # validated before the workspace is touched
    with WorkspaceFile.open(args.workspace) as wf:
        merge = import_review(wf, review)
        lang = args.lang or wf.settings().language
    print(CLI_MESSAGES.text("review.imported", lang, added=len(merge.added),
                            replaced=len(merge.replaced) - _edited_both(merge),
                            kept=merge.kept, conflicts=len(merge.conflicts)))
    for conflict in merge.conflicts:
        print(f"  {conflict_text(conflict, lang)}")
    return 0


def _edited_both(merge) -> int:
    return sum(1 for c in merge.conflicts if c.kind == "edited_both")


def run_add(args) -> int:
    from accountmap.domain.models import ReviewComment
    from accountmap.storage.rows import Row, RowChange
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(args.workspace) as wf:
        account_id = _account(wf, args.account, args.workspace)
        account = wf.load_account(account_id)
        fields: dict = {}
        if args.person:
            person = next((s for s in account.stakeholders
                           if args.person in (s.id, s.full_name)), None)
            if person is None:
                raise CommandError(CLI_MESSAGES.text("review.no_person", "en", name=args.person,
                                                     account=account.name))
            fields = {"stakeholder_id": person.id, "target_name": person.full_name}
        elif args.checkpoint:
            node = next((n for n in account.roadmap.nodes
                         if args.checkpoint in (n.id, n.title)), None)
            if node is None:
                raise CommandError(CLI_MESSAGES.text("review.no_checkpoint", "en",
                                                     name=args.checkpoint, account=account.name))
            fields = {"checkpoint_id": node.id, "target_name": node.title}
        elif args.reply_to:
            parent = next((c for c in account.review_comments if c.id == args.reply_to), None)
            if parent is None:
                raise CommandError(CLI_MESSAGES.text("review.no_comment", "en",
                                                     name=args.reply_to, account=account.name))
            fields = {"reply_to": parent.id, "stakeholder_id": parent.stakeholder_id,
                      "checkpoint_id": parent.checkpoint_id, "target_name": parent.target_name}
        comment = ReviewComment(author=args.author or getpass.getuser(), date=today_of(args),
                                text=args.text, **fields)
        position = wf.next_position("review_comments", account_id)
        wf.apply([RowChange("review_comments", account_id, comment.id, None,
                            Row(position, comment.model_dump(mode="json")))])
    print(comment.id)
    return 0


def run_list(args) -> int:
    from accountmap.domain.dates import format_date
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        lang = wf.settings().language
        for account_id in wf.account_ids():
            account = wf.load_account(account_id)
            for c in account.review_comments:
                if args.open and c.resolved:
                    continue
                state = "✓" if c.resolved else "•"
                on = c.target_name or account.name
                reply = f" ↳{c.reply_to}" if c.reply_to else ""
                day = format_date(c.date, lang) if c.date else ""
                print(f"{state} {c.id}{reply} [{account.name} / {on}] {c.author} {day}: "
                      f"{' '.join(c.text.split())}")
    return 0


def _account(wf, name: str, path: Path) -> str:
    found = wf.find_account(name)
    if found is None:
        raise CommandError(CLI_MESSAGES.text("cli.no_account", "en", name=name, path=path))
    return found
