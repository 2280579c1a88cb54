"""The pages (tabs) of an account view, in order: (module, class), and the tab widget
that builds each page when it is first shown.

A page class takes `(context: AccountContext, parent)` and has a class method
`title() -> str` (translated). It may implement any of the edit/view actions the main
window routes to the current page: select_all, delete_selection, copy_selection,
cut_selection, paste, zoom_in, zoom_out, zoom_fit, set_grid_visible(bool),
set_legend_visible(bool), focus_entity(kind, id); and a class attribute `shows`, the
kinds of entity it can bring forward.

Opening an account builds only the page shown (the account map, usually): the others
are empty slots until their tab is chosen (issue 15: building all five took seconds on a
big account, and each then followed every edit). A built page replaces its slot in the
tab widget, so `tabs.widget(i)` is the page itself from then on.
"""

from __future__ import annotations

import importlib
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

PAGES: list[tuple[str, str]] = [
    ("accountmap.canvas.accountmap.page", "AccountMapPage"),
    ("accountmap.canvas.roadmap.page", "RoadmapPage"),
    ("accountmap.panels.journey_page", "JourneyPage"),
    ("accountmap.panels.meetings", "MeetingsPage"),
    ("accountmap.panels.account_details", "AccountDetailsPage"),
]

# Each page's tab title as its `title()` says it ((translation context, source text)),
# so that a tab shows its title before its module is imported (a test checks they agree)
TITLES: dict[str, tuple[str, str]] = {
    "AccountMapPage": ("AccountMapPage", "Account map"),
    "RoadmapPage": ("RoadmapCanvas", "Roadmap"),
    "JourneyPage": ("JourneyPage", "Client journey"),
    "MeetingsPage": ("MeetingsPage", "Meetings"),
    "AccountDetailsPage": ("AccountDetailsPage", "Overview"),
}


def page_class(module: str, name: str) -> type:
    return getattr(importlib.import_module(module), name)


def page_title(name: str) -> str:
    return QCoreApplication.translate(*TITLES[name])


class PageSlot(QWidget):
    """Where a page goes until its tab is first chosen (its module not even imported)."""

    def __init__(self, module: str, name: str, parent=None) -> None:
        super().__init__(parent)
        self.spec = (module, name)

    @property
    def page_class(self) -> type:
        return page_class(*self.spec)


class AccountPages:
    """The pages of one account in `tabs`: slots first, each page built on first show
    (`made(page)` is told, to apply the window's view settings)."""

    def __init__(self, tabs: QTabWidget, context, made: Callable[[QWidget], None]) -> None:
        self.tabs = tabs
        self.context = context
        self.made = made
        self._filling = True
        for module, name in PAGES:
            tabs.addTab(PageSlot(module, name), page_title(name))
        self._filling = False
        tabs.currentChanged.connect(self._on_current_changed)

    def disconnect(self) -> None:
        self.tabs.currentChanged.disconnect(self._on_current_changed)

    def _on_current_changed(self, index: int) -> None:
        if self._filling or index < 0 or not isinstance(self.tabs.widget(index), PageSlot):
            return
        from accountmap.app.progress import opening_pages  # a big account: progress meanwhile

        for shown in opening_pages(self.tabs.window(), self.context.account, [index]):
            self.page(shown)  # a tab chosen for the first time (~1 s at 3,000 people)

    def built(self) -> list[QWidget]:
        """The pages built so far (the others do not exist yet)."""
        return [w for w in self.widgets() if not isinstance(w, PageSlot)]

    def widgets(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def all(self) -> list[QWidget]:
        """Every page, built now if it was not yet."""
        return [self.page(i) for i in range(self.tabs.count())]

    def page(self, index: int) -> QWidget:
        """The page at `index`, built now if it was a slot."""
        widget = self.tabs.widget(index)
        if not isinstance(widget, PageSlot):
            return widget
        cls = widget.page_class
        page = cls(self.context, self.tabs)
        if hasattr(page, "strip"):  # the journey page's own strip: the window's is enough
            page.strip.hide()
        current = self.tabs.currentIndex()
        self._filling = True  # the tab widget's current index moves while we swap
        self.tabs.setUpdatesEnabled(False)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, page_title(cls.__name__))
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.setUpdatesEnabled(True)
            self._filling = False
        widget.deleteLater()
        self.made(page)
        return page

    def index_showing(self, kind: str) -> int | None:
        """The index of the page that shows entities of `kind` (built or not)."""
        for index, widget in enumerate(self.widgets()):
            cls = widget.page_class if isinstance(widget, PageSlot) else type(widget)
            if kind in getattr(cls, "shows", ()):
                return index
        return None
