"""The workspace file: one SQLite file (`.accountmap`) holding many accounts.

Every entity of an account is one row of its table, a column per field, guarded by keys,
foreign keys and checks (schema v3: storage/schema.py, docs/SCHEMA.md). Above storage a
row is `Row(position, data)`, `data` being the entity as the domain model dumps it;
storage/rows.py maps it to the columns and back. An edit is a list of `RowChange`s
applied in ONE transaction: a crash at any moment leaves the old state or the new one,
never a half. WAL with `synchronous=NORMAL`: a committed edit
survives the process being killed (measured: ~0.2 ms per edit).

The file is identified by `PRAGMA application_id` and versioned by `PRAGMA user_version`;
anything that is not ours, is damaged, or is newer than this code is refused before a
single byte is written.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from accountmap.domain.models import COLLECTIONS, Account, AccountFields
from accountmap.domain.workspace import WorkspaceSettings
from accountmap.storage import read_sidecars
from accountmap.storage import rows as mapping
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.lock import WorkspaceLock
from accountmap.storage.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate
from accountmap.storage.output_guard import guard_input
from accountmap.storage.reading import ACCOUNTS, SETTINGS, SETTINGS_KEY, WorkspaceReader
from accountmap.storage.recovery import (
    backup_before_migration,
    check_tables,
    open_error,
    recover_after_crash,
    upgraded_in_memory,
)
from accountmap.storage.rows import Row, RowChange

__all__ = ["ACCOUNTS", "SETTINGS", "SETTINGS_KEY", "TABLES", "Row", "RowChange",
           "WorkspaceFile", "account_rows", "inspect_file", "backup_before_migration"]

SQLITE_MAGIC = b"SQLite format 3\x00"
TABLES = (ACCOUNTS, SETTINGS, *COLLECTIONS)


def row_model(table: str, data: dict):
    """A row's data as its domain model (validated). Raises WorkspaceError
    "storage.invalid_row" with the first problem when the data is refused."""
    model_class = (AccountFields if table == ACCOUNTS else WorkspaceSettings
                   if table == SETTINGS else COLLECTIONS[table])
    try:
        return model_class.model_validate(data)
    except ValueError as exc:
        raise WorkspaceError("storage.invalid_row", detail=first_error(exc)) from exc


def validate_row(table: str, data: dict) -> dict:
    """Validate a row's data with its domain model; return it as the model dumps it
    (storage/rows.py's `validated`, its refusal as WorkspaceError "storage.invalid_row")."""
    try:
        return mapping.validated(table, data)
    except ValueError as exc:
        raise WorkspaceError("storage.invalid_row", detail=first_error(exc)) from exc


def refuse_unwritable_folder(path: Path) -> None:
    """WorkspaceError "storage.cannot_create" when `path`'s folder is missing or read-only."""
    if not path.parent.is_dir():
        raise WorkspaceError("storage.cannot_create", path=path,
                             detail_key="storage.detail.no_folder")
    if not os.access(path.parent, os.W_OK):
        raise WorkspaceError("storage.cannot_create", path=path,
                             detail_key="storage.detail.folder_read_only")


def inspect_file(path: Path) -> int:
    """Refuse, without writing, anything that is not a readable AccountMap workspace.

    Returns the file's schema version (`PRAGMA user_version`).
    """
    guard_input(path)  # missing, a folder, or a device/FIFO (which would hang)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise WorkspaceError("storage.unreadable", path=path, detail=exc.strerror or exc) from exc
    if size == 0:
        raise WorkspaceError("storage.empty", path=path)
    if not header.startswith(SQLITE_MAGIC):
        raise WorkspaceError("storage.not_sqlite", path=path)
    if len(header) < 100:
        raise WorkspaceError("storage.truncated", path=path, detail_key="storage.detail.header_cut")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    wal = Path(str(path) + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if valid_for == change_counter and not has_wal and size < pages * page_size:
        raise WorkspaceError("storage.truncated", path=path, detail_key="storage.detail.size",
                             size=size, expected=pages * page_size)
    header_version, header_app_id = struct.unpack(">I4xI", header[60:72])
    if not has_wal:
        # The header is the whole truth when no WAL holds newer pages: refuse what is
        # not ours or too new without letting SQLite create a single sidecar file.
        _refuse_foreign(path, header_app_id, header_version)
    if header_app_id == APPLICATION_ID:
        recover_after_crash(path)
    try:
        conn = sqlite3.connect(read_sidecars.read_only_uri(path, header), uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError("storage.unreadable", path=path, detail=exc) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _refuse_foreign(path, app_id, version)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError("storage.truncated", path=path, detail=exc) from exc
    finally:
        conn.close()
    return version


def _refuse_foreign(path: Path, app_id: int, version: int) -> None:
    if app_id != APPLICATION_ID:
        raise WorkspaceError("storage.not_accountmap", path=path)
    if version > SCHEMA_VERSION:
        raise WorkspaceError("storage.newer", path=path, found=version,
                             supported=SCHEMA_VERSION)


class WorkspaceFile(WorkspaceReader):
    """An open workspace file. Not thread-safe: one per thread. Reading its contents:
    storage/reading.py."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool,
                 lock: WorkspaceLock | None = None) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.lock = lock
        self._identity = self._stat_identity()
        self._created_sidecars: list[Path] = []  # by a read-only open (read_sidecars)
        read_sidecars.opened(path)
        self._wrote = False  # a transaction committed (PRAGMA optimize only then)
        self._in_transaction: bool | None = None  # None: no transaction; False: not begun

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False,
             read_only: bool = False, lock: bool = True, language: str = "ru") -> "WorkspaceFile":
        """Open (or with `create`, make) a workspace file; a new one is written in `language`
        (its templates and printed defaults follow it).

        A writer (`read_only=False`) takes the file's exclusive write lock unless
        `lock=False`; another live writer makes this raise `WorkspaceLocked` (key
        "storage.locked", `.holder` names it). A file this process may not write, or
        whose folder it may not write, is opened read-only instead (see `.read_only`).
        """
        path = Path(path)
        held: WorkspaceLock | None = None
        try:
            if create and not path.exists():
                refuse_unwritable_folder(path)
                if lock:
                    held = WorkspaceLock(path).acquire()
                if not path.exists():  # still absent now that we hold the lock
                    cls._create(path, language)
            return cls._open_existing(path, read_only, lock, held)
        except BaseException:
            if held is not None:
                held.release()
            raise

    @classmethod
    def _open_existing(cls, path: Path, read_only: bool, lock: bool,
                       held: WorkspaceLock | None) -> "WorkspaceFile":
        absent = read_sidecars.missing(path)  # before anything opens it
        version = inspect_file(path)
        if not read_only and not os.access(path, os.W_OK):
            read_only = True
        if not read_only and not os.access(path.parent, os.W_OK):
            read_only = True  # SQLite needs the folder for its journal
        if read_only and held is not None:
            held.release()
            held = None
        if not read_only and lock and held is None:
            held = WorkspaceLock(path).acquire()
        if held is not None:
            held.lock_file_itself()  # a file created just now: links share the lock
        created = absent if read_only else []
        try:
            opened = cls(path, cls._connect(path, read_only, version), read_only, held)
            opened._created_sidecars = created
            return opened
        except BaseException:
            if held is not None:
                held.release()
            raise

    @staticmethod
    def _connect(path: Path, read_only: bool, version: int) -> sqlite3.Connection:
        """A configured connection. An older file is upgraded only to be written: read
        only, it is read through an upgraded copy in memory and left untouched."""
        uri = (read_sidecars.read_only_uri(path) if read_only
               else f"file:{quote(str(path))}?mode=rw")
        if version < SCHEMA_VERSION:
            if read_only:
                return upgraded_in_memory(path, uri, version, TABLES)
            _migrate_file(path, uri, version)
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise WorkspaceError("storage.unreadable", path=path, detail=exc) from exc
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            check_tables(path, conn, TABLES)  # refused before a byte is written
            _configure(conn, read_only)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise open_error(path, exc) from exc
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _create(path: Path, language: str = "ru") -> None:
        """Build a new empty workspace at `path` (which must not exist)."""
        tmp = path.with_name(path.name + ".creating")
        try:
            # Left over by a creator that crashed: start afresh (we hold the lock).
            for leftover in (tmp, Path(str(tmp) + "-journal")):
                leftover.unlink(missing_ok=True)
            conn = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode=DELETE")
                migrate(conn, 0)
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT INTO settings(key, data) VALUES (?, ?)",
                    (SETTINGS_KEY, json.dumps(WorkspaceSettings(language=language).model_dump(mode="json"),
                                              ensure_ascii=False)),
                )
                conn.execute("COMMIT")
            finally:
                conn.close()
            # A -wal, -shm or -journal left by a file once at this path (deleted while
            # open, or crashed) must never join the new file: SQLite would replay it.
            # We hold the lock, so no live writer owns them.
            for side in ("-wal", "-shm", "-journal"):
                Path(f"{path}{side}").unlink(missing_ok=True)
            os.replace(tmp, path)  # the file appears whole or not at all
        except (OSError, sqlite3.Error) as exc:
            try:
                tmp.unlink(missing_ok=True)
                Path(str(tmp) + "-journal").unlink(missing_ok=True)
            except OSError:
                pass
            if "full" in str(exc).lower() or getattr(exc, "errno", None) == 28:
                raise WorkspaceError("storage.no_space", path=path) from exc
            raise WorkspaceError("storage.cannot_create", path=path, detail=exc) from exc

    def close(self) -> None:
        try:
            if not self.read_only and self._wrote:  # never a write to a file only read
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        try:
            self.conn.close()
        finally:
            read_sidecars.closed(self.path, self._created_sidecars)
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> "WorkspaceFile":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----------------------------------------------------------------- writing
    def _stat_identity(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def _check_writable(self) -> None:
        if self.read_only:
            raise WorkspaceError("storage.read_only", path=self.path)
        if self._stat_identity() != self._identity:
            raise WorkspaceError("storage.gone", path=self.path)

    def apply(self, changes: Iterable[RowChange], *, validated: bool = False) -> None:
        """Apply `changes` in one transaction (inside `transaction()`, in that one): all of
        them are on disk, or none. `validated=True`: each `after.data` is already what its
        domain model dumps (the document validated it once), so it is written as it is."""
        statements: list[tuple[str, tuple]] = []
        for change in changes:
            statements.extend(self._statements(change, validated))
        with self.transaction():
            self._execute(statements)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One SQLite transaction for all written inside (begun by the first write),
        committed at the end or rolled back if it raises. Nested blocks join the outer one."""
        if self._in_transaction is not None:
            yield
            return
        self._in_transaction = False  # open, not begun
        try:
            yield
            if self._in_transaction:
                self.conn.execute("COMMIT")
                self._wrote = True
        except BaseException as exc:
            if self._in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._write_error(exc) from exc
            raise
        finally:
            self._in_transaction = None

    def _execute(self, statements: list[tuple[str, tuple]]) -> None:
        if statements and not self._in_transaction:
            self._check_writable()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._write_error(exc) from exc
            self._in_transaction = True
        run: list[tuple] = []  # consecutive statements of the same SQL: one executemany
        for index, (sql, params) in enumerate(statements):
            run.append(params)
            if index + 1 == len(statements) or statements[index + 1][0] != sql:
                if len(run) == 1:
                    self.conn.execute(sql, run[0])
                else:
                    self.conn.executemany(sql, run)
                run = []

    def _statements(self, change: RowChange, validated: bool = False) -> list[tuple[str, tuple]]:
        table = change.table
        if table not in TABLES:
            raise WorkspaceError("storage.invalid_row", detail=f"unknown table {table!r}")
        if change.after is None:
            if table == SETTINGS:
                return [("DELETE FROM settings WHERE key = ?", (change.id,))]
            return mapping.delete(table, change.account_id, change.id)
        data = change.after.data if validated else validate_row(table, change.after.data)
        if table == SETTINGS:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            return [("INSERT INTO settings(key, data) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET data = excluded.data", (change.id, text))]
        if table != ACCOUNTS:
            data = {**data, "id": change.id}
        before = change.before
        return mapping.upsert(table, change.account_id, change.id, change.after.position, data,
                              None if before is None else before.data,
                              None if before is None else before.position)

    def _write_error(self, exc: sqlite3.Error) -> WorkspaceError:
        text = str(exc).lower()
        if "full" in text:
            return WorkspaceError("storage.disk_full", path=self.path)
        if "readonly" in text or "read-only" in text:
            return WorkspaceError("storage.read_only", path=self.path)
        return WorkspaceError("storage.write_failed", path=self.path, detail=exc)

    def add_accounts(self, accounts: Sequence[Account],
                     settings: WorkspaceSettings | None = None) -> list[str]:
        """Write whole accounts (and `settings`, if given) in one transaction (import,
        demo, duplicate).

        An account whose id is already in the file gets a new id; returns the ids used.
        """
        from accountmap.domain.models import new_id

        existing = set(self.account_ids())
        position = self.next_position(ACCOUNTS, None)
        statements: list[tuple[str, tuple]] = []
        if settings is not None:
            statements.extend(self._statements(RowChange(
                SETTINGS, None, SETTINGS_KEY, None, Row(0, settings.model_dump(mode="json")))))
        used: list[str] = []
        for account in accounts:
            account_id = account.id
            if account_id in existing or account_id in used:
                account_id = new_id()
            used.append(account_id)
            changes = account_rows(account, account_id, position)
            position += 1
            for change in changes:
                statements.extend(self._statements(change))
        with self.transaction():
            self._execute(statements)
        return used

    def replace_settings(self, settings: WorkspaceSettings) -> None:
        self.apply([RowChange(SETTINGS, None, SETTINGS_KEY, None,
                              Row(0, settings.model_dump(mode="json")))])


def account_rows(account: Account, account_id: str, position: float) -> list[RowChange]:
    """The rows that make up a whole account, as insertions."""
    from accountmap.domain.models import collection_items

    changes = [RowChange(ACCOUNTS, None, account_id, None,
                         Row(position, account.fields().model_dump(mode="json")))]
    for table in COLLECTIONS:
        for index, item in enumerate(collection_items(account, table)):
            changes.append(RowChange(table, account_id, item.id, None,
                                     Row(float(index), item.model_dump(mode="json"))))
    return changes


def _configure(conn: sqlite3.Connection, read_only: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")


def _migrate_file(path: Path, uri: str, version: int) -> None:
    """Back the file up, then migrate it in one transaction in its own journal mode.

    Switching to WAL waits until the migration has committed: `journal_mode=WAL` rewrites
    the file header, and a failed migration must leave the file byte-identical.
    """
    try:
        backup_before_migration(path, version)
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError("storage.migration_failed", path=path,
                             detail_key="storage.detail.no_backup", reason=exc) from exc
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise WorkspaceError("storage.unreadable", path=path, detail=exc) from exc
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        migrate(conn, version)
    except Exception as exc:
        raise WorkspaceError("storage.migration_failed", path=path,
                             detail=first_error(exc)) from exc
    finally:
        conn.close()


def first_error(exc: Exception) -> str:
    """The first problem of a validation error, as "field.path: message"."""
    return mapping.first_error(exc)
