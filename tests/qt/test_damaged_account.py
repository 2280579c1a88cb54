"""A value another tool wrote into the file with the constraints off: the app opens the
rest of the workspace and marks the damaged account, with no traceback and no hang."""

from __future__ import annotations

import sqlite3

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.domain.models import Account, Stakeholder
from accountmap.storage.workspace_file import WorkspaceFile


def damaged_workspace(path):
    with WorkspaceFile.open(path, create=True) as wf:
        ids = wf.add_accounts([
            Account(name="Повреждённый клиент", stakeholders=[Stakeholder(id="p1", full_name="Иванов")]),
            Account(name="Целый клиент", stakeholders=[Stakeholder(id="p1", full_name="Петров")]),
        ])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE stakeholders SET influence = 'huge' WHERE account_id = ?", (ids[0],))
    conn.commit()
    conn.close()
    return ids


def test_the_rest_opens_and_the_damaged_account_is_marked(qtbot, tmp_path):
    make_application("en")
    path = tmp_path / "damaged.accountmap"
    bad, good = damaged_workspace(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    assert window.account_id == bad
    message = window.damaged[bad]
    assert "Повреждённый клиент" in message and "stakeholders" in message
    assert "influence" in message and "Traceback" not in message
    assert window.stack.currentWidget() is window.placeholder
    assert window.placeholder.text() == message
    assert window.accounts.item(0).toolTip() == message
    assert not window.act_print_plan.isEnabled()
    # nor can it be exported or take contacts (File menu, from main's file transfer)
    assert not any(a.isEnabled() for a in window.file_transfer.actions)
    window.select_account(good)
    assert window.stack.currentWidget() is window.account_area
    assert window.document.account(good).stakeholders[0].full_name == "Петров"
    assert window.act_print_plan.isEnabled()
    assert all(a.isEnabled() for a in window.file_transfer.actions)
    window.accounts.setCurrentRow(0)  # back to the damaged one, by clicking in the list
    assert window.stack.currentWidget() is window.placeholder
    assert not window.file_transfer.act_map.isEnabled()
    window.grab().save(str(tmp_path / "damaged.png"))
    window.close()
