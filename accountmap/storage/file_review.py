"""One file's part of a portfolio review: every account of a workspace file read
read-only, with only what the review uses, and reviewed (`read_file`); the same in a
reader process (`read_in_worker`, storage/review_readers.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from accountmap.domain.portfolio import DealReview, review_deal
from accountmap.storage.damage import DamagedAccount
from accountmap.storage.errors import WorkspaceError

# `read_file` asks `ask()` every ASK_EVERY accounts: a big file can be cancelled too
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


def read_in_worker(path: Path, today: dt.date) -> FileReading | None:
    """A worker process's reading of one file; None when anything but a clean reading
    came out (the file is then read again in the main process, which reports why)."""
    try:
        reading = read_file(path, today)
    except Exception:  # noqa: BLE001 - reported by the main process's own reading
        return None
    return None if reading.damaged else reading
