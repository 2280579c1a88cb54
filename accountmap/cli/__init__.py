"""The command line: `accountmap [open|demo|export|import|check|schema|...]`.

Each subcommand lives in `accountmap/cli/<name>.py` with a `register(subparsers)`
that adds its parser and sets `func`; `func(args)` returns the exit code. Errors are one
clear sentence on stderr with exit code 2, never a traceback. Heavy imports (Qt,
reportlab) happen inside the commands that need them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMAND_MODULES = [
    "accountmap.cli.open",
    "accountmap.cli.demo",
    "accountmap.cli.exchange",
    "accountmap.cli.check",
    "accountmap.cli.schema",
    "accountmap.cli.portfolio",
    "accountmap.cli.briefing",
    "accountmap.cli.render",
    "accountmap.cli.contacts",
    "accountmap.cli.review",
]


class CommandError(Exception):
    """Raised by a command for a clear, expected failure (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage + exits 2: keep that
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; `only="open"` registers just that command (start-up of the GUI does not
    pay for importing every other command)."""
    parser = _Parser(prog="accountmap", description="Account maps and roadmaps for B2B sales")
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    modules = [f"accountmap.cli.{only}"] if only else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # pydantic looks for plugins in every installed package's entry points (importlib.metadata)
    # when it builds its first model: we use none (~5 ms of each start-up, issue 15)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["open", *argv]  # `accountmap` alone opens the GUI
    parser = build_parser("open" if argv[0] == "open" else None)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from accountmap.cli.as_of import today_of
    from accountmap.storage.errors import WorkspaceError

    try:
        today_of(argparse.Namespace(), getattr(args, "lang", None))  # ACCOUNTMAP_TODAY is a day
        return int(args.func(args) or 0)
    except WorkspaceError as exc:
        print(f"accountmap: {exc.message(getattr(args, 'lang', None) or 'en')}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"accountmap: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
