"""What the workspace file's keys and foreign keys forbid, checked on an `Account` before
anything is written (import): duplicate ids, references that point nowhere, a person
listed twice, journey stages that are not stations of the framework.

Each error is `(path, message)`, the path relative to the account in the exchange
document (`.stakeholders[3].decision_centre_id`), so an import can name every one.
"""

from __future__ import annotations

from collections.abc import Iterable

from accountmap.domain.models import Account

Error = tuple[str, str]


def _duplicates(items: Iterable, where: str) -> list[Error]:
    seen: set[str] = set()
    errors = []
    for index, item in enumerate(items):
        if item.id in seen:
            errors.append((f"{where}[{index}].id", f"duplicate id {item.id!r}"))
        seen.add(item.id)
    return errors


def _missing(value: str | None, known: set[str], path: str, what: str) -> list[Error]:
    if value is None or value in known:
        return []
    return [(path, f"refers to {what} {value!r}, which does not exist")]


def _people(ids: list[str], people: set[str], path: str) -> list[Error]:
    errors = []
    seen: set[str] = set()
    for index, person in enumerate(ids):
        errors += _missing(person, people, f"{path}[{index}]", "person")
        if person in seen:
            errors.append((f"{path}[{index}]", f"person {person!r} is listed twice"))
        seen.add(person)
    return errors


def integrity_errors(account: Account, stations: set[str] | None = None) -> list[Error]:
    """Every duplicate id and dangling reference of `account` (and, given the framework's
    `stations`, every journey stage that is not one of them)."""
    roadmap = account.roadmap
    errors: list[Error] = []
    for where, items in (
        (".decision_centres", account.decision_centres), (".stakeholders", account.stakeholders),
        (".relationships", account.relationships), (".open_questions", account.open_questions),
        (".roadmap.nodes", roadmap.nodes), (".roadmap.edges", roadmap.edges),
        (".meetings", account.meetings), (".touchpoints", account.touchpoints),
        (".journey_grids", account.journey_grids), (".journey_history", account.journey_history),
        (".review_comments", account.review_comments),
    ):
        errors += _duplicates(items, where)
    centres = {c.id for c in account.decision_centres}
    people = {s.id for s in account.stakeholders}
    nodes = {n.id for n in roadmap.nodes}
    edges = {e.id for e in roadmap.edges}

    def stage(value: str | None, path: str) -> list[Error]:
        if stations is None:
            return []
        return _missing(value, stations, path, "journey stage")

    errors += stage(account.journey_stage, ".journey_stage")
    for i, s in enumerate(account.stakeholders):
        errors += _missing(s.decision_centre_id, centres, f".stakeholders[{i}].decision_centre_id",
                           "decision centre")
        errors += stage(s.journey_stage, f".stakeholders[{i}].journey_stage")
    for i, r in enumerate(account.relationships):
        errors += _missing(r.from_id, people, f".relationships[{i}].from_id", "person")
        errors += _missing(r.to_id, people, f".relationships[{i}].to_id", "person")
    for i, q in enumerate(account.open_questions):
        errors += _missing(q.stakeholder_id, people, f".open_questions[{i}].stakeholder_id",
                           "person")
    for i, n in enumerate(roadmap.nodes):
        errors += _people(n.stakeholder_ids, people, f".roadmap.nodes[{i}].stakeholder_ids")
        errors += _missing(n.chosen_edge_id, edges, f".roadmap.nodes[{i}].chosen_edge_id",
                           "roadmap edge")
        errors += stage(n.journey_stage, f".roadmap.nodes[{i}].journey_stage")
    for i, e in enumerate(roadmap.edges):
        errors += _missing(e.from_id, nodes, f".roadmap.edges[{i}].from_id", "roadmap node")
        errors += _missing(e.to_id, nodes, f".roadmap.edges[{i}].to_id", "roadmap node")
    for i, m in enumerate(account.meetings):
        errors += _people(m.attendee_ids, people, f".meetings[{i}].attendee_ids")
        errors += _missing(m.checkpoint_id, nodes, f".meetings[{i}].checkpoint_id", "checkpoint")
    for i, t in enumerate(account.touchpoints):
        errors += _people(t.stakeholder_ids, people, f".touchpoints[{i}].stakeholder_ids")
        errors += _missing(t.checkpoint_id, nodes, f".touchpoints[{i}].checkpoint_id",
                           "checkpoint")
    for i, g in enumerate(account.journey_grids):
        errors += _missing(g.stakeholder_id, people, f".journey_grids[{i}].stakeholder_id",
                           "person")
    for i, h in enumerate(account.journey_history):
        errors += stage(h.journey_stage, f".journey_history[{i}].journey_stage")
    comments = {c.id for c in account.review_comments}
    for i, c in enumerate(account.review_comments):
        errors += _missing(c.stakeholder_id, people, f".review_comments[{i}].stakeholder_id",
                           "person")
        errors += _missing(c.checkpoint_id, nodes, f".review_comments[{i}].checkpoint_id",
                           "checkpoint")
        errors += _missing(c.reply_to, comments, f".review_comments[{i}].reply_to", "comment")
    return errors
