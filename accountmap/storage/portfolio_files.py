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


@dataclass
class FileReading:
    """What one file gave the review: its settings' language and journey framework, every
    account id in it, and the reviews of the accounts read (in the file's order)."""

    language: str
    framework: object
    ids: list[str]
    reviews: list[tuple[str, DealReview]]
    damaged: list[DamagedAccount]
    cancelled: bool = False


def read_file(path: Path, today: dt.date, known: frozenset[str] | set[str] = frozenset(),
              ask: Callable[[], bool] | None = None) -> FileReading:
    """Review every account of `path` not in `known`, read-only; `ask()` returning False
    every ASK_EVERY accounts stops (a big file can be cancelled too). Raises WorkspaceError
    when the file cannot be read, ValueError on rows the models refuse."""
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(path, read_only=True) as wf:
        settings = wf.settings()
        ids = wf.account_ids()
        reading = FileReading(settings.language, settings.journey_framework, ids, [], [])
        new = [i for i in ids if i not in known]
        loaded = wf.load_accounts(new, REVIEWED_TABLES, UNREVIEWED_COLUMNS)
        for number, (account_id, account) in enumerate(loaded, 1):
            if number % ASK_EVERY == 0 and ask is not None and ask() is False:
                reading.cancelled = True
                break
            if isinstance(account, DamagedAccount):  # the file's others are reviewed
                reading.damaged.append(account)
                continue
            if isinstance(account, WorkspaceError):
                raise account
            reading.reviews.append((account_id, review_deal(account, today, settings)))
    return reading


def _read_in_worker(path: Path, today: dt.date) -> FileReading | None:
    """A worker process's reading of one file; None when anything but a clean reading
    came out (the file is then read again in the main process, which reports why)."""
    try:
        reading = read_file(path, today)
    except Exception:  # noqa: BLE001 - reported by the main process's own reading
        return None
    return None if reading.damaged else reading


def _worker_pool(paths: list[Path], today: dt.date, workers: int):
    """A pool of `workers` forked processes already reading each file, and the future of
    each file's reading in the order of `paths` (files are independent; a review of twenty
    files is mostly reading them)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context)
    return pool, [pool.submit(_read_in_worker, path, today) for path in paths]


def load_portfolio(given: Iterable[str | Path], today: dt.date,
                   progress: Progress | None = None, workers: int = 1) -> Portfolio:
    """Review every account of the given files and folders. `workers` > 1 reads the files
    in that many forked processes (the command line's review; never a process with Qt or
    threads in it, which must not fork); progress is then asked once a file."""
    paths, skipped = workspace_paths(given)
    portfolio = Portfolio([], paths, skipped, today)
    by_id: dict[str, ReviewedDeal] = {}
    pool, futures = (_worker_pool(paths, today, workers) if workers > 1 and len(paths) > 1
                     else (None, []))
    try:
        _review_files(portfolio, paths, futures, by_id, progress)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
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
        try:
            reading = futures[index].result() if futures else None
            if reading is None:
                ask = (None if progress is None
                       else lambda: progress(index, len(paths), path.name))
                reading = read_file(path, today, by_id.keys(), ask)
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
