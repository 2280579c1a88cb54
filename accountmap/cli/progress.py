"""Progress of a slow command on the terminal (issue 13: an account plan at the limits
takes seconds): one line on stderr, rewritten in place, erased when done - and only when
stderr is a terminal, so a script or a pipe sees exactly what it saw before."""

from __future__ import annotations

import sys
from collections.abc import Callable

from accountmap.cli.messages import CLI_MESSAGES


def terminal_progress(key: str, lang: str, stream=None) -> Callable[[int, int], None] | None:
    """A `progress(done, total)` that shows CLI_MESSAGES[key] and a percentage on `stream`
    (stderr), or None when it is not a terminal."""
    stream = stream if stream is not None else sys.stderr
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):  # closed or not a real stream
        return None
    text = CLI_MESSAGES.text(key, lang)
    shown = {"percent": -1, "width": 0}

    def report(done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        if percent == shown["percent"]:
            return
        shown["percent"] = percent
        if done >= total:
            stream.write("\r" + " " * shown["width"] + "\r")  # erased: the result line follows
        else:
            line = f"{text} {percent}%"
            shown["width"] = max(shown["width"], len(line))
            stream.write("\r" + line)
        stream.flush()

    return report
