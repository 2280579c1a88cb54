"""`last_contacts` and `stale_people` (every person at once) agree with `last_contact`
and `is_stale` asked person by person."""

import datetime as dt

from accountmap.domain.contact_history import is_stale, last_contact, last_contacts, stale_people
from accountmap.domain.models import Account, Meeting, Stakeholder, Touchpoint

TODAY = dt.date(2026, 3, 1)


def account() -> Account:
    people = [Stakeholder(id=f"p{i}", full_name=f"Человек {i}") for i in range(6)]
    people[4].last_contact = dt.date(2026, 2, 27)  # entered by hand on the card
    people[5].last_contact = dt.date(2026, 4, 1)  # in the future: not a contact yet
    return Account(
        name="A", stakeholders=people,
        touchpoints=[
            Touchpoint(id="t1", date=dt.date(2026, 2, 20), stakeholder_ids=["p0", "p1"]),
            Touchpoint(id="t2", date=dt.date(2025, 6, 1), stakeholder_ids=["p2"]),
            Touchpoint(id="t3", date=dt.date(2026, 5, 1), stakeholder_ids=["p3"]),  # planned
            Touchpoint(id="t4", date=None, stakeholder_ids=["p3"]),
            Touchpoint(id="t5", date=dt.date(2026, 2, 1), stakeholder_ids=["gone"]),
        ],
        meetings=[Meeting(id="m1", date=dt.date(2026, 2, 25), attendee_ids=["p1", "p4"])],
    )


def test_last_contacts_agree_with_last_contact_person_by_person():
    acc = account()
    for today in (TODAY, None):
        at_once = last_contacts(acc, today)
        for person in acc.stakeholders:
            assert at_once.get(person.id) == last_contact(acc, person.id, today)
        assert "gone" not in at_once  # a deleted person's old touchpoint


def test_stale_people_agree_with_is_stale():
    acc = account()
    for days in (1, 5, 30, 400):
        expected = [p.id for p in acc.stakeholders if is_stale(acc, p.id, TODAY, days)]
        assert [p.id for p in stale_people(acc, TODAY, days)] == expected
    assert [p.id for p in stale_people(acc, TODAY, 30)] == ["p2", "p3", "p5"]
