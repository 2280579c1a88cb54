"""Dates as each interface language writes them: one function for the UI and the print.

Russian: 18.11.2026. English: 18 Nov 2026 (day, month name, year: unambiguous to a reader
on either side of the Atlantic, unlike 11/18/2026 or 18/11/2026). Month names come from
this table, never from the C library's locale, so a machine's settings change nothing.
"""

from __future__ import annotations

import datetime as dt

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")

# The same conventions as Qt display formats, for date edits in the UI.
QT_DATE_FORMAT = {"ru": "dd.MM.yyyy", "en": "d MMM yyyy"}
QT_SHORT_FORMAT = {"ru": "dd.MM", "en": "d MMM"}


def format_date(value: dt.date | None, lang: str) -> str:
    """The date in `lang`'s convention; "" for no date."""
    if value is None:
        return ""
    if lang == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def format_short_date(value: dt.date | None, lang: str) -> str:
    """Day and month only (a node's due date on the canvas)."""
    if value is None:
        return ""
    if lang == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]}"
    return f"{value.day:02d}.{value.month:02d}"
