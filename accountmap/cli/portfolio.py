"""`accountmap portfolio FILE|FOLDER... [-o FILE.pdf|FILE.csv]`: every deal of every file
on one table, with its flags, for a sales director (docs/REVIEW.md).

Every file is opened read-only: reviewing a KAM's file never writes it. Without `-o` the
table is printed; `-o review.pdf` writes the report, `-o review.csv` a spreadsheet.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.cli.as_of import add_today_option, today_of


def register(sub) -> None:
    p = sub.add_parser(
        "portfolio", help="review every deal of many workspace files: flags, totals, patterns",
        description="Review every deal in the given workspace files and folders (each "
                    ".accountmap in a folder): one line per deal with its flags; -o writes "
                    "a PDF report or a CSV file. The files are only read.")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE|FOLDER")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.pdf|FILE.csv",
                   help="write the review as a PDF report or a CSV file")
    p.add_argument("--csv", type=Path, metavar="FILE", help=argparse.SUPPRESS)  # the old `-o FILE.csv`
    p.add_argument("--lang", choices=catalogue.LANGUAGES, default=None,
                   help="language (default: that of the first file)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    add_today_option(p, "review the deals (days in checkpoint, overdue, stalled)")
    p.set_defaults(func=run)


def _prepare_pdf() -> None:
    """The PDF's modules and fonts, loaded while the readers read (~0.2 s)."""
    from accountmap.briefing import portfolio_review  # noqa: F401 - imported for later
    from accountmap.briefing.fonts import register_fonts

    register_fonts()


def run(args) -> int:
    from accountmap.cli import CommandError
    from accountmap.storage.damage import DamagedAccount
    from accountmap.storage.portfolio_files import load_portfolio

    output = args.output or args.csv
    if output is not None:
        from accountmap.storage.output_guard import guard_output

        guard_output(output, args.paths)  # refused before any file is read
    if output is not None and output.suffix.lower() not in (".pdf", ".csv"):
        from accountmap.cli.messages import CLI_MESSAGES

        raise CommandError(CLI_MESSAGES.text("cli.portfolio_format", args.lang or "en",
                                             path=output))
    today = today_of(args, args.lang)
    # The files are read by this process and readers forked from it, one a core; readers
    # started afresh if Qt is loaded here (the command run inside the app or a test of
    # it): a process with Qt's threads must not fork.
    pdf = output is not None and output.suffix.lower() == ".pdf"
    portfolio = load_portfolio(args.paths, today, workers=os.cpu_count() or 1,
                               forked="PySide6.QtCore" not in sys.modules,
                               meanwhile=_prepare_pdf if pdf else None)
    lang = args.lang or (portfolio.deals[0].language if portfolio.deals else "en")
    for path, error in portfolio.skipped:
        print(f"accountmap: {BRIEFING_MESSAGES.text('review.skipped', lang, path=path, reason=error.message(lang))}",
              file=sys.stderr)
    if not portfolio.files:
        raise CommandError(portfolio.skipped[0][1].message(lang) if portfolio.skipped
                           else BRIEFING_MESSAGES.text("review.empty", lang))
    if output is None:
        print_table(portfolio, lang)
    elif output.suffix.lower() == ".csv":
        from accountmap.briefing.portfolio_table import csv_rows
        from accountmap.storage.csv_export import to_csv
        from accountmap.storage.exchange import write_text_atomically

        header, rows = csv_rows(portfolio, lang)
        write_text_atomically(output, "\ufeff" + to_csv(header, rows), portfolio.files)  # BOM: Excel reads UTF-8
        print(BRIEFING_MESSAGES.text("review.written", lang, count=len(rows), path=output))
    else:
        from accountmap.briefing.portfolio_review import build_portfolio_review
        from accountmap.cli.briefing import write_output

        data = build_portfolio_review(portfolio, lang=lang, paper=args.paper)
        write_output(output, data, portfolio.files)
        print(BRIEFING_MESSAGES.text("review.written", lang, count=len(portfolio.deals), path=output))
    # exit 1 when nothing could be reviewed, or a damaged account was left out of a file
    # that was read (its reason is printed above, naming table, row and column)
    left_out = any(isinstance(error, DamagedAccount) for _path, error in portfolio.skipped)
    return 1 if (portfolio.skipped and not portfolio.deals) or left_out else 0


def print_table(portfolio, lang: str) -> None:
    from accountmap.briefing.portfolio_table import table_rows, totals_lines

    if not portfolio.deals:
        print(BRIEFING_MESSAGES.text("review.empty", lang))
        return
    header, rows = table_rows(portfolio, lang)
    cells = [header] + rows
    widths = [min(36, max(len(row[c]) for row in cells)) for c in range(len(header) - 1)]
    for n, row in enumerate(cells):
        line = "  ".join(_fit(v, w) for v, w in zip(row, widths))
        print((line + "  " + row[-1]).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths) + "  " + "-" * len(row[-1]))
    print()
    for line in totals_lines(portfolio, lang):
        print(line)


def _fit(value: str, width: int) -> str:
    value = value.replace("\n", " ")
    return (value[: width - 1] + "…") if len(value) > width else value.ljust(width)
