"""Enforcing the account limits (accountmap/domain/limits.py) at import and on edits."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from accountmap.domain.limits import (
    ACCOUNT_LIMITS,
    JSON_PATHS,
    MAX_ACCOUNTS,
    account_counts,
    over_limits,
)
from accountmap.storage.errors import STORAGE_MESSAGES, WorkspaceError


def refuse_over_limits(document, source: str, lang: str = "en") -> None:
    """Refuse an import document with an account (or a workspace) over the limits."""
    problems = []
    if len(document.accounts) > MAX_ACCOUNTS:
        problems.append(STORAGE_MESSAGES.text("limits.accounts", lang,
                                              count=len(document.accounts),
                                              limit=MAX_ACCOUNTS))
    for index, account in enumerate(document.accounts):
        for table, count, limit in over_limits(account_counts(account)):
            problems.append(STORAGE_MESSAGES.text("limits.item", lang, index=index,
                                                  where=JSON_PATHS.get(table, table),
                                                  count=count, limit=limit))
    if problems:
        raise WorkspaceError("limits.import", path=source, detail="; ".join(problems[:5]))


def refuse_growth(changes: Iterable, count: Callable[[str | None, str], int],
                  account_count: int | None = None) -> None:
    """Refuse `changes` (RowChanges) that add rows past a limit. `count(account_id,
    table)` gives the rows there now; a whole new account counts from zero."""
    added: dict[tuple[str | None, str], int] = {}
    new_accounts = 0
    for change in changes:
        if change.before is None and change.after is not None:
            if change.table == "accounts":
                new_accounts += 1
            elif change.table in ACCOUNT_LIMITS:
                key = (change.account_id, change.table)
                added[key] = added.get(key, 0) + 1
    if new_accounts and account_count is not None \
            and account_count + new_accounts > MAX_ACCOUNTS:
        raise WorkspaceError("limits.reached.accounts", limit=MAX_ACCOUNTS)
    for (account_id, table), extra in added.items():
        if count(account_id, table) + extra > ACCOUNT_LIMITS[table]:
            raise WorkspaceError(f"limits.reached.{table}", limit=ACCOUNT_LIMITS[table])


def refuse_output_over_limits(account) -> None:
    """Outputs (render, plan, brief) of an account over the limits (a file made
    elsewhere) are refused in one sentence instead of running out of memory."""
    over = over_limits(account_counts(account))
    if over:
        table, count, limit = over[0]
        raise WorkspaceError("limits.output", name=account.name,
                             detail_key=f"limits.detail.over.{table}", count=count, limit=limit)
