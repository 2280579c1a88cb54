"""A sales director's view of many deals: one summary row per account. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accountmap.domain.account_rules import (
    neglected_influencers,
    uncovered_centres,
    unfilled_roles,
)
from accountmap.domain.deal_health import DealHealth, deal_health
from accountmap.domain.models import Account, ReviewComment
from accountmap.domain.road_patterns import RoadTrace, trace_of
from accountmap.domain.roadmap_rules import (
    RoadPosition,
    days_in_checkpoint,
    overdue_nodes,
    position_on_road,
    validate_roadmap,
)
from accountmap.domain.problems import Severity
from accountmap.domain.vocabulary import Attitude, BuyingRole, QuestionStatus
from accountmap.domain.workspace import WorkspaceSettings


@dataclass(frozen=True)
class AccountSummary:
    account_id: str
    name: str
    owner: str
    deal_value: float | None
    currency: str
    journey_stage: str | None
    temperature: str
    target_close: dt.date | None
    people: int
    champions: int
    opponents: int
    open_questions: int
    checkpoints_done: int
    checkpoints_total: int
    current_checkpoint: str
    days_in_checkpoint: int | None
    overdue: int
    uncovered_centres: int
    unfilled_roles: tuple[str, ...]
    neglected_influencers: int
    roadmap_errors: int | None  # None: not checked (the portfolio review does not show it)

    @property
    def progress(self) -> float:
        return self.checkpoints_done / self.checkpoints_total if self.checkpoints_total else 0.0


def summarise(account: Account, today: dt.date, stale_days: int = 30,
              position: RoadPosition | None = None, *,
              check_roadmap: bool = True) -> AccountSummary:
    position = position or position_on_road(account.roadmap)
    nodes = {n.id: n for n in account.roadmap.nodes}
    current = [nodes[i] for i in position.active_ids] or [nodes[i] for i in position.current_ids
                                                          if i in nodes]
    current_node = current[0] if current else None
    return AccountSummary(
        account_id=account.id,
        name=account.name,
        owner=account.owner,
        deal_value=account.deal_value,
        currency=account.currency,
        journey_stage=account.journey_stage,
        temperature=account.temperature.value,
        target_close=account.target_close,
        people=len(account.stakeholders),
        champions=sum(s.attitude == Attitude.CHAMPION for s in account.stakeholders),
        opponents=sum(s.attitude == Attitude.OPPONENT for s in account.stakeholders),
        open_questions=sum(q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED)
                           for q in account.open_questions),
        checkpoints_done=position.checkpoints_done,
        checkpoints_total=position.checkpoints_total,
        current_checkpoint=current_node.title if current_node else "",
        days_in_checkpoint=days_in_checkpoint(current_node, today) if current_node else None,
        overdue=len(overdue_nodes(account.roadmap, today)),
        uncovered_centres=len(uncovered_centres(account)),
        unfilled_roles=tuple(r.value for r in unfilled_roles(account)),
        neglected_influencers=len(neglected_influencers(account, today, stale_days)),
        roadmap_errors=sum(p.severity == Severity.ERROR for p in validate_roadmap(account.roadmap))
        if check_roadmap else None,
    )


@dataclass(frozen=True)
class DealReview:
    """All a portfolio review keeps of one deal (the account itself is let go): its
    summary row, its health with the flags, and its road for the patterns."""

    summary: AccountSummary
    health: DealHealth
    trace: RoadTrace
    missing_roles: tuple[BuyingRole, ...]
    # the review comments not resolved, each followed by its replies (also resolved ones)
    open_comments: tuple[ReviewComment, ...] = ()

    @property
    def account_id(self) -> str:
        return self.summary.account_id


def review_deal(account: Account, today: dt.date,
                settings: WorkspaceSettings | None = None) -> DealReview:
    settings = settings or WorkspaceSettings()
    position = position_on_road(account.roadmap)  # once: the rules below share it
    health = deal_health(account, today, settings, position)
    return DealReview(
        summary=summarise(account, today, settings.stale_contact_days, position,
                          check_roadmap=False),
        health=health,
        trace=trace_of(account, today, health.outcome.value, position),
        missing_roles=tuple(unfilled_roles(account)),
        open_comments=open_threads(account.review_comments),
    )


def open_threads(comments: list[ReviewComment]) -> tuple[ReviewComment, ...]:
    """The comments not resolved (replies aside), each followed by its replies in order."""
    replies: dict[str, list[ReviewComment]] = {}
    for c in comments:
        if c.reply_to is not None:
            replies.setdefault(c.reply_to, []).append(c)
    ids = {c.id for c in comments}
    out: list[ReviewComment] = []
    for c in comments:
        if c.resolved or (c.reply_to is not None and c.reply_to in ids):
            continue
        out.append(c)
        stack = list(reversed(replies.get(c.id, [])))
        while stack:
            reply = stack.pop()
            out.append(reply)
            stack.extend(reversed(replies.get(reply.id, [])))
    return tuple(out)
