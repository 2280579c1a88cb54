"""PySide6 asks of every module imported after it whether it "uses PySide" (for its
`from __feature__ import ...` switches): it reads the module's source with
`inspect.getsource`, and linecache keeps every file it read. For the ~250 modules the
workspace imports (pydantic's among them) that was ~40-70 ms of start-up and ~9 MiB held
for nothing. The same question is answered here by reading the file's bytes, which
keeps nothing; the answer is the same (a module's source mentions "PySide6" or not; a
module without a .py file has no source to read, which PySide6 also answers with no).
The file is read with plain os calls: ~200 modules (3 MiB) took ~8 ms through pathlib or
open() and their buffered file objects, ~3 ms so (issue 15, start-up).
"""

from __future__ import annotations

import os


def _source_bytes(path: str) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        data = os.read(fd, size + 1)
        while len(data) <= size:  # a short read: the rest
            more = os.read(fd, size + 1 - len(data))
            if not more:
                break
            data += more
        return data
    finally:
        os.close(fd)


def _uses_pyside(module) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in _source_bytes(path)
    except OSError:
        return False


def install() -> None:
    """Answer PySide6's question without linecache (once; nothing if PySide6 changed)."""
    try:
        from shibokensupport import feature  # PySide6's own, there once QtCore is in
    except ImportError:
        return
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside
