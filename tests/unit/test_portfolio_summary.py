"""domain/portfolio.py (one summary row per account) and the CSV formula guard."""

from __future__ import annotations

import csv
import io

from accountmap.domain.models import Account
from accountmap.domain.portfolio import summarise
from accountmap.storage.csv_export import safe_cell, to_csv
from tests.unit.review_data import TODAY, days, healthy_deal


def test_summary_of_a_deal():
    deal = healthy_deal()
    deal.stakeholder("us").attitude = "opponent"
    s = summarise(deal, TODAY)
    assert (s.account_id, s.name, s.owner, s.deal_value, s.currency) == (
        "north", "Северный завод", "Анна Смирнова", 12_000_000, "RUB")
    assert (s.journey_stage, s.temperature) == ("study", "warm")
    assert (s.people, s.champions, s.opponents, s.open_questions) == (3, 1, 1, 1)
    assert (s.checkpoints_done, s.checkpoints_total, s.progress) == (1, 3, 1 / 3)
    assert (s.current_checkpoint, s.days_in_checkpoint) == ("Аудит текущего решения", 10)
    assert (s.overdue, s.uncovered_centres, s.roadmap_errors) == (0, 0, 0)
    assert s.unfilled_roles == ("decision_maker",)
    assert s.neglected_influencers == 0


def test_summary_counts_problems():
    deal = healthy_deal()
    deal.node("c2").due = days(-1)
    deal.stakeholder("eb").last_contact = days(-31)
    deal.stakeholder("eb").attitude = "neutral"
    s = summarise(deal, TODAY, stale_days=30)
    assert (s.overdue, s.uncovered_centres, s.neglected_influencers) == (1, 1, 1)
    assert summarise(deal, TODAY, stale_days=60).neglected_influencers == 0


def test_summary_of_an_empty_account():
    s = summarise(Account(name=""), TODAY)
    assert (s.people, s.checkpoints_total, s.progress, s.current_checkpoint) == (0, 0, 0.0, "")
    assert s.days_in_checkpoint is None
    assert len(s.unfilled_roles) == 5


def test_formula_cells_are_written_as_text():
    for hostile in ("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(hostile) == "'" + hostile
    assert safe_cell("Завод = деньги") == "Завод = деньги"


def test_numbers_and_empties_are_plain():
    assert [safe_cell(v) for v in (None, True, False, 3, 3.0, 2.5, -4)] == [
        "", "1", "0", "3", "3", "2.5", "-4"]  # a negative number is a number, not a formula


def test_csv_round_trip_keeps_text_commas_quotes_and_newlines():
    rows = [["Завод, «Север»", 'He said "hi"', "две\nстроки", 12.5, None]]
    text = to_csv(["a", "b", "c", "d", "e"], rows)
    assert text.endswith("\r\n")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [["a", "b", "c", "d", "e"],
                      ["Завод, «Север»", 'He said "hi"', "две\nстроки", "12.5", ""]]


def test_the_review_does_not_check_the_road_and_says_so():
    from accountmap.domain.portfolio import review_deal

    assert review_deal(healthy_deal(), TODAY).summary.roadmap_errors is None
    broken = healthy_deal()
    broken.roadmap.edges.pop()  # c4 -> lost: the lost node is now unreachable
    assert summarise(broken, TODAY).roadmap_errors == 1
