"""`accountmap render WORKSPACE --account NAME --view map -o FILE.(png|svg|pdf|graphml|csv)`:
draw a canvas offscreen, the same scene the window shows; or write it as GraphML (yEd,
Gephi, networkx), or the people as CSV (--view map), without Qt."""

from __future__ import annotations

from pathlib import Path

from accountmap.cli import CommandError
from accountmap.cli.messages import CLI_MESSAGES


def register(sub) -> None:
    p = sub.add_parser("render", help="draw an account's map (or roadmap) to PNG, SVG or PDF")
    p.add_argument("workspace", type=Path)
    p.add_argument("--account", required=True, help="the account's name (or its id)")
    p.add_argument("--view", choices=("map", "roadmap"), default="map")
    p.add_argument("-o", "--output", required=True, type=Path,
                   help="FILE.png, .svg, .pdf, .graphml, or .csv (the people, with --view map)")
    p.add_argument("--lang", choices=("ru", "en"), default=None,
                   help="language of the legend (default: the workspace's)")
    p.set_defaults(func=run)


def find_account(document, name: str) -> str:
    if document.has_account(name):
        return name
    matches = [i for i in document.account_ids() if document.account_name(i) == name]
    if not matches:
        folded = name.strip().casefold()
        matches = [i for i in document.account_ids()
                   if document.account_name(i).strip().casefold() == folded]
    if not matches:
        raise CommandError(CLI_MESSAGES.text("cli.no_account", "en", name=name, path=document.path))
    if len(matches) > 1:
        raise CommandError(CLI_MESSAGES.text("cli.account_ambiguous", "en", name=name))
    return matches[0]


DATA_FORMATS = ("graphml", "csv")


def run(args) -> int:
    out: Path = args.output
    from accountmap.storage.output_guard import guard_output, output_file

    guard_output(out, [args.workspace])  # refused before any work is done
    if out.suffix.lstrip(".").lower() in DATA_FORMATS:
        return run_data(args)
    from accountmap.canvas.render import FORMATS, ensure_gui_application, render_account

    if out.suffix.lstrip(".").lower() not in FORMATS:
        raise CommandError(CLI_MESSAGES.text("cli.render_format", "en", path=out))
    if not out.parent.resolve().is_dir():
        raise CommandError(CLI_MESSAGES.text("cli.no_folder", "en", path=out.parent))
    app = ensure_gui_application()
    from accountmap.app.application import make_application
    from accountmap.document.editor import Editor
    from accountmap.document.workspace_document import WorkspaceDocument

    had_translator = getattr(app, "_accountmap_translator", None) is not None
    document = WorkspaceDocument.open(args.workspace, read_only=True)
    try:
        make_application(args.lang or document.language)
        account_id = find_account(document, args.account)
        from accountmap.storage.limits import refuse_output_over_limits

        refuse_output_over_limits(document.account(account_id))  # bounded work
        try:
            with output_file(out, [args.workspace]) as tmp:
                render_account(document, Editor(document), account_id, args.view, tmp,
                               fmt=out.suffix.lstrip(".").lower())
        except OSError as exc:
            raise CommandError(f"cannot write {out}: {exc}") from None
    finally:
        document.close()
        translator = getattr(app, "_accountmap_translator", None)
        if not had_translator and translator is not None:  # leave the application as found
            app.removeTranslator(translator)
            app._accountmap_translator = None
    print(CLI_MESSAGES.text("cli.rendered", "en", path=out))
    return 0


def run_data(args) -> int:
    """GraphML or CSV straight from the file: no Qt, no window."""
    from accountmap.briefing.graphml import write_graphml
    from accountmap.storage.limits import refuse_output_over_limits
    from accountmap.storage.output_guard import guard_output, output_error
    from accountmap.storage.people_csv import write_people_csv
    from accountmap.storage.workspace_file import WorkspaceFile

    out: Path = args.output
    fmt = out.suffix.lstrip(".").lower()
    if fmt == "csv" and args.view != "map":
        raise CommandError(CLI_MESSAGES.text("cli.render_format", "en", path=out))
    if not out.parent.resolve().is_dir():
        raise CommandError(CLI_MESSAGES.text("cli.no_folder", "en", path=out.parent))
    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        lang = args.lang or wf.settings().language
        account_id = _find_in_file(wf, args.account)
        account = wf.load_account(account_id)
    refuse_output_over_limits(account)  # bounded work
    guard_output(out, [args.workspace])  # again, just before writing
    try:
        if fmt == "graphml":
            write_graphml(account, args.view, out, lang)
        else:
            write_people_csv(account, out, lang)
    except OSError as exc:
        raise output_error(out, exc) from None
    print(CLI_MESSAGES.text("cli.rendered", "en", path=out))
    return 0


def _find_in_file(wf, name: str) -> str:
    ids = wf.account_ids()
    if name in ids:
        return name
    names = dict(wf.account_summaries())
    for matches in ([i for i in ids if names.get(i) == name],
                    [i for i in ids if names.get(i, "").strip().casefold() == name.strip().casefold()]):
        if len(matches) > 1:
            raise CommandError(CLI_MESSAGES.text("cli.account_ambiguous", "en", name=name))
        if matches:
            return matches[0]
    raise CommandError(CLI_MESSAGES.text("cli.no_account", "en", name=name, path=wf.path))
