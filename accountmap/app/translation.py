"""Russian (and any other) UI translations from JSON catalogues.

`resources/translations/<lang>/*.json` hold `{"Context": {"Source text": "Перевод"}}`;
every file of the language is merged, so each part of the UI keeps its own file. A
QTranslator subclass answers Qt's `tr()`/`translate()` from them (no lrelease step).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"


def load_catalogue(lang: str) -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    folder = RESOURCES / "translations" / lang
    for path in sorted(folder.glob("*.json")):
        for context, entries in json.loads(path.read_text(encoding="utf-8")).items():
            catalogue.setdefault(context, {}).update(entries)
    return catalogue


class CatalogueTranslator(QTranslator):
    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.catalogue = load_catalogue(lang)

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401
        entries = self.catalogue.get(context)
        if entries is None:
            return None
        text = entries.get(source_text)
        if text is None:
            return None
        if n is not None and n >= 0:
            text = text.replace("%n", str(n))
        return text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.catalogue


def system_language() -> str:
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def number_locale(lang: str) -> QLocale:
    """How numbers read in the UI: the system's convention when it speaks the UI's language,
    else that language's own (148 500 000 in Russian, 148,500,000 in English)."""
    if system_language() == lang:
        return QLocale.system()
    if lang == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
