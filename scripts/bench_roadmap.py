"""Speed of the roadmap scene: build the scene of a 60-node roadmap (target < 50 ms).

    .venv/bin/python scripts/bench_roadmap.py [NODES]

Prints the best and median of 15 builds of `build_scene` (the scene the Roadmap tab
uses), of one full restyle (`refresh_position`) and of one edit round trip (a status
change through the editor, the scene updating from rowsChanged).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def big_roadmap(count: int):
    """Start, checkpoints with a crossroads every 8 steps (two outcomes that meet again), won."""
    from accountmap.layout.roadmap_layout import layout_roadmap
    from accountmap.domain.models import Roadmap, RoadmapEdge, RoadmapNode

    nodes = [RoadmapNode(kind="start", title="Старт")]
    edges = []
    prev = nodes[0].id
    i = 0
    while len(nodes) < count - 1:
        i += 1
        if i % 8 == 0 and len(nodes) < count - 4:
            d = RoadmapNode(kind="decision", title=f"Развилка {i}: нужен ли пилот?")
            yes = RoadmapNode(title=f"Пилот на площадке заказчика, этап {i}", status="planned")
            no = RoadmapNode(title=f"Коммерческое предложение без пилота {i}")
            nodes += [d, yes, no]
            edges += [RoadmapEdge(from_id=prev, to_id=d.id),
                      RoadmapEdge(from_id=d.id, to_id=yes.id, outcome="Да"),
                      RoadmapEdge(from_id=d.id, to_id=no.id, outcome="Нет")]
            join = RoadmapNode(title=f"Согласование с центрами принятия решений {i}")
            nodes.append(join)
            edges += [RoadmapEdge(from_id=yes.id, to_id=join.id),
                      RoadmapEdge(from_id=no.id, to_id=join.id)]
            prev = join.id
            continue
        n = RoadmapNode(title=f"Контрольная точка {i}: встреча с участниками закупки",
                        status="done" if i < count // 3 else "planned")
        nodes.append(n)
        edges.append(RoadmapEdge(from_id=prev, to_id=n.id))
        prev = n.id
    won = RoadmapNode(kind="won", title="Победа")
    nodes.append(won)
    edges.append(RoadmapEdge(from_id=prev, to_id=won.id))
    roadmap = Roadmap(nodes=nodes, edges=edges)
    for node_id, (x, y) in layout_roadmap(roadmap).items():
        node = next(n for n in roadmap.nodes if n.id == node_id)
        node.x, node.y = x, y
    return roadmap


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    from accountmap.app.application import make_application

    app = make_application("ru")
    from accountmap.canvas.roadmap.render_scene import build_scene
    from accountmap.document.editor import Editor
    from accountmap.document.workspace_document import WorkspaceDocument
    from accountmap.domain.models import Account
    from accountmap.storage.workspace_file import WorkspaceFile

    path = Path(tempfile.mkdtemp()) / "bench.accountmap"
    roadmap = big_roadmap(count)
    with WorkspaceFile.open(path, create=True) as wf:
        (account_id,) = wf.add_accounts([Account(name="Бенчмарк", roadmap=roadmap)])
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    doc.account(account_id)  # load once, as the open tab has it
    t0 = time.perf_counter()
    build_scene(doc, editor, account_id)  # cold: fonts loaded, titles not yet fitted
    cold = (time.perf_counter() - t0) * 1000
    builds = []
    for _ in range(15):
        t0 = time.perf_counter()
        scene = build_scene(doc, editor, account_id)
        builds.append((time.perf_counter() - t0) * 1000)
        scene.deleteLater()
    app.processEvents()
    from accountmap.app.context import AccountContext
    from accountmap.canvas.roadmap.scene import RoadmapScene

    live = RoadmapScene(AccountContext(doc, editor, account_id))
    restyles = []
    for _ in range(15):
        t0 = time.perf_counter()
        live.refresh_position()
        restyles.append((time.perf_counter() - t0) * 1000)
    node = next(n for n in doc.account(account_id).roadmap.nodes if n.kind == "checkpoint"
                and n.status == "planned")
    edits = []
    for status in ("active", "planned") * 5:
        t0 = time.perf_counter()
        editor.update(account_id, "roadmap_nodes", node.id, status=status)
        edits.append((time.perf_counter() - t0) * 1000)
    nodes = len(doc.account(account_id).roadmap.nodes)
    edges = len(doc.account(account_id).roadmap.edges)
    print(f"roadmap: {nodes} nodes, {edges} edges")
    print(f"build_scene cold (first build in the process): {cold:6.1f} ms")
    print(f"build_scene:       best {min(builds):6.1f} ms   median {statistics.median(builds):6.1f} ms"
          f"   (target < 50 ms)")
    print(f"refresh_position:  best {min(restyles):6.1f} ms   median {statistics.median(restyles):6.1f} ms")
    print(f"status edit (file + scene): best {min(edits):6.1f} ms   median {statistics.median(edits):6.1f} ms")
    doc.close()
    return 0 if statistics.median(builds) < 50 else 1


if __name__ == "__main__":
    raise SystemExit(main())
