"""GraphML of an account map or a roadmap, for yEd, Gephi, draw.io and networkx: the
same drawings the briefings print, for other tools. No Qt.

Every node carries its fields as GraphML data keys (ids and vocabulary values as stored,
never translated) and yEd's extensions (`y:ShapeNode` with geometry, fill and a
`y:NodeLabel`; `y:PolyLineEdge` with arrows and a `y:EdgeLabel`), so yEd opens it with
the layout and labels of the canvas. Decision centres are frames: rectangles drawn
behind the cards (listed first), each person naming their centre in `decision_centre`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from accountmap import catalogue
from accountmap.domain.models import Account
from accountmap.domain.vocabulary import NodeKind
from accountmap.layout.roadmap_layout import node_size
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH
from accountmap.storage.atomic_write import write_atomically

NS = "http://graphml.graphdrawing.org/xmlns"
NS_Y = "http://www.yworks.com/xml/graphml"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# (key id, for, attr.name, attr.type)
MAP_KEYS = [
    ("kind", "node", "kind", "string"),
    ("name", "node", "name", "string"),
    ("title", "node", "title", "string"),
    ("decision_centre", "node", "decision_centre", "string"),
    ("roles", "node", "roles", "string"),
    ("influence", "node", "influence", "string"),
    ("attitude", "node", "attitude", "string"),
    ("relationship_strength", "node", "relationship_strength", "int"),
    ("email", "node", "email", "string"),
    ("phone", "node", "phone", "string"),
    ("our_owner", "node", "our_owner", "string"),
    ("interest", "node", "interest", "string"),
    ("edge_kind", "edge", "kind", "string"),
    ("edge_strength", "edge", "strength", "int"),
    ("edge_label", "edge", "note", "string"),
]
ROADMAP_KEYS = [
    ("kind", "node", "kind", "string"),
    ("name", "node", "title", "string"),
    ("status", "node", "status", "string"),
    ("owner", "node", "owner", "string"),
    ("due", "node", "due", "string"),
    ("journey_stage", "node", "journey_stage", "string"),
    ("description", "node", "description", "string"),
    ("edge_outcome", "edge", "outcome", "string"),
    ("edge_loop", "edge", "loop", "boolean"),
]

ATTITUDE_FILL = {"champion": "#C8E6C9", "supporter": "#DCEDC8", "neutral": "#ECEFF1",
                 "sceptic": "#FFE0B2", "opponent": "#FFCDD2"}
NODE_FILL = {"start": "#E3F2FD", "checkpoint": "#FFFFFF", "decision": "#FFF8E1",
             "won": "#C8E6C9", "lost": "#FFCDD2"}
NODE_SHAPE = {"start": "ellipse", "checkpoint": "roundrectangle", "decision": "diamond",
              "won": "ellipse", "lost": "ellipse"}


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _el(parent, tag: str, attrib: dict | None = None, text: str | None = None):
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in (attrib or {}).items()})
    if text is not None:
        element.text = _text(text)
    return element


def _document(keys: Sequence[tuple[str, str, str, str]]):
    ET.register_namespace("", NS)
    ET.register_namespace("y", NS_Y)
    ET.register_namespace("xsi", NS_XSI)
    root = ET.Element(f"{{{NS}}}graphml", {f"{{{NS_XSI}}}schemaLocation": SCHEMA})
    for key_id, target, name, kind in keys:
        _el(root, f"{{{NS}}}key", {"id": key_id, "for": target, "attr.name": name,
                                   "attr.type": kind})
    _el(root, f"{{{NS}}}key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    _el(root, f"{{{NS}}}key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    graph = _el(root, f"{{{NS}}}graph", {"id": "G", "edgedefault": "directed"})
    return root, graph


def _data(element, key: str, value) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        value = "true" if value else "false"
    _el(element, f"{{{NS}}}data", {"key": key}, str(value))


def _shape_node(graph, node_id: str, label: str, x: float, y: float, w: float, h: float,
                fill: str, shape: str, fields: dict, *, frame: bool = False) -> None:
    node = _el(graph, f"{{{NS}}}node", {"id": node_id})
    for key, value in fields.items():
        _data(node, key, value)
    holder = _el(node, f"{{{NS}}}data", {"key": "ng"})
    shape_node = _el(holder, f"{{{NS_Y}}}ShapeNode")
    _el(shape_node, f"{{{NS_Y}}}Geometry", {"x": f"{x:.1f}", "y": f"{y:.1f}",
                                            "width": f"{w:.1f}", "height": f"{h:.1f}"})
    _el(shape_node, f"{{{NS_Y}}}Fill", {"color": fill, "transparent": "false"})
    _el(shape_node, f"{{{NS_Y}}}BorderStyle", {"color": "#5B6475" if frame else "#37474F",
                                               "type": "dashed" if frame else "line",
                                               "width": "1.0"})
    _el(shape_node, f"{{{NS_Y}}}NodeLabel", {
        "alignment": "center", "autoSizePolicy": "content", "fontFamily": "Dialog",
        "fontSize": "14" if frame else "12", "fontStyle": "bold" if frame else "plain",
        "modelName": "internal", "modelPosition": "t" if frame else "c",
        "textColor": "#000000", "visible": "true",
    }, label)
    _el(shape_node, f"{{{NS_Y}}}Shape", {"type": shape})


def _edge(graph, edge_id: str, source: str, target: str, label: str, fields: dict,
          *, dashed: bool = False) -> None:
    edge = _el(graph, f"{{{NS}}}edge", {"id": edge_id, "source": source, "target": target})
    for key, value in fields.items():
        _data(edge, key, value)
    holder = _el(edge, f"{{{NS}}}data", {"key": "eg"})
    line = _el(holder, f"{{{NS_Y}}}PolyLineEdge")
    _el(line, f"{{{NS_Y}}}Path", {"sx": "0.0", "sy": "0.0", "tx": "0.0", "ty": "0.0"})
    _el(line, f"{{{NS_Y}}}LineStyle", {"color": "#455A64", "type": "dashed" if dashed else "line",
                                       "width": "1.0"})
    _el(line, f"{{{NS_Y}}}Arrows", {"source": "none", "target": "standard"})
    if label:
        _el(line, f"{{{NS_Y}}}EdgeLabel", {"alignment": "center", "fontFamily": "Dialog",
                                           "fontSize": "11", "modelName": "centered",
                                           "modelPosition": "center", "textColor": "#000000",
                                           "visible": "true"}, label)
    _el(line, f"{{{NS_Y}}}BendStyle", {"smoothed": "false"})


def _bytes(root) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def person_label(full_name: str, title: str) -> str:
    return "\n".join(part for part in (full_name.strip(), title.strip()) if part) or "—"


def map_graphml(account: Account, lang: str = "en") -> bytes:
    """The account map: decision centres (frames), people (cards), relationships."""
    root, graph = _document(MAP_KEYS)
    for centre in account.decision_centres:
        _shape_node(graph, f"dc:{centre.id}", centre.name or "—", centre.x, centre.y,
                    centre.width, centre.height, "#F5F7FA", "rectangle",
                    {"kind": "decision_centre", "name": centre.name, "interest": centre.interest},
                    frame=True)
    for person in account.stakeholders:
        _shape_node(graph, person.id, person_label(person.full_name, person.title),
                    person.x, person.y, CARD_WIDTH, CARD_HEIGHT,
                    ATTITUDE_FILL.get(str(person.attitude), "#FFFFFF"), "roundrectangle", {
                        "kind": "stakeholder", "name": person.full_name, "title": person.title,
                        "decision_centre": f"dc:{person.decision_centre_id}"
                        if person.decision_centre_id else "",
                        "roles": ",".join(str(r) for r in person.roles),
                        "influence": str(person.influence), "attitude": str(person.attitude),
                        "relationship_strength": person.relationship_strength,
                        "email": person.email, "phone": person.phone,
                        "our_owner": person.our_owner})
    people = {p.id for p in account.stakeholders}
    for rel in account.relationships:
        if rel.from_id not in people or rel.to_id not in people:
            continue  # a dangling link (the checks name it) would make the file unreadable
        label = rel.label.strip() or catalogue.label("relationship", rel.kind, lang)
        _edge(graph, rel.id, rel.from_id, rel.to_id, label,
              {"edge_kind": str(rel.kind), "edge_strength": rel.strength,
               "edge_label": rel.label}, dashed=rel.kind == "influences")
    return _bytes(root)


def roadmap_graphml(account: Account, lang: str = "en") -> bytes:
    """The roadmap: checkpoints, crossroads, start and ends; branches with their outcomes."""
    root, graph = _document(ROADMAP_KEYS)
    for node in account.roadmap.nodes:
        kind = NodeKind(node.kind)
        w, h = node_size(node)
        label = node.title.strip() or catalogue.label("node", kind, lang)
        _shape_node(graph, node.id, label, node.x, node.y, w, h,
                    NODE_FILL.get(str(kind), "#FFFFFF"), NODE_SHAPE.get(str(kind), "rectangle"),
                    {"kind": str(kind), "name": node.title, "status": str(node.status),
                     "owner": node.owner, "due": node.due.isoformat() if node.due else "",
                     "journey_stage": node.journey_stage or "",
                     "description": node.description})
    nodes = {n.id for n in account.roadmap.nodes}
    for edge in account.roadmap.edges:
        if edge.from_id not in nodes or edge.to_id not in nodes:
            continue
        _edge(graph, edge.id, edge.from_id, edge.to_id, edge.outcome.strip(),
              {"edge_outcome": edge.outcome, "edge_loop": edge.loop}, dashed=edge.loop)
    return _bytes(root)


def write_graphml(account: Account, view: str, path: Path, lang: str = "en") -> Path:
    data = map_graphml(account, lang) if view == "map" else roadmap_graphml(account, lang)
    write_atomically(Path(path), data)
    return Path(path)
