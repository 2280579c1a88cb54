"""storage/rows.py: a row that only moved or changed size is written with an UPDATE of
those columns, found by one comparison of whole dicts (Arrange writes 3,000 rows): the
same statements as the column-by-column rule, whatever else changed."""

from __future__ import annotations

from accountmap.storage import rows
from accountmap.storage.rows import columns_of, upsert
from accountmap.storage.schema import links_of
from tests.samples.synthetic import synthetic_account


def _plain(table, account_id, row_id, position, data, before, before_position):
    """The column-by-column rule (as `_plain_update` was before the geometry probe)."""
    changed = [c for c in columns_of(table) if before.get(c.name) != data[c.name]]
    if any(c.kind != "scalar" for c in changed) or any(
            before.get(link.field) != data[link.field] for link in links_of(table)):
        return None
    names = (("position",) if position != before_position else ()) + tuple(c.name for c in changed)
    if not names:
        return None
    values = [position] if position != before_position else []
    values += [data[c.name] for c in changed]
    return [(rows._update_sql(table, names), (*values, account_id, row_id))]


def test_a_move_or_resize_is_written_as_the_plain_rule_writes_it():
    account = synthetic_account(12, centres=3, seed=4, with_cycle=False)
    cases = []
    for person in account.stakeholders[:4]:
        before = person.model_dump(mode="json")
        cases += [("stakeholders", before, {**before, "x": before["x"] + 40}),
                  ("stakeholders", before, {**before, "x": before["x"] + 40, "y": before["y"] - 20}),
                  ("stakeholders", before, {**before, "y": before["y"] + 1, "title": "Другая"}),
                  ("stakeholders", before, {**before, "x": 3.0, "roles": ["champion"]}),
                  ("stakeholders", before, dict(before))]
    for centre in account.decision_centres:
        before = centre.model_dump(mode="json")
        cases += [("decision_centres", before, {**before, "width": before["width"] + 80}),
                  ("decision_centres", before, {**before, "x": 0.0, "height": 300.0})]
    assert rows._geometry_columns("stakeholders") and rows._geometry_columns("decision_centres")
    for table, before, after in cases:
        for position, before_position in ((1.0, 1.0), (2.0, 1.0)):
            expected = _plain(table, "a", before["id"], position, after, before, before_position)
            assert rows._plain_update(table, "a", before["id"], position, after, before,
                                      before_position) == expected
            if expected is not None:
                assert upsert(table, "a", before["id"], position, after, before,
                              before_position) == expected
