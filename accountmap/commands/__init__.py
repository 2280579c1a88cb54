"""CLI subcommands: one module each, with `register(subparsers)`; see accountmap/cli.py."""
