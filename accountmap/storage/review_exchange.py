"""The review file (`.amreview`): review comments travelling between a director and a KAM
(docs/FORMAT.md, docs/REVIEW.md). Export reads the workspace only; import merges by ids
(domain/review_merge.py) and writes every change in ONE transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from accountmap.domain.review_merge import (
    REVIEW_FORMAT,
    REVIEW_VERSION,
    Conflict,
    Merge,
    ReviewFile,
    merge_review,
    review_of,
)
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.exchange import json_path, load_json
from accountmap.storage.output_guard import read_limited, write_output
from accountmap.storage.rows import Row, RowChange
from accountmap.storage.workspace_file import WorkspaceFile

TABLE = "review_comments"
MAX_REVIEW_BYTES = 50 * 1024 * 1024
SUFFIX = ".amreview"


def export_review(wf: WorkspaceFile, account_ids: list[str] | None = None,
                  today: dt.date | None = None) -> ReviewFile:
    ids = wf.account_ids() if account_ids is None else account_ids
    return review_of([wf.load_account(i) for i in ids], today)


def review_to_json(review: ReviewFile) -> str:
    return json.dumps(review.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def write_review(path: Path, review: ReviewFile, inputs: list[Path]) -> None:
    """Whole or not at all, never over a workspace or one of `inputs` (output_guard)."""
    write_output(Path(path), review_to_json(review).encode("utf-8"), inputs)


def parse_review(text: bytes | str, source: str) -> ReviewFile:
    if len(text) > MAX_REVIEW_BYTES:
        raise WorkspaceError("review.invalid", path=source, detail_key="review.detail.too_big",
                             mb=MAX_REVIEW_BYTES >> 20)
    raw = load_json(text, source)
    if not isinstance(raw, dict) or raw.get("format") != REVIEW_FORMAT:
        raise WorkspaceError("review.not_review", path=source)
    version = raw.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > REVIEW_VERSION:
        raise WorkspaceError("review.newer", path=source, found=version, supported=REVIEW_VERSION)
    try:
        return ReviewFile.model_validate(raw)
    except RecursionError as exc:
        raise WorkspaceError("exchange.too_deep", path=source) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise WorkspaceError("review.invalid", path=source,
                             detail=f"{json_path(first['loc'])}: {first['msg']}") from exc


def read_review(path: Path) -> ReviewFile:
    return parse_review(read_limited(Path(path), MAX_REVIEW_BYTES), str(path))


def merge_changes(merge: Merge, read_row: Callable[[str, str], Row | None],
                  next_position: Callable[[str], float]) -> list[RowChange]:
    """The row changes that apply `merge`: `read_row(account_id, comment_id)` gives a
    comment's row as it is now, `next_position(account_id)` the place after the last."""
    changes: list[RowChange] = []
    positions: dict[str, float] = {}
    for account_id, comment in merge.replaced:
        before = read_row(account_id, comment.id)
        if before is None:  # pragma: no cover - the merge met it in this account
            continue
        changes.append(RowChange(TABLE, account_id, comment.id, before,
                                 Row(before.position, comment.model_dump(mode="json"))))
    for account_id, comment in merge.added:
        position = positions.get(account_id)
        if position is None:
            position = next_position(account_id)
        positions[account_id] = position + 1
        changes.append(RowChange(TABLE, account_id, comment.id, None,
                                 Row(position, comment.model_dump(mode="json"))))
    return changes


def import_review(wf: WorkspaceFile, review: ReviewFile) -> Merge:
    """Merge `review` into the workspace in one transaction; the merge says what happened."""
    present = set(wf.account_ids())
    accounts = {a.id: wf.load_account(a.id) for a in review.accounts if a.id in present}
    merge = merge_review(accounts, review)
    wf.apply(merge_changes(merge, lambda a, c: wf.read_row(TABLE, a, c),
                           lambda a: wf.next_position(TABLE, a)))
    return merge


def _short(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def conflict_text(conflict: Conflict, lang: str) -> str:
    """One sentence saying what the import did about a conflict."""
    from accountmap.storage.errors import STORAGE_MESSAGES

    target = conflict.target_name or STORAGE_MESSAGES.text("review.on_account", lang)
    return STORAGE_MESSAGES.text(f"review.conflict.{conflict.kind}", lang,
                                 account=conflict.account_name, target=target,
                                 theirs=_short(conflict.theirs))
