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

from accountmap.domain.portfolio import DealReview
from accountmap.storage.errors import WorkspaceError
from accountmap.storage import review_readers
from accountmap.storage.file_review import read_file


SUFFIX = ".accountmap"
# Copies AccountMap itself makes beside a file: never a second KAM's work.
OWN_COPIES = (".backup-", ".creating", ".tmp")

# progress(files done, files, the file being read): False cancels the loading. Asked before
# each file and every ASK_EVERY accounts within one (file_review), so a big file can be
# cancelled too.
Progress = Callable[[int, int, str], bool]


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
                   progress: Progress | None = None, workers: int = 1,
                   forked: bool = True, meanwhile: Callable[[], None] | None = None
                   ) -> Portfolio:
    """Review every account of the given files and folders. `workers` > 1 reads the files
    in that many processes: this one and `workers - 1` readers (`review_readers`), forked
    (the command line's review) or, with `forked=False`, started afresh (a process with
    Qt or threads in it must not fork); progress is then asked once a file. `meanwhile()`
    is called once the readers are started, before this process reads (the readers then
    take more of the files)."""
    paths, skipped = workspace_paths(given)
    portfolio = Portfolio([], paths, skipped, today)
    by_id: dict[str, ReviewedDeal] = {}
    readings, futures = None, []
    if workers > 1 and len(paths) > 1:
        readings, futures = review_readers.start(paths, today, workers - 1, forked)
    try:
        if meanwhile is not None:
            meanwhile()
        _review_files(portfolio, paths, futures, by_id, progress)
    finally:
        if readings is not None:
            readings.shutdown()
    if progress is not None and not portfolio.cancelled:
        progress(len(paths), len(paths), "")
    return portfolio


def _review_files(portfolio: Portfolio, paths: list[Path], futures: list,
                  by_id: dict[str, ReviewedDeal], progress: Progress | None) -> None:
    today, skipped = portfolio.today, portfolio.skipped
    for index, path in enumerate(paths):
        if progress is not None and progress(index, len(paths), path.name) is False:
            portfolio.cancelled = True
            break
        ask = None if progress is None else lambda: progress(index, len(paths), path.name)
        try:
            reading = futures[index].result(ask) if futures else None
            if reading is None:
                reading = read_file(path, today, by_id.keys(), ask)
            elif reading is review_readers.STOPPED:  # cancelled while a reader read this file
                portfolio.cancelled = True
                break
            for account_id in reading.ids:
                if account_id in by_id:  # one deal, found in two files
                    by_id[account_id].also_in.append(path)
            skipped.extend((path, damaged) for damaged in reading.damaged)
            for account_id, review in reading.reviews:
                if account_id in by_id:
                    continue
                deal = ReviewedDeal(review, path, reading.language, reading.framework)
                by_id[account_id] = deal
                portfolio.deals.append(deal)
            portfolio.cancelled = reading.cancelled
        except WorkspaceError as exc:
            skipped.append((path, exc))
        except ValueError as exc:  # a row the models refuse (a damaged or foreign file)
            skipped.append((path, WorkspaceError("storage.unreadable", path=path, detail=exc)))
        if portfolio.cancelled:
            break
