"""Pure rules of the customer journey: the buying group on the stations, contact gaps,
stations without touchpoints, and what a new touchpoint does to "last contact".

No Qt, no I/O; every function takes domain objects and returns plain values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import median

from accountmap.domain.journey import JourneyFramework
from accountmap.domain.models import Account, Touchpoint
from accountmap.domain.vocabulary import Influence


@dataclass(frozen=True)
class GroupPositions:
    """Where each person of the buying group stands, relative to the group's median."""

    index: dict[str, int] = field(default_factory=dict)  # person id -> station index
    unplaced: list[str] = field(default_factory=list)  # no station (or an unknown one)
    median: float | None = None
    behind: list[str] = field(default_factory=list)  # more than `slack` stations behind
    ahead: list[str] = field(default_factory=list)  # more than `slack` stations ahead


def group_positions(account: Account, framework: JourneyFramework,
                    slack: int = 1) -> GroupPositions:
    """The buying group lined up on the stations: who lags more than `slack` stations
    behind the median of the placed people, and who runs more than `slack` ahead."""
    index: dict[str, int] = {}
    unplaced: list[str] = []
    for person in account.stakeholders:
        i = framework.index(person.journey_stage)
        if i is None:
            unplaced.append(person.id)
        else:
            index[person.id] = i
    if not index:
        return GroupPositions(index, unplaced)
    mid = float(median(index.values()))
    behind = [pid for pid, i in index.items() if mid - i > slack]
    ahead = [pid for pid, i in index.items() if i - mid > slack]
    return GroupPositions(index, unplaced, mid, behind, ahead)


def last_touch(account: Account, person_id: str, today: dt.date | None = None) -> dt.date | None:
    """The latest contact with a person (touchpoints, meetings held, the date on the card),
    not later than `today`: see domain/contact_history.py."""
    from accountmap.domain.contact_history import last_contact

    return last_contact(account, person_id, today)


def stale_contacts(account: Account, today: dt.date, days: int) -> list[str]:
    """High-influence people with no contact (touchpoint or last_contact) in the last
    `days` days, or never; in the account's order."""
    limit = today - dt.timedelta(days=days)
    result = []
    for person in account.stakeholders:
        if person.influence != Influence.HIGH:
            continue
        last = last_touch(account, person.id, today)
        if last is None or last < limit:
            result.append(person.id)
    return result


def touchpoint_station(account: Account, touchpoint: Touchpoint) -> str | None:
    """The station a touchpoint serves: the station of its checkpoint."""
    if touchpoint.checkpoint_id is None:
        return None
    node = account.node(touchpoint.checkpoint_id)
    return node.journey_stage if node is not None else None


def stations_without_touchpoints(account: Account, framework: JourneyFramework,
                                 today: dt.date | None = None,
                                 from_current: bool = True) -> list[str]:
    """Station ids (in framework order) with no touchpoint planned: no touchpoint whose
    checkpoint sits at that station. With `from_current`, only the account's current
    station and the ones after it count (the road ahead); stations already passed are
    not gaps. With `today`, only touchpoints dated today or later (or undated) plan."""
    covered = set()
    for t in account.touchpoints:
        if today is not None and t.date is not None and t.date < today:
            continue
        station = touchpoint_station(account, t)
        if station:
            covered.add(station)
    start = 0
    if from_current:
        current = framework.index(account.journey_stage)
        start = current if current is not None else 0
    return [s.id for s in framework.stations[start:] if s.id not in covered]


def last_contact_updates(account: Account, touchpoint: Touchpoint,
                         today: dt.date | None = None) -> dict[str, dt.date]:
    """The people whose last_contact a new (or edited) touchpoint moves forward: person
    id -> the touchpoint's date. A touchpoint in the future (after `today`) is planned,
    not a contact, and moves nothing."""
    if touchpoint.date is None or (today is not None and touchpoint.date > today):
        return {}
    updates = {}
    for person_id in touchpoint.stakeholder_ids:
        person = account.stakeholder(person_id)
        if person is None:
            continue
        if person.last_contact is None or person.last_contact < touchpoint.date:
            updates[person_id] = touchpoint.date
    return updates


def person_timeline(account: Account, person_id: str) -> list[Touchpoint]:
    """A person's touchpoints, oldest first (undated ones last)."""
    items = [t for t in account.touchpoints if person_id in t.stakeholder_ids]
    return sorted(items, key=lambda t: (t.date is None, t.date or dt.date.min))
