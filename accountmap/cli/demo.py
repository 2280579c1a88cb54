"""`accountmap demo PATH`: write the built-in demo workspace to PATH."""

from __future__ import annotations

from pathlib import Path

from accountmap.cli import CommandError
from accountmap.cli.messages import CLI_MESSAGES


def register(sub) -> None:
    p = sub.add_parser("demo", help="write the built-in demo workspace to PATH")
    p.add_argument("path", type=Path)
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.set_defaults(func=run)


def run(args) -> int:
    from accountmap.storage.demo import DemoError, write_demo

    try:
        write_demo(args.path, force=args.force)
    except DemoError as exc:
        raise CommandError(str(exc)) from exc
    print(CLI_MESSAGES.text("cli.demo_written", "en", path=args.path))
    return 0
