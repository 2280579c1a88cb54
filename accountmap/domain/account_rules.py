"""Rules of an account map: integrity, coverage of the buying group, contact freshness.

Pure functions over `Account`; each is unit-tested in tests/unit/test_account_rules.py.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from accountmap.domain.models import Account, Stakeholder
from accountmap.domain.problems import Problem, Severity
from accountmap.domain.vocabulary import (
    SUPPORTIVE_ATTITUDES,
    Attitude,
    BuyingRole,
    Influence,
    QuestionStatus,
    RelationshipKind,
)

# The roles a complex deal needs someone in (Miller Heiman + ЛПР): "nobody fills it" is a risk.
KEY_ROLES = (
    BuyingRole.DECISION_MAKER,
    BuyingRole.ECONOMIC_BUYER,
    BuyingRole.TECHNICAL_BUYER,
    BuyingRole.USER_BUYER,
    BuyingRole.CHAMPION,
)


def dangling_references(account: Account) -> list[Problem]:
    """References to people, centres or checkpoints that do not exist."""
    people = {s.id for s in account.stakeholders}
    centres = {c.id for c in account.decision_centres}
    nodes = {n.id for n in account.roadmap.nodes}
    problems: list[Problem] = []
    for s in account.stakeholders:
        if s.decision_centre_id and s.decision_centre_id not in centres:
            problems.append(Problem("account.stakeholder_centre_missing", s.id, {"name": s.full_name}))
    for r in account.relationships:
        if r.from_id not in people or r.to_id not in people:
            problems.append(Problem("account.relationship_dangling", r.id, {"label": r.label}))
    for q in account.open_questions:
        if q.stakeholder_id and q.stakeholder_id not in people:
            problems.append(Problem("account.question_person_missing", q.id, {"question": q.question[:80]}))
    for n in account.roadmap.nodes:
        for sid in n.stakeholder_ids:
            if sid not in people:
                problems.append(Problem("account.node_person_missing", n.id, {"title": n.title}))
                break
    for m in account.meetings:
        if m.checkpoint_id and m.checkpoint_id not in nodes:
            problems.append(Problem("account.meeting_checkpoint_missing", m.id, {"goal": m.goal[:80]}))
    return problems


def reports_to_cycles(account: Account) -> list[list[str]]:
    """Cycles in the reports-to chain (A reports to B reports to A): each as a list of ids."""
    boss: dict[str, list[str]] = defaultdict(list)
    for r in account.relationships:
        if r.kind == RelationshipKind.REPORTS_TO:
            boss[r.from_id].append(r.to_id)
    cycles: list[list[str]] = []
    done: set[str] = set()
    for start in list(boss):
        path: list[str] = []
        on_path: set[str] = set()
        stack = [(start, iter(boss.get(start, [])))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            if nxt in on_path:
                cycle = path[path.index(nxt):]
                if sorted(cycle) not in [sorted(c) for c in cycles]:
                    cycles.append(list(cycle))
            elif nxt not in done:
                stack.append((nxt, iter(boss.get(nxt, []))))
                path.append(nxt)
                on_path.add(nxt)
    return cycles


def uncovered_centres(account: Account) -> list[str]:
    """Decision centres with nobody who is a supporter or champion of ours."""
    supportive: set[str] = {
        s.decision_centre_id for s in account.stakeholders
        if s.decision_centre_id and s.attitude in SUPPORTIVE_ATTITUDES
    }
    return [c.id for c in account.decision_centres if c.id not in supportive]


def unfilled_roles(account: Account) -> list[BuyingRole]:
    filled = {role for s in account.stakeholders for role in s.roles}
    return [role for role in KEY_ROLES if role not in filled]


def is_contact_stale(stakeholder: Stakeholder, today: date, days: int) -> bool:
    return stakeholder.last_contact is None or (today - stakeholder.last_contact).days > days


def open_questions_for(account: Account, stakeholder_id: str) -> list:
    return [
        q for q in account.open_questions
        if q.stakeholder_id == stakeholder_id
        and q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED)
    ]


def opponents(account: Account, among: list[str] | None = None) -> list[Stakeholder]:
    pool = account.stakeholders if among is None else [
        s for s in account.stakeholders if s.id in set(among)
    ]
    return [s for s in pool if s.attitude in (Attitude.OPPONENT, Attitude.SCEPTIC)]


def neglected_influencers(account: Account, today: date, days: int) -> list[Stakeholder]:
    """High-influence people with no contact for more than `days` days."""
    from accountmap.domain.contact_history import is_stale

    return [
        s for s in account.stakeholders
        if s.influence == Influence.HIGH and is_stale(account, s.id, today, days)
    ]


def validate_account(account: Account) -> list[Problem]:
    problems = dangling_references(account)
    names = {s.id: s.full_name for s in account.stakeholders}
    for cycle in reports_to_cycles(account):
        problems.append(Problem(
            "account.reports_to_cycle", cycle[0],
            {"names": " → ".join(names.get(i, i) for i in cycle + cycle[:1])},
            Severity.WARNING,
        ))
    ids = [s.id for s in account.stakeholders]
    if len(ids) != len(set(ids)):
        problems.append(Problem("account.duplicate_ids"))
    return problems
