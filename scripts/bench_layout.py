"""Times the auto-layouts on synthetic inputs built with the domain models.

    .venv/bin/python scripts/bench_layout.py [--repeat N]

Prints the median milliseconds of layout_roadmap on a 60-node roadmap (target < 100 ms)
and of layout_account_map on a 300-person map, plus edge crossings against a naive
layering (rows in listed order).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accountmap.layout.orgchart import layout_account_map  # noqa: E402
from accountmap.layout.roadmap_layout import (  # noqa: E402
    ROW_PITCH,
    count_crossings,
    layout_roadmap,
)
from accountmap.layout.synthetic import synthetic_account, synthetic_roadmap  # noqa: E402


def timed(func, arg, repeat: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(arg)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def naive_positions(roadmap):
    layer = {n.id: 0 for n in roadmap.nodes}
    for _ in roadmap.nodes:
        for e in roadmap.edges:
            if not e.loop:
                layer[e.to_id] = max(layer[e.to_id], layer[e.from_id] + 1)
    rows: dict[int, int] = {}
    pos = {}
    for n in roadmap.nodes:
        k = layer[n.id]
        pos[n.id] = (k * 280.0, rows.get(k, 0) * ROW_PITCH)
        rows[k] = rows.get(k, 0) + 1
    return pos


def tangled_roadmap(node_count: int, seed: int):
    """A harder case than a real road: every node joins 1-3 recent ones (a dense DAG)."""
    import random

    from accountmap.domain.models import Roadmap, RoadmapEdge, RoadmapNode
    from accountmap.domain.vocabulary import NodeKind

    rng = random.Random(seed)
    nodes = [RoadmapNode(id="n0", kind=NodeKind.START)]
    edges = []
    for i in range(1, node_count):
        nodes.append(RoadmapNode(id=f"n{i}"))
        for j in sorted(set(rng.sample(range(max(0, i - 8), i), min(i, rng.randint(1, 3))))):
            edges.append(RoadmapEdge(id=f"e{len(edges)}", from_id=f"n{j}", to_id=f"n{i}"))
    return Roadmap(nodes=nodes, edges=edges)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    cases = [("road", synthetic_roadmap(n, seed=s), s) for n, s in ((60, 1), (60, 2), (60, 3), (120, 1))]
    cases += [("tangle", tangled_roadmap(60, seed=s), s) for s in (1, 2)]
    for kind, roadmap, seed in cases:
        ms, pos = timed(layout_roadmap, roadmap, args.repeat)
        naive = count_crossings(roadmap, naive_positions(roadmap))
        ours = count_crossings(roadmap, pos)
        print(f"{kind:7}{len(roadmap.nodes):>4} nodes / {len(roadmap.edges):>3} edges (seed {seed}): "
              f"{ms:7.1f} ms   crossings {ours} (naive order: {naive})")

    for people, centres in ((300, 10), (300, 25), (1000, 30)):
        account = synthetic_account(people, centres, seed=1)
        ms, layout = timed(layout_account_map, account, args.repeat)
        rects = list(layout.centres.values()) + ([layout.unassigned] if layout.unassigned else [])
        width = max(x + w for x, y, w, h in rects)
        height = max(y + h for x, y, w, h in rects)
        print(f"account map {people:>4} people / {centres} centres: {ms:7.1f} ms   "
              f"extent {width:.0f} x {height:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
