"""Screenshots of the account-map page (offscreen, 1400x900, Russian): 15 and 200 people."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from map_sample import sample_account, write_workspace  # noqa: E402


def main(out: Path) -> None:
    from accountmap.app.application import make_application
    from accountmap.app.main_window import MainWindow
    from accountmap.canvas.accountmap.page import AccountMapPage

    app = make_application("ru")
    out.mkdir(parents=True, exist_ok=True)
    path = write_workspace(out / "shots.accountmap", [
        sample_account(15, 14, centres=4, name="АО «Уралтрубмаш»"),
        sample_account(200, 260, centres=8, seed=2, name="ПАО «Большой клиент»"),
    ])
    w = MainWindow()
    w.resize(1400, 900)
    w.open_workspace(path)
    w.show()
    for index, account_id in enumerate(w.document.account_ids()):
        w.select_account(account_id)
        page = next(p for p in w.pages if isinstance(p, AccountMapPage))
        w.tabs.setCurrentWidget(page)
        app.processEvents()
        page.zoom_fit()
        app.processEvents()
        w.grab().save(str(out / f"map_{index}_fit.png"))
        page.view.set_zoom(1.0)
        page.view.centerOn(page.scene.cards[page.context.account.stakeholders[1].id])
        app.processEvents()
        w.grab().save(str(out / f"map_{index}_100.png"))
        page.set_overlay("coverage")
        page.scene.clearSelection()
        app.processEvents()
        w.grab().save(str(out / f"map_{index}_coverage.png"))
        page.set_overlay("attitude")
    w.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mapshots"))
