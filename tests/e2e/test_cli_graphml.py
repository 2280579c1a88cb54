"""`accountmap render … -o FILE.graphml|csv`: the demo map and roadmap read back in networkx
with every node, edge and label, yEd's geometry in place; the people as safe CSV."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from accountmap import catalogue
from accountmap.storage.demo import write_demo
from accountmap.domain.models import Account, Relationship, Stakeholder
from accountmap.briefing.graphml import map_graphml
from accountmap.storage.workspace_file import WorkspaceFile

nx = pytest.importorskip("networkx")


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.accountmap"
    write_demo(path)
    with WorkspaceFile.open(path, read_only=True) as wf:
        account = wf.load_account(wf.account_ids()[0])
    return path, account


def test_map_graphml_reads_back_with_every_node_edge_and_label(demo, tmp_path):
    path, account = demo
    out = tmp_path / "map.graphml"
    result = run("render", path, "--account", account.name, "--view", "map", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "import PySide6" not in out.read_text(encoding="utf-8")
    graph = nx.read_graphml(out, force_multigraph=True)  # parallel links are kept
    assert graph.number_of_nodes() == len(account.stakeholders) + len(account.decision_centres)
    assert graph.number_of_edges() == len(account.relationships)
    for person in account.stakeholders:
        data = graph.nodes[person.id]
        assert data["name"] == person.full_name and data["kind"] == "stakeholder"
        assert data["label"].splitlines()[0] == person.full_name  # yEd's NodeLabel
        assert (float(data["x"]), float(data["y"])) == (person.x, person.y)  # yEd's Geometry
        assert data["attitude"] == str(person.attitude)
        if person.decision_centre_id:
            assert data["decision_centre"] == f"dc:{person.decision_centre_id}"
            assert graph.nodes[data["decision_centre"]]["label"] == \
                account.decision_centre(person.decision_centre_id).name
    for rel in account.relationships:
        data = graph.edges[rel.from_id, rel.to_id, rel.id]
        assert data["kind"] == str(rel.kind) and data["strength"] == rel.strength
        assert data["label"] == (rel.label.strip() or catalogue.label("relationship", rel.kind, "ru"))


def test_roadmap_graphml_reads_back_with_outcomes(demo, tmp_path):
    path, account = demo
    out = tmp_path / "road.graphml"
    assert run("render", path, "--account", account.name, "--view", "roadmap", "-o", out).returncode == 0
    graph = nx.read_graphml(out, force_multigraph=True)  # parallel links are kept
    road = account.roadmap
    assert graph.number_of_nodes() == len(road.nodes)
    assert graph.number_of_edges() == len(road.edges)
    for node in road.nodes:
        assert graph.nodes[node.id]["label"] == (node.title.strip() or catalogue.label("node", node.kind, "ru"))
        assert graph.nodes[node.id]["shape_type"] in ("ellipse", "roundrectangle", "diamond")
    labelled = [e for e in road.edges if e.outcome.strip()]
    assert labelled, "the demo roadmap has crossroads with outcomes"
    for edge in labelled:
        assert graph.edges[edge.from_id, edge.to_id, edge.id]["label"] == edge.outcome


def test_hostile_text_stays_well_formed_xml():
    account = Account(name="x", stakeholders=[
        Stakeholder(id="a", full_name='<script>&"Ann"\x01\x0b', title="]]> CDATA"),
        Stakeholder(id="b", full_name="")],
        relationships=[Relationship(from_id="a", to_id="b", label="A & B <3"),
                       Relationship(from_id="a", to_id="ghost")])  # dangling: left out
    graph = nx.parse_graphml(map_graphml(account, "en").decode("utf-8"))
    assert graph.nodes["a"]["name"] == '<script>&"Ann"'
    assert graph.nodes["b"]["label"] == "—"
    assert graph.number_of_edges() == 1 and graph.edges["a", "b"]["label"] == "A & B <3"


def test_people_csv_is_safe_and_comes_back_in(demo, tmp_path):
    path, account = demo
    out = tmp_path / "people.csv"
    assert run("render", path, "--account", account.name, "-o", out, "--lang", "ru").returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["ФИО", "Фамилия", "Имя", "Отчество", "Должность"]
    assert [r[0] for r in rows[1:]] == [p.full_name for p in account.stakeholders]
    # the same people come back in as "already on the map"
    result = run("import-contacts", path, out, "--account", account.name, "--dry-run", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert f"0 to add, 0 to update, {len(account.stakeholders)} already on the map" in result.stdout


def test_people_csv_neutralises_formulas(tmp_path):
    from accountmap.storage.people_csv import people_csv

    account = Account(name="x", stakeholders=[Stakeholder(full_name='=HYPERLINK("http://x","y")',
                                                          title="+7 495", phone="-1")])
    rows = list(csv.reader(io.StringIO(people_csv(account))))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")' and rows[1][4] == "'+7 495"


def test_csv_of_the_roadmap_is_refused(demo, tmp_path):
    path, account = demo
    result = run("render", path, "--account", account.name, "--view", "roadmap", "-o", tmp_path / "x.csv")
    assert result.returncode == 2 and "unknown format" in result.stderr
