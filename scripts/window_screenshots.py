"""Screenshots of the demo in the main window, as issue 18's "Done when" asks: the map after
"Arrange automatically", the road after "Fit" and after "Whole road" (and with lanes by
stage), and the File → Open dialog, in one language.

    .venv/bin/python scripts/window_screenshots.py OUT_DIR --lang ru|en            # offscreen
    xvfb-run -a -s '-screen 0 1600x1000x24' \\
        .venv/bin/python scripts/window_screenshots.py OUT_DIR --lang ru --screen  # real X

With --screen the platform is the X server's and every picture is the whole screen taken by
ImageMagick's `import -window root` (what a person sees, window frame and dialog included);
otherwise widgets are grabbed offscreen. Files: OUT_DIR/<mode>_<lang>_<what>.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SCREEN = "--screen" in sys.argv
if not SCREEN:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lang = "en" if "--lang=en" in sys.argv or ("--lang" in sys.argv and "en" in args) else "ru"
    args = [a for a in args if a not in ("ru", "en")]
    out = Path(args[0] if args else "/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    mode = "xvfb" if SCREEN else "offscreen"

    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from accountmap.app.application import make_application

    app = make_application(lang)
    from accountmap.app.main_window import MainWindow
    from accountmap.domain import clock
    from accountmap.storage.demo import write_demo

    path = Path(tempfile.mkdtemp()) / "demo.accountmap"
    write_demo(path, today=clock.today())
    window = MainWindow()
    window.resize(1580, 960)
    window.move(0, 0)
    window.open_workspace(path)
    window.show()

    def settle(ms: int = 300) -> None:
        QTest.qWait(ms)
        app.processEvents()

    def shot(what: str, widget=None) -> None:
        target = out / f"{mode}_{lang}_{what}.png"
        if SCREEN:
            subprocess.run(["import", "-window", "root", str(target)], check=True)
        else:
            (widget or window).grab().save(str(target))
        print(target)

    settle(600)
    pages = {type(p).__name__: p for p in window.pages}
    map_page, road_page = pages["AccountMapPage"], pages["RoadmapPage"]
    window.tabs.setCurrentWidget(map_page)
    settle()
    map_page.act_arrange.trigger()
    settle()
    shot("map_after_auto_layout")
    window.tabs.setCurrentWidget(road_page)
    settle()
    road_page.act_fit.trigger()
    settle()
    shot("road_fit")
    road_page.act_whole_road.trigger()
    settle()
    shot("road_whole")
    road_page.act_lanes.trigger()
    settle()
    shot("road_whole_lanes")
    road_page.act_lanes.trigger()  # back off (a remembered setting)
    road_page.act_whole_road.trigger()
    settle()

    def capture_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(200, capture_dialog)
            return
        settle(400)
        shot("open_dialog", dialog)
        dialog.reject()

    QTimer.singleShot(300, capture_dialog)
    window.act_open.trigger()  # File → Open: the real, modal dialog
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
