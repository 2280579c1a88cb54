"""Enforcing the account limits (accountmap/domain/limits.py) at import and on edits."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from accountmap import catalogue
from accountmap.domain.limits import (
    ACCOUNT_LIMITS,
    JSON_PATHS,
    MAX_ACCOUNTS,
    account_counts,
    over_limits,
)
from accountmap.storage.errors import WorkspaceError

catalogue.MESSAGES.update({
    "limits.import": {"en": "{path} is too big to import: {detail}; nothing was imported", "ru": "{path} слишком велик для загрузки: {detail}; ничего не загружено"},
    "limits.item": {"en": "$.accounts[{index}].{where} has {count} items, an account holds at most {limit}", "ru": "$.accounts[{index}].{where}: {count} элементов, в одном клиенте не больше {limit}"},
    "limits.output": {"en": "The account “{name}” is over the limits ({detail}); it cannot be drawn or printed in bounded time. Split it or remove what is not needed", "ru": "Клиент «{name}» превышает пределы ({detail}); его нельзя нарисовать или распечатать за разумное время. Разделите его или удалите лишнее"},
    "limits.accounts": {"en": "{count} accounts, a workspace holds at most {limit}", "ru": "{count} клиентов, в рабочем пространстве не больше {limit}"},
})

_WHAT = {  # what an account (or a workspace) is full of, in each language
    "stakeholders": ("people", "человек"),
    "decision_centres": ("decision centres", "центров принятия решений"),
    "relationships": ("relationships", "связей"),
    "open_questions": ("open questions", "открытых вопросов"),
    "roadmap_nodes": ("roadmap steps", "шагов дорожной карты"),
    "roadmap_edges": ("roadmap links", "переходов дорожной карты"),
    "meetings": ("meetings", "встреч"),
    "touchpoints": ("touchpoints", "точек контакта"),
    "journey_grids": ("journey grids", "таблиц пути клиента"),
    "journey_history": ("journey events", "событий пути клиента"),
}
for _table, (_en, _ru) in _WHAT.items():
    catalogue.MESSAGES[f"limits.reached.{_table}"] = {
        "en": f"An account holds at most {{limit}} {_en}; this one is full, nothing was added",
        "ru": f"В одном клиенте не больше {{limit}} {_ru}; этот заполнен, ничего не добавлено",
    }
catalogue.MESSAGES["limits.reached.accounts"] = {
    "en": "A workspace holds at most {limit} accounts; nothing was added",
    "ru": "В рабочем пространстве не больше {limit} клиентов; ничего не добавлено",
}


def refuse_over_limits(document, source: str, lang: str = "en") -> None:
    """Refuse an import document with an account (or a workspace) over the limits."""
    problems = []
    if len(document.accounts) > MAX_ACCOUNTS:
        problems.append(catalogue.text("limits.accounts", lang, count=len(document.accounts),
                                       limit=MAX_ACCOUNTS))
    for index, account in enumerate(document.accounts):
        for table, count, limit in over_limits(account_counts(account)):
            problems.append(catalogue.text("limits.item", lang, index=index,
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
                             detail=f"{table}: {count} > {limit}")
