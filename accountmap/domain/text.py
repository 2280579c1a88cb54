"""User text that every output can carry: PDF, SVG (XML), PNG, CSV, the screen.

Control characters (a NUL or a bell pasted from somewhere, a form feed in an import) made
the SVG ill-formed XML and drew boxes elsewhere; lone surrogates cannot even be encoded
as UTF-8. The models strip them as text is validated (typed, imported or loaded), so
every output sees the same text: a one-line name keeps no line breaks or tabs (they
become spaces); a multi-line text keeps line breaks and tabs.
"""

from __future__ import annotations

import re

# C0 controls and DEL and C1 controls, lone surrogates, and the XML non-characters
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\t\n\u2028\u2029]")


def one_line(text: str) -> str:
    """A name or title: no control characters; tabs and line breaks become spaces."""
    if text.isprintable():  # nearly every text (C speed): nothing either pattern matches
        return text
    return _UNPRINTABLE.sub("", _LINE_BREAKS.sub(" ", text))


def multi_line(text: str) -> str:
    """Notes: no control characters; line breaks (as \\n) and tabs are kept."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
