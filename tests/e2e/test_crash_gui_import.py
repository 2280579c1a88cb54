"""Nothing lost: SIGKILL the application at random moments while File > Import JSON…
adds accounts (issue 13, class 3: the GUI import was one transaction per account, a kill
left 27 of 40 accounts).

The child (gui_import_worker) is the real application, offscreen, importing big JSON
documents through the menu action one after another into one workspace. Kills land
anywhere (start-up, opening, taking over the dead child's lock, an import), inside an
import's transaction (half its rows written: the child's `writing k`), or after an
acknowledged import. After
each kill the file passes `PRAGMA integrity_check` and holds exactly the imports the
window acknowledged - or one more, committed just before the kill - each with all its
accounts and all their people: the state before or after an import, never in between.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.e2e import gui_import_worker
from tests.unit.crash_worker import IMPORT_ACCOUNTS
from tests.unit.test_crash_safety import Child, check_integrity, imported_batches

from accountmap.storage.workspace_file import WorkspaceFile

GUI_IMPORT_TRIALS = 20


def kill(child: Child, trial: int, rng: random.Random) -> None:
    if trial % 4 == 0:  # anywhere, start-up included
        time.sleep(rng.uniform(0.0, 2.5))
    elif trial % 4 == 3:  # after an acknowledged import: the next one, or the window
        assert child.first_ack.wait(timeout=60), child.proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.5))
    else:  # inside an import's transaction: half its rows written, the child pausing
        assert child.first_write.wait(timeout=60), child.proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.1))
    stderr = child.kill()
    assert child.proc.returncode < 0, stderr  # killed, not failed


@pytest.mark.slow
def test_a_killed_gui_import_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(1315)
    path = tmp_path / "w.accountmap"
    WorkspaceFile.open(path, create=True).close()
    done = 0
    rolled_back = 0  # imports that had begun writing and are not in the file
    for trial in range(GUI_IMPORT_TRIALS):
        child = Child(path, done, script=gui_import_worker.__file__)
        kill(child, trial, rng)
        assert child.acks == list(range(done, done + len(child.acks))), trial
        done += len(child.acks)
        check_integrity(path)  # as the kill left it
        batches = imported_batches(path)  # the way a reading command opens
        check_integrity(path)
        if done in batches:  # committed, killed before the window could say so
            done += 1
        else:
            rolled_back += done in child.writing
        assert batches == {k: IMPORT_ACCOUNTS for k in range(done)}, trial
    assert done >= GUI_IMPORT_TRIALS // 4  # the stream advanced
    assert rolled_back >= 5  # kills did land inside imports' transactions, then undone
