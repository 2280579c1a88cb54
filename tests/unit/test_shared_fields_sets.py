"""An account read from the file: its models whose fields were all given share one set of
their field names (pydantic keeps one per instance: ~2 MiB at 1,000 people), and nothing a
model does with that set differs (assignment, copies, dumps, equality)."""

from __future__ import annotations

from accountmap.domain.models import (
    Account, Relationship, Roadmap, RoadmapNode, Stakeholder,
)
from accountmap.storage.rows import share_fields_sets
from accountmap.storage.workspace_file import WorkspaceFile


def read_back(tmp_path) -> Account:
    account = Account(id="a", name="Клиент", stakeholders=[
        Stakeholder(id="p", full_name="Петров Пётр"),
        Stakeholder(id="q", full_name="Иванова Анна")],
        relationships=[Relationship(from_id="p", to_id="q")],
        roadmap=Roadmap(nodes=[RoadmapNode(id="n", title="Пилот")]))
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])
        return wf.load_account("a")


def test_models_read_from_the_file_share_one_set_of_their_field_names(tmp_path):
    account = read_back(tmp_path)
    p, q = account.stakeholders
    assert p.__pydantic_fields_set__ is q.__pydantic_fields_set__
    assert p.model_fields_set == set(Stakeholder.model_fields)
    node = account.roadmap.nodes[0]
    assert node.model_fields_set == set(RoadmapNode.model_fields)
    assert account.relationships[0].model_fields_set == set(Relationship.model_fields)


def test_a_shared_set_changes_nothing_a_model_does(tmp_path):
    account = read_back(tmp_path)
    p, q = account.stakeholders
    fresh = [Stakeholder.model_validate(s.model_dump()) for s in (p, q)]
    p.title = "Директор"  # assignment adds the name to the set: it is there already
    assert q.model_fields_set == set(Stakeholder.model_fields) and q.title == ""
    copy = q.model_copy(update={"full_name": "Другая"})
    assert copy.__pydantic_fields_set__ is not q.__pydantic_fields_set__
    assert q.full_name == "Иванова Анна" and q == fresh[1]
    assert q.model_dump(exclude_unset=True) == fresh[1].model_dump(exclude_unset=True)
    assert p.model_dump() == {**fresh[0].model_dump(), "title": "Директор"}


def test_a_model_with_fields_left_out_keeps_its_own_set():
    given = Stakeholder(id="p", full_name="П")
    share_fields_sets(given)
    assert given.model_fields_set == {"id", "full_name"}
    whole = Stakeholder.model_validate(given.model_dump())
    share_fields_sets(whole)
    assert given.model_fields_set == {"id", "full_name"}
    assert given.model_dump(exclude_unset=True) == {"id": "p", "full_name": "П"}
