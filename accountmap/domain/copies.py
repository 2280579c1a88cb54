"""Copies of entities under new ids: the one id remapper (paste on the map or the
roadmap, a roadmap template, anything that brings entities in again).

Every copied entity gets a fresh id and the references among the copies follow them. A
reference to something that was not copied is handled by its kind (`REFERENCES`):
- REQUIRED: the entity makes no sense without it (a relationship without one of its
  people, a branch without one of its ends): the copy is left out;
- IF_PRESENT: kept when the target account has that entity (a pasted person keeps their
  decision centre, a checkpoint its people), else cleared;
- WITHIN_COPY: only a copied one will do (a crossroads' chosen outcome must be one of
  the copied branches), else cleared.
"""

from __future__ import annotations

from collections.abc import Iterable

from accountmap.domain.models import COLLECTIONS, Account, Entity, collection_items, new_id

REQUIRED, IF_PRESENT, WITHIN_COPY = "required", "if present", "within the copy"

# table -> {field: what a reference outside the copy becomes}
REFERENCES: dict[str, dict[str, str]] = {
    "stakeholders": {"decision_centre_id": IF_PRESENT},
    "relationships": {"from_id": REQUIRED, "to_id": REQUIRED},
    "open_questions": {"stakeholder_id": REQUIRED},
    "roadmap_nodes": {"chosen_edge_id": WITHIN_COPY, "stakeholder_ids": IF_PRESENT},
    "roadmap_edges": {"from_id": REQUIRED, "to_id": REQUIRED},
    "meetings": {"attendee_ids": IF_PRESENT, "checkpoint_id": IF_PRESENT},
    "touchpoints": {"stakeholder_ids": IF_PRESENT, "checkpoint_id": IF_PRESENT},
    "journey_grids": {"stakeholder_id": IF_PRESENT},
    "review_comments": {"stakeholder_id": IF_PRESENT, "checkpoint_id": IF_PRESENT,
                        "reply_to": REQUIRED},
}


def fresh_copies(items: Iterable[tuple[str, Entity]], target: Account | None = None
                 ) -> list[tuple[str, Entity]]:
    """`[(table, entity)]` copied under new ids, in the same order, for adding to
    `target` (None: an empty account). See the module's docstring for references."""
    items = list(items)
    kept = _kept(items)
    fresh = {entity.id: new_id() for table, entity in items if entity.id in kept}
    present = set() if target is None else {
        item.id for table in COLLECTIONS for item in collection_items(target, table)}
    copies: list[tuple[str, Entity]] = []
    for table, entity in items:
        if entity.id not in kept:
            continue
        update: dict = {"id": fresh[entity.id]}
        for field, rule in REFERENCES.get(table, {}).items():
            value = getattr(entity, field)
            if isinstance(value, list):
                update[field] = [fresh.get(v, v) for v in value
                                 if v in fresh or (rule == IF_PRESENT and v in present)]
            elif value in fresh:
                update[field] = fresh[value]
            elif value is not None and not (rule == IF_PRESENT and value in present):
                update[field] = None
        copies.append((table, entity.model_copy(update=update, deep=True)))
    return copies


def _kept(items: list[tuple[str, Entity]]) -> set[str]:
    """The ids of the entities whose REQUIRED references are all among the kept ones."""
    kept = {entity.id for _table, entity in items}
    while True:
        dropped = {
            entity.id for table, entity in items if entity.id in kept and any(
                getattr(entity, field) not in kept
                for field, rule in REFERENCES.get(table, {}).items() if rule == REQUIRED)}
        if not dropped:
            return kept
        kept -= dropped
