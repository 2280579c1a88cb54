"""The garbage collector while an account's pages are built.

An account's models, pages and canvas items live as long as the account is shown, and
the window freezes them when its pages are built (`MainWindow._rebuild_pages`): out of
the collector's sight. While they are being made, the collector would pass over them
again and again, and at 3,000 people a full collection (every object of the process)
fell in the middle of the build: ~100 ms of the ~1 s to open the account. The build runs
with the collector paused; it runs again as it was before (a PDF build or start-up may
have paused it: `panels/pdf_build.py`, `cli/open.py`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
