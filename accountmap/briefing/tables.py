"""Tables that read on paper: column widths from their content, words hyphenated (never
broken without a hyphen), dates, numbers and names kept whole, rows kept on one page.

A column is `Column(header, kind)`: kind "text" wraps at spaces and hyphenates long words
(pyphen, through reportlab's hyphenationLang); "whole" (names, dates, numbers, labels from
the catalogue) wraps at spaces only and its column is never narrower than its longest word.

Widths: every column gets at least its longest unbreakable piece (a whole word in a
"whole" column, the longest syllable run that hyphenation can leave in a "text" column) and
the room left is shared in proportion to how much more each column would like (its longest
cell on one line), so a column of dates is as wide as a date and a column of notes takes
the rest.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Sequence

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from accountmap.briefing.fonts import BOLD, REGULAR, text_width
from accountmap.briefing.styles import MUTED, RULE, SHADE, clean, esc, hyphenator

CELL_FONT_SIZE = 7.5  # styles.cell's
PADDING = 3.0  # left and right, each

MOST_PREFERRED = 260.0  # a cell longer than this on one line counts as this long
SHORT = 150.0  # a "whole" column no wider than this on one line gets that width first


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # "text" | "whole"
    weight: float = 1.0  # a larger share of the room left over


def _width(text: str, bold: bool = False) -> float:
    return text_width(text, BOLD if bold else REGULAR, CELL_FONT_SIZE)


def longest_piece(word: str, lang: str, hyphenate: bool, bold: bool = False) -> float:
    """The narrowest a line can be and still hold `word` without breaking it anywhere but
    at a hyphenation point (the piece before a break carries its hyphen)."""
    whole = _width(word, bold)
    if not hyphenate or len(word) < 8:
        return whole
    dictionary = hyphenator(lang)
    positions = dictionary.positions(word) if dictionary else []
    if not positions:
        return whole
    cuts = [0, *positions, len(word)]
    # At most two pieces a line in the worst case is too pessimistic; the widest single
    # piece (with its hyphen) is what the column must hold.
    return max(_width(word[a:b] + ("-" if b < len(word) else ""), bold)
               for a, b in zip(cuts, cuts[1:]))


def _words(text: str) -> list[str]:
    """Words as a line breaks them: at spaces, never at a no-break space ("18 Nov 2026"
    is one word to the table)."""
    return [w for w in re.split(r"[ \t\n]+", text) if w]


def _cell_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(_cell_text(v) for v in value)
    if isinstance(value, Paragraph):  # its markup: a <br/> is a line break, tags are not text
        markup = re.sub(r"<br\s*/?>", "\n", value.text)
        return html.unescape(re.sub(r"<[^>]+>", "", markup))
    if isinstance(value, Flowable):
        return ""
    return clean(value)


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[object]], total: float,
                  lang: str) -> list[float]:
    """Widths (points, padding included) that add up to `total`.

    Every word is measured in bold (a cell may print it bold) so a column never is a hair
    too narrow for it. A column first gets its longest whole word; only when the whole
    words of all columns cannot fit side by side do "text" columns fall back to their
    longest hyphenated piece."""
    whole, least, want, capped = [], [], [], []
    for i, column in enumerate(columns):
        header = _words(column.header)
        longest = max((_width(w, True) for w in header), default=0.0)
        piece = max((longest_piece(w, lang, True, bold=True) for w in header), default=0.0)
        most = _width(column.header, bold=True)
        longer = False
        for row in rows:
            text = _cell_text(row[i]) if i < len(row) else ""
            for line in text.split("\n"):
                for word in _words(line):
                    longest = max(longest, _width(word, True))
                    piece = max(piece, longest_piece(word, lang, column.kind == "text", True))
                wide = _width(line)
                longer = longer or wide > MOST_PREFERRED
                most = max(most, min(wide, MOST_PREFERRED))
        whole.append(longest + 2 * PADDING + 1)
        least.append(piece + 2 * PADDING + 1)
        want.append(max(most, longest) + 2 * PADDING + 1)
        capped.append(longer)
    need = whole if sum(whole) <= total else [
        w if c.kind == "whole" else piece for w, piece, c in zip(whole, least, columns)]
    floor = sum(need)
    if floor >= total:  # hostile content: a fair share each, less for the narrow ones
        fair = total / len(columns)
        need = [min(n, fair) for n in need]
        return [total * n / sum(need) for n in need]
    want = [max(w, n) for w, n in zip(want, need)]
    if sum(want) <= total:  # room to spare: to the columns of long text, else by want
        slack = total - sum(want)
        share = [c.weight if cap else 0.0 for c, cap in zip(columns, capped)]
        if not any(share):
            share = list(want)
        return [w + slack * s / sum(share) for w, s in zip(want, share)]
    # Short things (names, dates, labels) on one line first, if the text columns can still
    # have their least; the text columns share what is left.
    whole_first = [w if c.kind == "whole" and w <= SHORT else n
                   for w, n, c in zip(want, need, columns)]
    if sum(whole_first) < total and any(c.kind == "text" for c in columns):
        need, floor = whole_first, sum(whole_first)
    extra = [(w - n) * c.weight for w, n, c in zip(want, need, columns)]
    room = total - floor
    if not any(extra):
        return [n + room / len(need) for n in need]
    return [n + room * e / sum(extra) for n, e in zip(need, extra)]


def _height(value: object, width: float) -> float:
    items = value if isinstance(value, list) else [value]
    return sum(f.wrap(width, 1e6)[1] for f in items if isinstance(f, Flowable))


def _most_height(value: object) -> float:
    """A bound on a cell's height without laying it out: a line holds at least one
    character of the markup. Laying out every cell of a 1,000-row table only to learn
    that no row outgrows a page took a tenth of an account plan at the limits."""
    if isinstance(value, list):
        return sum(_most_height(item) for item in value)
    if isinstance(value, Paragraph):
        return (len(value.text) + 2) * max(value.style.leading, value.style.fontSize * 1.25)
    return float("inf") if isinstance(value, Flowable) else 0.0  # measured, then


def build_table(columns: Sequence[Column], rows: Sequence[Sequence[object]], total: float,
                lang: str, cell_style, whole_style, head_style,
                page_height: float = 1e6) -> Table:
    """The table: header repeated on every page; a row moves whole to the next page
    unless it is taller than a page (then, and only then, it splits)."""
    widths = column_widths(columns, rows, total, lang)

    def cell(value: object, column: Column):
        if isinstance(value, (list, Flowable)):
            return value
        return Paragraph(esc(value), whole_style if column.kind == "whole" else cell_style)

    data = [[Paragraph(esc(c.header), head_style) for c in columns]]
    data += [[cell(v, c) for v, c in zip(row, columns)] for row in rows]
    head = max(_height(c, w - 2 * PADDING) for c, w in zip(data[0], widths)) + 4
    first = (max(_height(c, w - 2 * PADDING) for c, w in zip(data[1], widths)) + 4
             if len(data) > 1 else 0.0)
    split_rows = any(
        max(_height(c, w - 2 * PADDING) for c, w in zip(row, widths)) + 4 + head > page_height
        for row in data[1:] if max(_most_height(c) for c in row) + 4 + head > page_height)
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1,
                  splitInRow=1 if split_rows else 0, hAlign="LEFT")
    table.lead_height = head + min(first, page_height / 5)  # what a heading must keep with
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table
