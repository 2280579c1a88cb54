"""`accountmap demo PATH [--today YYYY-MM-DD]`: write the built-in demo workspace to PATH,
its story moved so that its "now" is today (the next meeting still ahead)."""

from __future__ import annotations

from pathlib import Path

from accountmap import catalogue
from accountmap.cli import CommandError
from accountmap.cli.as_of import add_today_option, today_of


def register(sub) -> None:
    p = sub.add_parser("demo", help="write the built-in demo workspace to PATH")
    p.add_argument("path", type=Path)
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    add_today_option(p, "write the story")
    p.set_defaults(func=run)


def write_demo(path: Path, *, force: bool = False, today=None) -> None:
    """Create the demo workspace at `path`, whole or not at all, its story as of `today`
    (default: the clock's today, asked now)."""
    import os

    from accountmap.demo import load_demo
    from accountmap.domain import clock
    from accountmap.storage.exchange import import_document
    from accountmap.storage.workspace_file import WorkspaceFile

    path = Path(path)
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give a file name such as {path / 'demo.accountmap'}")
    if path.exists() and not force:
        raise CommandError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise CommandError(f"the folder {path.parent} does not exist")
    document = load_demo(as_of=today or clock.today())
    tmp = path.with_name(f".{path.name}.tmp")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    with WorkspaceFile.open(tmp, create=True) as wf:
        import_document(wf, document, adopt_settings=True)
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wf.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    os.replace(tmp, path)


def run(args) -> int:
    write_demo(args.path, force=args.force, today=today_of(args))
    print(catalogue.text("cli.demo_written", "en", path=args.path))
    return 0
