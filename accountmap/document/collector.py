"""The garbage collector paused while something is made that it must not walk (or run on
the wrong thread); it runs again, as it was, once the last of them has ended.

- An account's pages (`MainWindow._rebuild_pages`): its models, pages and canvas items
  live as long as the account is shown and are frozen once built; while they were being
  made, a full collection (every object of the process) fell in the middle of the build
  at 3,000 people: ~100 ms of the ~1 s to open the account.
- A PDF built on the worker thread (`pdf_build.py`): a collection started by the worker's
  allocations freed the UI's dead Qt objects there, while the UI thread delivered events
  to them (a segmentation fault).

- Many rows applied at once (`WorkspaceDocument.apply`), Arrange (the map page) and the
  map scene following thousands of moved cards (`moving_many`).

It lives in the document layer, the lowest that pauses it; the canvas, panels and app
import it from here.

Holds are counted, so they may overlap in any order; start-up's own pause
(`cli/open.py`) is kept: the collector is enabled again only if it was when the first
hold began.

While an account is shown its objects are frozen (`freeze`: out of the collector's sight,
MainWindow); what a change of thousands of rows makes joins them (`keep_frozen`: Arrange,
its undo). The account shown before it was then garbage that nothing collected: its
objects were frozen with the new account's, and again at each switch (~11,000 objects
kept per switch at 300 people). `collect_garbage` finds them once the new account
painted (one full collection: ~20 ms at 300 people, ~90 ms at 3,000), after a switch only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_holds = 0
_was_enabled = False
_frozen = False  # `freeze` was called, `unfreeze` not since (gc.get_freeze_count is O(n))
_released = False  # frozen objects were given back since the last `collect_garbage`


def hold() -> None:
    global _holds, _was_enabled
    if _holds == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _holds += 1


def release() -> None:
    global _holds
    _holds -= 1
    if _holds == 0 and _was_enabled:
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    hold()
    try:
        yield
    finally:
        release()


def freeze() -> None:
    """Every object now out of the collector's sight (an account's, once it is shown)."""
    global _frozen
    gc.freeze()
    _frozen = True


def unfreeze() -> None:
    global _frozen, _released
    gc.unfreeze()
    _released = _released or _frozen  # an account closed: its objects may be garbage now
    _frozen = False


def keep_frozen() -> None:
    """What was made since `freeze` joins the frozen objects, if they are (a change of
    thousands of rows: a collection walking its new models and rows cost ~18 ms)."""
    if _frozen:
        gc.freeze()


def collect_garbage() -> None:
    """One full collection (the frozen objects included), then what is left is frozen
    again if it was: the objects of an account no longer shown go. Nothing when no
    account was closed since the last one (the first account opened: nothing to find),
    nor while something holds the collector (a PDF built on the worker thread): then at
    the next switch."""
    global _released
    if _holds or not _released:
        return
    _released = False
    if _frozen:
        gc.unfreeze()
    gc.collect()
    if _frozen:
        gc.freeze()
