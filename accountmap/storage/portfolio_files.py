"""The files of a portfolio review: many workspace files and folders, read without writing.

`workspace_paths` turns what the director gave (files and folders) into the workspace
files to read; `load_portfolio` opens each one read-only (the existing read-only open:
nothing is written, no lock is taken), reviews every account with the thresholds of its
own file, and lets the account go. One account id found in several files is one deal,
reviewed from the first file and naming all of them. A file that cannot be read is
skipped with its reason; the others are reviewed. So is an account whose rows hold a value
the models refuse (written by another tool): it is skipped with the table, row and column,
and the file's other accounts are reviewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from accountmap.domain.portfolio import DealReview, review_deal
from accountmap.storage.damage import DamagedAccount
from accountmap.storage.errors import WorkspaceError


SUFFIX = ".accountmap"
# Copies AccountMap itself makes beside a file: never a second KAM's work.
OWN_COPIES = (".backup-", ".creating", ".tmp")

# progress(files done, files, the file being read): False cancels the loading. Asked before
# each file and every ASK_EVERY accounts within one, so a big file can be cancelled too.
Progress = Callable[[int, int, str], bool]
ASK_EVERY = 10
# What the review reads of each account (domain/portfolio.review_deal and the report use
# nothing else): relationships, touchpoints and journey grids stay on disk.
REVIEWED_TABLES = ("decision_centres", "stakeholders", "open_questions", "roadmap_nodes",
                   "roadmap_edges", "meetings", "review_comments")
# ...nor these columns (long texts, positions on the canvas, contact details)
UNREVIEWED_COLUMNS = {
    "stakeholders": frozenset({"interests", "email", "phone", "contact_notes", "notes",
                               "x", "y"}),
    "decision_centres": frozenset({"interest", "x", "y", "width", "height"}),
    "open_questions": frozenset({"answer"}),
    "roadmap_nodes": frozenset({"description", "notes", "exit_note", "x", "y"}),
    "meetings": frozenset({"place", "notes"}),
}


@dataclass
class ReviewedDeal:
    review: DealReview
    path: Path
    language: str
    framework: object  # the file's JourneyFramework (names its stations)
    also_in: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [self.path, *self.also_in]


@dataclass
class Portfolio:
    deals: list[ReviewedDeal]
    files: list[Path]
    skipped: list[tuple[Path, WorkspaceError]]
    today: dt.date
    cancelled: bool = False


def is_own_copy(path: Path) -> bool:
    return any(mark in path.name for mark in OWN_COPIES) or path.name.startswith(".")


def workspace_paths(given: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, WorkspaceError]]]:
    """Files as given, and every `.accountmap` directly in each folder (sorted by name),
    each once; a path that does not exist or a folder without workspaces is reported."""
    paths: list[Path] = []
    problems: list[tuple[Path, WorkspaceError]] = []
    seen: set[Path] = set()
    for item in given:
        item = Path(item)
        if item.is_dir():
            found = sorted((p for p in item.iterdir()
                            if p.suffix == SUFFIX and p.is_file() and not is_own_copy(p)),
                           key=lambda p: p.name.casefold())
            if not found:
                problems.append((item, WorkspaceError("review.no_files", path=item)))
        elif item.exists():
            found = [item]
        else:
            problems.append((item, WorkspaceError("storage.missing", path=item)))
            continue
        for path in found:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                paths.append(path)
    return paths, problems


def load_portfolio(given: Iterable[str | Path], today: dt.date,
                   progress: Progress | None = None) -> Portfolio:
    from accountmap.storage.workspace_file import WorkspaceFile

    paths, skipped = workspace_paths(given)
    portfolio = Portfolio([], paths, skipped, today)
    by_id: dict[str, ReviewedDeal] = {}
    for index, path in enumerate(paths):
        if progress is not None and progress(index, len(paths), path.name) is False:
            portfolio.cancelled = True
            break
        try:
            with WorkspaceFile.open(path, read_only=True) as wf:
                settings = wf.settings()
                ids = wf.account_ids()
                for account_id in ids:
                    if account_id in by_id:  # one deal, found in two files
                        by_id[account_id].also_in.append(path)
                new = [i for i in ids if i not in by_id]
                loaded = wf.load_accounts(new, REVIEWED_TABLES, UNREVIEWED_COLUMNS)
                for number, (account_id, account) in enumerate(loaded, 1):
                    if number % ASK_EVERY == 0 and progress is not None \
                            and progress(index, len(paths), path.name) is False:
                        portfolio.cancelled = True  # also within a big file
                        break
                    if isinstance(account, DamagedAccount):  # the file's others are reviewed
                        skipped.append((path, account))
                        continue
                    if isinstance(account, WorkspaceError):
                        raise account
                    review = review_deal(account, today, settings)
                    deal = ReviewedDeal(review, path, settings.language,
                                        settings.journey_framework)
                    by_id[account_id] = deal
                    portfolio.deals.append(deal)
        except WorkspaceError as exc:
            skipped.append((path, exc))
        except ValueError as exc:  # a row the models refuse (a damaged or foreign file)
            skipped.append((path, WorkspaceError("storage.unreadable", path=path, detail=exc)))
        if portfolio.cancelled:
            break
    if progress is not None and not portfolio.cancelled:
        progress(len(paths), len(paths), "")
    return portfolio
