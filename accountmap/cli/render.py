"""`accountmap render WORKSPACE --account NAME --view map -o FILE.(png|svg|pdf)`:
draw a canvas offscreen, the same scene the window shows."""

from __future__ import annotations

from pathlib import Path

from accountmap import catalogue
from accountmap.cli import CommandError

catalogue.MESSAGES.update({
    "cli.rendered": {"en": "Wrote {path}", "ru": "Записан файл {path}"},
    "cli.render_format": {
        "en": "{path}: unknown format; the file name must end in .png, .svg or .pdf",
        "ru": "{path}: неизвестный формат; имя файла должно оканчиваться на .png, .svg или .pdf"},
    "cli.roadmap_unavailable": {"en": "the roadmap view is not available yet",
                                "ru": "вид «дорожная карта» пока недоступен"},
    "cli.account_ambiguous": {"en": "Several accounts are named “{name}”; rename one of them",
                              "ru": "Несколько клиентов называются «{name}»; переименуйте один из них"},
    "cli.no_folder": {"en": "the folder {path} does not exist", "ru": "папка {path} не существует"},
})


def register(sub) -> None:
    p = sub.add_parser("render", help="draw an account's map (or roadmap) to PNG, SVG or PDF")
    p.add_argument("workspace", type=Path)
    p.add_argument("--account", required=True, help="the account's name (or its id)")
    p.add_argument("--view", choices=("map", "roadmap"), default="map")
    p.add_argument("-o", "--output", required=True, type=Path, help="FILE.png, FILE.svg or FILE.pdf")
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
        raise CommandError(catalogue.text("cli.no_account", "en", name=name, path=document.path))
    if len(matches) > 1:
        raise CommandError(catalogue.text("cli.account_ambiguous", "en", name=name))
    return matches[0]


def run(args) -> int:
    from accountmap.canvas.render import FORMATS, RoadmapUnavailable, ensure_gui_application, render_account

    out: Path = args.output
    if out.suffix.lstrip(".").lower() not in FORMATS:
        raise CommandError(catalogue.text("cli.render_format", "en", path=out))
    if not out.parent.resolve().is_dir():
        raise CommandError(catalogue.text("cli.no_folder", "en", path=out.parent))
    from accountmap.storage.output_guard import guard_output, output_file

    guard_output(out, [args.workspace])  # refused before any work is done
    if args.view == "roadmap":
        import importlib.util

        if importlib.util.find_spec("accountmap.canvas.roadmap.render_scene") is None:
            raise CommandError(catalogue.text("cli.roadmap_unavailable", "en"))
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
        except RoadmapUnavailable:
            raise CommandError(catalogue.text("cli.roadmap_unavailable", "en")) from None
        except OSError as exc:
            raise CommandError(f"cannot write {out}: {exc}") from None
    finally:
        document.close()
        translator = getattr(app, "_accountmap_translator", None)
        if not had_translator and translator is not None:  # leave the application as found
            app.removeTranslator(translator)
            app._accountmap_translator = None
    print(catalogue.text("cli.rendered", "en", path=out))
    return 0
