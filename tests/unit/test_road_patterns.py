"""The patterns of the road: per checkpoint title and per crossroads outcome, many deals."""

from __future__ import annotations

from accountmap.domain.deal_health import deal_health
from accountmap.domain.road_patterns import RoadTrace, road_patterns, trace_of
from tests.unit.review_data import TODAY, days, healthy_deal, walk_to


def trace(account):
    return trace_of(account, TODAY, deal_health(account, TODAY).outcome.value)


def test_one_open_deal_reached_two_checkpoints_days_until_today():
    deal = healthy_deal()
    deal.node("c1").activated_on = days(-30)
    t = trace(deal)
    # c1 lasted until c2 was made active (20 days); c2 is active: 10 days until today
    assert t.checkpoints == (("Первая встреча", 20), ("Аудит текущего решения", 10))
    assert t.crossroads == () and t.outcome == "open"


def test_outcomes_count_deals_and_how_they_ended():
    won = walk_to(healthy_deal(account_id="a"), "w", outcome_edge="e5")
    lost = walk_to(healthy_deal(account_id="b"), "l", outcome_edge="e4")
    lost_too = walk_to(healthy_deal(account_id="c"), "l", outcome_edge="e5")
    open_ = healthy_deal(account_id="d")
    patterns = road_patterns(trace(d) for d in (won, lost, lost_too, open_))
    assert patterns.deals == 4
    got = {(p.crossroads, p.outcome): (p.took, p.won, p.lost) for p in patterns.outcomes}
    assert got == {("Нужен пилот?", "Нет"): (2, 1, 1), ("Нужен пилот?", "Да"): (1, 0, 1)}
    reached = {p.title: p.reached for p in patterns.checkpoints}
    assert reached == {"Первая встреча": 4, "Аудит текущего решения": 4, "Пилот": 1,
                       "Коммерческое предложение": 3}
    assert [p.title for p in patterns.checkpoints][:2] == ["Первая встреча",
                                                           "Аудит текущего решения"]


def test_titles_meet_without_case_or_extra_spaces_and_a_loop_counts_once():
    traces = [RoadTrace((("Пилот", 5), ("  пилот ", 7)), (), "open"),
              RoadTrace((("ПИЛОТ", 9),), (), "open"),
              RoadTrace((("Пилот", None),), (), "open")]
    (pilot,) = road_patterns(traces).checkpoints
    assert (pilot.title, pilot.reached, pilot.days) == ("Пилот", 3, (5, 9))
    assert (pilot.median_days, pilot.longest_days) == (7, 9)


def test_nothing_reached_means_no_rows():
    patterns = road_patterns([])
    assert (patterns.checkpoints, patterns.outcomes, patterns.deals) == ([], [], 0)
