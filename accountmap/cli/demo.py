"""`accountmap demo PATH`: write the built-in demo workspace to PATH."""

from __future__ import annotations

from pathlib import Path

from accountmap import catalogue
from accountmap.cli import CommandError


def register(sub) -> None:
    p = sub.add_parser("demo", help="write the built-in demo workspace to PATH")
    p.add_argument("path", type=Path)
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.set_defaults(func=run)


def write_demo(path: Path, *, force: bool = False) -> None:
    """Create the demo workspace at `path`, whole or not at all."""
    from accountmap.demo import load_demo
    from accountmap.storage.exchange import import_document
    from accountmap.storage.new_workspace import create_whole

    path = Path(path)
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give a file name such as {path / 'demo.accountmap'}")
    if path.exists() and not force:
        raise CommandError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise CommandError(f"the folder {path.parent} does not exist")
    document = load_demo()
    create_whole(path, lambda wf: import_document(wf, document, adopt_settings=True),
                 replace=force)


def run(args) -> int:
    write_demo(args.path, force=args.force)
    print(catalogue.text("cli.demo_written", "en", path=args.path))
    return 0
