"""The built-in demo workspace (resources/demo/demo.json, made by scripts/make_demo.py).

The story is written for one day, its "now" (`"story_now"` at the top of demo.json): the
next meeting is three days ahead, the active checkpoint a few days in, the history behind.
`load_demo(as_of=day)` moves every date of the story by the same number of days so that its
now is `day`: the offsets are kept, the demo never ages. Dates written in the text ("встреча
26.11") move with it. No Qt: the CLI (`accountmap demo`), the app (first start) and the
tests load it and write it from here, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from pydantic import BaseModel

from accountmap.domain import clock
from accountmap.domain.workspace import WorkspaceExport
from accountmap.storage.exchange import import_document
from accountmap.storage.new_workspace import create_whole

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO_PATH = RESOURCES / "demo" / "demo.json"
STORY_NOW_KEY = "story_now"  # the day the shipped story is written for (not part of the format)

# "26.11" or "20.07.2026" in a sentence (not part of a longer number such as 1.238.10.5)
TEXT_DATE = re.compile(r"(?<![\d.,])(\d{2})\.(\d{2})(?:\.(\d{4}))?(?![\d]|\.\d)")


def _read() -> tuple[dt.date, dict]:
    data = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    return dt.date.fromisoformat(data.pop(STORY_NOW_KEY)), data


def story_now() -> dt.date:
    """The day the shipped demo's story is written for."""
    return _read()[0]


def load_demo(as_of: dt.date | None = None) -> WorkspaceExport:
    """A fresh copy of the demo workspace (validated by the pydantic models): as written, or
    with every date moved so that the story's now is `as_of`."""
    now, data = _read()
    document = WorkspaceExport.model_validate(data)
    if as_of is not None and as_of != now:
        _move(document, as_of - now, now)
    return document


# ---------------------------------------------------------------------- moving dates
def _move(value, delta: dt.timedelta, now: dt.date):
    """`value` with every date (and date written in text) `delta` later; models, lists and
    dicts are changed in place."""
    if isinstance(value, dt.date):
        return value + delta
    if isinstance(value, str):
        return move_text_dates(value, delta, now) if "." in value else value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            moved = _move(item, delta, now)
            if moved is not item:
                setattr(value, name, moved)
    elif isinstance(value, list):
        value[:] = [_move(item, delta, now) for item in value]
    elif isinstance(value, dict):
        for key, item in value.items():
            value[key] = _move(item, delta, now)
    return value


def move_text_dates(text: str, delta: dt.timedelta, now: dt.date) -> str:
    """Dates written as dd.mm (the year nearest the story's now) or dd.mm.yyyy, moved by
    `delta` and written the same way."""
    def moved(match: re.Match) -> str:
        day, month, year = int(match[1]), int(match[2]), match[3]
        candidates = [int(year)] if year else [now.year - 1, now.year, now.year + 1]
        dates = []
        for y in candidates:
            try:
                dates.append(dt.date(y, month, day))
            except ValueError:
                pass
        if not dates:
            return match[0]  # not a date (31.02, 12.34)
        new = min(dates, key=lambda d: abs(d - now)) + delta
        return new.strftime("%d.%m.%Y" if year else "%d.%m")

    return TEXT_DATE.sub(moved, text)


class DemoError(ValueError):
    """The demo cannot be written where asked (the message says why)."""


def write_demo(path: Path, *, force: bool = False, today: dt.date | None = None) -> None:
    """Create the demo workspace at `path`, whole or not at all: one self-contained file
    (no -wal beside it), its story as of `today` (default: the clock's today, asked now). Raises DemoError when `path` is a folder, exists (without
    `force`), or its folder does not exist."""
    path = Path(path)
    if path.is_dir():
        raise DemoError(f"{path} is a folder; give a file name such as {path / 'demo.accountmap'}")
    if path.exists() and not force:
        raise DemoError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise DemoError(f"the folder {path.parent} does not exist")
    document = load_demo(as_of=today or clock.today())
    # Built beside `path` under its lock, in one transaction, folded into one file and
    # renamed into place; stale -wal/-shm/-journal at `path` are removed first.
    create_whole(path, lambda wf: import_document(wf, document, adopt_settings=True),
                 replace=force)
