"""Deal health: what a sales director should look at in one deal, and why. Pure.

`deal_health(account, today, settings)` measures the deal (progress along the chosen path,
days in the current checkpoint, coverage of the decision centres, key roles) and raises
flags. Each flag carries the names that made it fire, so the reader sees *why*, not just
*that*. Every rule is explained in docs/REVIEW.md; thresholds come from the workspace
settings (`WorkspaceSettings.review`, `stale_contact_days`). `today` is always given.
A deal whose road has reached won or lost is closed: it is measured but raises no flags.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from accountmap.domain.account_rules import neglected_influencers, uncovered_centres
from accountmap.domain.models import Account, Meeting, RoadmapNode
from accountmap.domain.roadmap_rules import (
    RoadPosition,
    days_in_checkpoint,
    overdue_nodes,
    position_on_road,
)
from accountmap.domain.vocabulary import (
    Attitude,
    BuyingRole,
    Influence,
    NodeKind,
    QuestionStatus,
)
from accountmap.domain.workspace import WorkspaceSettings


class FlagKind(StrEnum):
    """The flags, in the order a review lists them (most urgent first)."""

    STALLED = "stalled"
    OVERDUE_CHECKPOINT = "overdue_checkpoint"
    HIGH_INFLUENCE_OPPONENT = "high_influence_opponent"
    NO_ECONOMIC_BUYER = "no_economic_buyer"
    NO_CHAMPION = "no_champion"
    UNCOVERED_CENTRE = "uncovered_centre"
    NEGLECTED_INFLUENCER = "neglected_influencer"
    OVERDUE_QUESTION = "overdue_question"
    NO_NEXT_MEETING = "no_next_meeting"


class Outcome(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(frozen=True)
class Flag:
    """One reason for a director to look: its kind, what it concerns, and the numbers.

    names: the people, checkpoints, centres or questions concerned (as typed, in order);
    ids: their ids, in the same order; days: the measured days where one number applies
    (days in the stalled checkpoint); limit: the threshold it passed.
    """

    kind: FlagKind
    names: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    days: int | None = None
    limit: int | None = None


@dataclass(frozen=True)
class DealHealth:
    outcome: Outcome
    checkpoints_done: int
    checkpoints_total: int
    current_checkpoint: RoadmapNode | None
    days_in_checkpoint: int | None
    centres_covered: int
    centres_total: int
    next_meeting: Meeting | None
    flags: tuple[Flag, ...] = field(default_factory=tuple)

    @property
    def progress(self) -> float:
        return self.checkpoints_done / self.checkpoints_total if self.checkpoints_total else 0.0

    @property
    def is_closed(self) -> bool:
        return self.outcome != Outcome.OPEN

    def kinds(self) -> list[FlagKind]:
        return [f.kind for f in self.flags]


def next_meeting(account: Account, today: dt.date) -> Meeting | None:
    """The first meeting dated today or later (ties: by time, then as listed)."""
    upcoming = [(m.date, m.time.strip(), i, m) for i, m in enumerate(account.meetings)
                if m.date is not None and m.date >= today]
    return min(upcoming, key=lambda item: item[:3])[3] if upcoming else None


def current_checkpoint(account: Account,
                       position: RoadPosition | None = None) -> RoadmapNode | None:
    """The checkpoint the deal is at: the first active one in play, else the first one
    the road continues to."""
    position = position or position_on_road(account.roadmap)
    for node_id in (*position.active_ids, *position.current_ids):
        node = account.node(node_id)
        if node is not None and node.kind == NodeKind.CHECKPOINT:
            return node
    return None


def outcome_of(account: Account, position: RoadPosition | None = None) -> Outcome:
    """Won or lost when the road, following the outcomes chosen, has arrived at such an
    end and nothing else is left open on it; otherwise open."""
    position = position or position_on_road(account.roadmap)
    kinds = {account.node(i).kind for i in position.current_ids if account.node(i)}
    if kinds == {NodeKind.WON}:
        return Outcome.WON
    if kinds == {NodeKind.LOST}:
        return Outcome.LOST
    return Outcome.OPEN


def _label(text: str, fallback: str) -> str:
    return text.strip() or fallback


def deal_health(account: Account, today: dt.date, settings: WorkspaceSettings | None = None,
                position: RoadPosition | None = None) -> DealHealth:
    """`position`: the account's `position_on_road`, when the caller has it already."""
    settings = settings or WorkspaceSettings()
    position = position or position_on_road(account.roadmap)
    here = current_checkpoint(account, position)
    days_here = days_in_checkpoint(here, today) if here is not None else None
    uncovered = uncovered_centres(account)
    meeting = next_meeting(account, today)
    outcome = outcome_of(account, position)
    health = DealHealth(
        outcome=outcome,
        checkpoints_done=position.checkpoints_done,
        checkpoints_total=position.checkpoints_total,
        current_checkpoint=here,
        days_in_checkpoint=days_here,
        centres_covered=len(account.decision_centres) - len(uncovered),
        centres_total=len(account.decision_centres),
        next_meeting=meeting,
    )
    if outcome != Outcome.OPEN:
        return health
    flags: list[Flag] = []
    limit = settings.review.stalled_days
    if here is not None and days_here is not None and days_here > limit:
        flags.append(Flag(FlagKind.STALLED, (_label(here.title, here.id),), (here.id,),
                          days=days_here, limit=limit))
    in_play = position.in_play
    late = [n for n in overdue_nodes(account.roadmap, today) if n.id in in_play]
    if late:
        flags.append(Flag(FlagKind.OVERDUE_CHECKPOINT,
                          tuple(_label(n.title, n.id) for n in late), tuple(n.id for n in late)))
    against = [s for s in account.stakeholders
               if s.influence == Influence.HIGH and s.attitude == Attitude.OPPONENT]
    if against:
        flags.append(Flag(FlagKind.HIGH_INFLUENCE_OPPONENT,
                          tuple(_label(s.full_name, s.id) for s in against),
                          tuple(s.id for s in against)))
    if not any(BuyingRole.ECONOMIC_BUYER in s.roles for s in account.stakeholders):
        flags.append(Flag(FlagKind.NO_ECONOMIC_BUYER))
    if not any(BuyingRole.CHAMPION in s.roles or s.attitude == Attitude.CHAMPION
               for s in account.stakeholders):
        flags.append(Flag(FlagKind.NO_CHAMPION))
    if uncovered:
        centres = [account.decision_centre(i) for i in uncovered]
        flags.append(Flag(FlagKind.UNCOVERED_CENTRE,
                          tuple(_label(c.name, c.id) for c in centres if c),
                          tuple(uncovered)))
    days = settings.stale_contact_days
    neglected = neglected_influencers(account, today, days)
    if neglected:
        flags.append(Flag(FlagKind.NEGLECTED_INFLUENCER,
                          tuple(_label(s.full_name, s.id) for s in neglected),
                          tuple(s.id for s in neglected), limit=days))
    late_questions = [q for q in account.open_questions
                      if q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED)
                      and q.due is not None and q.due < today]
    if late_questions:
        flags.append(Flag(FlagKind.OVERDUE_QUESTION,
                          tuple(_label(q.question, q.id) for q in late_questions),
                          tuple(q.id for q in late_questions)))
    if meeting is None:
        flags.append(Flag(FlagKind.NO_NEXT_MEETING))
    return replace(health, flags=tuple(flags))
