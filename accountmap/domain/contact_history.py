"""One history of contact with a person: the touchpoints that include them, the meetings
held that they attended (a meeting held IS a touchpoint), and the date entered by hand on
the card. "Last contact" everywhere is the latest of these, never later than today (a
planned touchpoint or meeting is not a contact yet). Pure rules, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accountmap.domain.models import Account

TOUCHPOINT = "touchpoint"
MEETING = "meeting"
RECORDED = "recorded"  # the card's own "last contact" date, entered by hand


@dataclass(frozen=True)
class Contact:
    date: dt.date
    kind: str  # TOUCHPOINT, MEETING or RECORDED
    source_id: str | None  # the touchpoint's or meeting's id
    text: str  # its summary or goal


def contacts_with(account: Account, person_id: str, today: dt.date | None) -> list[Contact]:
    """Every contact with the person up to `today` (all of them with None), newest first."""
    def held(day: dt.date | None) -> bool:
        return day is not None and (today is None or day <= today)

    found = [Contact(t.date, TOUCHPOINT, t.id, t.summary) for t in account.touchpoints
             if person_id in t.stakeholder_ids and held(t.date)]
    found += [Contact(m.date, MEETING, m.id, m.goal) for m in account.meetings
              if person_id in m.attendee_ids and held(m.date)]
    person = account.stakeholder(person_id)
    if person is not None and held(person.last_contact):
        found.append(Contact(person.last_contact, RECORDED, None, ""))
    return sorted(found, key=lambda c: c.date, reverse=True)


def last_contact(account: Account, person_id: str, today: dt.date | None) -> dt.date | None:
    found = contacts_with(account, person_id, today)
    return found[0].date if found else None


def is_stale(account: Account, person_id: str, today: dt.date, days: int) -> bool:
    """No contact at all, or none in the last `days` days."""
    last = last_contact(account, person_id, today)
    return last is None or (today - last).days > days


def last_contacts(account: Account, today: dt.date | None,
                  person_ids=None) -> dict[str, dt.date | None]:
    """`last_contact` of many people in one pass over the touchpoints and meetings (a map
    of 3,000 people refreshes its cards in milliseconds, not one scan per card)."""
    wanted = {s.id for s in account.stakeholders} if person_ids is None else set(person_ids)

    def held(day: dt.date | None) -> bool:
        return day is not None and (today is None or day <= today)

    latest: dict[str, dt.date | None] = dict.fromkeys(wanted)

    def seen(person_id: str, day: dt.date) -> None:
        if person_id in latest and (latest[person_id] is None or day > latest[person_id]):
            latest[person_id] = day

    for person in account.stakeholders:
        if person.id in latest and held(person.last_contact):
            seen(person.id, person.last_contact)
    for touchpoint in account.touchpoints:
        if held(touchpoint.date):
            for person_id in touchpoint.stakeholder_ids:
                seen(person_id, touchpoint.date)
    for meeting in account.meetings:
        if held(meeting.date):
            for person_id in meeting.attendee_ids:
                seen(person_id, meeting.date)
    return latest


def stale_people(account: Account, today: dt.date, days: int) -> list:
    """The people `is_stale` says are stale, in the account's order, in one pass."""
    latest = last_contacts(account, today)
    return [person for person in account.stakeholders
            if latest[person.id] is None or (today - latest[person.id]).days > days]
