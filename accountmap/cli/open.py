"""`accountmap open [WORKSPACE]`: the desktop application."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("open", help="open the desktop application (the default command)")
    p.add_argument("workspace", nargs="?", type=Path,
                   help="the workspace file; default: the last one, or the demo workspace")
    p.add_argument("--read-only", action="store_true", help="open without changing the file")
    p.add_argument("--quit-after-show", action="store_true",
                   help="exit as soon as the main window is shown (smoke tests, benchmarks)")
    p.add_argument("--lang", choices=("ru", "en"), default=None,
                   help="the interface language (default: the system's)")
    p.set_defaults(func=run)


def run(args) -> int:
    import gc

    # Start-up makes ~100,000 objects that live as long as the process (modules, classes,
    # pydantic's validators, the window): the garbage collector's ~120 passes over them
    # cost ~20 ms before the first account painted. It runs again once that painted.
    gc_paused = gc.isenabled()
    gc.disable()
    from accountmap.app.application import end_process, run_application

    code = run_application(args.workspace, read_only=args.read_only,
                           quit_after_show=args.quit_after_show, lang=args.lang,
                           gc_paused=gc_paused)
    end_process(code)  # the process ends here (no teardown of a big account's objects)
    return code
