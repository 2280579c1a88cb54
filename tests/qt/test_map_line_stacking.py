"""Where lines cross, the map stacks them by kind: reporting lines beneath, then influence
and alliance, a conflict on top (never hidden under a reporting line), whatever order the
relationships were drawn in. (Far out the sketch then draws each kind in one call.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from accountmap.canvas.accountmap.items import EdgeItem
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.accountmap.style import EDGE_COLOURS
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.storage.workspace_file import WorkspaceFile
from tests.qt.demo_window import open_on_page
from tests.samples.synthetic import synthetic_account

BOTTOM_TO_TOP = list(EDGE_COLOURS)  # the legend's order


def test_lines_stack_by_kind_with_conflicts_on_top(qtbot, tmp_path):
    account = synthetic_account(40, centres=4, seed=5)
    informal = [r for r in account.relationships if r.kind != RelationshipKind.REPORTS_TO]
    for index, relationship in enumerate(informal):  # some of each kind
        relationship.kind = BOTTOM_TO_TOP[1 + index % 3]
    account.relationships.reverse()  # conflicts and alliances first, as a KAM may draw them
    drawn = [r.kind for r in account.relationships]
    rank = [BOTTOM_TO_TOP.index(kind) for kind in drawn]
    assert rank != sorted(rank) and set(rank) == {0, 1, 2, 3}
    path = tmp_path / "lines.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])
    _window, page = open_on_page(qtbot, path, AccountMapPage)
    stacked = [item.relationship.kind for item in
               page.scene.items(order=Qt.SortOrder.AscendingOrder)  # as Qt paints: bottom first
               if isinstance(item, EdgeItem)]
    assert sorted(stacked) == sorted(drawn)
    assert [BOTTOM_TO_TOP.index(kind) for kind in stacked] == sorted(rank)
    assert BOTTOM_TO_TOP[0].value == "reports_to" and BOTTOM_TO_TOP[-1].value == "conflict"
