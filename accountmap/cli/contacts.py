"""`accountmap import-contacts WORKSPACE FILE --account NAME [--preset …] [--dry-run]`:
people from a CRM's export (Salesforce, HubSpot, Bitrix24, amoCRM or any CSV/XLSX) onto
an account's map, as one undoable step. Prints what it does (or would do) row by row."""

from __future__ import annotations

from pathlib import Path

from accountmap.storage.errors import STORAGE_MESSAGES
from accountmap.cli import CommandError
from accountmap.domain.contact_columns import PRESET_NAMES, Preset


def register(sub) -> None:
    p = sub.add_parser("import-contacts",
                       help="add or update people of an account from a CRM export (CSV/XLSX)")
    p.add_argument("workspace", type=Path)
    p.add_argument("file", type=Path, help="the CRM's export: .csv or .xlsx")
    p.add_argument("--account", required=True, help="the account's name (or its id)")
    p.add_argument("--preset", default="auto",
                   choices=[p.value for p in Preset if p is not Preset.CUSTOM],
                   help="whose export this is (default: recognised by its headers)")
    p.add_argument("--encoding", default=None,
                   help="the file's encoding when it is not recognised (e.g. cp1251)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--lang", choices=("ru", "en"), default=None,
                   help="language of the report (default: the workspace's)")
    p.set_defaults(func=run)


def read_contacts(path: Path, preset: str = "auto", encoding: str | None = None,
                  lang: str = "en", progress=None):
    """(table, preset used, contacts) of an export; raises before any workspace is touched."""
    from accountmap.domain.contact_columns import ContactField, detect_preset, map_columns
    from accountmap.domain.contacts import contacts_from_rows
    from accountmap.storage.contacts_csv import read_contact_file

    table = read_contact_file(path, encoding)
    chosen = Preset(preset)
    if chosen is Preset.AUTO:
        chosen = detect_preset(table.headers)
    fields = map_columns(table.headers, chosen, table.rows[:20])
    if not {ContactField.FULL_NAME, ContactField.FIRST_NAME, ContactField.LAST_NAME,
            ContactField.EMAIL} & set(fields):
        raise CommandError(STORAGE_MESSAGES.text("contacts.no_name_column", lang))
    return table, chosen, contacts_from_rows(fields, table.rows, table.numbers, table.extra, progress)


def run(args) -> int:
    from accountmap.cli.render import find_account
    from accountmap.document.contact_import import write_import
    from accountmap.document.editor import Editor
    from accountmap.document.workspace_document import WorkspaceDocument
    from accountmap.domain.contact_plan import MAX_PEOPLE, plan_import
    from accountmap.storage.contact_summary import counts, labels, problem_lines, summary
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        lang = args.lang or wf.settings().language
    args.lang = lang  # errors (printed by accountmap.cli.main) in the same language
    table, preset, contacts = read_contacts(args.file, args.preset, args.encoding, lang)
    # planned on a read-only copy: a dry run, a refusal or "nothing to do" leave the file as it was
    document = WorkspaceDocument.open(args.workspace, read_only=True)
    try:
        account_id = find_account(document, args.account)
        account = document.account(account_id)
        plan = plan_import(account, contacts, labels(lang))
        name = PRESET_NAMES.get(preset) or STORAGE_MESSAGES.text("contacts.custom", lang)
        print(STORAGE_MESSAGES.text("contacts.detected", lang, preset=name, encoding=table.encoding,
                             rows=len(table.rows)))
        for line in problem_lines(plan, lang, limit=200):
            print("  " + line)
        if plan.too_many:
            raise CommandError(STORAGE_MESSAGES.text(
                "contacts.too_many_people", lang, account=document.account_name(account_id),
                count=len(account.stakeholders) + len(plan.new_people), limit=MAX_PEOPLE))
        if args.dry_run:
            print(summary(plan, lang))
            print(STORAGE_MESSAGES.text("contacts.dry_run", lang))
            return 0
        if not plan.writes_anything:
            print(STORAGE_MESSAGES.text("contacts.nothing", lang))
            return 0
    finally:
        document.close()
    document = WorkspaceDocument.open(args.workspace)
    try:
        account_id = find_account(document, args.account)
        plan = plan_import(document.account(account_id), contacts, labels(lang))
        write_import(Editor(document), account_id, plan, "Import contacts")
        print(STORAGE_MESSAGES.text("contacts.done", lang, account=document.account_name(account_id),
                             **counts(plan)))
    finally:
        document.close()
    return 0
