"""Schema v3 of the workspace file: one table per entity, one column per scalar field.

SQLite itself guards the data: `NOT NULL` where the model requires a value, `CHECK` for
vocabularies, ranges, dates and JSON lists, a primary key `(account_id, id)` per entity,
and a `FOREIGN KEY` for every reference. Foreign keys are `DEFERRABLE INITIALLY DEFERRED`:
one change (an undo of a delete, a whole account) is checked at its COMMIT, whatever the
order of its rows. `ON DELETE` does what the editor's delete does:

- cascade: an account's rows; a person's relationships, open questions, journey grids
  and place in attendee/people lists; a checkpoint's edges and people;
- set null: a person's decision centre, a decision's chosen edge, a meeting's or
  touchpoint's checkpoint. (SQLite's `SET NULL` would also null `account_id` of a
  two-column key, so these are triggers beside a `NO ACTION` foreign key.)

Everything here is data (`TABLES`, `LINKS`): the DDL, the row mapping (storage/rows.py),
`check` and docs/SCHEMA.md all read it, so they cannot drift apart. The DDL is written
here rather than through sqlite-utils' `create()`: its foreign keys are single-column,
with no ON DELETE, DEFERRABLE or CHECK, and every key here is two columns (account, id).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from accountmap.domain.vocabulary import (
    Attitude,
    BuyingRole,
    Channel,
    CheckpointStatus,
    Influence,
    NodeKind,
    QuestionStatus,
    RelationshipKind,
    Temperature,
    TouchpointPhase,
)

NAME_LIMIT = 500
TEXT_LIMIT = 100_000


@dataclass(frozen=True)
class Column:
    name: str
    decl: str  # type, NOT NULL, CHECK
    kind: str = "scalar"  # scalar | bool | json


def _q(name: str) -> str:
    return f'"{name}"'


def name(col: str) -> Column:
    return Column(col, f"TEXT NOT NULL DEFAULT '' CHECK (length({_q(col)}) <= {NAME_LIMIT})")


def text(col: str) -> Column:
    return Column(col, f"TEXT NOT NULL DEFAULT '' CHECK (length({_q(col)}) <= {TEXT_LIMIT})")


def ref(col: str, null: bool = True) -> Column:
    return Column(col, "TEXT" + ("" if null else " NOT NULL"))


def date(col: str) -> Column:
    """ISO YYYY-MM-DD: `date(x, '+0 days')` normalises 2026-02-30 to 2026-03-02 and is
    NULL for any other spelling, so `IS x` refuses both."""
    return Column(col, f"TEXT CHECK ({_q(col)} IS NULL OR "
                       f"date({_q(col)}, '+0 days') IS {_q(col)})")


def enum(col: str, values: type[StrEnum], null: bool = False) -> Column:
    listed = ", ".join(f"'{v.value}'" for v in values)
    if null:
        return Column(col, f"TEXT CHECK ({_q(col)} IS NULL OR {_q(col)} IN ({listed}))")
    return Column(col, f"TEXT NOT NULL CHECK ({_q(col)} IN ({listed}))")


def number(col: str, low: float, high: float, sql_type: str = "REAL",
           null: bool = False) -> Column:
    check = f"{_q(col)} BETWEEN {low!r} AND {high!r}"
    if null:
        return Column(col, f"{sql_type} CHECK ({_q(col)} IS NULL OR {check})")
    return Column(col, f"{sql_type} NOT NULL CHECK (typeof({_q(col)}) IN ('integer', 'real') "
                       f"AND {check})")


def coordinate(col: str) -> Column:
    return number(col, -1e7, 1e7)


def json_list(col: str, json_type: str = "array") -> Column:
    return Column(col, f"TEXT NOT NULL DEFAULT '[]' CHECK (json_valid({_q(col)}) AND "
                       f"json_type({_q(col)}) = '{json_type}')", "json")


def flag(col: str) -> Column:
    return Column(col, f"INTEGER NOT NULL DEFAULT 0 CHECK ({_q(col)} IN (0, 1))", "bool")


@dataclass(frozen=True)
class ForeignKey:
    column: str
    parent: str
    on_delete: str  # CASCADE | SET NULL (by trigger)


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    checks: tuple[str, ...] = ()
    since: int = 3  # the schema version that added the table (storage/migrations.py)


@dataclass(frozen=True)
class Link:
    """A list of references held by an entity, kept as rows in order (`position`)."""

    table: str
    owner: str  # the owning entity's table
    owner_column: str
    field: str  # the model's list field
    target: str  # the referenced entity's table
    target_column: str


ACCOUNT_COLUMNS = (
    name("name"), name("industry"), text("offering"),
    number("deal_value", 0, 1e15, null=True),
    Column("currency", "TEXT NOT NULL DEFAULT 'RUB' CHECK (length(currency) <= 8)"),
    name("owner"), date("target_close"), ref("journey_stage"),
    enum("temperature", Temperature), text("notes"),
)

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("decision_centres", (
        name("name"), text("interest"), coordinate("x"), coordinate("y"),
        number("width", 10, 1e6), number("height", 10, 1e6),
    )),
    Table("stakeholders", (
        name("full_name"), name("title"), ref("decision_centre_id"), json_list("roles"),
        enum("influence", Influence), enum("attitude", Attitude),
        number("relationship_strength", 0, 5, "INTEGER"), name("our_owner"),
        json_list("interests"), ref("journey_stage"), date("last_contact"), name("email"),
        name("phone"), text("contact_notes"), text("notes"), coordinate("x"), coordinate("y"),
    ), (ForeignKey("decision_centre_id", "decision_centres", "SET NULL"),)),
    Table("relationships", (
        ref("from_id", null=False), ref("to_id", null=False),
        enum("kind", RelationshipKind), number("strength", 1, 5, "INTEGER"), name("label"),
    ), (ForeignKey("from_id", "stakeholders", "CASCADE"),
        ForeignKey("to_id", "stakeholders", "CASCADE")),
        ("from_id <> to_id",)),
    Table("open_questions", (
        text("question"), ref("stakeholder_id"), enum("channel", Channel), date("due"),
        enum("status", QuestionStatus), text("answer"),
    ), (ForeignKey("stakeholder_id", "stakeholders", "CASCADE"),)),
    Table("roadmap_nodes", (
        enum("kind", NodeKind), name("title"), text("description"),
        json_list("exit_criteria"), enum("status", CheckpointStatus), name("owner"),
        date("due"), date("activated_on"), ref("journey_stage"), ref("chosen_edge_id"),
        text("notes"), text("exit_note"), coordinate("x"), coordinate("y"),
    ), (ForeignKey("chosen_edge_id", "roadmap_edges", "SET NULL"),)),
    Table("roadmap_edges", (
        ref("from_id", null=False), ref("to_id", null=False), name("outcome"), flag("loop"),
    ), (ForeignKey("from_id", "roadmap_nodes", "CASCADE"),
        ForeignKey("to_id", "roadmap_nodes", "CASCADE"))),
    Table("meetings", (
        date("date"), name("time"), name("place"), text("goal"), ref("checkpoint_id"),
        text("notes"),
    ), (ForeignKey("checkpoint_id", "roadmap_nodes", "SET NULL"),)),
    Table("touchpoints", (
        date("date"), enum("phase", TouchpointPhase), enum("channel", Channel),
        ref("checkpoint_id"), text("summary"), name("emotion"), text("result"),
    ), (ForeignKey("checkpoint_id", "roadmap_nodes", "SET NULL"),)),
    Table("journey_grids", (
        ref("stakeholder_id"), enum("role", BuyingRole, null=True),
        json_list("cells", "object"),
    ), (ForeignKey("stakeholder_id", "stakeholders", "CASCADE"),)),
    Table("journey_history", (
        date("date"), ref("journey_stage"), enum("temperature", Temperature, null=True),
        text("reason"), text("evidence"),
    )),
    Table("review_comments", (
        ref("stakeholder_id"), ref("checkpoint_id"), ref("reply_to"), name("target_name"),
        name("author"), date("date"), text("text"), flag("resolved"), json_list("history"),
    ), (ForeignKey("stakeholder_id", "stakeholders", "SET NULL"),
        ForeignKey("checkpoint_id", "roadmap_nodes", "SET NULL"),
        ForeignKey("reply_to", "review_comments", "CASCADE")),
        ("stakeholder_id IS NULL OR checkpoint_id IS NULL", "reply_to IS NOT id"), since=4),
)}

LINKS: dict[str, Link] = {link.table: link for link in (
    Link("roadmap_node_people", "roadmap_nodes", "node_id", "stakeholder_ids",
         "stakeholders", "stakeholder_id"),
    Link("meeting_attendees", "meetings", "meeting_id", "attendee_ids",
         "stakeholders", "stakeholder_id"),
    Link("touchpoint_people", "touchpoints", "touchpoint_id", "stakeholder_ids",
         "stakeholders", "stakeholder_id"),
)}

# Full-text search: an external-content FTS5 table `<table>_fts` per searched table (the
# layout sqlite-utils' `enable_fts` makes, so its `search()` works on the file), kept up to
# date by triggers. Our own triggers rather than enable_fts's: it runs `executescript`,
# which would commit a migration half-way, and its update trigger re-indexes a person's
# notes on every move of their card; ours fires only when a searched column changes.
# `detail=column, columnsize=0`: a smaller index and about half the cost per edit (no
# phrase queries, which a search box of names and words does not need).
SEARCH = {
    "stakeholders": ("full_name", "title", "notes", "contact_notes", "interests"),
    "open_questions": ("question", "answer"),
}
TOKENIZE = "unicode61 remove_diacritics 2"


def links_of(table: str) -> list[Link]:
    return [link for link in LINKS.values() if link.owner == table]


POSITION = "position REAL NOT NULL CHECK (typeof(position) IN ('integer', 'real'))"


def _entity_ddl(table: Table) -> list[str]:
    lines = [
        "account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE",
        "id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64)",
        POSITION,
    ]
    lines += [f"{_q(c.name)} {c.decl}" for c in table.columns]
    lines.append("PRIMARY KEY (account_id, id)")
    lines += [f"CHECK ({check})" for check in table.checks]
    for fk in table.foreign_keys:
        action = "CASCADE" if fk.on_delete == "CASCADE" else "NO ACTION"
        lines.append(f"FOREIGN KEY (account_id, {fk.column}) REFERENCES {fk.parent}"
                     f"(account_id, id) ON DELETE {action} DEFERRABLE INITIALLY DEFERRED")
    statements = [f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(lines) + "\n)",
                  f"CREATE INDEX idx_{table.name}_order ON {table.name}(account_id, position)"]
    for fk in table.foreign_keys:
        statements.append(f"CREATE INDEX idx_{table.name}_{fk.column} "
                          f"ON {table.name}(account_id, {fk.column})")
    return statements


def _set_null_ddl(table: Table) -> list[str]:
    statements = []
    for fk in table.foreign_keys:
        if fk.on_delete == "SET NULL":
            statements.append(
                f"CREATE TRIGGER {table.name}_{fk.column}_set_null AFTER DELETE ON {fk.parent}"
                f" BEGIN UPDATE {table.name} SET {fk.column} = NULL WHERE account_id ="
                f" OLD.account_id AND {fk.column} = OLD.id; END")
    return statements


def _link_ddl(link: Link) -> list[str]:
    return [
        f"CREATE TABLE {link.table} (\n"
        f"  account_id TEXT NOT NULL,\n"
        f"  {link.owner_column} TEXT NOT NULL,\n"
        f"  {link.target_column} TEXT NOT NULL,\n"
        f"  position INTEGER NOT NULL,\n"
        f"  PRIMARY KEY (account_id, {link.owner_column}, {link.target_column}),\n"
        f"  FOREIGN KEY (account_id, {link.owner_column}) REFERENCES {link.owner}"
        f"(account_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
        f"  FOREIGN KEY (account_id, {link.target_column}) REFERENCES {link.target}"
        f"(account_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED\n)",
        f"CREATE INDEX idx_{link.table}_{link.target_column} "
        f"ON {link.table}(account_id, {link.target_column})",
    ]


def create_v3(conn: sqlite3.Connection) -> None:
    """Create every v3 table, index, trigger and search index (inside the caller's
    transaction); the tables added since come with their own version (`create_added`)."""
    account_lines = [
        "id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64)",
        POSITION,
        *(f"{_q(c.name)} {c.decl}" for c in ACCOUNT_COLUMNS),
    ]
    statements = [
        "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL "
        "CHECK (json_valid(data) AND json_type(data) = 'object'))",
        "CREATE TABLE accounts (\n  " + ",\n  ".join(account_lines) + "\n)",
        "CREATE INDEX idx_accounts_order ON accounts(position)",
    ]
    v3 = [table for table in TABLES.values() if table.since == 3]
    for table in v3:
        statements += _entity_ddl(table)
    for table in v3:
        statements += _set_null_ddl(table)
    for link in LINKS.values():
        statements += _link_ddl(link)
    for table, columns in SEARCH.items():
        statements += _search_ddl(table, columns)
    for sql in statements:
        conn.execute(sql)


def create_added(conn: sqlite3.Connection, version: int) -> None:
    """Create the tables that schema `version` (past 3) added, with their indexes and
    triggers (inside the caller's transaction)."""
    added = [table for table in TABLES.values() if table.since == version]
    statements = [sql for table in added for sql in _entity_ddl(table)]
    statements += [sql for table in added for sql in _set_null_ddl(table)]
    for sql in statements:
        conn.execute(sql)


def _search_ddl(table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    old = ", ".join(f"old.{c}" for c in columns)
    new = ", ".join(f"new.{c}" for c in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, tokenize='{TOKENIZE}', "
        f"content={table}, detail=column, columnsize=0)",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END",
    ]
