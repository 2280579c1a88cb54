"""Auto-layout balances tall columns: a centre's trees stand in a row when that keeps the
frame nearer the map's shape, and a chain of single reports wraps instead of making one
tall column (issue 18: "top management becomes one tall column")."""

from __future__ import annotations

import pytest

from accountmap.domain.models import Account, DecisionCentre, Relationship, Stakeholder
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.layout.orgchart import layout_account_map
from accountmap.layout.sizes import CARD_GAP_Y, CARD_HEIGHT, CARD_WIDTH
from tests.samples.synthetic import synthetic_account
from tests.unit.test_layout import assert_map_sound


def reports(a: str, b: str) -> Relationship:
    return Relationship(id=f"{a}-{b}", from_id=a, to_id=b, kind=RelationshipKind.REPORTS_TO)


def one_centre(people: list[str], links: list[Relationship]) -> Account:
    return Account(id="a", decision_centres=[DecisionCentre(id="top", name="Top management")],
                   stakeholders=[Stakeholder(id=p, full_name=p, decision_centre_id="top") for p in people],
                   relationships=links)


def test_a_boss_with_one_report_and_another_root_stand_in_a_row():
    # the demo's top management: the CEO, his first deputy, and an adviser reporting to no one
    account = one_centre(["ceo", "deputy", "adviser"], [reports("deputy", "ceo")])
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    _x, _y, width, height = layout.centres["top"]
    assert width > height
    assert layout.cards["adviser"][1] == layout.cards["ceo"][1]  # side by side
    assert layout.cards["deputy"][1] > layout.cards["ceo"][1]  # the boss still above


def test_a_chain_of_deputies_wraps_instead_of_one_tall_column():
    chain = [f"p{i}" for i in range(6)]
    account = one_centre(chain, [reports(b, a) for a, b in zip(chain, chain[1:])])
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    _x, _y, width, height = layout.centres["top"]
    assert height <= 1.6 * width
    stacked = 6 * CARD_HEIGHT + 5 * CARD_GAP_Y  # one card under the other
    assert height < stacked
    xs = {layout.cards[p][0] for p in chain}
    assert len(xs) > 1 and max(xs) - min(xs) >= CARD_WIDTH  # more than one column


@pytest.mark.parametrize("people", [10, 20, 40, 80, 200])
@pytest.mark.parametrize("seed", range(1, 8))
def test_no_centre_of_a_generated_account_is_a_tall_column(people, seed):
    account = synthetic_account(people, centres=6, seed=seed)
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    members: dict[str, int] = {}
    for person in account.stakeholders:
        members[person.decision_centre_id] = members.get(person.decision_centre_id, 0) + 1
    for centre_id, (_x, _y, width, height) in layout.centres.items():
        if members.get(centre_id, 0) >= 2:
            # at most a chain of three in a column (boss, deputy, their report)
            assert height <= 1.85 * width, (centre_id, width, height)
