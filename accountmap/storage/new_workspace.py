"""A new workspace appears whole or not at all.

`create_whole(path, fill)` builds the workspace in a hidden file beside `path`, lets
`fill` write it (in one transaction), folds its WAL into the file, and renames it into
place while holding the lock on `path`. A kill at any moment leaves nothing at `path`
(at most a hidden leftover that the next creation removes) or the complete workspace;
a stale `-wal`/`-shm`/`-journal` left at `path` by an earlier file never joins it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from accountmap.storage.errors import WorkspaceError
from accountmap.storage.lock import WorkspaceLock
from accountmap.storage.workspace_file import WorkspaceFile, refuse_unwritable_folder

SIDES = ("-wal", "-shm", "-journal")



def building_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.building")


def create_whole(path: str | os.PathLike, fill: Callable[[WorkspaceFile], object], *,
                 replace: bool = False) -> None:
    """Create the workspace at `path` (which must not exist unless `replace`)."""
    path = Path(path)
    refuse_unwritable_folder(path)
    with WorkspaceLock(path):  # no other writer may create or open `path` meanwhile
        if path.exists() and not replace:
            raise WorkspaceError("storage.exists", path=path)
        tmp = building_path(path)
        for leftover in (tmp, *(Path(f"{tmp}{side}") for side in SIDES),
                         Path(f"{tmp}.lock")):
            leftover.unlink(missing_ok=True)  # from a creator that was killed
        try:
            with WorkspaceFile.open(tmp, create=True, lock=False) as wf:
                fill(wf)
                wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                wf.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            for side in SIDES:
                Path(f"{path}{side}").unlink(missing_ok=True)
            os.replace(tmp, path)
        except (OSError, sqlite3.Error) as exc:
            for leftover in (tmp, *(Path(f"{tmp}{side}") for side in SIDES)):
                leftover.unlink(missing_ok=True)
            if "full" in str(exc).lower() or getattr(exc, "errno", None) == 28:
                raise WorkspaceError("storage.no_space", path=path) from exc
            raise WorkspaceError("storage.cannot_create", path=path, detail=exc) from exc
        except WorkspaceError as exc:  # told about the file the person named, not ours
            for leftover in (tmp, *(Path(f"{tmp}{side}") for side in SIDES)):
                leftover.unlink(missing_ok=True)
            if exc.params.get("path") != str(tmp):
                raise
            params = {**exc.params, "path": str(path)}
            raise WorkspaceError(exc.key, **params) from exc
        except BaseException:
            for leftover in (tmp, *(Path(f"{tmp}{side}") for side in SIDES)):
                leftover.unlink(missing_ok=True)
            raise
