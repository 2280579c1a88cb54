"""`last_contacts` (one pass, for a whole map) says what `last_contact` says of each person."""

from __future__ import annotations

import datetime as dt

import pytest

from accountmap.domain.contact_history import last_contact, last_contacts
from accountmap.storage.demo import load_demo


@pytest.mark.parametrize("shift", [-400, -30, 0, 30, 400, None])
def test_last_contacts_of_everyone_agree_with_each_persons_last_contact(shift):
    workspace = load_demo()
    for account in workspace.accounts:
        today = None if shift is None else dt.date(2026, 11, 20) + dt.timedelta(days=shift)
        every = last_contacts(account, today)
        assert set(every) == {s.id for s in account.stakeholders}
        for person in account.stakeholders:
            assert every[person.id] == last_contact(account, person.id, today), person.full_name
        some = [s.id for s in account.stakeholders[:3]]
        assert last_contacts(account, today, some) == {i: every[i] for i in some}
    assert any(v is not None for v in last_contacts(workspace.accounts[0], None).values())
