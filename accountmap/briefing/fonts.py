"""DejaVu fonts for the briefings: registered once per process, embedded in every PDF.

reportlab's built-in Type 1 fonts have no Cyrillic, so every style uses DejaVu Sans. The
family is registered so that `<b>`/`<i>` in our own markup pick the right face.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


class FontsMissing(RuntimeError):
    """The DejaVu font files are not where the application ships them."""


def _remembering_face():
    """reportlab's TTFont that remembers how each text it was given splits into the
    document's font subsets. The split walks every character in Python, and a document
    gives the same texts again and again (a 1,000-deal review: its labels, headings,
    stations and bullets ~40,000 times, ~3,000 texts): a text's split never changes once
    its characters are in the document's subsets, which the first split puts them in."""
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTFont

    class RememberingTTFont(TTFont):
        def __init__(self, name: str, filename: str) -> None:
            super().__init__(name, filename)
            self._splits = WeakKeyDictionary()  # document -> {text: split}

        def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's
            try:
                splits = self._splits[doc]
            except KeyError:
                splits = self._splits[doc] = {}
            split = splits.get(text)
            if split is None:
                split = splits[text] = super().splitString(text, doc, encoding)
            return split

    return RememberingTTFont


def register_fonts() -> None:
    """Register the DejaVu family with reportlab (idempotent, thread-safe, cheap after once)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        face = _remembering_face()
        for name, file_name in _FILES.items():
            path = FONT_DIR / file_name
            if not path.is_file():
                raise FontsMissing(f"font file missing: {path}")
            pdfmetrics.registerFont(face(name, str(path)))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD,
                                      italic=ITALIC, boldItalic=BOLD_ITALIC)
        # Paragraph markup resolves <b>/<i> through these mappings.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered = True


@functools.lru_cache(maxsize=1 << 16)
def text_width(text: str, font: str, size: float) -> float:
    """reportlab's `stringWidth`, remembered: a review of 1,000 deals measures the same
    words and labels ~150,000 times (the faces never change once registered)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)
