"""A workspace file after a crash, and read without being written.

- `recover_after_crash`: a hot `-journal` is rolled back the way SQLite does it, by a
  read-write open (a read-only one cannot, and said "damaged").
- `open_error`: the true sentence for an error while opening (a full disk is not damage).
- `check_tables`: a file missing a table is refused before anything is written to it
  (no journal-mode switch, no `optimize`).
- `upgraded_in_memory`: an older file opened read-only is read through an upgraded copy
  in memory; the file is upgraded only when it is opened to be written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from accountmap.storage.errors import WorkspaceError
from accountmap.storage.migrations import migrate



def recover_after_crash(path: Path) -> None:
    """Let SQLite roll back a hot `-journal` left by a crash, as a normal open does.

    A read-only connection cannot (it reports "attempt to write a readonly database"), so
    a file with a journal beside it is opened read-write once, read, and closed: SQLite
    restores the last committed state (and discards a journal that is not a valid one).
    Only for a file that is ours by its header; a WAL is recovered by every connection.
    """
    journal = Path(str(path) + "-journal")
    try:
        if journal.stat().st_size == 0:
            return
    except OSError:
        return
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise WorkspaceError("storage.hot_journal", path=path)
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True,
                               isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise open_error(path, exc) from exc


def open_error(path: Path, exc: sqlite3.Error) -> WorkspaceError:
    """The true sentence for an error while opening: a full disk is not damage."""
    text = str(exc).lower()
    if "full" in text:
        return WorkspaceError("storage.no_space", path=path)
    if "locked" in text or "busy" in text:
        return WorkspaceError("storage.busy", path=path)
    return WorkspaceError("storage.truncated", path=path, detail=exc)


def check_tables(path: Path, conn: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Refuse a file missing one of our tables before anything is written to it."""
    found = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(set(tables) - found)
    if missing:
        raise WorkspaceError("storage.truncated", path=path,
                             detail_key="storage.detail.missing_table", table=missing[0])


def upgraded_in_memory(path: Path, uri: str, version: int,
                       tables: Iterable[str]) -> sqlite3.Connection:
    """An older file, read: a copy in memory brought to the current schema (the file
    itself is neither upgraded nor backed up nor written)."""
    try:
        source = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError("storage.unreadable", path=path, detail=exc) from exc
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        source.backup(memory)
        migrate(memory, version)
        check_tables(path, memory, tables)
        memory.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        memory.close()
        raise open_error(path, exc) from exc
    except BaseException:
        memory.close()
        raise
    finally:
        source.close()
    return memory


def backup_before_migration(path: Path, version: int = 0) -> Path:
    """Copy the file (and its WAL) next to itself before a migration touches it.

    One backup per content: the name carries the version and a digest of the file (and
    its WAL), so a migration that fails and is tried again keeps the first copy instead
    of adding one more full copy per try; a file changed since gets a new one.
    """
    digest = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        try:
            with part.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except FileNotFoundError:
            pass
    backup = path.with_name(
        f"{path.stem}.backup-v{version}-{digest.hexdigest()[:12]}{path.suffix}")
    if backup.exists():
        return backup
    partial = backup.with_name(f".{backup.name}.partial")
    # A consistent copy even with a WAL: SQLite's online backup, written beside and
    # renamed, so a crash never leaves a half backup under the final name.
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error:
        shutil.copy2(path, partial)
    finally:
        src.close()
    os.replace(partial, backup)
    return backup
