"""The edit stream of the crash-safety test, and the child process that applies it.

Run as `python crash_worker.py WORKSPACE FIRST`: opens the workspace for writing and
applies edits FIRST, FIRST+1, ... for ever, printing each edit's number once `apply`
returned (the edit is committed). The parent kills it with SIGKILL at random moments.

Edit k is a pure function of k, so the parent can replay the stream to know exactly what
the file must hold after any number of edits. The stream mixes inserts, updates and
deletes over several tables, and multi-row edits that must land all-or-nothing.

Run as `python crash_worker.py import new|existing TARGET FIRST`: runs the CLI's
`import` again and again (see `import_loop`), for the import crash tests.
"""

from __future__ import annotations

import os
import sys

from accountmap.storage.workspace_file import (
    ACCOUNTS,
    Row,
    RowChange,
    WorkspaceFile,
)
from accountmap.storage.rows import validated

ACCOUNT = "acme"
PADDING = "ж" * 1000  # 2 KB of UTF-8: big edits span several pages


def setup_changes() -> list[RowChange]:
    return [RowChange(ACCOUNTS, None, ACCOUNT, None, Row(0, {"name": "Acme"}))]


def _put(table: str, row_id: str, position: float, data: dict,
         account: str | None = ACCOUNT) -> RowChange:
    if table != ACCOUNTS:
        data = {"id": row_id, **data}
    return RowChange(table, account, row_id, None, Row(position, data))


def _delete(table: str, row_id: str, account: str | None = ACCOUNT) -> RowChange:
    return RowChange(table, account, row_id, None, None)


def edit(k: int) -> list[RowChange]:
    """Edit number k (k >= 0) of the stream."""
    kind = k % 6
    if kind == 0:  # insert one row
        return [_put("stakeholders", f"s{k}", k, {"full_name": f"Person {k}"})]
    if kind == 1:  # update one row
        return [_put("stakeholders", f"s{k - 1}", k - 1,
                     {"full_name": f"Person {k - 1}", "title": f"Title {k}",
                      "attitude": "supporter"})]
    if kind == 2:  # multi-row insert across three tables + an update of the account
        return [
            _put("decision_centres", f"dc{k}", k, {"name": f"Centre {k}"}),
            *[_put("open_questions", f"q{k}{x}", k, {"question": f"Q {k}{x}",
                                                      "stakeholder_id": f"s{k - 2}"})
              for x in "abc"],
            _put(ACCOUNTS, ACCOUNT, 0, {"name": f"Acme {k}", "notes": f"edit {k}"},
                 account=None),
        ]
    if kind == 3:  # multi-row update
        return [
            *[_put("open_questions", f"q{k - 1}{x}", k - 1,
                   {"question": f"Q {k - 1}{x}", "status": "answered", "answer": f"A {k}"})
              for x in "abc"],
            _put("decision_centres", f"dc{k - 1}", k - 1, {"name": f"Centre {k - 1}!"}),
        ]
    if kind == 4:  # multi-row delete across tables (a person lives for 10 edits, so the
        # touchpoints of edit k+1 refer to someone alive; the file's foreign keys then
        # drop that person's questions and places in touchpoints, as `replay` does)
        return [
            _delete("stakeholders", f"s{k - 10}"),
            _delete("decision_centres", f"dc{k - 2}"),
            _delete("open_questions", f"q{k - 2}a"),
        ]
    # kind 5: a big edit: replace the previous batch of touchpoints with a new one
    changes = []
    if k >= 6:
        changes += [_delete("touchpoints", f"t{k - 6}_{i}") for i in range(20)]
    changes += [_put("touchpoints", f"t{k}_{i}", i,
                     {"summary": f"{k}/{i} {PADDING}", "stakeholder_ids": [f"s{k - 5}"]})
                for i in range(20)]
    return changes


def replay(state: dict, changes: list[RowChange]) -> dict:
    """The state after `changes`, as the file stores it: {(table, account, id): data}."""
    state = dict(state)
    for change in changes:
        key = (change.table, change.account_id, change.id)
        if change.after is None:
            state.pop(key, None)
            if change.table == "stakeholders":
                _cascade_person(state, change.account_id, change.id)
        else:
            data = validated(change.table, change.after.data)
            if change.table != ACCOUNTS:
                data = {**data, "id": change.id}
            state[key] = data
    return state


def _cascade_person(state: dict, account: str | None, person: str) -> None:
    """What the file's foreign keys do when a person is deleted."""
    for key, data in list(state.items()):
        if key[1] != account:
            continue
        if key[0] == "open_questions" and data.get("stakeholder_id") == person:
            del state[key]
        elif key[0] == "touchpoints" and person in data.get("stakeholder_ids", ()):
            state[key] = {**data, "stakeholder_ids": [
                i for i in data["stakeholder_ids"] if i != person]}


IMPORT_ACCOUNTS = 8


def import_source(k: int) -> dict:
    """The JSON document of import number k: accounts named `I{k}-{i}`, big enough that
    an import spans many pages."""
    return {"format": "accountmap", "version": 1, "language": "en", "accounts": [
        {"name": f"I{k}-{i}", "notes": PADDING,
         "stakeholders": [{"id": f"s{j}", "full_name": f"Person {k}/{i}/{j}"}
                          for j in range(40)]}
        for i in range(IMPORT_ACCOUNTS)]}


def import_loop(mode: str, target: str, first: int) -> None:
    """Run `accountmap import` (the CLI code, in this process) again and again; print k
    once import k returned. `new`: each into a new file `target/n{k}.accountmap`;
    `existing`: all into the workspace `target`."""
    import contextlib
    import io
    import json
    from pathlib import Path

    from accountmap.cli import main as cli

    source = Path(target).parent / f"source-{os.getpid()}.json" if mode == "existing" \
        else Path(target) / f"source-{os.getpid()}.json"
    k = first
    while True:
        source.write_text(json.dumps(import_source(k)), encoding="utf-8")
        out = str(Path(target) / f"n{k}.accountmap") if mode == "new" else target
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli(["import", out, str(source)])
        if code != 0:
            raise SystemExit(f"import {k} failed with {code}")
        print(k, flush=True)
        k += 1


def main() -> None:
    if sys.argv[1] == "import":
        import_loop(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    path, first = sys.argv[1], int(sys.argv[2])
    wf = WorkspaceFile.open(path)
    k = first
    while True:
        wf.apply(edit(k))
        print(k, flush=True)
        k += 1


if __name__ == "__main__":
    main()
