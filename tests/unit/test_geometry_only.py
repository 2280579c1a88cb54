"""`geometry_only` decides which changes skip pydantic (Arrange and its undo: 3,000 rows).
It compares the other fields as whole dicts (issue 15); the answers must be those of the
field-by-field rule: only x, y, width, height changed, each a finite number in bounds."""

from __future__ import annotations

import math

import pytest

from accountmap.document.workspace_document import geometry_only
from accountmap.domain.models import DecisionCentre, Stakeholder


def _rule(table_fields: dict, before: dict, after: dict) -> bool:
    """The rule written plainly, field by field."""
    if set(before) != set(after):
        return False
    moved = False
    for name in after:
        if name in table_fields:
            value = after[name]
            low, high = table_fields[name]
            if type(value) not in (float, int) or not math.isfinite(value) or not low <= value <= high:
                return False
            moved = moved or value != before[name]
        elif before[name] != after[name]:
            return False
    return moved


PERSON = Stakeholder(full_name="Анна Петрова", x=10.0, y=20.0).model_dump(mode="json")
CENTRE = DecisionCentre(name="Финансы", x=0.0, y=0.0, width=560.0, height=400.0).model_dump(mode="json")


@pytest.mark.parametrize("table, before, fields", [
    ("stakeholders", PERSON, {"x": 40.0}),
    ("stakeholders", PERSON, {"x": 40.0, "y": 60}),
    ("stakeholders", PERSON, {}),
    ("stakeholders", PERSON, {"x": 10.0}),
    ("stakeholders", PERSON, {"x": 40.0, "full_name": "Анна"}),
    ("stakeholders", PERSON, {"full_name": "Анна"}),
    ("stakeholders", PERSON, {"x": float("nan")}),
    ("stakeholders", PERSON, {"y": float("inf")}),
    ("stakeholders", PERSON, {"y": 2e7}),
    ("stakeholders", PERSON, {"x": "left"}),
    ("stakeholders", PERSON, {"x": None}),
    ("stakeholders", PERSON, {"x": True}),
    ("decision_centres", CENTRE, {"width": 600.0, "height": 420.0}),
    ("decision_centres", CENTRE, {"width": -5.0}),
    ("decision_centres", CENTRE, {"width": 600.0, "name": "ИТ"}),
])
def test_as_the_field_by_field_rule(table, before, fields):
    from accountmap.document.workspace_document import _geometry_bounds

    after = {**before, **fields}
    expected = _rule(_geometry_bounds(table), before, after)
    assert geometry_only(table, before, after) is expected


def test_a_field_more_or_less_is_not_a_move():
    after = {**PERSON, "x": 40.0}
    extra = {**after, "unknown": 1}
    assert not geometry_only("stakeholders", PERSON, extra)
    fewer = dict(after)
    del fewer["full_name"]
    assert not geometry_only("stakeholders", PERSON, fewer)
    assert not geometry_only("open_questions", PERSON, after)  # no geometry: never
