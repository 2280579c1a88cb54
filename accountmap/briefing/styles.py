"""Paragraph styles, page sizes and text helpers shared by the briefings.

Every string a person typed goes through `esc()` before it reaches Paragraph markup, so
`R&D <b>x</b>` prints as typed; `\\n` becomes a line break. Long unbroken words are split
by reportlab (`splitLongWords`) so nothing runs off the page.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.briefing.fonts import BOLD, REGULAR, register_fonts

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 15 * mm

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4ed8")
RULE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#eef2f7")
DANGER = colors.HexColor("#b91c1c")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean(value: object) -> str:
    """User text without control characters (reportlab and PDF viewers choke on them)."""
    return _CONTROL.sub("", "" if value is None else str(value)).replace("\r\n", "\n").replace("\r", "\n")


def esc(value: object) -> str:
    """User text made safe for Paragraph markup; line breaks kept."""
    return escape(clean(value)).replace("\t", "    ").replace("\n", "<br/>")


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.lower()]
    except (KeyError, AttributeError):
        raise ValueError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}") from None


def check_lang(lang: str) -> str:
    if lang not in catalogue.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(catalogue.LANGUAGES)}")
    return lang


def fmt_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return BRIEFING_MESSAGES.text("brief.none", lang)
    return value.strftime("%d.%m.%Y") if lang == "ru" else value.isoformat()


def fmt_money(value: float | None, currency: str, lang: str) -> str:
    if value is None:
        return BRIEFING_MESSAGES.text("brief.not_set", lang)
    sep = "\u00a0" if lang == "ru" else ","
    number = f"{value:,.0f}".replace(",", sep) if value == int(value) else f"{value:,.2f}".replace(",", sep)
    return f"{number} {clean(currency)}".strip()


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h2_loose: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    small_lead: ParagraphStyle  # a small lead-in ("What to learn from this person:")
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    bullet: ParagraphStyle
    tick: ParagraphStyle
    muted: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5,
                          textColor=INK, alignment=TA_LEFT, splitLongWords=1,
                          bulletFontName=REGULAR,
                          spaceAfter=2)
    return Styles(
        title=ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=17, leading=21,
                             spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14,
                                textColor=MUTED, spaceAfter=6),
        h1=ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=13, leading=16,
                          textColor=ACCENT, spaceBefore=10, spaceAfter=5, keepWithNext=1),
        h2=ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11, leading=14,
                          spaceBefore=7, spaceAfter=3, keepWithNext=1),
        h2_loose=ParagraphStyle("h2_loose", parent=base, fontName=BOLD, fontSize=11,
                                leading=14, spaceBefore=7, spaceAfter=3),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        small_lead=ParagraphStyle("small_lead", parent=base, fontSize=8.5, leading=11,
                                  keepWithNext=1),
        cell=ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0),
        cell_head=ParagraphStyle("cell_head", parent=base, fontName=BOLD, fontSize=8,
                                 leading=10, spaceAfter=0),
        bullet=ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2),
        tick=ParagraphStyle("tick", parent=base, leftIndent=16, bulletIndent=0,
                            bulletFontName=REGULAR, bulletFontSize=11),
        muted=ParagraphStyle("muted", parent=base, textColor=MUTED),
    )
