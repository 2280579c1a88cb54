"""The same account twice: an import brings an account whose id the workspace already
holds, and the person chooses what to do (docs/FORMAT.md, "The same account twice"):

- REPLACE: the imported account takes the place of the one in the workspace;
- COPY: both are kept, the imported one under a new id;
- MERGE: the workspace's account stays as it is and gains what only the imported one has
  (people, centres, checkpoints, questions, meetings... by id); an entity both have is
  kept as the workspace has it (counted as differing when the two differ, never
  overwritten silently); review comments merge as a review file does (their histories
  tell which side edited). A merge is a union: what was deleted here but is still in
  the imported account comes back (choose replace to take the imported one as it is).
  A new entity whose reference would point nowhere (a hand-edited file) is left out
  when it cannot be without it, else the reference is cleared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accountmap.domain.models import COLLECTIONS, Account, collection_items
from accountmap.domain.review_merge import ReviewedAccount, ReviewFile, merge_review

REPLACE, COPY, MERGE = "replace", "copy", "merge"
CHOICES = (REPLACE, COPY, MERGE)

# table -> {reference field: (the table it points into, REQUIRED or not)}
TARGETS: dict[str, dict[str, tuple[str, bool]]] = {
    "stakeholders": {"decision_centre_id": ("decision_centres", False)},
    "relationships": {"from_id": ("stakeholders", True), "to_id": ("stakeholders", True)},
    "open_questions": {"stakeholder_id": ("stakeholders", True)},
    "roadmap_nodes": {"chosen_edge_id": ("roadmap_edges", False),
                      "stakeholder_ids": ("stakeholders", False)},
    "roadmap_edges": {"from_id": ("roadmap_nodes", True), "to_id": ("roadmap_nodes", True)},
    "meetings": {"attendee_ids": ("stakeholders", False), "checkpoint_id": ("roadmap_nodes", False)},
    "touchpoints": {"stakeholder_ids": ("stakeholders", False),
                    "checkpoint_id": ("roadmap_nodes", False)},
    "journey_grids": {"stakeholder_id": ("stakeholders", False)},
}
POINTED_AT = {target for fields in TARGETS.values() for target, _ in fields.values()}


@dataclass
class AccountMerge:
    account: Account
    added: int = 0  # entities only the imported account had
    differing: int = 0  # entities both had, not the same: kept as the workspace has them
    left_out: int = 0  # new entities whose required reference is not in the workspace
    comment_conflicts: list = field(default_factory=list)


def merge_accounts(ours: Account, theirs: Account) -> AccountMerge:
    """`ours` (the workspace's) with what only `theirs` (the imported) has; see above."""
    result = AccountMerge(ours)
    merged = ours.model_copy(deep=True)
    for table in COLLECTIONS:
        if table == "review_comments":
            continue
        mine = {item.id: item for item in collection_items(ours, table)}
        for item in collection_items(theirs, table):
            if item.id not in mine:
                collection_items(merged, table).append(item.model_copy(deep=True))
                result.added += 1
            elif item != mine[item.id]:
                result.differing += 1
    result.left_out = _clear_dangling(merged, ours)
    result.added -= result.left_out
    comments = merge_review({merged.id: merged}, ReviewFile(accounts=[ReviewedAccount(
        id=merged.id, name=merged.name, comments=theirs.review_comments)]))
    replaced = {c.id: c for _a, c in comments.replaced}
    merged.review_comments = [replaced.get(c.id, c) for c in merged.review_comments]
    merged.review_comments += [c for _a, c in comments.added]
    result.added += len(comments.added)
    result.comment_conflicts = comments.conflicts
    result.account = Account.model_validate(merged.model_dump())
    return result


def _clear_dangling(merged: Account, ours: Account) -> int:
    """Drop or clear the references of the newly added entities that point nowhere in
    `merged`; returns how many entities were left out."""
    old = {item.id for table in COLLECTIONS for item in collection_items(ours, table)}
    left_out = 0
    changed = True
    while changed:
        changed = False
        present = {table: {item.id for item in collection_items(merged, table)}
                   for table in POINTED_AT}
        for table, fields in TARGETS.items():
            items = collection_items(merged, table)
            kept = []
            for item in items:
                if item.id in old:
                    kept.append(item)
                    continue
                drop = False
                for name, (target, required) in fields.items():
                    value = getattr(item, name)
                    known = present[target]
                    if isinstance(value, list):
                        if any(v not in known for v in value):
                            setattr(item, name, [v for v in value if v in known])
                    elif value is not None and value not in known:
                        if required:
                            drop = True
                        else:
                            setattr(item, name, None)
                if drop:
                    left_out += 1
                    changed = True
                else:
                    kept.append(item)
            items[:] = kept
    return left_out

