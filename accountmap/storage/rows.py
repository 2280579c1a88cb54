"""The one place that maps a domain model's dump (a dict) to the columns of schema v3 and
back. Callers above storage see `Row(position, data)` with `data` as the model dumps it
(`model_dump(mode="json")`): lists of references become link-table rows in order, lists
and maps of plain values become JSON columns, booleans 0/1.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from accountmap.domain.models import COLLECTIONS, AccountFields
from accountmap.domain.workspace import WorkspaceSettings
from accountmap.storage.schema import ACCOUNT_COLUMNS, TABLES, Column, Link, links_of

Statement = tuple[str, tuple]


@dataclass(frozen=True)
class Row:
    """A row as the layers above storage see it: its place in the user's order and the
    entity as its domain model dumps it (`model_dump(mode="json")`)."""

    position: float
    data: dict


@dataclass(frozen=True)
class RowChange:
    """One row written or deleted. `before`/`after` None means absent."""

    table: str
    account_id: str | None
    id: str
    before: Row | None
    after: Row | None

    def inverted(self) -> "RowChange":
        return RowChange(self.table, self.account_id, self.id, self.after, self.before)


class DamagedRow(ValueError):
    """A value in the file that the model cannot take (written by another tool)."""

    def __init__(self, table: str, row_id: str, column: str, detail: str) -> None:
        self.table, self.row_id, self.column, self.detail = table, row_id, column, detail
        super().__init__(f"{table} {row_id!r}, column {column}: {detail}")


def columns_of(table: str) -> tuple[Column, ...]:
    return ACCOUNT_COLUMNS if table == "accounts" else TABLES[table].columns


def _to_sql(column: Column, value: object) -> object:
    if column.kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if column.kind == "bool":
        return int(bool(value))
    return value


def _from_json(table: str, row_id: str, column: Column, value: object) -> object:
    try:
        return json.loads(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise DamagedRow(table, row_id, column.name, f"not JSON ({exc})") from exc


# ----------------------------------------------------------------------- writing
def validated(table: str, data: dict) -> dict:
    """`data` validated by its domain model and dumped as the model dumps it (raises
    pydantic's ValidationError, a ValueError)."""
    if table == "accounts":
        model = AccountFields.model_validate(data)
    elif table == "settings":
        model = WorkspaceSettings.model_validate(data)
    else:
        model = COLLECTIONS[table].model_validate(data)
    return model.model_dump(mode="json")


def upsert(table: str, account_id: str | None, row_id: str, position: float, data: dict,
           before: dict | None = None, before_position: float | None = None
           ) -> list[Statement]:
    """Statements that write one validated row (and its link rows).

    With `before` (the row as the file has it now) only the changed columns are set, so
    triggers and foreign-key checks run only for what changed (a card's move does not
    re-index its notes for search)."""
    columns = columns_of(table)
    if before is not None and table != "accounts":
        moved = _plain_update(table, account_id, row_id, position, data, before, before_position)
        if moved is not None:
            return moved
    values = [_to_sql(c, data[c.name]) for c in columns]
    if before is None:
        changed: tuple[str, ...] | None = None  # all
    else:
        changed = (("position",) if position != before_position else ()) + tuple(
            c.name for c in columns if before.get(c.name) != data[c.name])
    if table == "accounts":
        return [(_upsert_sql(table, changed), (row_id, position, *values))]
    statements = [(_upsert_sql(table, changed), (account_id, row_id, position, *values))]
    for link in links_of(table):
        targets = data[link.field]
        if before is not None and before.get(link.field) == targets:
            continue
        statements.append((f"DELETE FROM {link.table} WHERE account_id = ? AND "
                           f"{link.owner_column} = ?", (account_id, row_id)))
        sql = (f"INSERT INTO {link.table}(account_id, {link.owner_column}, "
               f"{link.target_column}, position) VALUES (?, ?, ?, ?)")
        statements += [(sql, (account_id, row_id, target, index))
                       for index, target in enumerate(targets)]
    return statements


def _plain_update(table: str, account_id: str | None, row_id: str, position: float,
                  data: dict, before: dict, before_position: float | None
                  ) -> list[Statement] | None:
    """An UPDATE of the changed columns of a row the file holds, when they are all plain
    values and no link changed (a move, a resize, a renamed card: nothing to convert to
    JSON, one statement Arrange's thousands share); None otherwise (the upsert)."""
    geometry = _geometry_columns(table)
    if geometry and data.keys() == before.keys() and data == {
            **before, **{c.name: data[c.name] for c in geometry}}:
        # only where it stands or its size may differ (one comparison of whole dicts, in
        # C; Arrange writes 3,000 rows of ~25 columns): no link, no other column changed
        changed = [c for c in geometry if before[c.name] != data[c.name]]
    else:
        changed = [c for c in columns_of(table) if before.get(c.name) != data[c.name]]
        if any(c.kind != "scalar" for c in changed) or any(
                before.get(link.field) != data[link.field] for link in links_of(table)):
            return None
    names = (("position",) if position != before_position else ()) + tuple(c.name for c in changed)
    if not names:
        return None
    values = [position] if position != before_position else []
    values += [data[c.name] for c in changed]
    return [(_update_sql(table, names), (*values, account_id, row_id))]


GEOMETRY = ("x", "y", "width", "height")


@functools.lru_cache(maxsize=64)
def _geometry_columns(table: str) -> tuple:
    """The plain columns of `table` that say where a row stands and its size, in order."""
    return tuple(c for c in columns_of(table) if c.name in GEOMETRY and c.kind == "scalar")


@functools.lru_cache(maxsize=512)
def _update_sql(table: str, names: tuple[str, ...]) -> str:
    sets = ", ".join(f'"{n}" = ?' for n in names)
    return f"UPDATE {table} SET {sets} WHERE account_id = ? AND id = ?"


@functools.lru_cache(maxsize=512)
def _upsert_sql(table: str, changed: tuple[str, ...] | None) -> str:
    """INSERT of a whole row that, when the row is there, sets only `changed` (None: all)."""
    names = [c.name for c in columns_of(table)]
    if changed is None:
        changed = ("position", *names)
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    action = ("DO UPDATE SET " + ", ".join(f'"{n}" = excluded."{n}"' for n in changed)
              if changed else "DO NOTHING")
    if table == "accounts":
        return (f"INSERT INTO accounts(id, position, {quoted}) VALUES (?, ?, {marks}) "
                f"ON CONFLICT(id) {action}")
    return (f"INSERT INTO {table}(account_id, id, position, {quoted}) "
            f"VALUES (?, ?, ?, {marks}) ON CONFLICT(account_id, id) {action}")


def delete(table: str, account_id: str | None, row_id: str) -> list[Statement]:
    if table == "accounts":
        return [("DELETE FROM accounts WHERE id = ?", (row_id,))]
    statements = [(f"DELETE FROM {link.table} WHERE account_id = ? AND {link.owner_column} = ?",
                   (account_id, row_id)) for link in links_of(table)]
    statements.append((f"DELETE FROM {table} WHERE account_id = ? AND id = ?",
                       (account_id, row_id)))
    return statements


# ----------------------------------------------------------------------- reading
def select_sql(table: str) -> str:
    """SELECT id, position and every column of `table` (the record `to_data` maps)."""
    quoted = ", ".join(f'"{c.name}"' for c in columns_of(table))
    return f"SELECT id, position, {quoted} FROM {table}"


_SHAPES: dict[tuple, tuple[tuple[str, ...], tuple[Column, ...], tuple[str, ...]]] = {}


def _shape(table: str, skip: frozenset[str] = frozenset()
           ) -> tuple[tuple[str, ...], tuple[Column, ...], tuple[str, ...]]:
    """("id", "position", column names...), the JSON columns, the boolean columns (all
    columns but those in `skip`)."""
    shape = _SHAPES.get((table, skip))
    if shape is None:
        columns = tuple(c for c in columns_of(table) if c.name not in skip)
        shape = _SHAPES[(table, skip)] = (
            ("id", "position", *(c.name for c in columns)),
            tuple(c for c in columns if c.kind == "json"),
            tuple(c.name for c in columns if c.kind == "bool"),
        )
    return shape


def to_data(table: str, record: Sequence, skip: frozenset[str] = frozenset()
            ) -> tuple[str, float, dict]:
    """(id, position, data) of a record of `select_sql` (less the columns in `skip`);
    raises DamagedRow for a value no model could take (not JSON, not 0/1, a position that
    is not a number)."""
    names, json_columns, bool_columns = _shape(table, skip)
    data = dict(zip(names, record))
    row_id = data["id"]
    position = data.pop("position")
    if not isinstance(position, (int, float)):
        raise DamagedRow(table, row_id, "position", f"not a number ({position!r:.40})")
    for column in json_columns:
        value = data[column.name]
        data[column.name] = [] if value == "[]" else _from_json(table, row_id, column, value)
    for name in bool_columns:
        if data[name] not in (0, 1):
            raise DamagedRow(table, row_id, name, f"not 0 or 1 ({data[name]!r:.40})")
        data[name] = bool(data[name])
    return row_id, position, data


def link_lists(conn: sqlite3.Connection, link: Link, account_id: str,
               owner_id: str | None = None) -> dict[str, list[str]]:
    """owner id -> the ids in its list, in order (of one account, or of one owner)."""
    sql = (f"SELECT {link.owner_column}, {link.target_column} FROM {link.table} "
           f"WHERE account_id = ?")
    params: tuple = (account_id,)
    if owner_id is not None:
        sql += f" AND {link.owner_column} = ?"
        params += (owner_id,)
    lists: dict[str, list[str]] = defaultdict(list)
    for owner, target in conn.execute(sql + f" ORDER BY {link.owner_column}, position", params):
        lists[owner].append(target)
    return lists


def read_rows(conn: sqlite3.Connection, table: str, account_id: str,
              row_id: str | None = None) -> list[tuple[str, float, dict]]:
    """(id, position, data) of an account's rows of `table` in their order (or one row)."""
    if row_id is None:
        records = conn.execute(select_sql(table) + " WHERE account_id = ? ORDER BY position, id",
                               (account_id,)).fetchall()
    else:
        records = conn.execute(select_sql(table) + " WHERE account_id = ? AND id = ?",
                               (account_id, row_id)).fetchall()
    rows = [to_data(table, record) for record in records]
    for link in links_of(table):
        lists = link_lists(conn, link, account_id, row_id)
        for rid, _position, data in rows:
            data[link.field] = lists.get(rid, [])
    return rows


def read_all_rows(conn: sqlite3.Connection, table: str, skip: frozenset[str] = frozenset()
                  ) -> dict[str, list[tuple[str, float, dict] | DamagedRow]]:
    """account id -> (id, position, data) of its rows of `table` in order, for every
    account at once (one query a table: a review of many accounts); a row no model could
    take is its DamagedRow in place of the row. The columns in `skip` are not read (the
    model gives them their defaults)."""
    by_account: dict[str, list] = defaultdict(list)
    names, json_columns, bool_columns = _shape(table, skip)
    quoted = ", ".join(f'"{n}"' for n in names[2:])
    records = conn.execute(f"SELECT account_id, id, position, {quoted} FROM {table} "
                           "ORDER BY account_id, position, id")
    keys = names[2:]  # what to_data does, without a call and a lookup a row
    for account_id, row_id, position, *values in records:
        rows = by_account[account_id]
        if not isinstance(position, (int, float)):
            rows.append(DamagedRow(table, row_id, "position",
                                   f"not a number ({position!r:.40})"))
            continue
        data = dict(zip(keys, values))
        data["id"] = row_id
        try:
            for column in json_columns:
                value = data[column.name]
                data[column.name] = ([] if value == "[]"
                                     else _from_json(table, row_id, column, value))
            for name in bool_columns:
                if data[name] not in (0, 1):
                    raise DamagedRow(table, row_id, name, f"not 0 or 1 ({data[name]!r:.40})")
                data[name] = bool(data[name])
        except DamagedRow as exc:
            rows.append(exc)
            continue
        rows.append((row_id, position, data))
    for link in links_of(table):
        lists: dict[tuple[str, str], list[str]] = defaultdict(list)
        for account_id, owner, target in conn.execute(
                f"SELECT account_id, {link.owner_column}, {link.target_column} FROM "
                f"{link.table} ORDER BY account_id, {link.owner_column}, position"):
            lists[(account_id, owner)].append(target)
        for account_id, rows in by_account.items():
            for row in rows:
                if not isinstance(row, DamagedRow):
                    row[2][link.field] = lists.get((account_id, row[0]), [])
    return by_account


def read_accounts(conn: sqlite3.Connection, account_id: str | None = None
                  ) -> list[tuple[str, float, dict]]:
    """(id, position, fields) of every account in order (or of one)."""
    if account_id is None:
        records = conn.execute(select_sql("accounts") + " ORDER BY position, id").fetchall()
    else:
        records = conn.execute(select_sql("accounts") + " WHERE id = ?", (account_id,)).fetchall()
    rows = []
    for record in records:
        row_id, position, data = to_data("accounts", record)
        del data["id"]
        rows.append((row_id, position, data))
    return rows


def build_account(account_id: str, fields: dict, collections: dict[str, list[dict]]):
    """The `Account` made of its own fields and the rows of each collection (raises
    ValueError when the rows do not make a valid account)."""
    from accountmap.domain.models import Account, Roadmap

    data = dict(fields)
    data["id"] = account_id
    rest = dict(collections)
    data["roadmap"] = Roadmap.model_validate({"nodes": rest.pop("roadmap_nodes"),
                                              "edges": rest.pop("roadmap_edges")})
    data.update(rest)
    account = Account.model_validate(data)
    share_fields_sets(account)
    return account


_SHAPE_OF: dict[type, tuple[set[str], tuple[str, ...]]] = {}  # see share_fields_sets


def share_fields_sets(model) -> None:
    """Every model in `model` (itself included) whose fields were all given holds one set
    of its class's field names instead of its own copy. Pydantic keeps that set per
    instance (`model_fields_set`: ~730 bytes for a person's 18 fields, 2 MiB for 1,000
    people and their lines); sharing it is safe because pydantic only adds field names to
    it (on assignment: all are in it already) and copies it for a copy."""
    stack = [model]
    while stack:
        item = stack.pop()
        cls = type(item)
        shape = _SHAPE_OF.get(cls)
        if shape is None:
            shape = _SHAPE_OF[cls] = (set(cls.model_fields), _model_holding_fields(cls))
        shared, nested = shape
        fields_set = item.__pydantic_fields_set__
        if fields_set is not shared and fields_set == shared:
            object.__setattr__(item, "__pydantic_fields_set__", shared)
        values = item.__dict__
        for name in nested:
            value = values[name]
            if isinstance(value, list):
                stack.extend(value)
            elif value is not None:
                stack.append(value)


def _model_holding_fields(cls) -> tuple[str, ...]:
    """The fields of model class `cls` that may hold models (a model, a list of them)."""
    import typing

    from pydantic import BaseModel

    def holds_models(annotation) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_models(a) for a in typing.get_args(annotation))

    return tuple(name for name, info in cls.model_fields.items() if holds_models(info.annotation))


def first_error(exc: Exception) -> str:
    """One line for a refused value: "field: message" (pydantic) or the text."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            loc = ".".join(str(p) for p in first.get("loc", ()))
            return f"{loc}: {first.get('msg', '')}" if loc else str(first.get("msg", exc))
        except Exception:  # pragma: no cover - defensive
            pass
    return str(exc)
