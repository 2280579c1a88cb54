"""Copy and paste of a piece of the map: people + decision centres + the relationships
among them (and the open questions of the people), as JSON under our own mime type."""

from __future__ import annotations

import json

from pydantic import ValidationError

from accountmap.domain.copies import fresh_copies
from accountmap.domain.models import DecisionCentre, OpenQuestion, Relationship, Stakeholder

MIME_TYPE = "application/x-accountmap-map+json"
PASTE_OFFSET = 40.0


def selection_json(account, person_ids, centre_ids) -> str:
    people = set(person_ids)
    centres = set(centre_ids)
    # a copied frame brings its people
    people |= {s.id for s in account.stakeholders if s.decision_centre_id in centres}
    data = {
        "format": "accountmap-map-selection",
        "source_account": account.id,
        "decision_centres": [c.model_dump(mode="json") for c in account.decision_centres if c.id in centres],
        "stakeholders": [s.model_dump(mode="json") for s in account.stakeholders if s.id in people],
        "relationships": [r.model_dump(mode="json") for r in account.relationships
                          if r.from_id in people and r.to_id in people],
        "open_questions": [q.model_dump(mode="json") for q in account.open_questions
                           if q.stakeholder_id in people],
    }
    return json.dumps(data, ensure_ascii=False)


def paste_items(text: str, account, offset: tuple[float, float] | None = None):
    """The entities to add for pasted `text`: [(table, entity)] with fresh ids, positions
    offset; None when `text` is not ours or is damaged."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != "accountmap-map-selection":
            return None
        centres = [DecisionCentre.model_validate(c) for c in data.get("decision_centres", [])]
        people = [Stakeholder.model_validate(s) for s in data.get("stakeholders", [])]
        relationships = [Relationship.model_validate(r) for r in data.get("relationships", [])]
        questions = [OpenQuestion.model_validate(q) for q in data.get("open_questions", [])]
    except (ValueError, TypeError, ValidationError):
        return None
    if offset is None:
        offset = (PASTE_OFFSET, PASTE_OFFSET)
    dx, dy = offset
    return fresh_copies(
        [("decision_centres", c.model_copy(update={"x": c.x + dx, "y": c.y + dy})) for c in centres]
        + [("stakeholders", s.model_copy(update={"x": s.x + dx, "y": s.y + dy})) for s in people]
        + [("relationships", r) for r in relationships]
        + [("open_questions", q) for q in questions],
        account)
