"""The patterns of the road: across many deals, where they linger and where crossroads lead.

`trace_of(account, today)` keeps what one deal contributes (small: the account itself
need not stay in memory); `road_patterns(traces)` adds them up per checkpoint title and
per crossroads outcome. Titles are compared without case and extra spaces, so deals built
from the same template line up. Pure; docs/REVIEW.md explains the counts.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from accountmap.domain.models import Account
from accountmap.domain.roadmap_rules import RoadPosition, position_on_road
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind


def title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


@dataclass(frozen=True)
class RoadTrace:
    """One deal's road: checkpoints reached (title, days in it or None) in road order,
    crossroads passed (title, outcome taken), and how the deal ended (open/won/lost)."""

    checkpoints: tuple[tuple[str, int | None], ...]
    crossroads: tuple[tuple[str, str], ...]
    outcome: str


@dataclass(frozen=True)
class CheckpointPattern:
    title: str
    reached: int
    days: tuple[int, ...]  # the known durations, one per deal that has one
    order: float  # mean place along the road (for listing in road order)

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def longest_days(self) -> int | None:
        return max(self.days) if self.days else None


@dataclass(frozen=True)
class OutcomePattern:
    crossroads: str
    outcome: str
    took: int
    won: int
    lost: int


@dataclass(frozen=True)
class RoadPatterns:
    checkpoints: list[CheckpointPattern]
    outcomes: list[OutcomePattern]
    deals: int


def trace_of(account: Account, today, outcome: str,
             position: RoadPosition | None = None) -> RoadTrace:
    """What `account` tells about the road. A checkpoint is reached when it is passed or
    active; its days run from its activation to the activation of the next checkpoint
    reached after it (to today while it is active), unknown without those dates."""
    position = position or position_on_road(account.roadmap)
    nodes = {n.id: n for n in account.roadmap.nodes}
    reached = [nodes[i] for i in position.taken if nodes[i].kind == NodeKind.CHECKPOINT]
    reached += [nodes[i] for i in position.active_ids if i not in position.taken]
    checkpoints: list[tuple[str, int | None]] = []
    for index, node in enumerate(reached):
        days = None
        if node.activated_on is not None:
            if node.status == CheckpointStatus.ACTIVE:
                end = today
            else:
                end = next((later.activated_on for later in reached[index + 1:]
                            if later.activated_on is not None
                            and later.activated_on >= node.activated_on), None)
            days = (end - node.activated_on).days if end is not None else None
        checkpoints.append((node.title, days if days is None or days >= 0 else None))
    crossroads = []
    for node_id in position.taken:
        node = nodes[node_id]
        if node.kind == NodeKind.DECISION and node.chosen_edge_id:
            edge = next((e for e in account.roadmap.edges if e.id == node.chosen_edge_id), None)
            if edge is not None:
                crossroads.append((node.title, edge.outcome))
    return RoadTrace(tuple(checkpoints), tuple(crossroads), outcome)


def road_patterns(traces: Iterable[RoadTrace]) -> RoadPatterns:
    reached: dict[str, list] = {}  # key -> [title as first seen, count, days, places]
    outcomes: dict[tuple[str, str], list] = {}  # key -> [crossroads, outcome, took, won, lost]
    deals = 0
    for trace in traces:
        deals += 1
        seen: set[str] = set()
        for place, (title, days) in enumerate(trace.checkpoints):
            key = title_key(title)
            if key in seen:  # a loop passed it twice: one deal reached it once
                continue
            seen.add(key)
            entry = reached.setdefault(key, [" ".join(title.split()), 0, [], []])
            entry[1] += 1
            if days is not None:
                entry[2].append(days)
            entry[3].append(place)
        for title, outcome in trace.crossroads:
            key = (title_key(title), title_key(outcome))
            entry = outcomes.setdefault(key, [" ".join(title.split()),
                                              " ".join(outcome.split()), 0, 0, 0])
            entry[2] += 1
            entry[3] += trace.outcome == "won"
            entry[4] += trace.outcome == "lost"
    checkpoints = [CheckpointPattern(title, count, tuple(days), statistics.mean(places))
                   for title, count, days, places in reached.values()]
    checkpoints.sort(key=lambda p: (p.order, -p.reached, title_key(p.title)))
    taken = [OutcomePattern(*entry) for entry in outcomes.values()]
    taken.sort(key=lambda p: (title_key(p.crossroads), -p.took, title_key(p.outcome)))
    return RoadPatterns(checkpoints, taken, deals)
