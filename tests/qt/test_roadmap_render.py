"""The roadmap rendered offscreen by the one renderer (canvas/render.py, used by
`accountmap render --view roadmap`): a PNG with content, and an SVG holding every
checkpoint title as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage

from accountmap.canvas.render import build_roadmap_scene, write_scene
from tests.samples.roadmap import sample_account
from accountmap.canvas.roadmap.scene import RoadmapScene
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.vocabulary import NodeKind
from accountmap.storage.workspace_file import WorkspaceFile


def _svg_text(path) -> str:
    """All drawn text; Qt splits a line into runs by script (Latin/Cyrillic), so runs on
    the same baseline are joined directly and lines with a space."""
    root = ET.parse(path).getroot()
    lines: list[str] = []
    last_key = None
    for group in root.iter():
        for el in group:
            if not el.tag.endswith("text"):
                continue
            key = (id(group), el.get("y"))
            if key == last_key:
                lines[-1] += el.text or ""
            else:
                lines.append(el.text or "")
            last_key = key
    return re.sub(r"\s+", " ", " ".join(lines))


def test_render_png_and_svg(tmp_path, qapp):
    path = tmp_path / "w.accountmap"
    account = sample_account()
    with WorkspaceFile.open(path, create=True) as wf:
        (account_id,) = wf.add_accounts([account])
    doc = WorkspaceDocument.open(path, read_only=True)
    try:
        scene = build_roadmap_scene(doc, Editor(doc), account_id)
        assert isinstance(scene, RoadmapScene)
        roadmap = doc.account(account_id).roadmap
        assert len(scene.node_items()) == len(roadmap.nodes)
        assert len(scene.edge_items()) == len(roadmap.edges)
        rects = [(i.node_id, i.sceneBoundingRect().adjusted(6, 6, -6, -6))
                 for i in scene.node_items()]
        for k, (a, ra) in enumerate(rects):  # nodes never overlap
            for b, rb in rects[k + 1:]:
                assert not ra.intersects(rb), (a, b)
        png = tmp_path / "roadmap.png"
        write_scene(scene, png, scale=0.5)
        image = QImage(str(png))
        assert image.width() > 1000
        colours = {image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}
        assert len(colours) > 5  # something was drawn, not a blank page
        svg = tmp_path / "roadmap.svg"
        write_scene(scene, svg)
        text = _svg_text(svg)
        checkpoints = [n for n in roadmap.nodes if n.kind == NodeKind.CHECKPOINT]
        assert len(checkpoints) >= 35
        for node in checkpoints:
            assert node.title in text, node.title
    finally:
        doc.close()
