"""The briefings' fonts remember how a text splits into a document's subsets, and how
wide a text is (briefing/fonts.py): every split is the one reportlab's own TTFont gives,
text after text, in more than one document at a time, past the first subset of 256
characters; every width is reportlab's."""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from accountmap.briefing import fonts


def test_every_split_is_reportlabs_own():
    remembering = fonts._remembering_face()("Remembering", str(fonts.FONT_DIR / "DejaVuSans.ttf"))
    plain = TTFont("Plain", str(fonts.FONT_DIR / "DejaVuSans.ttf"))
    many = "".join(chr(c) for c in range(0x410, 0x450)) + "".join(chr(c) for c in range(0x100, 0x250))
    texts = ["Горбунов Виктор", "KAM", "Горбунов Виктор", "\xa0nbsp\u2022", many, "KAM",
             many[::-1], "Горбунов Виктор", "\U0001F600 no glyph", "\U0001F600 no glyph"]
    docs = [(PDFDocument(), PDFDocument()), (PDFDocument(), PDFDocument())]
    for text in texts:
        for ours, theirs in docs:  # two documents at once: each keeps its own subsets
            assert remembering.splitString(text, ours) == plain.splitString(text, theirs)
    ours, theirs = docs[0]
    assert remembering.state[ours].subsets == plain.state[theirs].subsets
    assert len(plain.state[theirs].subsets) > 1  # the texts filled more than one subset


def test_registered_fonts_remember_their_splits():
    fonts.register_fonts()
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(fonts.REGULAR)
    doc = PDFDocument()
    first = face.splitString("Обзор портфеля", doc)
    assert face.splitString("Обзор портфеля", doc) is first


def test_remembered_widths_are_reportlabs():
    fonts.register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text in ("Горбунов", "KAM", "", " ", "Горбунов"):
        for font in (fonts.REGULAR, fonts.BOLD):
            for size in (7.5, 9, 13):
                assert fonts.text_width(text, font, size) == stringWidth(text, font, size)
