"""Benchmark rows for outputs of an account AT the limits (accountmap/domain/limits.py).

Each output command runs as its own process on an account at the limit and on the demo
(the floor, same run); the row gives wall time and peak memory of the process, the floor
and the ratio. Issue 13: without limits `render` of 100,000 people grew to 24 GB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def limit_account():
    """One account at the people, relationships and roadmap limits."""
    from accountmap.domain.limits import ACCOUNT_LIMITS
    from accountmap.domain.models import Meeting, OpenQuestion, Relationship
    from tests.samples.synthetic import synthetic_account, synthetic_roadmap

    people = ACCOUNT_LIMITS["stakeholders"]
    account = synthetic_account(people=people, centres=ACCOUNT_LIMITS["decision_centres"] // 4)
    account.name = "At the limit"
    ids = [s.id for s in account.stakeholders]
    extra = ACCOUNT_LIMITS["relationships"] - len(account.relationships)
    account.relationships += [
        Relationship(from_id=ids[i % people], to_id=ids[(i * 7 + 3) % people], kind="influences")
        for i in range(max(0, extra)) if ids[i % people] != ids[(i * 7 + 3) % people]]
    account.relationships = account.relationships[:ACCOUNT_LIMITS["relationships"]]
    roadmap = synthetic_roadmap(ACCOUNT_LIMITS["roadmap_nodes"])
    roadmap.nodes = roadmap.nodes[:ACCOUNT_LIMITS["roadmap_nodes"]]
    kept = {n.id for n in roadmap.nodes}
    roadmap.edges = [e for e in roadmap.edges if e.from_id in kept and e.to_id in kept]
    account.roadmap = roadmap
    account.open_questions = [OpenQuestion(question=f"Q{i}", stakeholder_id=ids[i % people])
                              for i in range(2000)]
    account.meetings = [Meeting(goal="Встреча", attendee_ids=ids[:12])]
    return account


def measure(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MiB of its own, exit code) of `python -m accountmap ARGS`."""
    from bench_child import run_measured  # scripts/bench_child.py

    return run_measured([sys.executable, "-m", "accountmap", *args])


GUI_OUTPUTS = """
import sys, time
from pathlib import Path
from accountmap.app.application import make_application
app = make_application("en")
from accountmap.app.main_window import MainWindow
from accountmap.panels.print_preview import print_account_plan
window = MainWindow()
window.show()
start = time.perf_counter()
window.open_workspace(Path(sys.argv[1]), read_only=True)
app.processEvents()
print(f"open {time.perf_counter() - start:.2f}", flush=True)
start = time.perf_counter()
dialog = print_account_plan(window, window._account_context())
app.processEvents()
print(f"plan {time.perf_counter() - start:.2f} {dialog.page_count()}", flush=True)
dialog.close()
start = time.perf_counter()
ok = window.file_transfer.export_view_to("map", Path(sys.argv[2]))
print(f"png {time.perf_counter() - start:.2f} {ok}", flush=True)
"""


def bench_gui_outputs(ws: Path, folder: Path, row, what: str) -> None:
    """In the main window: open the account, print its plan (built on the worker behind
    the progress dialog, the preview shown), export its map as PNG (behind the progress
    dialog)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", GUI_OUTPUTS, str(ws), str(folder / "gui.png")],
                          env=env, capture_output=True, text=True, timeout=900)
    found = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    verdict = "ok" if proc.returncode == 0 and "png" in found else f"FAILED ({proc.returncode})"
    if "plan" in found:
        seconds, pages = found["plan"].split()
        row(f"limits: GUI print account plan of {what} (built, preview shown)", "finishes",
            f"{seconds} s, {pages} pages", verdict)
    if "png" in found:
        row(f"limits: GUI export the map as PNG of {what}", "finishes",
            f"{found['png'].split()[0]} s", verdict)


def bench_limits(folder: Path, row, demo: Path) -> None:
    from accountmap.domain.workspace import WorkspaceExport
    from accountmap.storage.workspace_file import WorkspaceFile

    source = folder / "limit.json"
    source.write_text(json.dumps(WorkspaceExport(accounts=[limit_account()])
                                 .model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
    big = folder / "limit.accountmap"
    seconds, peak, code = measure(["import", str(big), str(source)])
    row("limits: import an account at the limits (1000 people, 3000 relationships, "
        "500 steps)", "finishes", f"{seconds:.1f} s, {peak:.0f} MiB",
        "ok" if code == 0 else f"FAILED ({code})")
    with WorkspaceFile.open(demo, read_only=True) as wf:
        demo_account = wf.account_summaries()[0][1]
    outputs = {
        "render map PNG": ["render", "{ws}", "--account", "{acc}", "-o", "{out}.png"],
        "render roadmap SVG": ["render", "{ws}", "--account", "{acc}", "--view", "roadmap",
                               "-o", "{out}.svg"],
        "account plan PDF": ["plan", "{ws}", "--account", "{acc}", "-o", "{out}.pdf"],
        "meeting brief PDF (12 attendees on the whole map)": [
            "brief", "{ws}", "--account", "{acc}", "{meeting}", "-o", "{out}.pdf"],
        "portfolio CSV": ["portfolio", "{ws}", "--csv", "{out}.csv"],
        "window shown (GUI open)": ["open", "{ws}", "--read-only", "--quit-after-show"],
    }
    for what, template in outputs.items():
        results = {}
        for name, ws, acc in (("floor", demo, demo_account), ("limit", big, "At the limit")):
            meeting = "--next" if name == "floor" else "--meeting=Встреча"  # the limit's is undated
            args = [a.format(ws=ws, acc=acc, out=folder / f"{name}-{len(results)}",
                             meeting=meeting) for a in template]
            results[name] = measure(args)
        (t0, m0, c0), (t1, m1, c1) = results["floor"], results["limit"]
        verdict = "ok" if c0 == 0 and c1 == 0 else f"FAILED ({c0}/{c1})"
        row(f"limits: {what} of an account at the limits", "finishes",
            f"{t1:.1f} s, {m1:.0f} MiB (demo {t0:.1f} s, {m0:.0f} MiB; ×{t1 / t0:.1f} time, "
            f"×{m1 / m0:.1f} memory)", verdict)
    bench_gui_outputs(big, folder, row, "an account at the limits")
