"""JSON exchange: export a workspace (or one account) and import it back, all or nothing.

The document is `WorkspaceExport` (accountmap/domain/workspace.py); docs/FORMAT.md
describes it. Export is deterministic: the same workspace gives the same bytes, so
export → import into a new file → export is byte-identical.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from accountmap.domain.integrity import integrity_errors
from accountmap.domain.workspace import FORMAT_NAME, FORMAT_VERSION, WorkspaceExport
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.limits import refuse_over_limits
from accountmap.storage.output_guard import read_limited, write_output
from accountmap.storage.workspace_file import WorkspaceFile

MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_REPORTED_ERRORS = 50


def export_document(wf: WorkspaceFile, account_ids: list[str] | None = None,
                    loaded: Callable[[int, int], None] | None = None) -> WorkspaceExport:
    """The workspace (or the accounts `account_ids`) as a JSON document; `loaded(done,
    total)` after each account (a progress dialog's step; it may raise to stop)."""
    settings = wf.settings()
    ids = wf.account_ids() if account_ids is None else account_ids
    accounts = []
    for account_id in ids:
        accounts.append(wf.load_account(account_id))
        if loaded is not None:
            loaded(len(accounts), len(ids))
    return WorkspaceExport(
        **dict(settings),  # every setting, whatever settings come
        accounts=accounts,
    )


def document_to_json(document: WorkspaceExport) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def write_text_atomically(path: Path, text: str, inputs: Sequence[os.PathLike] = ()) -> None:
    """Write the whole file or nothing: a temp file beside it, then a rename. Never over a
    workspace, one of `inputs` or a special file (WorkspaceError, see output_guard)."""
    write_output(Path(path), text.encode("utf-8"), inputs)


def json_path(loc: tuple) -> str:
    """Where a validation error stands, written as a JSON path: `$.accounts[0].name`."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def load_json(text: str | bytes, source: str):
    """The JSON value of `text`; a text that is not JSON, or nested too deep to read, is
    refused with a WorkspaceError naming `source`."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise WorkspaceError("exchange.too_deep", path=source) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise WorkspaceError("exchange.not_json", path=source, detail=exc) from exc


def parse_document(text: str | bytes, source: str = "JSON") -> WorkspaceExport:
    """Parse and validate an export; every error is reported with its JSON path."""
    if len(text) > MAX_IMPORT_BYTES:
        raise WorkspaceError("exchange.over_limit", path=source,
                             limit=MAX_IMPORT_BYTES // (1024 * 1024))
    raw = load_json(text, source)
    lines = _envelope_errors(raw)
    try:
        document = WorkspaceExport.model_validate(raw)
    except RecursionError as exc:
        raise WorkspaceError("exchange.too_deep", path=source) from exc
    except ValidationError as exc:
        lines += [f"  {json_path(e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()
                  if json_path(e.get("loc", ())) not in ("$.format", "$.version")]
        _refuse(source, lines)
    refuse_over_limits(document, source)  # bounded work for every output (domain/limits)
    stations = {s.id for s in document.journey_framework.stations}
    for index, account in enumerate(document.accounts):
        lines += [f"  $.accounts[{index}]{path}: {message}"
                  for path, message in integrity_errors(account, stations)]
    _refuse(source, lines)
    return document


def _envelope_errors(raw: object) -> list[str]:
    """`format` must say "accountmap" and `version` be an integer this build reads (the
    model alone would take a missing format and "1" or 1.0 for a version)."""
    if not isinstance(raw, dict):
        return []
    lines = []
    if raw.get("format") != FORMAT_NAME:
        found = "missing" if "format" not in raw else f"{raw['format']!r:.40}"
        lines.append(f"  $.format: must be {FORMAT_NAME!r} (found {found})")
    version = raw.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        lines.append(f"  $.version: must be an integer (found {version!r:.40})")
    elif version > FORMAT_VERSION:
        lines.append(f"  $.version: {version} is newer than this AccountMap reads "
                     f"({FORMAT_VERSION}); update AccountMap")
    elif version < 1:
        lines.append(f"  $.version: must be 1 or more (found {version})")
    return lines


def _refuse(source: str, lines: list[str]) -> None:
    if not lines:
        return
    if len(lines) > MAX_REPORTED_ERRORS:
        lines = lines[:MAX_REPORTED_ERRORS] + [f"  … {len(lines) - MAX_REPORTED_ERRORS} more"]
    raise WorkspaceError("exchange.invalid", path=source, errors="\n".join(lines))


def read_document(path: Path) -> WorkspaceExport:
    path = Path(path)
    data = read_limited(path, MAX_IMPORT_BYTES)  # counts the bytes read, not st_size
    return parse_document(data, str(path))


def clashing(wf: WorkspaceFile, document: WorkspaceExport) -> list:
    """The document's accounts whose id the workspace already holds."""
    present = set(wf.account_ids())
    return [a for a in document.accounts if a.id in present]


def import_document(wf: WorkspaceFile, document: WorkspaceExport, *,
                    adopt_settings: bool = False, on_conflict: str = "copy") -> list[str]:
    """Add the document's accounts (and with `adopt_settings` its settings) to the
    workspace in ONE transaction: a crash leaves all of it or none. An account whose id
    the workspace holds is, by `on_conflict` (domain/account_merge.py): `copy` added under
    a new id, `replace`d, or `merge`d into the workspace's (returns the ids used)."""
    from accountmap.domain.account_merge import COPY, MERGE, merge_accounts
    from accountmap.storage.rows import Row, RowChange
    from accountmap.storage.workspace_file import ACCOUNTS, account_rows

    clashes = {a.id for a in clashing(wf, document)} if on_conflict != COPY else set()
    with wf.transaction():
        for account in document.accounts:
            if account.id not in clashes:
                continue
            if on_conflict == MERGE:
                account = merge_accounts(wf.load_account(account.id), account).account
            before = wf.read_row(ACCOUNTS, None, account.id)
            wf.apply([RowChange(ACCOUNTS, None, account.id, before, None)])  # cascades
            wf.apply(account_rows(account, account.id, before.position))
        rest = [a for a in document.accounts if a.id not in clashes]
        used = wf.add_accounts(rest, document.settings() if adopt_settings else None)
    by_id = iter(used)
    return [a.id if a.id in clashes else next(by_id) for a in document.accounts]
