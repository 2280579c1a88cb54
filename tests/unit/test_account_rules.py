"""Each account-map rule."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from accountmap.domain.account_rules import (
    dangling_references,
    is_contact_stale,
    neglected_influencers,
    open_questions_for,
    opponents,
    reports_to_cycles,
    uncovered_centres,
    unfilled_roles,
    validate_account,
)
from accountmap.domain.models import (
    Account, DecisionCentre, OpenQuestion, Relationship, Stakeholder,
)


def people() -> Account:
    return Account(
        name="Завод",
        decision_centres=[DecisionCentre(id="it", name="ИТ"), DecisionCentre(id="fin", name="Финансы")],
        stakeholders=[
            Stakeholder(id="a", full_name="Орлов", decision_centre_id="it", attitude="champion",
                        roles=["champion", "technical_buyer"], influence="high",
                        last_contact=dt.date(2026, 11, 20)),
            Stakeholder(id="b", full_name="Белова", decision_centre_id="fin", attitude="opponent",
                        roles=["economic_buyer"], influence="high"),
            Stakeholder(id="c", full_name="Ким", decision_centre_id="it", attitude="sceptic"),
        ],
    )


def test_relationship_to_itself_is_refused_by_the_model():
    with pytest.raises(ValidationError):
        Relationship(from_id="a", to_id="a")


def test_roles_are_kept_unique_in_order():
    assert Stakeholder(roles=["champion", "blocker", "champion"]).roles == ["champion", "blocker"]


def test_uncovered_centres_have_no_supporter_or_champion():
    assert uncovered_centres(people()) == ["fin"]


def test_unfilled_roles():
    assert unfilled_roles(people()) == ["decision_maker", "user_buyer"]


def test_reports_to_cycles_found_once():
    acc = people()
    acc.relationships = [
        Relationship(from_id="a", to_id="b", kind="reports_to"),
        Relationship(from_id="b", to_id="c", kind="reports_to"),
        Relationship(from_id="c", to_id="a", kind="reports_to"),
        Relationship(from_id="a", to_id="c", kind="influences"),
    ]
    cycles = reports_to_cycles(acc)
    assert len(cycles) == 1 and sorted(cycles[0]) == ["a", "b", "c"]
    assert [p.code for p in validate_account(acc)] == ["account.reports_to_cycle"]


def test_no_cycle_in_a_plain_hierarchy():
    acc = people()
    acc.relationships = [Relationship(from_id="c", to_id="a", kind="reports_to"),
                         Relationship(from_id="a", to_id="b", kind="reports_to")]
    assert reports_to_cycles(acc) == []


def test_dangling_references():
    acc = people()
    acc.relationships = [Relationship(from_id="a", to_id="ghost")]
    acc.open_questions = [OpenQuestion(question="?", stakeholder_id="ghost")]
    acc.stakeholders[2].decision_centre_id = "nowhere"
    assert sorted(p.code for p in dangling_references(acc)) == [
        "account.question_person_missing", "account.relationship_dangling",
        "account.stakeholder_centre_missing"]


def test_stale_contacts_and_neglected_influencers():
    today = dt.date(2026, 11, 23)
    acc = people()
    assert not is_contact_stale(acc.stakeholders[0], today, 30)
    assert is_contact_stale(acc.stakeholders[1], today, 30)  # never contacted
    assert [s.id for s in neglected_influencers(acc, today, 30)] == ["b"]


def test_open_questions_and_opponents():
    acc = people()
    acc.open_questions = [OpenQuestion(question="Бюджет?", stakeholder_id="b"),
                          OpenQuestion(question="Сроки?", stakeholder_id="b", status="answered")]
    assert [q.question for q in open_questions_for(acc, "b")] == ["Бюджет?"]
    assert [s.id for s in opponents(acc)] == ["b", "c"]
    assert [s.id for s in opponents(acc, ["a", "b"])] == ["b"]
