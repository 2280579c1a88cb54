"""Lines of the account map go around the cards they do not join (pure, no Qt)."""

from __future__ import annotations

import pytest

from accountmap.layout.edge_routes import crossings, route_links
from accountmap.layout.orgchart import layout_account_map
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH
from tests.samples.synthetic import synthetic_account


def box(x: float, y: float) -> tuple[float, float, float, float]:
    return (x, y, x + CARD_WIDTH, y + CARD_HEIGHT)


def laid_out(account):
    layout = layout_account_map(account)
    boxes = {pid: box(x, y) for pid, (x, y) in layout.cards.items()}
    links = {r.id: (r.from_id, r.to_id) for r in account.relationships}
    return boxes, links


@pytest.mark.parametrize("people", [20, 60, 120])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_auto_layout_no_line_crosses_a_card_it_does_not_join(people, seed):
    boxes, links = laid_out(synthetic_account(people, centres=6, seed=seed))
    assert crossings(boxes, links, {})  # drawn straight, lines do run through cards
    routes = route_links(boxes, links)
    assert crossings(boxes, links, routes) == []
    assert any(routes.values())


def test_a_clear_line_stays_straight():
    boxes = {"a": box(0, 0), "b": box(400, 0), "c": box(0, 400)}
    assert route_links(boxes, {"r": ("a", "b")}) == {"r": []}


def test_a_line_bends_around_the_card_between_its_ends():
    boxes = {"a": box(0, 0), "b": box(300, 0), "c": box(600, 0)}
    links = {"r": ("a", "c")}
    routes = route_links(boxes, links)
    assert routes["r"]  # it bends
    assert crossings(boxes, links, routes) == []
    # just outside the card in the way, not far around
    assert all(-60 < y < CARD_HEIGHT + 60 for _x, y in routes["r"])


def test_a_wall_of_cards_is_passed_at_its_end():
    wall = {f"w{i}": box(300, i * (CARD_HEIGHT + 40)) for i in range(5)}
    boxes = {"a": box(0, 2 * (CARD_HEIGHT + 40)), "b": box(600, 2 * (CARD_HEIGHT + 40)), **wall}
    links = {"r": ("a", "b")}
    routes = route_links(boxes, links)
    assert routes["r"] and crossings(boxes, links, routes) == []


def test_cards_piled_on_each_other_leave_the_line_straight_and_unknown_ends_are_skipped():
    boxes = {"a": box(0, 0), "b": box(600, 0), **{f"p{i}": box(250 + i * 5, -40 + i * 3) for i in range(30)}}
    routes = route_links(boxes, {"r": ("a", "b"), "gone": ("a", "nobody"), "self": ("a", "a")})
    assert set(routes) == {"r"}
    assert isinstance(routes["r"], list)
