"""Exit criteria mean something: a checkpoint marked done with criteria unticked is flagged
(unless a reason was given, it is a problem `check` reports), and when a checkpoint is done
the next checkpoint on the chosen path becomes active (roadmap_rules.next_to_activate).
Pure rules, no Qt."""

from __future__ import annotations

from accountmap.domain.models import ExitCriterion, Roadmap, RoadmapNode
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind


def unmet_criteria(node: RoadmapNode) -> list[ExitCriterion]:
    return [c for c in node.exit_criteria if not c.done]


def done_with_unmet_criteria(roadmap: Roadmap) -> list[RoadmapNode]:
    return [n for n in roadmap.nodes
            if n.kind == NodeKind.CHECKPOINT and n.status == CheckpointStatus.DONE
            and unmet_criteria(n)]
