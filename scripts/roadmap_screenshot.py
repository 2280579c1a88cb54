"""Offscreen screenshots of the Roadmap tab on the large Russian sample roadmap.

    .venv/bin/python scripts/roadmap_screenshot.py [OUT_DIR] [--lang ru|en]

Writes roadmap_fit.png (1400x900 main window, whole road fitted), roadmap_window.png
(as the tab opens: zoomed on where we are), roadmap_zoom.png (100% zoom
around the active checkpoint) and roadmap_scene.png (the whole scene at 100%).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lang = "en" if "--lang=en" in sys.argv or "--en" in sys.argv else "ru"
    out = Path(args[0] if args else "/tmp/roadmap_shots")
    out.mkdir(parents=True, exist_ok=True)
    from accountmap.app.application import make_application

    app = make_application(lang)
    from accountmap.app.main_window import MainWindow
    from accountmap.canvas.render import write_scene
    from tests.samples.roadmap import sample_account
    from accountmap.storage.workspace_file import WorkspaceFile

    path = Path(tempfile.mkdtemp()) / "sample.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([sample_account()])
    window = MainWindow()
    window.resize(1400, 900)
    window.open_workspace(path)
    window.show()
    page = next(p for p in window.pages if type(p).__name__ == "RoadmapPage")
    window.tabs.setCurrentWidget(page)
    for _ in range(5):
        app.processEvents()
    page.zoom_fit()
    app.processEvents()
    window.grab().save(str(out / "roadmap_fit.png"))
    page.show_where_we_are()
    app.processEvents()
    window.grab().save(str(out / "roadmap_window.png"))
    active = page.scene.position.active_ids[0]
    page.view.set_zoom(1.0)
    page.focus_entity("node", active)
    app.processEvents()
    window.grab().save(str(out / "roadmap_zoom.png"))
    decision = next(n.id for n in page.scene.roadmap.nodes if n.kind == "decision")
    page.focus_entity("node", decision)
    app.processEvents()
    window.grab().save(str(out / "roadmap_decision.png"))
    page.scene.clearSelection()
    write_scene(page.scene, out / "roadmap_scene.png", scale=1.0)
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
