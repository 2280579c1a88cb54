"""One flagged (or commented) deal's page of the portfolio review, drawn straight on the
canvas: the same words and look as the platypus version (`portfolio_review._deal_page`),
at a small part of its cost (a 1,000-deal review spent most of its time parsing and
wrapping Paragraphs and Tables). A page whose content does not fit (hostile lengths, a
hundred comments) is left to the platypus version, which flows over pages.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from accountmap.briefing.drawings import ACCENT, INK
from accountmap.briefing.fonts import BOLD, REGULAR, text_width
from accountmap.briefing.styles import SHADE

Token = tuple[str, str]  # (font, word)
Line = tuple[float, list[tuple[float, str, str]]]  # (indent, [(x, font, word)])


def _words(font: str, text: str) -> list[Token]:
    return [(font, w) for w in text.split()]


def wrap_tokens(tokens: list[Token], width: float, size: float) -> list[list[tuple[float, str, str]]]:
    """Greedy word wrap of words in their fonts; a word wider than the line is cut."""
    if tokens and len({font for font, _w in tokens}) == 1:  # one font: fits on one line?
        whole = " ".join(w for _f, w in tokens)
        if text_width(whole, tokens[0][0], size) <= width:
            return [[(0.0, tokens[0][0], whole)]]
    lines: list[list[tuple[float, str, str]]] = [[]]
    x = 0.0
    space = text_width(" ", REGULAR, size)
    for font, word in tokens:
        w = text_width(word, font, size)
        while w > width:  # cut a word longer than a line
            cut = len(word)
            while cut > 1 and text_width(word[:cut], font, size) > width - x:
                cut -= 1
            if x > 0 and cut <= 1:
                lines.append([])
                x = 0.0
                continue
            lines[-1].append((x, font, word[:cut]))
            lines.append([])
            x = 0.0
            word = word[cut:]
            w = text_width(word, font, size)
        if x > 0 and x + w > width:
            lines.append([])
            x = 0.0
        lines[-1].append((x, font, word))
        x += w + space
    return [_runs(line) for line in lines]


def _runs(line: list[tuple[float, str, str]]) -> list[tuple[float, str, str]]:
    """Neighbouring words of one font as one string (a space apart, as they were laid
    out): one drawString a run instead of one a word."""
    runs: list[tuple[float, str, str]] = []
    for x, font, word in line:
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0], font, runs[-1][2] + " " + word)
        else:
            runs.append((x, font, word))
    return runs


class DealPage(Flowable):
    """Blocks of text, headings, the facts box and the road's bar, laid out as they are
    added (`y` from the top) and drawn in `draw`."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.ops: list[tuple] = []  # laid-out drawing operations, y from the top
        self.y = 0.0

    # ------------------------------------------------------------------ building
    def gap(self, points: float) -> None:
        self.y += points

    def text(self, tokens: list[Token], size: float, leading: float, color=INK,
             indent: float = 0.0, bullet: str = "", bullet_indent: float = 0.0,
             after: float = 2.0) -> None:
        lines = wrap_tokens(tokens, self.width - indent, size) if tokens else [[]]
        for index, line in enumerate(lines):
            self.y += leading
            baseline = self.y - (leading - size) / 2 - size * 0.2
            if index == 0 and bullet:
                self.ops.append(("t", bullet_indent, baseline, REGULAR, size, color, bullet))
            for x, font, word in line:
                self.ops.append(("t", indent + x, baseline, font, size, color, word))
        self.y += after

    def heading(self, text: str) -> None:
        self.gap(10)
        self.text(_words(BOLD, text), 13, 16, ACCENT, after=5)

    def facts(self, pairs: list[tuple[str, str]], size: float = 7.5, leading: float = 9.2
              ) -> None:
        label_w = self.width * 0.12
        value_w = (self.width - 3 * label_w) / 3
        rows = [pairs[i:i + 3] for i in range(0, len(pairs), 3)]
        top = self.y
        for row in rows:
            cells = []
            height = leading
            for column, (label, value) in enumerate(row):
                x = column * (label_w + value_w)
                wrapped = wrap_tokens(_words(REGULAR, value), value_w - 8, size)
                cells.append((x, label, wrapped))
                height = max(height, leading * len(wrapped))
            for x, label, wrapped in cells:
                base = self.y + 2 + size
                self.ops.append(("t", x + 4, base, BOLD, size, INK, label))
                for number, line in enumerate(wrapped):
                    for lx, font, word in line:
                        self.ops.append(("t", x + label_w + 4 + lx, base + number * leading,
                                         font, size, INK, word))
            self.y += height + 5
        self.ops.insert(0, ("r", top, self.y - top))

    def bar(self, fraction: float, label: str, color_done, color_rest) -> None:
        """The road's progress bar (as portfolio_review.progress_bar draws it) and its
        words beside it, in bold 9 pt."""
        height, bar = 12.0, self.width * 0.4
        top = self.y + 2
        self.ops.append(("b", top, bar, height, color_rest, 1.0))
        if fraction > 0:
            self.ops.append(("b", top, bar, height, color_done, min(1.0, fraction)))
        self.ops.append(("t", bar + 8, top + 9, BOLD, 9, INK, label))
        self.y += height + 4 + 2

    # ------------------------------------------------------------------ platypus
    def wrap(self, available_width: float, available_height: float):  # noqa: D102
        return self.width, self.y

    def draw(self) -> None:
        """The shaded box and the bars first, then every word in one text object (one
        drawString a word built and flushed a text object each: a third of a 1,000-page
        report's drawing)."""
        canvas = self.canv
        top = self.y
        for op in self.ops:
            kind = op[0]
            if kind == "b":
                _kind, y, length, height, color, fraction = op
                canvas.setFillColor(color)
                canvas.rect(0, top - y - height, length * fraction, height, stroke=0, fill=1)
            elif kind == "r":  # the facts' shaded box
                _kind, y, height = op
                canvas.setFillColor(SHADE)
                canvas.rect(0, top - y - height, self.width, height, stroke=0, fill=1)
        text = canvas.beginText()
        current = None
        for op in self.ops:
            if op[0] != "t":
                continue
            _kind, x, y, font, size, color, word = op
            if current is None or current[:2] != (font, size):
                text.setFont(font, size)
            if current is None or current[2] is not color:
                text.setFillColor(color)
            current = (font, size, color)
            text.setTextOrigin(x, top - y)
            text.textOut(word)
        canvas.drawText(text)
