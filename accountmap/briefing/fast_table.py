"""A long table of short plain-text cells drawn straight on the canvas (the portfolio
review's one line per deal: 1,000 rows of Paragraphs in a platypus Table took seconds).

The same look as briefing/tables.build_table (header shaded and repeated on every page, a
rule under each row, 7.5 pt cells, the same column widths) without hyphenation; a row
moves whole to the next page. Cells are strings; a "\\n" starts a new line in a cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from accountmap.briefing.drawings import INK
from accountmap.briefing.fonts import BOLD, REGULAR
from accountmap.briefing.portfolio_deal_page import wrap_tokens
from accountmap.briefing.styles import MUTED, RULE, SHADE
from accountmap.briefing.tables import PADDING, Column, column_widths

SIZE, LEADING = 7.5, 9.2
TOP, BOTTOM = 1.5, 2.5


def _lines(text: str, font: str, width: float) -> list[list[tuple[float, str, str]]]:
    out: list[list[tuple[float, str, str]]] = []
    for part in text.split("\n"):
        out += wrap_tokens([(font, w) for w in part.split()], width, SIZE) or [[]]
    return out


class FastTable(Flowable):
    """`header`, `rows` of strings, `colors`: per row, a column -> colour of its text."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]], total: float,
                 lang: str, colors: Sequence[dict[int, object]] | None = None,
                 _laid: tuple | None = None) -> None:
        super().__init__()
        if _laid is not None:
            self.widths, self.head, self.laid = _laid
            return
        self.widths = column_widths([Column(h) for h in header], rows, total, lang)
        self.head = self._lay([str(h) for h in header], BOLD, {})
        colors = colors or [{} for _ in rows]
        self.laid = [self._lay([str(c) for c in row], REGULAR, color)
                     for row, color in zip(rows, colors)]

    def _lay(self, cells: Sequence[str], font: str, color: dict) -> tuple[float, list]:
        laid = [(_lines(text, font, w - 2 * PADDING), font, color.get(i, INK))
                for i, (text, w) in enumerate(zip(cells, self.widths))]
        height = max(len(lines) for lines, _f, _c in laid) * LEADING + TOP + BOTTOM
        return height, laid

    def wrap(self, available_width: float, available_height: float):  # noqa: D102
        self.width = sum(self.widths)
        self.height = self.head[0] + sum(h for h, _ in self.laid)
        return self.width, self.height

    def split(self, available_width: float, available_height: float):  # noqa: D102
        room = available_height - self.head[0]
        fit = 0
        for height, _ in self.laid:
            if room < height:
                break
            room -= height
            fit += 1
        if fit == 0 or fit == len(self.laid):
            return [] if fit == 0 else [self]
        return [FastTable((), (), 0, "", _laid=(self.widths, self.head, self.laid[:fit])),
                FastTable((), (), 0, "", _laid=(self.widths, self.head, self.laid[fit:]))]

    def draw(self) -> None:
        canvas = self.canv
        width = sum(self.widths)
        y = self.head[0] + sum(h for h, _ in self.laid)  # from the bottom up
        canvas.saveState()
        canvas.setFillColor(SHADE)
        canvas.rect(0, y - self.head[0], width, self.head[0], stroke=0, fill=1)
        for index, (height, cells) in enumerate([self.head, *self.laid]):
            x = 0.0
            for (lines, font, color), w in zip(cells, self.widths):
                canvas.setFont(font, SIZE)
                canvas.setFillColor(color)
                for number, line in enumerate(lines):
                    base = y - TOP - SIZE - number * LEADING + 0.6
                    for lx, run_font, run in line:
                        canvas.drawString(x + PADDING + lx, base, run)
                x += w
            y -= height
            canvas.setStrokeColor(MUTED if index == 0 else RULE)
            canvas.setLineWidth(0.8 if index == 0 else 0.4)
            canvas.line(0, y, width, y)
        canvas.restoreState()
