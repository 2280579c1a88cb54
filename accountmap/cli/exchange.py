"""`accountmap export` and `accountmap import`."""

from __future__ import annotations

from pathlib import Path

from accountmap.cli import CommandError
from accountmap.cli.messages import CLI_MESSAGES


def register(sub) -> None:
    p = sub.add_parser("export", help="export a workspace or one account to JSON")
    p.add_argument("workspace", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    p.add_argument("--account", help="only this account (name or id)")
    p.set_defaults(func=run_export)
    p = sub.add_parser("import", help="import accounts from JSON (creates the workspace if missing)")
    p.add_argument("workspace", type=Path)
    p.add_argument("json_file", type=Path)
    p.add_argument("--on-conflict", choices=("replace", "copy", "merge"), default=None,
                   help="an account whose id the workspace already holds: replace it, keep "
                        "both (the import as a copy with a new id), or merge the two")
    p.set_defaults(func=run_import)


def run_export(args) -> int:
    from accountmap.storage.exchange import document_to_json, export_document, write_text_atomically
    from accountmap.storage.output_guard import guard_output
    from accountmap.storage.workspace_file import WorkspaceFile

    guard_output(args.output, [args.workspace])  # before the work, and again when writing
    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        ids = None
        if args.account:
            found = wf.find_account(args.account)
            if found is None:
                raise CommandError(CLI_MESSAGES.text("cli.no_account", "en", name=args.account,
                                                     path=args.workspace))
            ids = [found]
        document = export_document(wf, ids)
    write_text_atomically(args.output, document_to_json(document), [args.workspace])
    print(CLI_MESSAGES.text("cli.exported", "en", count=len(document.accounts), path=args.output))
    return 0


def run_import(args) -> int:
    from accountmap.storage.exchange import import_document, read_document
    from accountmap.storage.workspace_file import WorkspaceFile

    document = read_document(args.json_file)  # validated before the workspace is touched
    if not args.workspace.exists():
        # Built beside and renamed into place: a kill leaves nothing or everything.
        from accountmap.storage.new_workspace import create_whole

        create_whole(args.workspace,
                     lambda wf: import_document(wf, document, adopt_settings=True))
    else:
        from accountmap.storage.exchange import clashing

        with WorkspaceFile.open(args.workspace, read_only=True) as wf:  # refused: untouched
            clashes = clashing(wf, document)
        if clashes and args.on_conflict is None:
            raise CommandError(CLI_MESSAGES.text(
                "cli.account_exists", "en", name=clashes[0].name, id=clashes[0].id,
                path=args.workspace, more="" if len(clashes) == 1 else CLI_MESSAGES.text(
                    "cli.and_more", "en", count=len(clashes) - 1)))
        with WorkspaceFile.open(args.workspace) as wf:  # one transaction
            import_document(wf, document, on_conflict=args.on_conflict or "copy")
    print(CLI_MESSAGES.text("cli.imported", "en", count=len(document.accounts), path=args.workspace))
    return 0
