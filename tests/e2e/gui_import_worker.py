"""The child process of the GUI import crash test: the real application imports JSON.

Run as `python gui_import_worker.py WORKSPACE FIRST`: starts the application the way
`accountmap open` does (run_application: the main window, offscreen, opening WORKSPACE
on the first turn of the event loop, taking over a dead writer's lock), then imports the
JSON documents FIRST, FIRST+1, ... (crash_worker.import_source) one after another
through File > Import JSON… - the menu action itself, the file dialog answered with the
document's path - and prints k once import k returned and the window shows its accounts,
and `writing k` once import k has written half its rows inside its transaction, where it
then pauses 0.2 s (a slow disk), so the parent can aim some kills inside the transaction
whatever the machine's load. The parent kills it with SIGKILL.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.unit.crash_worker import IMPORT_ACCOUNTS, import_source

from accountmap.app.application import make_application, run_application


def main() -> None:
    workspace, first = Path(sys.argv[1]), int(sys.argv[2])
    source = workspace.parent / "gui-source.json"
    state = {"k": first}

    def answer_the_dialog(*_args, **_kwargs):  # the person picks the document
        return str(source), "JSON (*.json)"

    QFileDialog.getOpenFileName = staticmethod(answer_the_dialog)

    import time

    from accountmap.storage.workspace_file import WorkspaceFile

    execute = WorkspaceFile._execute

    def halfway_pause(self, statements):  # so the parent can kill inside the transaction
        if not (state.get("importing") and len(statements) > 1):
            return execute(self, statements)
        half = len(statements) // 2
        execute(self, statements[:half])  # begins the transaction, writes half the rows
        print(f"writing {state['k']}", flush=True)
        time.sleep(0.2)  # a slow disk: the parent's kill lands here, whatever the load
        return execute(self, statements[half:])

    WorkspaceFile._execute = halfway_pause

    def window():
        return next((w for w in QApplication.topLevelWidgets()
                     if type(w).__name__ == "MainWindow"), None)

    def import_next() -> None:
        main_window = window()
        if main_window is None or main_window.document is None:
            QTimer.singleShot(20, import_next)  # still opening
            return
        k = state["k"]
        source.write_text(json.dumps(import_source(k)), encoding="utf-8")
        before = len(main_window.document.account_ids())
        state["importing"] = True
        main_window.act_import.trigger()  # File > Import JSON…
        state["importing"] = False
        after = len(main_window.document.account_ids())
        if after != before + IMPORT_ACCOUNTS or main_window.document.read_only:
            print(f"import {k} did not add its accounts: {before} -> {after}; "
                  f"{main_window.statusBar().currentMessage()}", file=sys.stderr, flush=True)
            QApplication.exit(3)
            return
        print(k, flush=True)
        state["k"] = k + 1
        QTimer.singleShot(0, import_next)  # the event loop turns between two imports

    make_application("en")  # the timer needs the application
    QTimer.singleShot(0, import_next)
    sys.exit(run_application(workspace))


if __name__ == "__main__":
    main()
