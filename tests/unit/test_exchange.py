"""JSON exchange: export → import → export is byte-identical; import is all or nothing."""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountmap.domain.models import (
    Account, DecisionCentre, ExitCriterion, Interest, OpenQuestion, Relationship, Roadmap,
    RoadmapEdge, RoadmapNode, Stakeholder,
)
from accountmap.domain.vocabulary import (
    Attitude, BuyingRole, CheckpointStatus, Influence, InterestKind, NodeKind, RelationshipKind,
)
from accountmap.domain.workspace import WorkspaceExport
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.exchange import (
    document_to_json, export_document, import_document, parse_document,
)
from accountmap.storage.workspace_file import WorkspaceFile

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
ids = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=10)
dates = st.one_of(st.none(), st.dates())
coords = st.floats(min_value=-5000, max_value=5000, allow_nan=False).map(lambda v: round(v, 2))


@st.composite
def accounts(draw) -> Account:
    people_ids = draw(st.lists(ids, unique=True, max_size=6))
    centre_ids = draw(st.lists(ids.map(lambda s: "dc" + s), unique=True, max_size=3))
    people = [
        Stakeholder(
            id=pid, full_name=draw(texts), title=draw(texts),
            decision_centre_id=draw(st.one_of(st.none(), st.sampled_from(centre_ids))) if centre_ids else None,
            roles=draw(st.lists(st.sampled_from(list(BuyingRole)), max_size=3)),
            influence=draw(st.sampled_from(list(Influence))),
            attitude=draw(st.sampled_from(list(Attitude))),
            relationship_strength=draw(st.integers(0, 5)),
            interests=[Interest(kind=k, text=t) for k, t in draw(
                st.lists(st.tuples(st.sampled_from(list(InterestKind)), texts), max_size=3))],
            last_contact=draw(dates), notes=draw(texts), x=draw(coords), y=draw(coords),
        )
        for pid in people_ids
    ]
    relationships = []
    if len(people_ids) >= 2:
        for a, b, kind in draw(st.lists(st.tuples(st.sampled_from(people_ids), st.sampled_from(people_ids),
                                                  st.sampled_from(list(RelationshipKind))), max_size=5)):
            if a != b:
                relationships.append(Relationship(id=f"r{len(relationships)}", from_id=a, to_id=b,
                                                  kind=kind, label=draw(texts)))
    node_ids = draw(st.lists(ids.map(lambda s: "n" + s), unique=True, max_size=6))
    nodes = [RoadmapNode(id=n, kind=draw(st.sampled_from(list(NodeKind))), title=draw(texts),
                         status=draw(st.sampled_from(list(CheckpointStatus))),
                         exit_criteria=[ExitCriterion(text=t, done=d) for t, d in draw(
                             st.lists(st.tuples(texts, st.booleans()), max_size=3))],
                         due=draw(dates), x=draw(coords), y=draw(coords)) for n in node_ids]
    edges = []
    if node_ids:
        for a, b, label in draw(st.lists(st.tuples(st.sampled_from(node_ids), st.sampled_from(node_ids), texts), max_size=6)):
            edges.append(RoadmapEdge(id=f"e{len(edges)}", from_id=a, to_id=b, outcome=label))
    questions = [OpenQuestion(id=f"q{i}", question=draw(texts),
                              stakeholder_id=draw(st.sampled_from(people_ids)) if people_ids else None,
                              due=draw(dates))
                 for i in range(draw(st.integers(0, 3)))]
    return Account(
        id=draw(ids), name=draw(texts), industry=draw(texts), deal_value=draw(
            st.one_of(st.none(), st.integers(0, 10**12).map(float))),
        decision_centres=[DecisionCentre(id=c, name=draw(texts)) for c in centre_ids],
        stakeholders=people, relationships=relationships, open_questions=questions,
        roadmap=Roadmap(nodes=nodes, edges=edges),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(accounts(), max_size=3, unique_by=lambda a: a.id))
def test_export_import_export_is_byte_identical(tmp_path_factory, accs):
    folder = tmp_path_factory.mktemp("rt")
    with WorkspaceFile.open(folder / "a.accountmap", create=True) as wf:
        import_document(wf, WorkspaceExport(accounts=accs), adopt_settings=True)
        first = document_to_json(export_document(wf))
    with WorkspaceFile.open(folder / "b.accountmap", create=True) as wf:
        import_document(wf, parse_document(first), adopt_settings=True)
        second = document_to_json(export_document(wf))
    assert first == second
    assert json.loads(first)["accounts"] == [a.model_dump(mode="json") for a in accs]


def test_invalid_import_reports_every_error_with_its_path():
    doc = WorkspaceExport(accounts=[Account(name="A", stakeholders=[Stakeholder(id="p")])]).model_dump(mode="json")
    doc["accounts"][0]["stakeholders"][0]["influence"] = "enormous"
    doc["accounts"][0]["stakeholders"][0]["shoe_size"] = 44
    doc["accounts"][0]["deal_value"] = "a lot"
    with pytest.raises(WorkspaceError) as caught:
        parse_document(json.dumps(doc), "x.json")
    message = caught.value.message("en")
    assert "$.accounts[0].stakeholders[0].influence" in message
    assert "$.accounts[0].stakeholders[0].shoe_size" in message
    assert "$.accounts[0].deal_value" in message


@pytest.mark.parametrize("payload, key", [
    ("{not json", "exchange.not_json"),
    ("[" * 100_000 + "]" * 100_000, "exchange.too_deep"),
    (json.dumps({"format": "something-else", "accounts": []}), "exchange.invalid"),
    (json.dumps({"format": "accountmap", "accounts": [{"name": "x" * 10_000_000}]}), "exchange.invalid"),
    (json.dumps({"format": "accountmap", "accounts": "nope"}), "exchange.invalid"),
    (json.dumps({"format": "accountmap", "accounts": [{"name": "A", "relationships": [
        {"id": "r", "from_id": "a", "to_id": "b"}]}]}), "exchange.invalid"),
])
def test_bad_json_is_refused_with_a_clear_message(payload, key):
    with pytest.raises(WorkspaceError) as caught:
        parse_document(payload, "bad.json")
    assert caught.value.key == key
    assert "Traceback" not in caught.value.message("ru")
